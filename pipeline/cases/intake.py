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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pipeline.cases.fhir import FhirFacts, read_bundle
from pipeline.cases.packet import FormValue, PacketPage, read_document
from pipeline.draft.llm import LLMClient, LLMError
from pipeline.draft.prompts import load_prompt
from pipeline.errors import NecessityError
from pipeline.folders import files_within
from pipeline.models import (
    Case,
    Diagnosis,
    FactSource,
    Intake,
    IntakeFile,
    Patient,
    PriorTherapy,
    Treatment,
)
from pipeline.sources.parse import ParseError, normalize

EXTRACTOR_VERSION = "intake-1"
PROMPT = "case-extract@1"
MASK = "[withheld]"
DOCUMENT_SUFFIXES = {".pdf", ".txt", ".md", ".text"}
MAX_SENTENCES = 60  # per model call: a small model loses track of longer lists
log = logging.getLogger(__name__)


class IntakeError(NecessityError, ValueError):
    pass


# --- what a label asks for -------------------------------------------------------------

_IDENTIFIER_KINDS = [
    (re.compile(r"birth|\bdob\b"), "date of birth (age kept)"),
    (re.compile(r"phone|\bfax\b|e-?mail"), "phone, fax or email"),
    (re.compile(r"address|street|\bcity\b|\bstate\b|\bzip\b|postal"), "address"),
    (
        re.compile(r"\bid\b|\bmrn\b|member|insurance|\bnpi\b|\bdea\b|\btin\b|ssn|group|policy #"),
        "identifiers (member id, MRN, NPI, DEA/TIN)",
    ),
    (re.compile(r"signature|contact person|(?<!drug )(?<!medication )\bname\b"), "names"),
]
_CLINICAL = [
    ("prior", re.compile(r"^drug name|^medication name.*dates|dates taken|previous|prior")),
    ("diagnosis", re.compile(r"diagnos")),
    ("icd", re.compile(r"\bicd")),
    ("request", re.compile(r"medication|drug|product|requested")),
    ("dose", re.compile(r"strength|\bdose|dosage|directions|\bsig\b")),
    ("frequency", re.compile(r"frequency")),
    ("route", re.compile(r"route")),
    ("duration", re.compile(r"duration|length of therapy")),
    ("specialty", re.compile(r"specialty")),
]
_ICD10 = re.compile(r"\b([A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4})\b")
_AGE = re.compile(r"\b(\d{1,3})\s*(?:yo\b|y/o\b|-year-old|year-old|years? old)", re.I)
_SEX = re.compile(r"\b(?:sex|gender)\s*:\s*(male|female|m|f)\b", re.I)
_DATE = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})\b")
_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b")
_MRN = re.compile(r"\b(?:MRN|Member ID|Patient ID)\s*#?:?\s*([A-Z0-9-]{4,})", re.I)
_DOB = re.compile(
    r"\b(?:DOB|Date of Birth|Birth ?date)\s*:?\s*(\d{1,4}[/-]\d{1,2}[/-]\d{1,4})", re.I
)
# A safety net under the labelled identifiers: street addresses, state + ZIP, long numbers.
_ADDRESS = re.compile(
    r"\b\d{1,6} (?:[NSEW]\.? )?(?:[A-Z][a-z]+ ){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place)\b\.?"
)
_STATE_ZIP = re.compile(r"\b[A-Z]{2},? \d{5}(?:-\d{4})?\b")
_LONG_NUMBER = re.compile(r"(?<![\d,.])\d{6,}(?![\d,.])")
_LAB_ROW = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z0-9 ,()/'&-]{1,70}?)\s+"
    r"(?P<value>[<>]?\d[\d,]*(?:\.\d+)?\s*(?:%|[A-Za-zµμ/]+[0-9A-Za-zµμ/]*)?|Positive|Negative)"
    r"(?:\s+(?P<rest>.*))?$"
)
_NARRATIVE_HEADS = re.compile(
    r"\b(assessment|impression|plan|findings|history of present illness|hpi)\b", re.I
)


def _key(label: str) -> str:
    return " ".join(label.lower().replace("*", " ").split())


