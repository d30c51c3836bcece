"""Lab tables read row by row: a name, then a value (and unit, range)."""

from __future__ import annotations

import re

from pipeline.cases.facts import Draft, source
from pipeline.cases.identifiers import _PHONE, MASK, mask
from pipeline.cases.packet import PacketPage
from pipeline.cases.vocabulary import drugs_in

_LAB_ROW = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z0-9 ,()/'&-]{1,70}?)\s+"
    r"(?P<value>[<>]?\d[\d,]*(?:\.\d+)?\s*(?:%|[A-Za-zµμ/]+[0-9A-Za-zµμ/]*)?|Positive|Negative)"
    r"(?:\s+(?P<rest>.*))?$"
)


_DOSAGE_FORM = re.compile(
    r"\b(tablets?|capsules?|powder|injection|solution|suspension|vials?|syringes?|pens?|kit|"
    r"oral|for infusion|ER|XR)\b",
    re.I,
)


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
    if re.search(r"\?|\bYes\b.*\bNo\b|[☐□■☑☒]", row) or (
        _DOSAGE_FORM.search(row) and drugs_in(name)
    ):
        return False  # a form's question, or a drug's strength to tick: not a result
    value, rest = match.group("value"), match.group("rest") or ""
    has_unit = bool(re.search(r"[%a-zA-Zµμ]", value)) or value in {"Positive", "Negative"}
    has_range = bool(re.search(r"\d\s*-\s*\d|[<>]\s*\d|\d", rest))
    return has_unit or has_range


def from_lab_table(page: PacketPage, draft: Draft) -> None:
    for row in lab_rows(page):
        text = mask(row, draft.identifiers)
        if MASK in text:
            continue  # a row of identifiers, not a result
        draft.add_history(f"Lab: {text}.", source(page, text))
