"""The one data model that flows through every stage. Review record v1 is ``Review`` dumped."""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.policy.models import PolicyDecision

Verdict = Literal["medically_necessary", "not_medically_necessary", "insufficient_information"]
Recommendation = Literal["approve", "deny", "send_to_peer_review"]
DocType = Literal["policy", "guideline", "research", "other"]

RECORD_VERSION = "2"  # 2: the policy worksheet (``policy``); version-1 records still load


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Document(BaseModel):
    source_id: str  # sha256 of the file's bytes
    file: str
    title: str
    publisher: str | None = None
    year: int | None = None
    doc_type: DocType = "other"
    pages: int = 0
    chunks: int = 0
    parser: str = ""
    flagged_chunks: int = 0
    # Who made this a policy that may decide verdicts: "--policy flag" or "metadata file",
    # with the time; None for a document only detected as policy-like.
    declared: str | None = None


class SearchFilters(BaseModel):
    """Which documents a search may draw on; empty fields admit everything."""

    doc_types: list[DocType] = Field(default_factory=list)
    publishers: list[str] = Field(default_factory=list)  # case-insensitive substring match
    year_min: int | None = None
    year_max: int | None = None

    def is_empty(self) -> bool:
        return not (self.doc_types or self.publishers or self.year_min or self.year_max)

    def admits(self, doc: Document) -> bool:
        if self.doc_types and doc.doc_type not in self.doc_types:
            return False
        publisher = (doc.publisher or "").lower()
        if self.publishers and not any(p.lower() in publisher for p in self.publishers):
            return False
        if self.year_min is not None and (doc.year is None or doc.year < self.year_min):
            return False
        return not (self.year_max is not None and (doc.year is None or doc.year > self.year_max))


class Page(BaseModel):
    index: int  # 0-based position in the PDF
    label: str  # printed page label where the PDF has one, else str(index + 1)
    text: str  # cleaned, whitespace-normalized: the text evidence must be found in
    headings: list[tuple[int, str]] = Field(default_factory=list)  # (char offset, heading)


class Chunk(BaseModel):
    id: str
    source_id: str
    file: str
    page: int  # 1-based
    page_label: str
    section: str | None
    start: int  # offsets into Page.text: the chunk is text[start:end], verbatim
    end: int
    text: str
    tokens: int
    flags: list[str] = Field(default_factory=list)  # instruction-like text (injection.py)


# --- cases -----------------------------------------------------------------------------


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Patient(StrictModel):
    age: int | None = Field(None, ge=0, le=120, description="years; null when not documented")
    sex: Literal["male", "female", "other", "unknown"] = "unknown"