def identifier_kind(label: str) -> str | None:
    """What kind of identifier a label asks for, if any. Labels split mid-word by the PDF
    ("Physician Na me") are read with their spaces removed too."""
    key = _key(label)
    compact = key.replace(" ", "")
    if re.search(r"(?<!drug )(?<!medication )(?<!product )\bname\b", key):
        return "names"  # "Member Name / Provider Name": names, whatever else it says
    for pattern, kind in _IDENTIFIER_KINDS:
        if pattern.search(key):
            return kind
    if compact.endswith("name") and not re.search(r"(drug|medication|product)name$", compact):
        return "names"
    if re.search(r"birth|phone|address", compact):
        return identifier_kind(re.sub(r"(birth|phone|address)", r" \1 ", compact))
    return None


def clinical_kind(label: str) -> str | None:
    key = _key(label).replace(" ", "")
    spaced = _key(label)
    for kind, pattern in _CLINICAL:
        if pattern.search(spaced) or pattern.search(key):
            return kind
    return None


# --- the extraction --------------------------------------------------------------------


@dataclass
class _Draft:
    """The case as it is assembled, fact by fact, each with its source."""

    age: tuple[int, FactSource] | None = None
    dob_age: tuple[int, FactSource] | None = None  # only when no age is written anywhere
    sex: tuple[str, FactSource] | None = None
    diagnoses: list[tuple[Diagnosis, FactSource]] = field(default_factory=list)
    drug: tuple[str, FactSource] | None = None
    treatment: dict[str, tuple[str, FactSource]] = field(default_factory=dict)
    prior: list[tuple[PriorTherapy, FactSource]] = field(default_factory=list)
    history: list[tuple[str, FactSource]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    withheld: set[str] = field(default_factory=set)
    identifiers: set[str] = field(default_factory=set)
    request_type: str = "initial"

    def add_diagnosis(self, dx: Diagnosis, src: FactSource) -> None:
        codes = {d.icd10 for d, _ in self.diagnoses if d.icd10}
        if any(same_name(dx.name, d.name) for d, _ in self.diagnoses) or (
            dx.icd10 and dx.icd10 in codes
        ):
            return
        self.diagnoses.append((dx, src))

    def add_history(self, text: str, src: FactSource) -> None:
        if text and text not in {h for h, _ in self.history}:
            self.history.append((text, src))


def find_documents(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(documents, FHIR bundles) named or found in folders, in a stable order. In a folder,
    a JSON file that is not a FHIR Bundle is not part of the packet (a note of it is logged)."""
    docs, bundles = [], []
    for path in map(Path, paths):
        if not path.exists():
            raise IntakeError(f"{path}: no such file or folder")
        found = files_within(path) if path.is_dir() else [path]  # no link out of the folder
        for file in found:
            suffix = file.suffix.lower()
            if suffix == ".json":
                if path.is_dir() and not is_bundle(file):
                    log.info("%s: JSON but not a FHIR Bundle; not read", file.name)
                    continue
                bundles.append(file)
            elif suffix in DOCUMENT_SUFFIXES:
                docs.append(file)
    return docs, bundles


def is_bundle(path: Path) -> bool:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("resourceType") == "Bundle"


def extract_case(
    paths: list[Path],
    *,
    fhir: list[Path] | None = None,
    llm: LLMClient | None = None,
    case_id: str | None = None,
    keep_identifiers: bool = False,
    today: date | None = None,
) -> Case:
    """The case in the documents (and bundles) given; folders are searched for both."""
    docs, bundles = find_documents(paths)
    bundles += [Path(b) for b in fhir or []]
    if not docs and not bundles:
        raise IntakeError("no documents found (PDF, text, or FHIR JSON bundle)")
    today = today or date.today()
    draft = _Draft()
    files: list[IntakeFile] = []
    pages_by_doc: list[list[PacketPage]] = []
    for doc in docs:
        try:
            pages = read_document(doc)
        except ParseError as exc:
            raise IntakeError(f"{doc}: {exc}") from exc
        pages_by_doc.append(pages)
        files.append(IntakeFile(file=doc.name, sha256=_sha(doc), pages=len(pages)))
    for bundle in bundles:
        facts = read_bundle(bundle, today)
        files.append(IntakeFile(file=bundle.name, sha256=_sha(bundle)))
        _from_fhir(facts, draft)
    # Identifiers first, so no later fact can carry one.
    for pages in pages_by_doc:
        for page in pages:
            _collect_identifiers(page, draft)
    for pages in pages_by_doc:
        for page in pages:
            _from_typed_values(page, draft, today)
            _from_text_patterns(page, draft, today)
            _from_lab_table(page, draft)
    narrative = [(pages[0].file, [p for p in pages if _is_narrative(p)]) for pages in pages_by_doc]
    for _file, pages in narrative:
        if not pages:
            continue
        if llm is not None:
            _from_narrative_with_model(pages, draft, llm)
        else:
            _from_narrative_sections(pages, draft)
    if keep_identifiers:
        draft.identifiers.clear()
        draft.withheld.clear()
    return _assemble(draft, files, docs, bundles, case_id, llm)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- identifiers ------------------------------------------------------------------------


def _collect_identifiers(page: PacketPage, draft: _Draft) -> None:
    for value in page.values:
        kind = identifier_kind(value.label)
        if kind and clinical_kind(value.label) not in {"prior", "request"}:
            draft.withheld.add(kind)
            draft.identifiers.update(_identifier_parts(value.value, kind))
    for match in _MRN.finditer(page.text):
        draft.identifiers.add(match.group(1))
        draft.withheld.add("identifiers (member id, MRN, NPI, DEA/TIN)")
    for match in _DOB.finditer(page.text):
        draft.identifiers.add(match.group(1))
        draft.withheld.add("date of birth (age kept)")
    if _PHONE.search(page.text):
        draft.withheld.add("phone, fax or email")


_TITLE_BEFORE = re.compile(r"\b(?:Dr|Doctor)\.?\s+((?:[A-Z][\w'-]+\s?){1,3})")
_TITLE_AFTER = re.compile(r"((?:[A-Z][\w'-]+\s?){1,3}),?\s*(?:MD|DO|NP|PA|RN|PhD)\b\.?")


def _identifier_parts(value: str, kind: str) -> set[str]:
    """What to mask for an identifier value. A clinician's name ("Dr. Lennox", "Shiva
    Pedram, MD") is masked as written with its title and as a whole, not word by word (a
    surname can also name a syndrome); any other name word by word too."""
    parts = {value.strip()}
    if kind == "names":
        rest = value
        for pattern in (_TITLE_BEFORE, _TITLE_AFTER):
            for match in pattern.finditer(value):
                name = match.group(1).strip()
                surname = name.split()[-1]
                parts |= {match.group(0).strip(), f"Dr. {surname}", f"Dr {surname}"}
                if len(name.split()) > 1:  # a full name alone; one word alone is too common
                    parts.add(name)
                rest = rest.replace(match.group(0), " ")
        words = [w.strip(".,") for w in rest.split()]
        words = [w for w in words if len(w) > 2 and w[0].isupper() and w not in {"Mom", "Dad"}]
        parts |= set(words)
        if words:
            parts.add(" ".join(words))
    return {p for p in parts if len(p) >= 2}


def mask(text: str, identifiers: set[str]) -> str:
    """The text with every identifier replaced by ``[withheld]``, and anything shaped like
    a phone number, street address, state and ZIP, or record number. A name is masked as a
    word of its own, not inside a hyphenated term (Dr. Lennox, not Lennox-Gastaut)."""
    for value in sorted(identifiers, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", MASK, text)
    for pattern in (_PHONE, _ADDRESS, _STATE_ZIP, _LONG_NUMBER):
        text = pattern.sub(MASK, text)
    return text


# --- structured parts ---------------------------------------------------------------------


def _source(page: PacketPage, quote: str | None = None, label: str | None = None) -> FactSource:
    return FactSource(file=Path(page.file).name, page=page.page, quote=quote, field=label)


def _from_typed_values(page: PacketPage, draft: _Draft, today: date) -> None:
    prior_rows: dict[float, list[FormValue]] = {}
    for value in page.values:
        kind = clinical_kind(value.label)
        if identifier_kind(value.label) and kind not in {"prior", "request"}:
            if "birth" in value.label.lower() and draft.dob_age is None:
                age = _age_from_date(value.value, today)
                if age is not None:
                    draft.dob_age = (age, _source(page, None, value.label))
            continue
        text = mask(value.value, draft.identifiers)
        src = _source(page, text, value.label)
        if kind == "prior":
            row_key = value.y if value.kind == "text" else round(value.y / 6)
            prior_rows.setdefault(row_key, []).append(value)
        elif kind == "diagnosis":
            for name in re.split(r";|\n", text):
                name = name.strip(" .")
                if len(name) >= 2:
                    code = _ICD10.search(name)
                    clean = _ICD10.sub("", name).strip(" ()-,") or name
                    draft.add_diagnosis(Diagnosis(name=clean, icd10=code and code.group(1)), src)
        elif kind == "icd":
            for code in _ICD10.findall(text):
                draft.add_diagnosis(Diagnosis(name=f"Diagnosis code {code}", icd10=code), src)
        elif kind == "request":
            drug, dose = _split_drug(text)
            if drug and draft.drug is None:
                draft.drug = (drug, src)
            if dose:
                draft.treatment.setdefault("dose", (dose, src))
        elif kind == "dose" and "dose" in draft.treatment:  # strength, then directions
            before, first = draft.treatment["dose"]
            if text not in before:
                draft.treatment["dose"] = (f"{before}; {text}", first)
        elif kind in {"dose", "frequency", "route", "duration"}:
            draft.treatment.setdefault(kind, (text, src))
        elif kind == "specialty":
            draft.add_history(f"Requesting physician specialty: {text}.", src)
        elif len(text) >= 3 and value.label and value.kind != "text":
            # Typed in by a person; a printed form's other text is mostly instructions.
            draft.add_history(f"{value.label}: {text}", src)
        if re.search(r"continu|renew|re-?auth", _key(value.label)) and re.search(
            r"\byes\b", text, re.I
        ):
            draft.request_type = "continuation"
    for row in prior_rows.values():
        row = sorted(row, key=lambda v: v.x)
        named = [v for v in row if re.search(r"medica|drug|name", _key(v.label).replace(" ", ""))]
        if row[0].kind == "text" and not named:
            continue  # a wrapped line of the row above, not a therapy of its own
        first = named[0] if named else row[0]
        row = [first] + [v for v in row if v is not first]
        cells = [mask(v.value, draft.identifiers) for v in row]
        name, rest = cells[0], cells[1:]
        src = _source(page, " | ".join(cells), row[0].label)
        draft.prior.append((PriorTherapy(name=name, response="; ".join(rest) or None), src))


def _split_drug(text: str) -> tuple[str | None, str | None]:
    """ "Adalimumab 40 mg every other week" → (Adalimumab, 40 mg every other week); a value
    that starts with a number is a dose only."""
    match = re.match(r"^([A-Za-z][A-Za-z() /-]{1,60}?)\s+(\d.*)$", text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    if re.match(r"^\d", text):
        return None, text
    return text.strip() or None, None


def _age_from_date(text: str, today: date) -> int | None:
    match = _DATE.search(text)
    if not match:
        return None
    month, day, year = (int(x) for x in match.groups())
    year += 2000 if year < 100 and year <= today.year % 100 else (1900 if year < 100 else 0)
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age if 0 <= age <= 120 else None


def _from_text_patterns(page: PacketPage, draft: _Draft, today: date) -> None:
    text = page.text
    if draft.age is None and (match := _AGE.search(text)):
        draft.age = (int(match.group(1)), _source(page, match.group(0)))
    if draft.sex is None and (match := _SEX.search(text)):
        sex = {"m": "male", "f": "female"}.get(match.group(1).lower(), match.group(1).lower())
        draft.sex = (sex, _source(page, match.group(0)))
    for match in _ICD10.finditer(text):
        code = match.group(1)
        before = re.split(r"[.;:,(\[]", text[max(0, match.start() - 80) : match.start()])[-1]
        name = before.strip(" -") or f"Diagnosis code {code}"
        quote = text[match.start() - len(before) : match.end()].strip()
        draft.add_diagnosis(Diagnosis(name=name, icd10=code), _source(page, quote))


def lab_rows(page: PacketPage) -> list[str]:
    """Rows of a results table: a name, then a value (and unit, range). A page with fewer
    than three such rows is not a table."""
    rows = [r for r in page.rows if _is_lab_row(r)]
    return rows if len(rows) >= 3 else []


def _is_lab_row(row: str) -> bool:
    """A result: a short capitalized name, then a value with a unit or a reference range
    ("Boston MA 02108" and a form's "call 1-800-..." are not)."""
    match = _LAB_ROW.match(row)
    if not match or len(row) > 200 or _PHONE.search(row):
        return False
    name = match.group("name")
    if not name[0].isupper() or len(name.split()) > 6:
        return False
    value, rest = match.group("value"), match.group("rest") or ""
    has_unit = bool(re.search(r"[%a-zA-Zµμ]", value)) or value in {"Positive", "Negative"}
    has_range = bool(re.search(r"\d\s*-\s*\d|[<>]\s*\d|\d", rest))
    return has_unit or has_range


def _from_lab_table(page: PacketPage, draft: _Draft) -> None:
    for row in lab_rows(page):
        text = mask(row, draft.identifiers)
        if MASK in text:
            continue  # a row of identifiers, not a result
        draft.add_history(f"Lab: {text}.", _source(page, text))


def _is_narrative(page: PacketPage) -> bool:
    return not page.values and not lab_rows(page) and len(page.text) > 40


# --- narrative: the model selects sentences, the code quotes them ------------------------


_BREAK = re.compile(
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!Mrs\.)(?<!\bSt\.)(?<!\bvs\.)(?<!e\.g\.)(?<!i\.e\.)"
    r"(?<=[.!?])\s+(?=[A-Z#(])"  # sentence ends (not after Dr., e.g. ...)
    r"|\s+-\s+(?=[A-Z])"  # list items: " - Continue ..."
    r"|\s+(?=#[A-Za-z])"  # problem-list items: "#Anemia"
    r"|(?<=[a-z])\s+(?=(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+:\s)"  # "... note Assessment: "
)


def sentences(text: str) -> list[str]:
    """Sentences and list items of a page, each a span of the page text as found there. A
    piece too short to stand alone ("Plan:") runs on into the next one."""
    spans, at = [], 0
    for match in _BREAK.finditer(text):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    out: list[str] = []
    carry: int | None = None
    for begin, end in spans:
        begin = carry if carry is not None else begin
        piece = text[begin:end].strip(" -")
        if len(piece) < 12:
            carry = begin if piece else None
            continue
        carry = None
        while len(piece) > 300:  # a run-on line: cut at a word near 300 characters
            cut = piece.rfind(" ", 0, 300)
            cut = cut if cut > 100 else 300
            out.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        out.append(piece)
    return out


def _numbered(pages: list[PacketPage]) -> list[tuple[str, PacketPage]]:
    return [(s, page) for page in pages for s in sentences(page.text)]


def flat_name(text: str) -> str:
    """Lower case, letters and digits only: "Crohn’s Disease" and "Crohn's disease" agree."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'").replace("'", "")).strip()


def _contains(sentence: str, name: str) -> bool:
    return bool(flat_name(name)) and f" {flat_name(name)} " in f" {flat_name(sentence)} "


def _is_name(name: str) -> bool:
    """A drug or condition name, not a sentence the model copied into the name field, nor a
    finding ("Segmental strictures observed")."""
    return (
        2 <= len(name) <= 60
        and len(name.split()) <= 6
        and ":" not in name
        and not _FINDING.search(name)
    )


def same_name(a: str, b: str, ratio: float = 0.9) -> bool:
    """One name holds the other, or they differ by a slip ("Lennox-Gustaut"/"-Gastaut"):
    their letters agree to ``ratio`` or more."""
    from difflib import SequenceMatcher

    fa, fb = flat_name(a), flat_name(b)
    if not fa or not fb:
        return False
    if f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
        return True
    return SequenceMatcher(None, fa, fb).ratio() >= ratio


_FINDING = re.compile(r"\b(observed|present|noted|seen|found|shown|demonstrated)\.?$", re.I)
# What a sentence about a therapy the patient had says: a dose, a schedule, a verb of taking.
_THERAPY_CUE = re.compile(
    r"\b(\d+\s*(mg|mcg|g|ml|units?)\b|daily|weekly|monthly|twice|dose|tablet|injection|"
    r"infusion|therap|treat|trial|tried|took|taking|start|continu|discontinu|stopp|fail|"
    r"receiv|regimen|diet|medication|drug|course)",
    re.I,
)


def _from_narrative_with_model(pages: list[PacketPage], draft: _Draft, llm: LLMClient) -> None:
    prompt = load_prompt(PROMPT)
    items = _numbered(pages)
    for start in range(0, len(items), MAX_SENTENCES):
        batch = items[start : start + MAX_SENTENCES]
        listing = "\n".join(
            f"S{i}: {mask(s, draft.identifiers)}" for i, (s, _) in enumerate(batch, 1)
        )
        messages = prompt.render(sentences=listing, document=Path(pages[0].file).name)
        try:
            data = llm.complete_json(messages, EXTRACT_SCHEMA, "case_extract").data
        except LLMError as exc:
            draft.dropped.append(f"{Path(pages[0].file).name}: the model failed ({exc})")
            _from_narrative_sections(pages, draft)
            continue
        _apply_selection(data, batch, draft)


def _pick(batch: list[tuple[str, PacketPage]], n: object) -> tuple[str, PacketPage] | None:
    return batch[n - 1] if isinstance(n, int) and 1 <= n <= len(batch) else None


def _apply_selection(data: dict, batch: list[tuple[str, PacketPage]], draft: _Draft) -> None:
    """The model's labels, each tied to a sentence that states it. A name must occur in the
    sentence the model cites or, failing that, in another sentence of the document (the
    code finds where it is stated); otherwise it is dropped and listed."""

    def stated(name: str, n: object, what: str) -> tuple[str, FactSource] | None:
        if not _is_name(name):
            draft.dropped.append(f"{what} {name[:60]!r}: not a name")
            return None
        picked = _pick(batch, n)
        if picked is None or not _contains(picked[0], name):
            picked = next(((s, p) for s, p in batch if _contains(s, name)), None)
        if picked is None:
            draft.dropped.append(f"{what} {name!r}: the document does not say it")
            return None
        text = mask(picked[0], draft.identifiers)
        return text, _source(picked[1], text)

    prior_names = [t.name for t, _ in draft.prior]
    for item in data.get("prior_therapies") or []:
        name = (item.get("name") or "").strip()
        if name and (found := stated(name, item.get("sentence"), "prior therapy")):
            if not _THERAPY_CUE.search(found[0]):
                draft.dropped.append(f"prior therapy {name!r}: its sentence names no therapy")
            elif not any(same_name(name, known) for known in prior_names):
                draft.prior.append((PriorTherapy(name=name, response=found[0]), found[1]))
                prior_names.append(name)
    drug = data.get("requested_drug") or {}
    name = (drug.get("name") or "").strip()
    if name and draft.drug is None and (found := stated(name, drug.get("sentence"), "drug")):
        if any(same_name(p, name) for p in prior_names):
            draft.dropped.append(f"requested drug {name!r}: the packet lists it as a prior therapy")
        else:
            draft.drug = (name, found[1])
    for item in data.get("diagnoses") or []:
        name = (item.get("name") or "").strip()
        if name and (found := stated(name, item.get("sentence"), "diagnosis")):
            draft.add_diagnosis(Diagnosis(name=name), found[1])
    for n in data.get("findings") or []:
        picked = _pick(batch, n)
        if picked is not None:
            text = mask(picked[0], draft.identifiers)
            draft.add_history(text, _source(picked[1], text))


def _from_narrative_sections(pages: list[PacketPage], draft: _Draft) -> None:
    """Without a model: the sentences under assessment / plan / impression / findings."""
    for page in pages:
        keep = False
        for sentence in sentences(page.text):
            if _NARRATIVE_HEADS.search(sentence[:40]):
                keep = True
            if keep:
                text = mask(sentence, draft.identifiers)
                draft.add_history(text, _source(page, text))


EXTRACT_SCHEMA: dict = {
    "type": "object",
    "properties": {
        "requested_drug": {
            "type": "object",
            "properties": {"sentence": {"type": "integer"}, "name": {"type": "string"}},
            "required": ["sentence", "name"],
            "additionalProperties": False,
        },
        "diagnoses": {
            "type": "array",
            "maxItems": 6,
            "items": {
                "type": "object",
                "properties": {"sentence": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["sentence", "name"],
                "additionalProperties": False,
            },
        },
        "prior_therapies": {
            "type": "array",
            "maxItems": 8,
            "items": {
                "type": "object",
                "properties": {"sentence": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["sentence", "name"],
                "additionalProperties": False,
            },
        },
        "findings": {"type": "array", "maxItems": 20, "items": {"type": "integer"}},
    },
    "required": ["requested_drug", "diagnoses", "prior_therapies", "findings"],
    "additionalProperties": False,
}


# --- FHIR and assembly ---------------------------------------------------------------------


def _from_fhir(facts: FhirFacts, draft: _Draft) -> None:
    draft.identifiers |= facts.identifiers
    draft.withheld |= facts.withheld
    patient = facts.patient or FactSource(file="bundle", fhir="Patient")
    if facts.age is not None and draft.age is None:
        draft.age = (facts.age, patient)
    if facts.sex != "unknown" and draft.sex is None:
        draft.sex = (facts.sex, patient)
    for dx, src in facts.diagnoses:
        draft.add_diagnosis(dx, src)
    for request, src in facts.requested[:1]:
        draft.drug = draft.drug or (str(request["drug"]), src)
        if request.get("dose"):
            draft.treatment.setdefault("dose", (str(request["dose"]), src))
    draft.prior += facts.prior
    for text, src in facts.history:
        draft.add_history(text, src)


def _assemble(
    draft: _Draft,
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
        diagnoses.append(dx)
        sources[f"diagnoses.{i}"] = src
    if not diagnoses:
        diagnoses = [Diagnosis(name="(not found in the packet: fill in)")]
        draft.dropped.append("no diagnosis found: fill in diagnoses before drafting")
    if draft.drug:
        drug, drug_src = draft.drug
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


# --- checking a case's sources ---------------------------------------------------------------


def verify_sources(case: Case, paths: list[Path] | Path) -> list[str]:
    """Each fact's quote found again on its page (identifiers masked match anything), each
    typed value among that page's values; returns the problems, none when all hold."""
    return check_sources(case.sources.items(), paths)


def check_sources(items: Iterable[tuple[str, FactSource]], paths: list[Path] | Path) -> list[str]:
    """``verify_sources`` for any (name, source) pairs: a case's, or a review's case facts."""
    problems: list[str] = []
    cache: dict[str, list[PacketPage]] = {}
    docs, _ = find_documents([paths] if isinstance(paths, str | Path) else list(paths))
    files = {p.name: p for p in docs}
    folder = ", ".join(str(p) for p in ([paths] if isinstance(paths, str | Path) else paths))
    for key, src in items:
        if src.fhir or src.page is None or not src.quote:
            continue
        path = files.get(src.file)
        if path is None:
            problems.append(f"{key}: {src.file} is not in {folder}")
            continue
        if src.file not in cache:
            cache[src.file] = read_document(path)
        pages = cache[src.file]
        if not 1 <= src.page <= len(pages):
            problems.append(f"{key}: {src.file} has no page {src.page}")
            continue
        page = pages[src.page - 1]
        haystacks = [page.text, *page.rows, *(v.value for v in page.values)]
        if src.field and " | " in src.quote:  # a table row of typed values
            found = all(any(_found(cell, h) for h in haystacks) for cell in src.quote.split(" | "))
        else:
            found = any(_found(src.quote, h) for h in haystacks)
        if not found:
            problems.append(f"{key}: not found on {src.file} p. {src.page}: {src.quote[:80]!r}")
    return problems


def _found(quote: str, text: str) -> bool:
    """The quote in the text, in order, with each ``[withheld]`` standing for any words."""
    pieces = [normalize(p) for p in quote.split(MASK)]
    text = normalize(text)
    at = 0
    for piece in pieces:
        if not piece:
            continue
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def fact_context(folder: Path, source: FactSource, width: int = 240) -> dict[str, str] | None:
    """The page text around a fact's quote (before, quote, after) for showing it in place;
    None when the file or the quote cannot be found there."""
    if not source.page or not source.quote:
        return None
    files = {p.name: p for p in find_documents([folder])[0]}
    path = files.get(source.file)
    if path is None:
        return None
    pages = read_document(path)
    if not 1 <= source.page <= len(pages):
        return None
    page = pages[source.page - 1]
    for text in [page.text, *page.rows]:
        text = normalize(text)
        first = normalize(source.quote.split(MASK)[0]) or normalize(source.quote)
        at = text.find(first)
        if at >= 0 and _found(source.quote, text[at:]):
            end = at + len(first)
            for piece in source.quote.split(MASK)[1:]:
                end = text.find(normalize(piece), end) + len(normalize(piece))
            return {
                "before": text[max(0, at - width) : at],
                "quote": text[at:end],
                "after": text[end : end + width],
            }
    return None
