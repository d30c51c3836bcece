"""A grid whose columns are the request types (issue 25): a label column of areas
("Requirement area", "Criterion", "Domain") and one column per branch ("Start of therapy |
Renewal", "Initial | Reauthorization"), each row an area's requirement for that kind of
request. The text extraction reads a row across (area, first branch's cell, second
branch's cell), interleaving the branches; this reading sets each branch column out on its
own, under its header, one item per row ("-" / "n/a" / blank cells have no requirement), a
cell's own dash or bullet lines as sub-items under it. The area labels name categories, not
criteria, and are left out.

A row's line belongs to the grid while its text stays inside the columns the header drew; a
line running across them (a sentence under the grid) ends it.
"""

from __future__ import annotations

import re

from pipeline.policy.branch_names import CONTINUED_RE, INITIAL_WORDS
from pipeline.policy.column_cells import column_of, fits_columns, segments, spaced

Page = list[str]

_INITIAL = re.compile(rf"^(?:{INITIAL_WORDS}|start(?:\s+of)?\s+(?:therapy|treatment)|new)\b", re.I)
# a label column naming what each row is for: rows are indications, not areas of one
_ROWS_NAMED = re.compile(
    r"indicat|diagnos|condition|disease|icd|drug|product|medication|\buses?\b", re.I
)
_EMPTY = {"-", "–", "—", "n/a", "na", "none", "not applicable", "no requirement"}
_SUB = re.compile(r"^[-–•·*]\s+")
_BLANK_HEAD = 12  # a header's first cell this far in: the label column's head is blank


def _header(line: str) -> list[tuple[int, str]] | None:
    """The cells of a branch grid's header: a label column first (its head may be blank),
    then columns naming an initial and a continuing request."""
    cells = segments(line)
    if not spaced(cells):
        return None
    if cells and cells[0][0] >= _BLANK_HEAD and _kind(cells[0][1]):
        cells = [(0, ""), *cells]  # no head over the area labels
    if len(cells) < 3 or _kind(cells[0][1]) or _ROWS_NAMED.search(cells[0][1]):
        return None  # rows by indication or drug: each row its own, read by table.py
    kinds = [_kind(t) for _, t in cells[1:]]
    return cells if 0 not in kinds and {1, 2} <= set(kinds) else None


def _kind(text: str) -> int:
    """1 for a column of first requests, 2 for one of renewals, else 0."""
    if text.rstrip().endswith(":"):
        return 0  # "Renewal Criteria:" introduces a list: no column's head
    return 1 if _INITIAL.match(text) else 2 if CONTINUED_RE.match(text) else 0


def _rows(page: Page, first: int, starts: list[int]) -> tuple[list[list[list[str]]], int]:
    """The grid's rows (each a list of cells, each cell its lines) and the index after it."""
    rows: list[list[list[str]]] = []
    at = first
    while at < len(page):
        line = page[at]
        if not line.strip():
            at += 1
            continue
        if not fits_columns(line, starts):
            break
        segs = segments(line)
        if not rows or any(column_of(starts, s) == 0 for s, _ in segs):
            rows.append([[] for _ in starts])
        for s, text in segs:
            rows[-1][column_of(starts, s)].append(
                text if s <= starts[column_of(starts, s)] + 1 else f"  {text}"
            )
        at += 1
    # a label alone at the end ("Not covered" over a list) is no row of the grid
    while rows and not any(rows[-1][1:]):
        rows.pop()
        at -= 1
        while at > first and not page[at - 1].strip():
            at -= 1
    return rows, at


def _cell_lines(cell: list[str]) -> list[str]:
    """A cell as items: its text one item, its dash lines sub-items (wrapped lines joined)."""
    items: list[list[str]] = []
    for text in cell:
        stripped = text.strip()
        if _SUB.match(stripped) or not items:
            items.append([stripped])
        else:
            items[-1].append(stripped)
    out = []
    for n, words in enumerate(items):
        joined = " ".join(words)
        if n == 0 and _SUB.match(joined):
            joined = _SUB.sub("", joined)
        out.append(f"    • {joined}" if n == 0 else f"        - {_SUB.sub('', joined)}")
    return out


def read_branch_grids(raw: list[Page]) -> list[Page]:
    """The pages with each branch grid set out a column at a time."""
    return [_read_page(page) for page in raw]


def _read_page(page: Page) -> Page:
    out: Page = []
    at = 0
    while at < len(page):
        header = _header(page[at])
        if header is None:
            out.append(page[at])
            at += 1
            continue
        starts, names = [c[0] for c in header], [c[1] for c in header]
        rows, end = _rows(page, at + 1, starts)
        if not rows:
            out.append(page[at])
            at += 1
            continue
        for k in range(1, len(starts)):
            out.extend(["", names[k]])
            for row in rows:
                cell = row[k]
                if cell and " ".join(x.strip() for x in cell).lower() not in _EMPTY:
                    out.extend(_cell_lines(cell))
            out.append("")
        at = end
    return out
