"""A case from the documents a writer receives: clinical PDFs, prior-authorization forms,
plain text and FHIR R4 bundles. Every fact names its page (and the text found there) or its
FHIR resource.

Structured parts are read without a model: typed form values by their printed labels, lab
tables row by row, ICD-10 codes, FHIR codings. Narrative notes go to the model in small
schema-constrained calls that only *select* numbered sentences and label them; the text of
a fact is always the sentence as found on the page, and a name the model gives must occur
in the sentence it cites, or the fact is dropped and listed. Identifiers the review does not
need (names, MRN, member id, addresses, phone numbers, DEA/NPI) are kept out of the case and
masked in the text it quotes, unless the writer asks to keep them; the case says which kinds
were left out, never their values.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pipeline.cases.citations import check_sources, fact_context, verify_sources
from pipeline.cases.facts import Draft, flat_name, same_name
from pipeline.cases.fhir import FhirFacts, read_bundle
from pipeline.cases.forms import from_text_patterns, from_typed_values
from pipeline.cases.identifiers import MASK, collect_identifiers, mask
from pipeline.cases.labs import from_lab_table
from pipeline.cases.narrative import is_narrative, read_narrative, sentences
from pipeline.cases.packet import (
    DOCUMENT_SUFFIXES,
    PacketPage,
    find_documents,
    is_bundle,
    read_document,
)
from pipeline.cases.prose import requested_from_headings
from pipeline.cases.vocabulary import icd10_for
from pipeline.errors import NecessityError
from pipeline.llm import LLMClient
from pipeline.models import Case, Diagnosis, FactSource, Intake, IntakeFile, Patient, Treatment
from pipeline.sources.parse import ParseError

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MASK",
    "IntakeError",
    "check_sources",
    "extract_case",
    "fact_context",
    "find_documents",
    "flat_name",
    "is_bundle",
    "mask",
    "same_name",
    "sentences",
    "verify_sources",
]
EXTRACTOR_VERSION = "intake-1"
log = logging.getLogger(__name__)


class IntakeError(NecessityError, ValueError):
    pass


@dataclass
class Progress:
    """How far an extraction is, for a progress line: pages read (of those found), pages
    read by OCR, pages unreadable, facts found so far."""

    pages_read: int = 0
    pages: int = 0
    ocr_pages: int = 0
    unreadable_pages: int = 0
    facts: int = 0
    stage: str = "reading"

    def line(self) -> str:
        return (
            f"{self.stage}: {self.pages_read}/{self.pages} pages read, {self.ocr_pages} by OCR"
            + (f", {self.unreadable_pages} unreadable" if self.unreadable_pages else "")
            + f", {self.facts} facts found"
        )


def extract_case(
    paths: list[Path],
    *,
    fhir: list[Path] | None = None,
    llm: LLMClient | None = None,
    case_id: str | None = None,
    keep_identifiers: bool = False,
    today: date | None = None,
    progress: Callable[[Progress], None] | None = None,
    model_slot: Callable[[], AbstractContextManager] | None = None,
) -> Case:
    """The case in the documents (and bundles) given; folders are searched for both.

    ``progress`` is called as pages are read and facts found (a web job's progress line);
    ``model_slot`` wraps each model call (a server passes its bounded queue's slot, so
    intake waits its turn with every other model call). A file or page that cannot be read
    is listed in the case's intake and the rest of the packet is used."""
    try:
        docs, bundles = find_documents(paths)
    except FileNotFoundError as exc:
        raise IntakeError(str(exc)) from exc
    bundles += [Path(b) for b in fhir or []]
    if not docs and not bundles:
        raise IntakeError("no documents found (PDF, text, or FHIR JSON bundle)")
    today = today or date.today()
    draft = Draft()
    files: list[IntakeFile] = []
    pages_by_doc: list[list[PacketPage]] = []
    state = Progress(pages=_page_count(docs))
    report = progress or (lambda _state: None)
    problems = []
    for doc in docs:
        try:
            pages = read_document(doc)
        except ParseError as exc:
            problems.append(f"{doc}: {exc}")
            draft.dropped.append(f"{doc.name}: not read ({exc}); the rest of the packet was")
            files.append(IntakeFile(file=doc.name, sha256=_sha(doc), problem=str(exc)))
            continue
        pages_by_doc.append(pages)
        files.append(_intake_file(doc, pages, draft))
        state.pages_read += len(pages)
        state.ocr_pages += sum(p.ocr is not None for p in pages)
        state.unreadable_pages += sum(p.unreadable is not None for p in pages)
        report(state)
    if problems and not pages_by_doc and not bundles:
        raise IntakeError("; ".join(problems))
    for bundle in bundles:
        facts = read_bundle(bundle, today)
        files.append(IntakeFile(file=bundle.name, sha256=_sha(bundle)))
        _from_fhir(facts, draft)
    # Identifiers first, so no later fact can carry one.
    for pages in pages_by_doc:
        for page in pages:
            collect_identifiers(page, draft)
    state.stage = "forms and tables"
    for pages in pages_by_doc:
        for page in pages:
            from_typed_values(page, draft, today)
            from_text_patterns(page, draft, today)
            from_lab_table(page, draft)
    state.facts = draft.count()
    report(state)
    state.stage = "notes"
    narrative = [[p for p in pages if is_narrative(p)] for pages in pages_by_doc]
    read_narrative([p for p in narrative if p], draft, llm, model_slot)
    requested_from_headings([pages[0] for pages in pages_by_doc if pages], draft)
    state.facts = draft.count()
    state.stage = "done"
    report(state)
    if keep_identifiers:
        draft.identifiers.clear()
        draft.withheld.clear()
    return _assemble(draft, files, docs, bundles, case_id, llm)


def _page_count(docs: list[Path]) -> int:
    """Pages to read, for the progress line (a text file is one page; a PDF pypdf cannot
    open counts as one, and is reported when it is read)."""
    from pypdf import PdfReader

    total = 0
    for doc in docs:
        try:
            total += len(PdfReader(str(doc)).pages) if doc.suffix.lower() == ".pdf" else 1
        except Exception:  # noqa: BLE001 read_document reports what is wrong with it
            total += 1
    return total


def _intake_file(doc: Path, pages: list[PacketPage], draft: Draft) -> IntakeFile:
    for page in pages:
        if page.unreadable:
            draft.dropped.append(f"{doc.name} p. {page.page}: unreadable ({page.unreadable})")
    return IntakeFile(
        file=doc.name,
        sha256=_sha(doc),
        pages=len(pages),
        ocr_pages={p.page: p.ocr for p in pages if p.ocr is not None},
        unreadable_pages={p.page: p.unreadable for p in pages if p.unreadable},
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- FHIR and assembly ---------------------------------------------------------------------


def _from_fhir(facts: FhirFacts, draft: Draft) -> None:
    """A bundle's facts, their text masked like a page's: a Condition's or a report's text
    can carry the patient's name, MRN, birth date, phone or address."""
    draft.identifiers |= facts.identifiers
    draft.withheld |= facts.withheld
    ids = draft.identifiers
    patient = facts.patient or FactSource(file="bundle", fhir="Patient")
    if facts.age is not None and draft.age is None:
        draft.age = (facts.age, patient)
    if facts.sex != "unknown" and draft.sex is None:
        draft.sex = (facts.sex, patient)
    for dx, src in facts.diagnoses:
        draft.add_diagnosis(dx.model_copy(update={"name": mask(dx.name, ids)}), src)
    for request, src in facts.requested[:1]:
        draft.drug = draft.drug or (mask(str(request["drug"]), ids), src)
        if request.get("dose"):
            draft.treatment.setdefault("dose", (mask(str(request["dose"]), ids), src))
    for therapy, src in facts.prior:
        update = {"name": mask(therapy.name, ids)}
        if therapy.response:
            update["response"] = mask(therapy.response, ids)
        draft.prior.append((therapy.model_copy(update=update), src))
    for text, src in facts.history:
        draft.add_history(mask(text, ids), src)


def _assemble(
    draft: Draft,
    files: list[IntakeFile],
    docs: list[Path],
    bundles: list[Path],
    case_id: str | None,
    llm: LLMClient | None,
) -> Case:
    sources: dict[str, FactSource] = {}
    draft.age = draft.age or draft.dob_age  # the age the record states, else from the DOB
    if draft.age:
        sources["patient"] = draft.age[1]
    elif draft.sex:
        sources["patient"] = draft.sex[1]
    diagnoses = []
    for i, (dx, src) in enumerate(draft.diagnoses):
        if not dx.icd10 and (code := icd10_for(dx.name)):  # the code the vocabulary gives
            dx = dx.model_copy(update={"icd10": code})
        diagnoses.append(dx)
        sources[f"diagnoses.{i}"] = src
    if not diagnoses:
        diagnoses = [Diagnosis(name="(not found in the packet: fill in)")]
        draft.dropped.append("no diagnosis found: fill in diagnoses before drafting")
    if draft.drug:
        drug, drug_src = draft.drug
        drug = drug.capitalize() if drug.isupper() and len(drug) > 4 else drug  # a heading's
    else:
        drug, drug_src = "(not found in the packet: fill in)", None
        draft.dropped.append("no requested drug found: fill in requested_treatment.drug")
    fields = {k: v[0] for k, v in draft.treatment.items()}
    try:
        treatment = Treatment(drug=drug, request_type=draft.request_type, **fields)
    except ValueError as exc:  # an implausible dose as typed: keep it as history instead
        dose = fields.pop("dose", "")
        draft.dropped.append(f"dose {dose!r} not kept as the dose: {exc}")
        treatment = Treatment(drug=drug, request_type=draft.request_type, **fields)
    if drug_src or draft.treatment:
        sources["requested_treatment"] = drug_src or next(iter(draft.treatment.values()))[1]
    history = []
    for i, (text, src) in enumerate(draft.history):
        history.append(text)
        sources[f"history.{i}"] = src
    prior = []
    for i, (therapy, src) in enumerate(draft.prior):
        prior.append(therapy)
        sources[f"prior_therapies.{i}"] = src
    name = case_id or _slug(_packet_name(docs or bundles))
    folder = _common_folder(docs + bundles)
    return Case(
        case_id=name,
        question=None,  # derived at review time, so a writer's fix to the case carries into it
        patient=Patient(
            age=draft.age[0] if draft.age else None,
            sex=draft.sex[0] if draft.sex else "unknown",
        ),
        diagnoses=diagnoses,
        requested_treatment=treatment,
        history=history,
        prior_therapies=prior,
        sources=sources,
        intake=Intake(
            extractor=EXTRACTOR_VERSION,
            model=getattr(llm, "model", None),
            folder=str(folder),
            files=files,
            dropped=draft.dropped,
            withheld=sorted(draft.withheld),
            flagged=draft.flagged,
        ),
    )


def _common_folder(files: list[Path]) -> Path:
    import os

    return Path(os.path.commonpath([str(f.resolve().parent) for f in files]))


def _packet_name(files: list[Path]) -> str:
    """The folder that holds the whole packet (its parent too when its name is short:
    cases/001/a → 001-a), or the one file's name."""
    if len(files) == 1:
        return files[0].stem
    common = _common_folder(files)
    return f"{common.parent.name}-{common.name}" if len(common.name) < 3 else common.name


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "case"
    stamp = datetime.now().strftime("%Y%m%d")
    return f"{slug[:60]}-{stamp}" if not slug[0].isalnum() else slug[:80]
