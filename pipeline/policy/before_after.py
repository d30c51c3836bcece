"""A policy update set as two columns, the retired wording beside the wording in force
("BEFORE April 1 (retired)" / "FROM April 1 (in force)", "Previous criteria" / "Revised
criteria", "Old" / "New"): only the column in force is the policy. From the line that heads
both columns on, the other column's text is left out and the column in force is read at
the margin (its items' indentation kept relative to it, as a page of its own). A line set apart
before any text of the column in force in its block (a section band: "Section 2.1 - Drug,
initial request") spans both columns and is kept whole, as is every line of a block with no
text in the column in force (a list after the comparison: "Not covered (unchanged)")."""

from __future__ import annotations

import re

# the heads of the two columns: the retired one and the one in force
_RETIRED = re.compile(r"\b(?:retired|previous|prior|old|superseded|before|was)\b", re.I)
_IN_FORCE = re.compile(
    r"\b(?:in\s+force|new|revised|updated|current|effective|after|from|now)\b", re.I
)
_GAP = re.compile(r"\S(\s{3,})(?=\S)")


def _heads(line: str) -> tuple[int, bool] | None:
    """(the second column's start, whether the column in force is the second) for a line
    heading a retired and an in-force column, or None."""
    parts = [(m.end(1), line[m.end(1) :]) for m in _GAP.finditer(line)]
    if len(parts) != 1:
        return None
    at, right = parts[0]
    left = line[:at]
    if _RETIRED.search(left) and _IN_FORCE.search(right) and not _RETIRED.search(right):
        return at, True
    if _RETIRED.search(right) and _IN_FORCE.search(left) and not _RETIRED.search(left):
        return at, False
    return None


def _split(line: str, at: int) -> tuple[str, str]:
    """The line's text left and right of the column boundary (a word crossing it stays on
    the side it starts)."""
    cut = at
    while 0 < cut < len(line) and not line[cut - 1].isspace() and not line[cut].isspace():
        cut -= 1
    return line[:cut], line[cut:]


def _blocks(lines: list[str], start: int) -> list[list[int]]:
    out: list[list[int]] = []
    for k in range(start, len(lines)):
        if not lines[k].strip():
            out.append([])
        elif out:
            out[-1].append(k)
        else:
            out.append([k])
    return [b for b in out if b]


def in_force_column(pages: list[list[str]]) -> list[list[str]]:
    """The pages with the retired column's text left out after its heads."""
    out = []
    for lines in pages:
        lines = list(lines)
        head = next(((k, h) for k, x in enumerate(lines) if (h := _heads(x))), None)
        if head is not None:
            k, (at, right_in_force) = head
            lines[k] = ""  # the heads name the columns, no text of the policy
            for block in _blocks(lines, k + 1):
                _keep_in_force(lines, block, at, right_in_force)
        out.append(lines)
    return out


def _keep_in_force(lines: list[str], block: list[int], at: int, right: bool) -> None:
    sides = [_split(lines[k], at) for k in block]
    in_force = [(b if right else a).strip() for a, b in sides]
    if not any(in_force):
        return  # a block across the page: no column in it
    first = next(n for n, text in enumerate(in_force) if text)
    for n, k in enumerate(block[first:], first):
        if _crosses(lines[k], at):
            continue  # text running on across the boundary: a line across the page
        left, rest = sides[n]
        lines[k] = rest if right else left


def _crosses(line: str, at: int) -> bool:
    """Text right before the column boundary and after it, with no gap between."""
    return len(line) > at and bool(line[max(0, at - 2) : at].strip()) and bool(line[at:].strip())
