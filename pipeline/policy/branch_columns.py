"""Side-by-side branch tables: one ruled table per condition whose header row names its two
branches ("Initial authorization (4 months)  |  Continuation (12 months)") and whose body
row holds each branch's list in its own cell. Layout text prints the cells line by line
across both, so the initial list would read into the continuation one.

Under such a header the body lines are split at the column the second name starts at and
read as the first cell (the first name over it) then the second (the second name over
it). A row split by a page break repeats the header at the top of the next page: the
cells there go on the cells above (each list where it left off), not a new table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.policy.branch_names import _branch_kind
from pipeline.policy.column_cells import SEGMENT
from pipeline.policy.layout_text import is_running, running_lines

_TWO = re.compile(rf"^(\s*)({SEGMENT})\s{{4,}}({SEGMENT})\s*$")


@dataclass
class _Table:
    kinds: tuple[str, str]
    out: list[str]  # the page's lines the table was written into
    right_at: int  # where the second cell's name line is
    end: int  # just past the second cell's last line


def _header(raw: str) -> tuple[int, str, str, tuple[str, str]] | None:
    """(column of the second name, first name, second name, their branch kinds) of a header
    row naming two different branches; None for any other line."""
    m = _TWO.match(raw)
    if m is None:
        return None
    first, second = _branch_kind(m.group(2)), _branch_kind(m.group(3))
    if first is None or second is None or first[0] == second[0]:
        return None
    return m.start(3), m.group(2), m.group(3), (first[0], second[0])


def _lead_in_pair(lines: list[str], at: int) -> tuple[int, str, str, tuple[str, str]] | None:
    """A two-cell line that is, or sits right over, two lead-ins side by side, each ending in
    a colon at one column ("START - approve if every line is true:   KEEP GOING - approve
    if both lines are true:"): two lists set in cells beside each other (tiles, cards),
    whatever their branches are called. The cells' own names key a page's carry."""
    m = _TWO.match(lines[at])
    if m is None:
        return None
    below = next((x for x in lines[at + 1 : at + 3] if x.strip()), "")
    for raw in (lines[at], below):
        pair = _TWO.match(raw)
        if (
            pair is not None
            and abs(pair.start(3) - m.start(3)) <= 2
            # two sentences, no label and its value ("Criteria:   All of the following:")
            and all(x.endswith(":") and len(x.split()) >= 4 for x in pair.group(2, 3))
        ):
            return m.start(3), m.group(2), m.group(3), (m.group(2), m.group(3))
    return None


def _crosses(raw: str, c: int) -> bool:
    """Text runs across column ``c``: a line of the page, not of a cell (cells keep a gap of
    two blanks at least before the second; a word break may fall on the column)."""
    return len(raw) > c and bool(raw[:c].strip()) and "  " not in raw[c - 3 : c + 1]


def _rows(lines: list[str], at: int, c: int, running: set[str]) -> int:
    """The index just past the table body starting at ``at``: a blank line once the body
    has begun (unless the row after it fills the second cell too), a line across the
    cells, a running line or another header end it."""
    started = False
    while at < len(lines):
        raw = lines[at]
        if not raw.strip():
            nxt = next((x for x in lines[at + 1 :] if x.strip()), "")
            if started and not nxt[c:].strip():
                return at
            at += 1
            continue
        new_pair = started and _lead_in_pair(lines, at) is not None
        if _crosses(raw, c) or is_running(raw, running) or _header(raw) or new_pair:
            return at
        started = True
        at += 1
    return at


def _cell(rows: list[str], c: int, right: bool, margin: str = "") -> list[str]:
    """A cell's lines, set at ``margin`` (the header's): lines after the table at that
    margin are no deeper than the cell's list."""
    parts = [(x[c:] if right else x[:c]).rstrip() for x in rows]
    parts = [p for p in parts if p.strip()]
    shift = min((len(p) - len(p.lstrip()) for p in parts), default=0)
    return [margin + p[shift:] for p in parts]


def _rest_running(lines: list[str], at: int, running: set[str]) -> bool:
    return all(not x.strip() or is_running(x, running) for x in lines[at:])


def _first(lines: list[str], at: int, running: set[str]) -> bool:
    """Nothing but running lines above ``at`` on its page."""
    return all(not x.strip() or is_running(x, running) for x in lines[:at])


def branch_columns(pages: list[list[str]]) -> list[list[str]]:
    """The pages' layout lines with each side-by-side branch table read a cell at a time."""
    running = running_lines(pages)
    out_pages: list[list[str]] = []
    open_table: _Table | None = None
    for lines in pages:
        # only a table that ran to the foot of the page above goes on on this one
        carry, open_table = open_table, None
        out: list[str] = []
        at = 0
        while at < len(lines):
            head = _header(lines[at]) or _lead_in_pair(lines, at)
            if head is None:
                out.append(lines[at])
                at += 1
                continue
            c, first, second, kinds = head
            end = _rows(lines, at + 1, c, running)
            rows = lines[at + 1 : end]
            # a pair of lead-ins keeps the cells at its margin (lines after the tiles at that
            # margin are no deeper than the tiles' lists); branch cells keep theirs at 0
            paired = _header(lines[at]) is None
            margin = lines[at][: len(lines[at]) - len(lines[at].lstrip())] if paired else ""
            left, right = _cell(rows, c, False, margin), _cell(rows, c, True, margin)
            if carry is not None and carry.kinds == kinds and _first(lines, at, running):
                # the header repeated over a page break: each cell goes on where it stopped
                prev = open_table = carry
                prev.out[prev.end : prev.end] = right
                prev.out[prev.right_at - 1 : prev.right_at - 1] = left
                prev.right_at += len(left)
                prev.end += len(left) + len(right)
            else:
                indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
                out.extend([indent + first, *left, "", indent + second])
                table = _Table(kinds, out, len(out) - 1, 0)
                out.extend(right)
                table.end = len(out)
                if not lines[end - 1].strip():
                    out.append("")  # the gap after the cells still sets off what follows
                open_table = table
            at = end
            if not _rest_running(lines, at, running):
                open_table = None
            carry = None
        out_pages.append(out)
    return out_pages
