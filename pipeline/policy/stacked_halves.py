"""A chart whose two halves the text extraction stacks: on a page the chart runs on to, the
left columns' rows come first, under their share of the header, and the right columns'
rows after them, under theirs (a landscape benefits chart drawn half by half). Read that
way, no line holds a row's name beside its criteria. The halves are set side by side
again, row by row, at the columns of the full header printed on an earlier page, so the
criteria-table reader (table.py) reads the page like the one before it.

A row's first line starts a cell of the half's first column with a capital; its other
lines leave that column empty or run its cell on in lower case. A half ends at two blank
lines or a line running across its columns. Nothing is changed unless both halves have
the same number of rows and each row's left lines end before the right columns start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from pipeline.policy.column_cells import fits_columns, word_runs

Page = list[str]
_SLACK = 3


class Columns(Protocol):
    """A table header's columns (table._Columns): their starts, the criteria column's index."""

    starts: list[int]
    criteria: int


def rejoin_stacked_halves(
    raw: list[Page], is_header: Callable[[str, int], Columns | None]
) -> list[Page]:
    """The pages with each stacked pair of half charts set side by side. ``is_header``
    (table._header) tells a full header line: one that names the criteria column."""
    out: list[Page] = []
    full: list[str] | None = None  # the last full header's lines, as printed
    for number, page in enumerate(raw, 1):
        joined = _rejoin(page, full) if full is not None else None
        page = joined if joined is not None else page
        for at, line in enumerate(page):
            found = is_header(line, number) if line.strip() else None
            if found is not None:
                full = _header_lines(page, at, found.starts[found.criteria])
        out.append(page)
    return out


def _header_lines(page: Page, at: int, criteria: int) -> list[str]:
    """A header's lines: from its first to a blank line or the first line with text in the
    criteria column (``criteria``: where it starts), a row's."""
    end = at + 1
    while (
        end < len(page)
        and page[end].strip()
        and not any(s >= criteria - _SLACK for s, _ in word_runs(page[end]))
    ):
        end += 1
    return page[at:end]


def _rejoin(page: Page, full: list[str]) -> Page | None:
    starts = [s for s, _ in word_runs(full[0])]
    texts = [t for _, t in word_runs(full[0])]
    for at, line in enumerate(page):
        runs = word_runs(line)
        k = len(runs)
        if not 1 < k < len(texts) or [t for _, t in runs] != texts[:k]:
            continue
        if any(abs(s - starts[i]) > _SLACK for i, (s, _) in enumerate(runs)):
            continue
        for later in range(at + 1, len(page)):
            right = word_runs(page[later])
            if [t for _, t in right] == texts[k:]:
                shift = starts[k] - right[0][0]
                gaps = [s - right[0][0] for s, _ in right]
                if shift > 0 and all(
                    abs(g - (starts[k + i] - starts[k])) <= _SLACK for i, g in enumerate(gaps)
                ):
                    # the header's lines each half holds a part of
                    cut = starts[k] - _SLACK
                    depths = (
                        sum(bool(x[:cut].strip()) for x in full),
                        sum(bool(x[cut:].strip()) for x in full),
                    )
                    right_cols = [right[0][0] + g for g in gaps]
                    return _side_by_side(page, at, later, shift, starts[:k], right_cols, depths)
    return None


def _side_by_side(
    page: Page,
    left_at: int,
    right_at: int,
    shift: int,
    left_cols: list[int],
    right_cols: list[int],
    depths: tuple[int, int],
) -> Page | None:
    left, left_end = _half(page, left_at, right_at, left_cols, depths[0])
    right, right_end = _half(page, right_at, len(page), right_cols, depths[1])
    if len(left) != len(right) or len(left) < 2:
        return None
    lines: list[str] = []
    for a, b in zip(left, right, strict=True):
        for t in range(max(len(a), len(b))):
            x = a[t].rstrip() if t < len(a) else ""
            y = b[t].rstrip() if t < len(b) else ""
            if y and len(x) + 2 > shift:
                return None  # the left cells run into the right columns: no such chart
            lines.append(f"{x.ljust(shift)}{y}".rstrip() if y else x)
        lines.append("")
    between = [x for x in page[left_end:right_at] if x.strip()]
    return [*page[:left_at], *between, *lines, *page[right_end:]]


def _half(
    page: Page, at: int, end: int, cols: list[int], depth: int
) -> tuple[list[list[str]], int]:
    """A half's blocks (its ``depth`` header lines first, then its rows), and the index
    after its last line."""
    blocks: list[list[str]] = [page[at : at + depth]]
    blank, last = 0, at + depth
    for i in range(at + depth, end):
        line = page[i]
        if not line.strip():
            blank += 1
            if blank >= 2:
                break
            continue
        if not fits_columns(line, cols):
            break
        first = word_runs(line)[0]
        if blank or first[0] <= cols[0] + _SLACK and first[1][:1].isupper() or len(blocks) == 1:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        blank, last = 0, i + 1
    return blocks, last
