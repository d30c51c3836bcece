"""Criteria tables with one criterion per row: "No. | Criterion | Documentation required",
each row numbered in its first column, the criterion in the column right of the numbers,
the other columns (what to document, notes) beside it. A row's cell may hold a lettered
sub-list under a lead-in ("One of the following scores: a. ... b. ..."). A table that runs
over a page break repeats its header row on the next page and goes on there.

The layout text runs a long cell line into the next column ("...current episode,
byPsychiatric evaluation"), so cells are read from the positions the PDF draws each text
run at (pypdf's text visitor), not from the layout text's character columns. A table is
the criteria of whatever the policy's statements say about it ("... when all of the
criteria in Table 1 are met": table_statements.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from pipeline.policy.layout_text import is_running
from pipeline.policy.outline import Item

# the numbers column's name: "No.", "#", "Item", "Criterion #"
_NUMBER_HEAD = re.compile(
    r"^(?:no\.?|nr\.?|#|item|number|(?:criterion|criteria|step)\s*(?:no\.?|#))$", re.I
)
_ROW_NUMBER = re.compile(r"^(\d{1,2})[.)]?$")
_SUB_MARK = re.compile(r"^(?:\(?([a-z]|[ivx]{1,4})[.)]|[•▪●o\-–])$")
_TITLE = re.compile(r"^\s*table\s+(\d{1,2}|[A-Z])\b", re.I)
_APPROVAL = re.compile(
    r"\bapproval(?: duration| length)?\s*[:\-]?\s*(\d+\s*(?:weeks?|months?|years?|days?))", re.I
)
_LINE_GAP = 2.5  # points: text runs this close vertically are one line
_COLUMN_SLACK = 6.0  # points a cell's text may start left of its column's header


@dataclass
class _Run:
    x: float
    y: float
    text: str


@dataclass
class RowTable:
    """One criteria table: its title ("Table 1. ..."), number, pages, and its rows as
    outline items (a row with a sub-list is an item over its sub-items)."""

    title: str
    number: str
    page: int
    header: str
    approval: str | None = None
    rows: list[Item] = field(default_factory=list)


def _lines(runs: list[_Run]) -> list[list[_Run]]:
    """Text runs grouped into lines, top to bottom, each line left to right."""
    out: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if out and abs(out[-1][0].y - run.y) <= _LINE_GAP:
            out[-1].append(run)
        else:
            out.append([run])
    return [sorted(line, key=lambda r: r.x) for line in out]


def _page_runs(page) -> list[_Run]:
    runs: list[_Run] = []

    def visit(text, cm, tm, _font, _size) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append(_Run(x, y, " ".join(text.split())))

    page.extract_text(visitor_text=visit)
    return runs


def _header(line: list[_Run]) -> list[float] | None:
    """The columns' left edges where ``line`` is a header whose first column numbers the
    rows ("No.", "#") and at least one column follows it."""
    if len(line) < 2 or not _NUMBER_HEAD.match(line[0].text):
        return None
    return [r.x for r in line]


def _column(x: float, starts: list[float]) -> int:
    col = 0
    for i, start in enumerate(starts):
        if x >= start - _COLUMN_SLACK:
            col = i
    return col


def _text(line: list[_Run]) -> str:
    return " ".join(r.text for r in line)


@dataclass
class _Open:
    table: RowTable
    starts: list[float]
    row: Item | None = None
    sub: Item | None = None


def _add(state: _Open, line: list[_Run], page: int) -> bool:
    """Read one line into the open table; False where the line is not the table's."""
    starts = state.starts
    first = line[0]
    cells = [r for r in line if _column(r.x, starts) == 1]
    if first.x < starts[1] - _COLUMN_SLACK:
        number = _ROW_NUMBER.match(first.text)
        if number is None or _column(first.x, starts) != 0 or not cells:
            return False  # prose across the columns, a new title: the table has ended
        state.row = Item("num", number.group(1), "", page, 4, state.table.title)
        state.sub = None
        state.table.rows.append(state.row)
    elif state.row is None:
        return False
    if not cells:
        return True  # another column's line (what to document): not criteria
    row = state.row
    if len(cells) >= 2 and _SUB_MARK.match(cells[0].text) and cells[0].x > starts[1] + 4:
        label = cells[0].text.strip("().")
        state.sub = Item("alpha", label, _text(cells[1:]), page, 8, state.table.title)
        row.children.append(state.sub)
    elif state.sub is not None and cells[0].x > starts[1] + 4:
        state.sub.text += " " + _text(cells)
    else:
        row.text = f"{row.text} {_text(cells)}".strip()
    return True


def read_row_tables(path: Path, running: set[str]) -> list[RowTable]:
    """Every criteria table with one numbered criterion per row in the PDF at ``path``;
    ``running`` holds the running header and footer lines (their keys) that a table
    running over a page break passes."""
    tables: list[RowTable] = []
    state: _Open | None = None
    for number, page in enumerate(PdfReader(str(path)).pages, 1):
        lines = _lines(_page_runs(page))
        carried = state  # a table open at the end of the page before
        state = None
        above = ""
        for line in lines:
            text = _text(line)
            starts = _header(line)
            if starts is not None:
                if carried is not None and text == carried.table.header:
                    state, carried = carried, None  # its header repeated after the break
                    continue
                m = _TITLE.match(above)
                table = RowTable(
                    above if m else "",
                    m.group(1) if m else "",
                    number,
                    text,
                    (a.group(1) if (a := _APPROVAL.search(above)) else None),
                )
                tables.append(table)
                state, carried = _Open(table, starts), None
                continue
            if is_running(text, running):
                continue
            carried = None  # other text before a repeated header: a new table, if any
            if state is not None and not _add(state, line, number):
                state = None
            above = text
    return [t for t in tables if t.rows and all(r.text for r in t.rows)]
