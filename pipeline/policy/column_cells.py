"""A layout line split into the text runs its columns print (issue 25): the one splitter the
column readers share (branch_grid_columns, criteria_column_tables, table, check_matrix,
code_library), and the test of which column a run stands in."""

from __future__ import annotations

import re

# a text run: words one space apart (a run may keep one trailing space); two or more end it
SEGMENT = r"\S(?:\S| (?! ))*"
_SEGMENT = re.compile(SEGMENT)
# words at most gap - 1 spaces apart: a cell's text on a line, its cells ``gap`` apart
_RUNS = {2: re.compile(r"\S+(?: \S+)*"), 3: re.compile(r"\S+(?: {1,2}\S+)*")}
_SLACK = 2  # a cell's text may run this far past its column's start (a jammed "-")


def segments(line: str) -> list[tuple[int, str]]:
    """The line's text runs split by two or more spaces (a run may keep one trailing
    space), each with its column."""
    return [(m.start(), m.group()) for m in _SEGMENT.finditer(line)]


def word_runs(line: str, gap: int = 2) -> list[tuple[int, str]]:
    """The line's cells printed ``gap`` or more spaces apart (2 or 3), each with its column."""
    return [(m.start(), m.group()) for m in _RUNS[gap].finditer(line)]


def spaced(cells: list[tuple[int, str]]) -> bool:
    """Each cell set apart from the next by three or more spaces: a header row's cells."""
    return all(b[0] - (a[0] + len(a[1])) >= 3 for a, b in zip(cells, cells[1:], strict=False))


def column_of(starts: list[int], at: int) -> int:
    """The index of the column (by its start) a run starting at ``at`` stands in."""
    return (
        max(k for k, s in enumerate(starts) if s <= at + _SLACK) if at + _SLACK >= starts[0] else 0
    )


def fits_columns(line: str, starts: list[int]) -> bool:
    """Every text run of the line stays inside one column."""
    for at, text in segments(line):
        k = column_of(starts, at)
        end = at + len(text)
        if k + 1 < len(starts) and end > starts[k + 1] + _SLACK:
            return False
    return True
