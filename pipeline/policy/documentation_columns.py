"""A criteria table's documentation column beside its criteria ("Criterion | Documentation
required"), taken out of the layout lines.

Each row states what must be true on the left and the record that proves it on the right
("Forced vital capacity of 80% predicted or more      Pulmonary function report dated within
90 days"). The right cell is no criterion: read as a column of its own it becomes a list of
records, and read across it runs into the criterion. Under a column head row whose right head
names documentation (documentation, records, evidence, proof, "what to submit"), each line is
cut at that column and the right part left out; a line of documentation only (a wrapped
record) goes with it. A line across both columns (a row spanning the table: "Drug: new start.
All rows must be met; approval 6 months.") stays whole.

The rows themselves are unmarked; the right column says where each starts (a record beside
its first line), so a row's first line is given a bullet and its lines without one run on
(lines indented further under it are its own items: "Able to receive ...," over "by standard
lumbar puncture" / "or with imaging guidance"). Marked rows keep their markers.
"""

from __future__ import annotations

import re

from pipeline.policy.list_labels import _marker

# the column heads: a short criteria head, a gap, a head naming the evidence for it
_HEAD = re.compile(
    r"^(?P<left>\s*(?:[A-Z][A-Za-z/&]*)(?:\s[A-Za-z/&]+){0,3})\s{3,}"
    r"(?P<right>[A-Z][A-Za-z/&\-]*(?:\s[A-Za-z/&\-]+){0,4})\s*$"
)
# the whole right head names the evidence ("Documentation required", "Supporting records",
# "What to submit"; not "Document history")
_EVIDENCE = re.compile(
    r"^(?:(?:required|supporting|acceptable)\s+)?(?:documentation|documents|records?|evidence|"
    r"proof|chart\s+notes?)(?:\s+(?:required|needed|to\s+submit|on\s+file))?$|"
    r"^what\s+to\s+(?:submit|send|attach)$",
    re.I,
)
_CRITERIA = re.compile(
    r"\b(?:criteri(?:on|a)|requirements?|conditions?|clinical|must|coverage|rules?|"
    r"what\b.*\btrue)\b",
    re.I,
)
_GAP = 2  # blank characters left of the column where a row's record starts


def _head_column(raw: str) -> int | None:
    """The column the documentation head starts at, on a column head row; else None."""
    m = _HEAD.match(raw.rstrip())
    if m is None:
        return None
    if not (_EVIDENCE.match(m.group("right").strip()) and _CRITERIA.search(m.group("left"))):
        return None
    return m.start("right")


def _split(raw: str, col: int) -> tuple[str, str] | None:
    """(criterion part, record part) of a line cut at the column, None where text crosses it."""
    if len(raw.rstrip()) <= col:
        return raw.rstrip(), ""
    if raw[max(0, col - _GAP) : col].strip():
        return None
    return raw[:col].rstrip(), raw[col:].strip()


def drop_documentation_column(lines: list[str]) -> list[str]:
    """A page's lines with each documentation column left out and the rows beside it
    bulleted; a page without such a table as it was."""
    if not any(_head_column(x) is not None for x in lines):
        return lines
    out: list[str] = []
    col: int | None = None
    row_indent: int | None = None  # the indentation of the row being read
    for raw in lines:
        if (head := _head_column(raw)) is not None:
            col, row_indent = head, None
            continue
        cut = _split(raw, col) if col is not None else None
        if cut is None:
            if raw.strip():
                row_indent = None  # a line across the table: rows start again under it
            out.append(raw)
            continue
        left, right = cut
        if not left.strip():
            if not right:
                out.append(left)  # a blank line stays a blank line
            continue  # a record's wrapped line
        indent = len(left) - len(left.lstrip())
        text = left.strip()
        if _marker(text) is None and right:
            # a record beside it: a row starts here
            left, row_indent = " " * indent + "• " + text, indent
        elif _marker(text) is None and row_indent is not None and indent > row_indent:
            left = " " * indent + "– " + text  # an item of the row's own list
        out.append(left)
    return out
