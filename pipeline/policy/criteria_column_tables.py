"""A table where one column holds the criteria and the others prose about them (issue 25):
"Reimbursement condition | Reason | Implementation guidance", "Criteria | Rationale",
"Requirement | Comments | Evidence". The text extraction reads a row across, so the prose
cells run into the criteria's lines; this reading keeps the criteria column's text only,
from the header down while the lines stay inside the header's columns (a sentence running
across them, or a box of label: value lines above the next table, ends it). The header
row goes too; the reason and guidance cells are no criteria and are left out.
"""

from __future__ import annotations

import re

from pipeline.policy.column_cells import column_of, fits_columns, segments, spaced

Page = list[str]

_CRITERIA = re.compile(r"\b(?:conditions?|criteri(?:a|on)|requirements?|rules?)\s*$", re.I)
# a column head ending in a word for prose about the criteria ("Reason", "Implementation
# guidance", "Reviewer notes")
_PROSE = re.compile(
    r"\b(?:reasons?|rationale|guidance|comments?|notes?|explanation|evidence|discussion|"
    r"remarks?|advice|justification|considerations?)\s*$",
    re.I,
)
_FOOT_LINES = 2  # a running footer under a table that runs to the page's foot
_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s")


def _header(line: str) -> tuple[int, list[int]] | None:
    """The criteria column's index and the column starts, where the other columns are prose."""
    cells = segments(line)
    if len(cells) < 2 or not spaced(cells):
        return None
    crit = [k for k, (_, t) in enumerate(cells) if _CRITERIA.search(t) and not _PROSE.search(t)]
    prose = [k for k, (_, t) in enumerate(cells) if _PROSE.search(t)]
    if len(crit) != 1 or len(prose) != len(cells) - 1:
        return None
    return crit[0], [s for s, _ in cells]


def keep_criteria_columns(raw: list[Page]) -> list[Page]:
    """The pages with each criteria-and-prose table cut to its criteria column; a table
    running to a page's foot goes on at the next page's head (its band rows read)."""
    out: list[Page] = []
    width: int | None = None
    for page in raw:
        read, width = _read_page(page, width)
        out.append(read)
    return out


def _read_page(page: Page, carried: int | None) -> tuple[Page, int | None]:
    """The page read, and the criteria column's width where its table runs to the foot."""
    out: Page = []
    at, width = 0, None
    if carried is not None:
        # the rows go on from the page before: at the criteria column's width, no header,
        # under the page's running header
        while (
            at < len(page)
            and (not page[at].strip() or at < _FOOT_LINES)
            and not (page[at].strip() and fits_columns(page[at], [0, carried]))
        ):
            out.append(page[at])
            at += 1
        at = _rows(page, at, [0, carried], 0, out)
    while at < len(page):
        found = _header(page[at])
        if found is None:
            out.append(page[at])
            at += 1
            continue
        keep, starts = found
        at = _rows(page, at + 1, starts, keep, out)
        if len([x for x in page[at:] if x.strip()]) <= _FOOT_LINES and keep + 1 < len(starts):
            width = starts[keep + 1]
    return out, width


def _rows(page: Page, at: int, starts: list[int], keep: int, out: Page) -> int:
    """The table's lines from ``at`` cut to the kept column, added to ``out``; the index
    after them."""
    while at < len(page) and (not page[at].strip() or fits_columns(page[at], starts)):
        line = page[at]
        kept = _column_text(line, starts, keep)
        if _band(kept, page[at + 1 : at + 2]):
            out.append("")  # a band row ("Renewal") over the next rows: a heading
        if kept.strip() or not line.strip():
            out.append(kept)
        at += 1
    return at


def _band(text: str, after: list[str]) -> bool:
    """A band row: a few capitalised words alone, no stop, a numbered row right under it."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and text.strip()[:1].isupper()
        and text.rstrip()[-1:].isalpha()
        and bool(after)
        and bool(_NUMBERED.match(after[0]))
    )


def _column_text(line: str, starts: list[int], keep: int) -> str:
    """The line with only the kept column's text runs, at their places."""
    text = [" "] * len(line)
    for s, run in segments(line):
        if column_of(starts, s) == keep:
            text[s : s + len(run)] = run
    return "".join(text).rstrip()