class Diagnosis(StrictModel):
    name: str = Field(min_length=2)
    icd10: str | None = Field(None, pattern=r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")


_DOSE = re.compile(r"(\d+(?:\.\d+)?)\s*(g/kg|mg/kg|mcg/kg|g|mg|mcg)\b", re.I)
# Per-administration ceilings far above any real regimen: they catch unit slips (mg for g).
_DOSE_LIMITS = {
    "g": 500.0,
    "g/kg": 10.0,
    "mg": 100_000.0,
    "mg/kg": 10_000.0,
    "mcg": 1e7,
    "mcg/kg": 1e6,
}


class Treatment(StrictModel):
    drug: str = Field(min_length=2)
    dose: str | None = None
    route: str | None = None
    frequency: str | None = None
    duration: str | None = None
    request_type: Literal["initial", "continuation"] = "initial"

    @field_validator("dose")
    @classmethod
    def _plausible_dose(cls, value: str | None) -> str | None:
        if value is None:
            return value
        for number, unit in _DOSE.findall(value):
            limit = _DOSE_LIMITS[unit.lower()]
            if float(number) <= 0 or float(number) > limit:
                raise ValueError(
                    f"dose {number} {unit} is implausible (expected more than 0 and at most "
                    f"{limit:g} {unit}); check the units"
                )
        return value


class PriorTherapy(StrictModel):
    name: str
    response: str | None = None


class Payer(StrictModel):
    name: str | None = None
    policy: str | None = None


class FactSource(StrictModel):
    """Where a case fact came from: a page of a packet document (with the text found there,
    identifiers masked) or a field typed into it, or a FHIR resource."""

    file: str
    page: int | None = None  # 1-based
    quote: str | None = None
    field: str | None = None  # the printed label (or field name) of a typed value
    fhir: str | None = None  # ResourceType/id
    ocr: float | None = None  # read by OCR (its page's confidence, 0..1): the writer checks it


class IntakeFile(StrictModel):
    file: str
    sha256: str
    pages: int = 0
    ocr_pages: dict[int, float] = Field(default_factory=dict)  # page → OCR confidence
    unreadable_pages: dict[int, str] = Field(default_factory=dict)  # page → why, rest used
    problem: str | None = None  # the whole file could not be read (the packet's rest was)


class Intake(StrictModel):
    """How a case was extracted from its packet, and what was left out."""

    extractor: str
    model: str | None = None
    folder: str | None = None  # where the packet's files are on this machine
    files: list[IntakeFile] = Field(default_factory=list)
    dropped: list[str] = Field(default_factory=list)  # facts not found where they were cited
    withheld: list[str] = Field(default_factory=list)  # kinds of identifiers, never values
    flagged: list[str] = Field(default_factory=list)  # instruction-like text: data, not facts


class Case(StrictModel):
    case_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")
    question: str | None = None
    patient: Patient
    diagnoses: list[Diagnosis] = Field(min_length=1)
    requested_treatment: Treatment
    history: list[str] = Field(default_factory=list)
    prior_therapies: list[PriorTherapy] = Field(default_factory=list)
    payer: Payer = Field(default_factory=Payer)
    notes: str | None = None
    # "diagnoses.0", "history.3", "requested_treatment", "patient": where each came from
    sources: dict[str, FactSource] = Field(default_factory=dict)
    intake: Intake | None = None

    @field_validator("history", mode="before")
    @classmethod
    def _history_as_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class CaseFact(BaseModel):
    """A line of the case record the draft may cite (ids F1, F2, ...)."""

    id: str
    text: str
    source: FactSource | None = None


# --- reviews ---------------------------------------------------------------------------


class Evidence(BaseModel):
    """One citable sentence: id E3.2 is sentence 2 of passage E3 (a retrieved chunk)."""

    id: str  # shown to the model: E3.2
    chunk_id: str
    source_id: str
    file: str
    page: int  # 1-based
    page_label: str | None = None
    section: str | None = None
    title: str | None = None
    text: str  # verbatim from that page
    sha256: str = ""
    score: float | None = None
    flags: list[str] = Field(default_factory=list)
    passage: str | None = None  # E3
    # what a pronoun in it stands for ("their use": the classes the sentence before names)
    refers: str = ""

    def model_post_init(self, __context: object) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)


class Statement(BaseModel):
    text: str
    # Compose mode: the text is a source sentence (or case fact, or policy criterion)
    # verbatim, and this names where it comes from ("<document>, p. 5").
    attribution: str | None = None
    # A sentence a writer typed (web edit): their words, shown and exported as theirs and
    # never as a quote of the source it cites.
    written_by: str | None = None
    citations: list[str] = Field(default_factory=list)
    quote: str | None = None  # shortest verbatim quote from the cited sentence(s)
    quote_origin: Literal["model", "extracted"] | None = None
    model_quote: str | None = None  # what the model wrote as its quote, kept as evidence
    repaired_from: list[str] = Field(default_factory=list)  # citations before repair
    supported: bool = False
    support_score: float | None = None
    problems: list[str] = Field(default_factory=list)


class Section(BaseModel):
    key: str
    heading: str
    statements: list[Statement] = Field(default_factory=list)


