"""A case packet read page by page: the page text (the reference every fact is checked
against, as evidence is), its rows as laid out (a lab table's row keeps name, value, unit
and range together), and the values typed into it: AcroForm fields and the FreeText
annotations a filled-in PDF form often carries instead, each with the label printed beside
or above it."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.cases.ocr import OcrError, needs_ocr, read_page
from pipeline.folders import files_within
from pipeline.models import Page
from pipeline.sources.parse import ParseError, normalize, parse_pdf

DOCUMENT_SUFFIXES = {".pdf", ".txt", ".md", ".text"}
log = logging.getLogger(__name__)
_ROW_TOLERANCE = 3.5  # points: words whose baselines differ less sit on one row
_LABEL_ABOVE = 40.0  # points: how far above a value its label may be


@dataclass
class FormValue:
    """A value typed into the document, and the printed label it answers."""

    label: str
    value: str
    page: int  # 1-based
    kind: str  # "field" (AcroForm) or "annotation" (FreeText typed over the page)
    name: str = ""  # the field's own name, where it has one
    x: float = 0.0
    y: float = 0.0


@dataclass
class PacketPage:
    file: str
    page: int  # 1-based
    text: str  # the normalized page text facts are checked against
    rows: list[str] = field(default_factory=list)  # text-layer rows, typed values merged
    values: list[FormValue] = field(default_factory=list)
    ocr: float | None = None  # read by OCR: the mean confidence of its lines
    unreadable: str | None = None  # why neither its text layer nor OCR could read it


@dataclass
class _Word:
    x: float
    y: float
    text: str
    size: float = 10.0  # font size on the page, in points

    @property
    def end(self) -> float:
        return self.x + 0.5 * self.size * len(self.text)


def read_document(path: Path) -> list[PacketPage]:
    """A PDF or a plain-text file as packet pages. Raises ParseError naming the problem."""
    path = Path(path)
    if path.suffix.lower() in {".txt", ".md", ".text"}:
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParseError(f"cannot read as UTF-8 text ({exc})") from exc
        lines = [normalize(line) for line in raw.splitlines() if line.strip()]
        return [PacketPage(file=str(path), page=1, text=normalize(raw), rows=lines)]
    try:
        pages = parse_pdf(path)
    except ParseError as exc:  # a scan: every page goes to OCR
        if "no text layer" not in str(exc):
            raise
        pages = _blank_pages(path)
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        fields = _acroform_values(reader)
    except Exception as exc:  # noqa: BLE001 a damaged form layer: the page text still counts
        log.warning("%s: form fields unreadable (%s: %s)", path.name, type(exc).__name__, exc)
        reader, fields = None, {}
    return [_read_page(path, reader, page.index, page.text, fields) for page in pages]


def _blank_pages(path: Path) -> list[Page]:
    from pypdf import PdfReader

    try:
        count = len(PdfReader(str(path)).pages)
    except Exception as exc:  # noqa: BLE001 pypdf raises many kinds for a damaged file
        raise ParseError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    return [Page(index=i, label=str(i + 1), text="") for i in range(count)]


def _read_page(
    path: Path, reader: Any, index: int, text: str, fields: dict[int, list[FormValue]]
) -> PacketPage:
    """One page: its text layer and typed values, or what OCR reads on it; a page neither
    can read is kept, empty, with the reason, and the rest of the document is used."""
    page = PacketPage(file=str(path), page=index + 1, text=text)
    if needs_ocr(text):
        try:
            scan = read_page(path, index)
        except OcrError as exc:
            page.unreadable = str(exc)
            return page
        if needs_ocr(scan.text):
            page.unreadable = (
                f"no text layer, and OCR read little ({len(scan.text)} characters)"
                if scan.text.strip()
                else "no text layer, and OCR found no text (a blank page?)"
            )
            page.text = normalize(scan.text)
            return page
        page.text, page.rows, page.ocr = normalize(scan.text), scan.rows, scan.confidence
        if is_form_page(page.rows):
            page.values = [v for v in text_values(page.rows, page.page) if v.value]
        return page
    try:
        pdf_page = reader.pages[index]
        words = _words(pdf_page)
        typed = _annotation_values(pdf_page) + fields.get(index, [])
        values = [_labelled(v, words, index + 1) for v in typed]
        page.rows = _rows(words, values)
    except Exception as exc:  # noqa: BLE001 this page's layout is unreadable: its text stands
        log.warning("%s p. %d: layout unreadable (%s)", path.name, index + 1, exc)
        page.rows = [normalize(line) for line in text.splitlines() if line.strip()]
        return page
    if not values and is_form_page(page.rows):  # a flattened form: values in the text
        values = text_values(page.rows, index + 1)
    page.values = [v for v in values if v.value]
    return page


def _words(page: Any) -> list[_Word]:
    words: list[_Word] = []

    def visit(text: str, cm: list, tm: list, font: Any, size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (abs(tm[0] * cm[0]) + abs(tm[3] * cm[3])) / 2 or 1.0
            words.append(_Word(float(x), float(y), normalize(text), float(size or 10) * scale))

    page.extract_text(visitor_text=visit)
    return _joined(words)


def _joined(words: list[_Word]) -> list[_Word]:
    """Runs a PDF split mid-word ("Na" "me:") joined again: a run that starts in lower case
    where the one before it on the same baseline ends continues it."""
    out: list[_Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and abs(last.y - word.y) < 1
            and word.x - last.end < 0.15 * last.size
            and word.x > last.x
            and last.text[-1:].islower()
            and word.text[:1].islower()
        ):
            out[-1] = _Word(last.x, last.y, last.text + word.text, last.size)
        else:
            out.append(word)
    return out


def _text(value: Any) -> str:
    return normalize(str(value)) if value is not None else ""


def _annotation_values(page: Any) -> list[FormValue]:
    """FreeText annotations (text typed over a printed form) and widgets with a value."""
    values = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        kind = annot.get("/Subtype")
        if kind == "/FreeText":
            value = _text(annot.get("/Contents"))
        elif kind == "/Widget" and annot.get("/V") is not None and "/Parent" not in annot:
            value = _text(annot.get("/V"))
        else:
            continue
        rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
        if value and value not in {"/Off", "Off"} and visible(annot, page):
            name = _text(annot.get("/T")) if kind == "/Widget" else ""
            mid = (rect[1] + rect[3]) / 2
            values.append(FormValue("", value.lstrip("/"), 0, "annotation", name, rect[0], mid))
    return values


_HIDDEN_FLAGS = 2 | 32  # annotation flags Hidden and NoView


def visible(annot: Any, page: Any) -> bool:
    """Shown on the page: not flagged hidden, a box of some size, inside the page."""
    try:
        if int(annot.get("/F", 0)) & _HIDDEN_FLAGS:
            return False
        x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect", [0, 0, 0, 0]))
        box = [float(v) for v in page.mediabox]
    except (TypeError, ValueError):
        return False
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return False
    return x1 > box[0] and x0 < box[2] and y1 > box[1] and y0 < box[3]


def _acroform_values(reader: Any) -> dict[int, list[FormValue]]:
    """AcroForm fields with a value, by page index; the field's tooltip (/TU) or name is
    its label when no printed label sits beside it."""
    by_page: dict[int, list[FormValue]] = {}
    fields = reader.get_fields() or {}
    page_of = {id(p.get_object()): i for i, p in enumerate(reader.pages)}
    for name, spec in fields.items():
        value = _text(spec.get("/V"))
        if not value or value in {"/Off", "Off"}:
            continue
        widget = spec.indirect_reference.get_object() if spec.indirect_reference else spec
        kids = widget.get("/Kids") or [widget]
        target = kids[0].get_object()
        rect = [float(v) for v in target.get("/Rect", [0, 0, 0, 0])]
        page_ref = target.get("/P")
        index = page_of.get(id(page_ref.get_object()), 0) if page_ref is not None else 0
        if not visible(target, reader.pages[index]):
            continue  # a hidden or off-page field is not something the form shows
        label = _text(spec.get("/TU")) or re.sub(r"[_\W]+", " ", name).strip()
        by_page.setdefault(index, []).append(
            FormValue(label, value.lstrip("/"), 0, "field", name, rect[0], (rect[1] + rect[3]) / 2)
        )
    return by_page


def _labelled(value: FormValue, words: list[_Word], page: int) -> FormValue:
    """The printed label for a typed value: the last "Label:" to its left on its row, else
    the nearest line above it; a field keeps its own label when neither is there."""
    value.page = page
    row = [w for w in words if abs(w.y - value.y) <= _ROW_TOLERANCE * 3 and w.x < value.x + 2]
    label = _last_label(" ".join(w.text for w in sorted(row, key=lambda w: w.x)))
    if not label:
        above = [w for w in words if 0 < w.y - value.y <= _LABEL_ABOVE]
        if above:
            top = min(above, key=lambda w: w.y - value.y).y
            line = [w for w in above if abs(w.y - top) <= _ROW_TOLERANCE]
            label = _last_label(" ".join(w.text for w in sorted(line, key=lambda w: w.x)))
    value.label = label or value.label
    return value


def _last_label(line: str) -> str:
    """ "* Physician Name: * Specialty:" → "Specialty"; a line with no colon is its own label."""
    line = line.replace("*", " ").strip()
    if ":" in line:
        head = line.rsplit(":", 1)[0]
        parts = [p.strip() for p in re.split(r":", head) if p.strip()]
        label = parts[-1] if parts else ""
    else:
        label = line
    label = re.sub(r"\(.*?\)", " ", label)
    return " ".join(label.split())[:80]


def _rows(words: list[_Word], values: list[FormValue]) -> list[str]:
    """Words (and typed values) grouped into rows by baseline, top to bottom."""
    items = [(w.y, w.x, w.text) for w in words]
    items += [(v.y + 2, v.x, v.value) for v in values if v.kind == "annotation" and v.value]
    items.sort(key=lambda t: (-t[0], t[1]))
    rows: list[list[tuple[float, float, str]]] = []
    for item in items:
        if rows and abs(rows[-1][0][0] - item[0]) <= _ROW_TOLERANCE:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [" ".join(t for _, _, t in sorted(row, key=lambda t: t[1])) for row in rows]


# --- flattened forms: "Label: value Label: value" in the text layer ------------------------

_LABEL = re.compile(r"(?:^|(?<=\s))([A-Z][A-Za-z0-9#/()'&.\- ]{0,40}?)\s?[:#]+(?=\s|$)")
_BLANKS = re.compile(r"_{2,}")
# Words a form label ends in, and words that may lead into them ("Office Fax", "Date of
# Birth"): "Epidiolex Strength:" is the value Epidiolex, then the label Strength.
_LABEL_WORD = re.compile(
    r"^(name|phone|fax|address|city|state|zip|birth|id|npi|dea|tin|specialty|strength|dose|"
    r"dosage|form|directions|use|diagnosis|codes?|code\(s\)|medication|drug|duration|date|"
    r"quantity|frequency|route|e-?mail|trial|therapy|sex|gender|age)$",
    re.I,
)
_LEAD_WORD = re.compile(
    r"^(office|patient|member|provider|street|dosage|date|medication|insurance|phone|"
    r"physician|prescriber|of|for|icd(?:-?10)?(?:-cm)?|-|10|drug|duration|name|first|last|"
    r"middle|directions)$",
    re.I,
)
_TRIAL = re.compile(r"date of trial|dates? taken|duration of trial", re.I)


def _pairs(row: str) -> list[tuple[str, str]]:
    """ "Insurance ID#: 7656432 NPI#: 1234567" → [("Insurance ID", "7656432"), ("NPI", ...)]."""
    found = list(_LABEL.finditer(row))
    pairs: list[tuple[str, str]] = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(row)
        value = _BLANKS.sub(" ", row[match.end() : end]).strip(" *:")
        # "Medication requested: (please specify strength...) X": the printed instruction
        # in parentheses belongs to the label, not to what was written after it.
        value = re.sub(
            r"^\((?:please|specify|if |include|e\.g\.|list)[^)]*\)\s*", "", value, flags=re.I
        )
        lead, label = _split_label(match.group(1).strip(" #"))
        if lead and pairs:  # words before the label were the previous label's value
            prev_label, prev_value = pairs[-1]
            pairs[-1] = (prev_label, f"{prev_value} {lead}".strip())
        pairs.append((label, " ".join(value.split())))
    return pairs


def _split_label(text: str) -> tuple[str, str]:
    """(words of a value, the label): the label is the shortest tail ending in a label word,
    with the words that lead into such labels ("Office", "Date of")."""
    words = text.split()
    if not words or not _LABEL_WORD.match(words[-1]):  # no label word at its end: keep it
        return "", text
    start = len(words) - 1
    while start > 0 and _LEAD_WORD.match(words[start - 1]):
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def is_form_page(rows: list[str]) -> bool:
    """A printed form: several rows of labels left blank or filled in over underlines."""
    blank_labels = sum(1 for r in rows if (p := _pairs(r)) and any(not v for _, v in p))
    return blank_labels + sum(1 for r in rows if _BLANKS.search(r)) >= 4


def text_values(rows: list[str], page: int) -> list[FormValue]:
    """Values of a flattened form, by label: those on the label's row, and a row with no
    label of its own taken as the value of the labels left blank just above it. A row that
    names trial dates is a prior-therapy row (its first value the drug)."""
    values: list[FormValue] = []
    pending: list[str] = []
    for n, row in enumerate(rows):
        pairs = _pairs(row)
        if not pairs:
            if pending and row.strip() and len(row.split()) <= 8:  # a value, not instructions
                values.append(FormValue(" / ".join(pending), row.strip(), page, "text", y=-n))
            pending = []
            continue
        trial = bool(_TRIAL.search(row))
        for i, (label, value) in enumerate(pairs):
            if value:
                label = f"Prior therapy: {label}" if trial else label
                values.append(FormValue(label, value, page, "text", x=float(i), y=-n))
        pending = [label for label, value in pairs if not value]
    return values


def find_documents(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(documents, FHIR bundles) named or found in folders, in a stable order. In a folder,
    a JSON file that is not a FHIR Bundle is not part of the packet (a note of it is logged)."""
    docs, bundles = [], []
    for path in map(Path, paths):
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("resourceType") == "Bundle"
