"""Criteria tables whose name cell is centred on its row (state drug lists): the name is
printed halfway down its criteria, so a row cannot start where its name starts.

The criteria column is cut into blocks where a block of its own begins: a label at the
column's edge ("Criteria:", "Initial Criteria:", "See X prior authorization criteria") or
a caption across the column ("Agents for Dependency"). A block holding one name is that
name's row; a block holding none belongs to the block above it (a "Renewal Criteria:"
part), or below it at the start of a section; a block holding several names is divided
between them, each name at the middle of its share, cut where a top-level item starts.
Names printed beside no criteria (preferred drugs) are rows of their own, with none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.policy.outline import Line

_ITEM = re.compile(r"^[•●▪■o◦\-–\uf0b7\uf0a7]\s|^\(?\d{1,2}[.)]\s|^[a-z][.)]\s")
_JOINS = re.compile(r"(?:[/,&\-]|\b(?:or|and|of|the|with|for|in|to))$", re.I)
_CAPTION_INDENT = 10  # a caption is set far into the criteria column, unmarked


@dataclass
class Record:
    page: int
    subject: str
    criteria: str
    indent: int
    other: str


def is_centered(records: list[Record]) -> bool:
    """Criteria printed before the first name: the names are centred on their rows."""
    first_name = next((i for i, r in enumerate(records) if r.subject), None)
    captions = _captions(records)
    first_item = next((i for i, r in enumerate(records) if r.criteria and i not in captions), None)
    return first_name is not None and first_item is not None and first_item < first_name


def _caption(r: Record, previous: Record | None = None) -> bool:
    """An unmarked line set far into the criteria column, no line's continuation."""
    ended = previous is None or not previous.criteria or previous.criteria.rstrip()[-1] in ".:;"
    return (
        bool(r.criteria)
        and not r.subject
        and r.indent >= _CAPTION_INDENT
        and r.criteria[0].isupper()
        and not _ITEM.match(r.criteria)
        and ended
    )


def _captions(records: list[Record]) -> set[int]:
    return {i for i, r in enumerate(records) if _caption(r, records[i - 1] if i else None)}


def _starts_block(r: Record, previous: Record | None) -> bool:
    if not r.criteria or _ITEM.match(r.criteria) or r.indent > 3:
        return False
    if previous is not None and previous.criteria.rstrip().endswith(":"):
        return False  # the first line under a lead-in ("Criteria:" / "See ... criteria")
    return r.criteria[0].isupper()


def _name_groups(records: list[Record], lo: int, hi: int) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in range(lo, hi):
        s = records[i].subject
        if not s:
            continue
        last = groups[-1] if groups else None
        if last is not None and last[-1] == i - 1:
            before = records[last[-1]].subject
            if _JOINS.search(before) or s.startswith("(") or s[0].islower() and len(last) < 2:
                last.append(i)
                continue
        groups.append([i])
    return groups


def _inside(records: list[Record], span: list[int], captions: set[int]) -> list[list[int]]:
    """The name groups printed beside the span's criteria (not above or below them)."""
    crit = [i for i in span if records[i].criteria and i not in captions]
    groups = _name_groups(records, span[0], span[-1] + 1)
    return [g for g in groups if crit and crit[0] <= g[-1] and g[0] <= crit[-1]]


def _top_level(records: list[Record], i: int, edge: int) -> bool:
    r = records[i]
    return (
        bool(r.criteria)
        and r.indent <= edge + 1
        and (bool(_ITEM.match(r.criteria)) or r.criteria[0].isupper())
    )


def centered_rows(records: list[Record]) -> list[tuple[str, str, int, list[Line]]]:
    """(name, other columns, page, criteria lines) per row."""
    blocks: list[tuple[int, int]] = []  # [lo, hi) record ranges
    start = 0
    bounded: set[int] = set()  # blocks that follow a caption or the segment's start
    follows_caption = True
    captions = _captions(records)
    for i, r in enumerate(records):
        if i in captions:
            if start < i:
                blocks.append((start, i))
            start = i + 1
            follows_caption = True
            continue
        previous = records[i - 1] if i else None
        if _starts_block(r, previous) and start < i:
            if follows_caption:
                bounded.add(len(blocks))
            blocks.append((start, i))
            start = i
            follows_caption = False
    if start < len(records):
        if follows_caption:
            bounded.add(len(blocks))
        blocks.append((start, len(records)))
    # blocks without a name join a neighbour
    merged: list[list[int]] = []
    pending: list[int] | None = None
    for k, (lo, hi) in enumerate(blocks):
        span = list(range(lo, hi))
        if pending:
            span = pending + span
            pending = None
        if not _inside(records, span, captions):
            if k in bounded or not merged:
                pending = span
            else:
                merged[-1].extend(span)
            continue
        merged.append(span)
    if pending and merged:
        merged[-1].extend(pending)
    out: list[tuple[str, str, int, list[Line]]] = []
    for span in merged:
        lo, hi = span[0], span[-1] + 1
        crit = [i for i in span if records[i].criteria and i not in captions]
        groups = _name_groups(records, lo, hi)
        inside = _inside(records, span, captions)
        for g in groups:
            if g not in inside:  # a name beside no criteria
                out.append(_row(records, g, []))
        if not crit:
            continue
        edge = min(records[i].indent for i in crit)
        cuts = [crit[0]]
        for g in inside[:-1]:
            centre = (g[0] + g[-1]) / 2
            end = 2 * centre - cuts[-1]  # the share's last line, the name at its middle
            tops = [i for i in crit if i > cuts[-1] and _top_level(records, i, edge)]
            nxt = min(tops, key=lambda i: abs(i - (end + 1)), default=None)
            cuts.append(nxt if nxt is not None and nxt > g[-1] else max(g[-1] + 1, cuts[-1] + 1))
        cuts.append(crit[-1] + 1)
        for g, a, b in zip(inside, cuts, cuts[1:], strict=False):
            out.append(_row(records, g, [i for i in crit if a <= i < b]))
    return out


def _row(
    records: list[Record], group: list[int], lines: list[int]
) -> tuple[str, str, int, list[Line]]:
    name = " ".join(records[i].subject for i in group)
    other = " ".join(records[i].other for i in [*group, *lines] if records[i].other)
    page = records[lines[0]].page if lines else records[group[0]].page
    return (
        " ".join(name.split()),
        other,
        page,
        [Line(records[i].page, records[i].indent, records[i].criteria) for i in lines],
    )