class Criterion(BaseModel):
    """A coverage criterion found in the sources and judged against the case."""

    text: str
    kind: Literal["required", "exclusion"]
    status: Literal["met", "not_met", "not_documented"]
    sources: list[str] = Field(default_factory=list)  # sentence ids stating the criterion
    facts: list[str] = Field(default_factory=list)  # case facts the judgment rests on
    valid: bool = False
    support_score: float | None = None
    problems: list[str] = Field(default_factory=list)
    repaired_from: list[str] = Field(default_factory=list)


class Reference(BaseModel):
    n: int
    source_id: str
    title: str
    publisher: str | None = None
    year: int | None = None
    file: str
    pages: list[int] = Field(default_factory=list)


class DroppedStatement(BaseModel):
    """A statement that stayed unsupported after the repair round, kept for the record."""

    section: str
    text: str
    citations: list[str] = Field(default_factory=list)
    quote: str | None = None
    support_score: float | None = None
    problems: list[str] = Field(default_factory=list)


class Validation(BaseModel):
    citations: int = 0
    resolved: int = 0
    supported_statements: int = 0
    unsupported_statements: int = 0
    evidence_checked: int = 0
    evidence_verbatim: int = 0
    quotes: int = 0  # quotes the model wrote
    quotes_verbatim: int = 0  # of those, found verbatim in the cited text
    quotes_extracted: int = 0  # quotes taken from the cited sentence by the validator
    repaired_citations: int = 0
    valid_criteria: int = 0
    judge: str = ""
    problems: list[str] = Field(default_factory=list)
    # Unsupported after repair: out of the review's sections, counted as unsupported.
    dropped: list[DroppedStatement] = Field(default_factory=list)


class Provenance(BaseModel):
    model: str
    endpoint: str
    prompt_version: str
    embedder: str
    store: str
    created_at: str
    necessity_version: str = ""
    retrieval: dict = Field(default_factory=dict)
    queries: list[str] = Field(default_factory=list)
    passages: list[dict] = Field(default_factory=list)  # id, chunk_id, sha256
    llm_seconds: float | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    llm_prompt_seconds: float | None = None  # time to first token, where the server says
    llm_decode_tokens_per_s: float | None = None
    model_verdict: str | None = None  # what the model proposed, before the rules
    flagged_passages: list[dict] = Field(default_factory=list)  # id, flags
    remote_endpoint: bool = False
    seconds: float | None = None  # the whole review, policy to validation
    llm_calls: int | None = None  # criterion judgments + drafting calls
    # Where the time went: calls, prompt/completion tokens and model seconds over all
    # calls, and seconds per stage (policy_s, retrieve_s, draft_s, validate_s).
    breakdown: dict[str, float] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)  # e.g. why a fallback was used


class GuidelinePosition(BaseModel):
    """Where the guidelines put the requested drug for this condition, read from their
    recommendation sentences by code (issue 26). Shown under the verdict; never decides it:
    the payer policy's worksheet does."""

    stance: Literal["supports", "prefers_other", "not_recommended", "silent"]
    summary: str
    citations: list[str] = Field(default_factory=list)  # evidence ids of the sentences read
    preferred: list[str] = Field(default_factory=list)  # therapies put first, not yet tried
    method: str = "rules"


class Review(BaseModel):
    record_version: str = RECORD_VERSION
    status: Literal["draft", "approved", "final"] = "draft"  # approved: by a writer (web)
    case_id: str
    question: str | None = None
    headline: str = ""
    verdict: Verdict
    recommendation: Recommendation
    sections: list[Section]
    documentation_to_request: list[str] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)  # named by the sources; never decide
    policy: PolicyDecision | None = None  # the payer policy's worksheet: what decides
    guideline_position: GuidelinePosition | None = None  # the guidelines' stance; never decides
    verdict_rule: str = ""
    case_facts: list[CaseFact] = Field(default_factory=list)
    intake: Intake | None = None  # the packet the case came from, when it came from one
    evidence: list[Evidence]
    references: list[Reference]
    validation: Validation
    provenance: Provenance
