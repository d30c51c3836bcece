"""Criteria tables: one row per drug (or indication), a column that names it and a column
of its criteria, as state Medicaid drug lists print them.

A table starts at a header line whose columns, two or more spaces apart in the layout
text, include a criteria column ("Clinical Criteria", "Requirements") and a column left of
it that names what the row is for ("Drug Name", "Medication", "Indication"). Each later
line is cut into cells at the header's column positions (the layout text keeps them). A
row starts where the name column starts a new name (capitalized) while the criteria column
starts an item (a bullet) or is empty; the other lines continue the row. The table ends
at a line of prose running across the columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy.column_cells import word_runs
from pipeline.policy.fields import ICD10_CODE
from pipeline.policy.layout_text import Line, is_running, running_lines
from pipeline.policy.table_centered import Record, centered_rows, is_centered

# "pa-criteria" (a tag in a ticket's Labels field) is no column head. "Limitations,
# Exceptions, & Other Important Information": a benefits chart's column the plan's
# conditions for a service sit in (the Summary of Benefits and Coverage template).
_CRITERIA_HEAD = re.compile(
    r"(?<![-\w])(criteria|requirements?)\b|^limitations,\s+exceptions\b", re.I
)
_SUBJECT_HEAD = re.compile(
    r"\b(drugs?|medications?|products?|agents?|names?|indications?|diagnos\w*|conditions?|"
    r"services you may need)\b",
    re.I,
)
_ITEM_START = re.compile(r"^[•●▪■o◦\-–\uf0b7\uf0a7]\s|^\(?\d{1,2}[.)]\s|^[a-z][.)]\s")
_SLACK = 3
# A short line in a criteria cell that starts one of the row's parts: "Initial Evaluation",
# "Renewal Evaluation", "Continuation of Therapy" (not a product the items are for).
PART_HEAD = re.compile(
    r"^(?:initial|renewal|re-?authori[sz]ation|re-?approval|continu\w+)(?:\s+[A-Za-z]+){0,3}:?$",
    re.I,
)
# A column named by a branch: "Initial authorization (6 months)", "Reauthorization".
_BRANCH_COLUMN = re.compile(
    r"^(?:initial|re-?authori[sz]ation|renewal|continu\w*|re-?approval|subsequent)\b", re.I
)
_BRANCH_TITLE = re.compile(r"\s*[(\[].*$")
# A branch cell that states no criteria: "Not applicable (single course)."
_NOT_APPLICABLE = re.compile(r"^(?:not applicable\b|n/a\b|none\.?$|[-–—]+$)", re.I)
# A column's name: a word or two, no list marker ("Module", not "I.")
_COLUMN_WORD = re.compile(r"^[A-Z][a-z]{2,}(?: [A-Za-z]{2,})?$")
# A heading above a table that makes its rows limits on quantity, not indications.
_LIMITS_HEAD = re.compile(r"\bquantity limits?\b", re.I)
# A name cell's line of codes ("ICD-10: C56.1-C56.9,", "C48.2"): the name's codes, never
# a new row's name
_CODE_LINE = re.compile(rf"^(?:ICD-?10(?:-CM)?\b|{ICD10_CODE}(?:\s*[-–,]|$))")
# a connector alone between a cell's items, drifted left of the criteria column
_CONNECTOR = re.compile(r"^(?:AND|OR)$")
_OPEN_END = re.compile(
    r"\b(?:or|and|of|the|with|for|in|to)$", re.I
)  # layout text drifts a few characters from the header's positions


@dataclass
class Row:
    page: int
    subject: str  # the name column: the drug or indication the row is for
    other: str  # the other columns before the criteria (class, category)
    lines: list[Line] = field(default_factory=list)  # the criteria column, line by line
    base: str = ""  # the name column as printed, when sub-headings name the rows
    named: bool = False  # named by a sub-heading in the criteria column
    limits: bool = False  # a quantity-limit table's row: not an indication
    # the other branch columns' cells, line by line, under their titles
    more: dict[str, list[Line]] = field(default_factory=dict)
    first: str = ""  # the criteria column's title where the table has branch columns


@dataclass
class _Columns:
    starts: list[int]
    subject: int
    criteria: int
    page: int
    header: str = ""  # the header line as printed
    edge: int = 0  # where the criteria column starts on the page being read
    # branch columns ("Initial authorization", "Reauthorization"): column → its title
    titles: dict[int, str] = field(default_factory=dict)


def _branch_column(text: str) -> bool:
    """A column header naming a branch ("Reauthorization (12 months)"), not a row's part
    heading ("Initial Criteria:") or duration ("Initial: 16 weeks") beside its name."""
    title = _BRANCH_TITLE.sub("", text).strip()
    return (
        bool(_BRANCH_COLUMN.match(title))
        and not title.endswith(":")
        and not re.search(r"\d", title)
        and len(title.split()) <= 4
    )


def _header(raw: str, page: int) -> _Columns | None:
    runs = word_runs(raw)
    if not 2 <= len(runs) <= 6:
        return None
    criteria = [i for i, (_, t) in enumerate(runs) if _CRITERIA_HEAD.search(t)]
    branches = [i for i, (_, t) in enumerate(runs) if _branch_column(t)]
    if len(branches) >= 2 and branches[0] > 0 and set(criteria) <= set(branches):
        # "Indication | Initial authorization (6 months) | Reauthorization (12 months)":
        # a criteria column per branch, the columns' headers name the branches
        left = runs[: branches[0]]
        if all(len(t.split()) <= 4 and not t.endswith((":", ".")) for _, t in left):
            # the column that names the rows ("Indication", "Diagnosis"; else the first:
            # two branch columns say enough that this is a header)
            named = [i for i, (_, t) in enumerate(left) if _SUBJECT_HEAD.search(t)]
            subject = named[-1] if named else 0
            cols = _Columns([s for s, _ in runs], subject, branches[0], page)
            cols.titles = {i: _BRANCH_TITLE.sub("", runs[i][1]) for i in branches}
            return cols
    if not criteria or criteria[0] == 0:
        return None
    subject = [
        i
        for i, (_, t) in enumerate(runs[: criteria[0]])
        if _SUBJECT_HEAD.search(t) and len(t.split()) <= 4
    ]
    head = runs[criteria[0]][1]
    if PART_HEAD.match(head):
        return None  # a row's "Initial Approval Criteria:" beside its name, not a header
    if (
        not subject
        and len(runs) == 2
        and _COLUMN_WORD.match(runs[0][1])
        and len(head.split()) <= 5
        and not head.endswith((":", ".", ";"))
    ):
        # two columns, "Module | Clinical Criteria": the short column left of the criteria
        # names the rows whatever its header calls them
        subject = [0]
    if not subject or any(len(t.split()) > 6 for _, t in runs[: criteria[0]]):
        return None
    return _Columns([s for s, _ in runs], subject[-1], criteria[0], page)


def _criteria_edge(cols: _Columns, header: str, below: list[str], fallback: int) -> int:
    """Where the criteria column starts in the lines under a header. A header centred over
    its column starts far right of the column's text, so the column starts at the leftmost
    place, between the header's previous column and the criteria header, where several of
    the lines below start an item or a long run of words; short values there ("P", "NP")
    belong to the column to its left."""
    crit = cols.starts[cols.criteria]
    prev = word_runs(header)[cols.criteria - 1]
    crit = max(crit, fallback)
    low = prev[0] + len(prev[1]) + 1
    counts: dict[int, int] = {}
    for raw in below:
        for start, text in word_runs(raw):
            if low <= start <= crit and (len(text) >= 12 or _ITEM_START.match(raw[start:])):
                counts[start] = counts.get(start, 0) + 1
    if not counts:
        return fallback
    # a column's left edge drifts a few characters from line to line: count nearby starts
    near = {x: sum(n for y, n in counts.items() if x <= y <= x + _SLACK) for x in counts}
    enough = max(2, max(near.values()) // 4)
    left = min((x for x, n in near.items() if n >= enough), default=None)
    if left is None:
        return fallback
    # the column's own edge: where most lines start, within the drift of the leftmost
    return max((x for x in counts if left <= x <= left + _SLACK), key=lambda x: counts[x])


def chart_header(raw: str, page: int) -> _Columns | None:
    """The criteria table header the line is, if any (for readers that mend a table's
    layout before the rows are read: stacked_halves.py)."""
    return _header(raw, page)


def _cells(raw: str, cols: _Columns) -> list[str] | None:
    """The line's text per column, or None when a run of words crosses into the criteria
    column from the left (prose, not a table line)."""
    cells = [""] * len(cols.starts)
    for start, text in word_runs(raw):
        col = max((i for i, s in enumerate(cols.starts) if s <= start + _SLACK), default=0)
        crit = cols.starts[cols.criteria]
        if col < cols.criteria and start + len(text) > crit + 2 * _SLACK:
            return None
        cells[col] = f"{cells[col]} {text}".strip()
    crit = cells[cols.criteria]
    code = re.match(r"^([A-Z]{1,2})\s+(?=\S)", crit)
    if code and cols.criteria > 0 and not _ITEM_START.match(crit):
        # a short code ("P", "NP") drifted into the criteria column from its own, left of
        # it, with the criteria after it
        before = cols.criteria - 1
        cells[before] = f"{cells[before]} {code.group(1)}".strip()
        cells[cols.criteria] = crit[code.end() :]
    return cells


def read_tables(pages: list[list[str]]) -> tuple[list[Row], set[tuple[int, int]]]:
    """The criteria tables' rows, and the (page, line index) of every line they took."""
    running = running_lines(pages)
    rows: list[Row] = []
    used: set[tuple[int, int]] = set()
    cols: _Columns | None = None
    row: Row | None = None
    last_subject = ""
    records: list[Record] = []  # the table's lines since its header, for a centred table
    table_start = 0  # the index in ``rows`` of the table's first row
    tail: list[str] = []  # the name cells of the lines just read with no criteria
    tail_at: list[tuple[int, int]] = []  # where those lines are
    above = ""  # the last line of text read outside a table: the heading over the next one
    limits = False

    def close() -> None:
        if is_centered(records):
            rows[table_start:] = [
                Row(page, name, other, lines, base=name)
                for name, other, page, lines in centered_rows(records)
            ]
        records.clear()

    named_at = (0, 0)  # where the last line with a name cell in the table is
    spaced = False  # a blank line set a row apart from the one above
    for number, lines in enumerate(pages, 1):
        for at, raw in enumerate(lines):
            if not raw.strip():
                continue
            # a table's header repeats on every page it runs on: running, yet a header
            found = _header(raw, number)
            if is_running(raw, running) and (
                found is None or cols is not None and raw.split() != cols.header.split()
            ):
                # (a running page header that reads like a table header is no new table
                # inside the one running on)
                continue
            if (
                found is not None
                and cols is not None
                and number > cols.page
                and raw.split() == cols.header.split()
            ):
                # the header printed again at a page's top: the table (and its row) runs on
                used.add((number, at))
                continue
            if found is not None:
                if row is not None and tail:
                    # lines in the name column with no criteria beside them, just over the
                    # next header: the heading of the next table, not the end of this name
                    words = " ".join(tail)
                    if row.base.endswith(words) and row.base != words:
                        row.base = row.base[: -len(words)].strip()
                        if not row.named:
                            row.subject = row.base
                    above = words
                limits, tail = bool(_LIMITS_HEAD.search(above)), []
                after = lines[at + 1 :] + [x for page in pages[number : number + 2] for x in page]
                below = [x for x in after if x.strip()][:60]
                crit = found.starts[found.criteria]
                found.starts[found.criteria] = _criteria_edge(found, raw, below, crit)
                found.header, found.edge = raw, found.starts[found.criteria]
                close()
                table_start = len(rows)
                cols, row, spaced = found, None, False
                last_subject = ""
                used.add((number, at))
                continue
            if cols is None:
                above = raw
                continue
            if cols.page != number:
                # the layout text shifts a page's columns by a few characters: the criteria
                # column's edge is found again on each page the table runs on to
                cols.page = number
                cols.starts[cols.criteria] = _criteria_edge(
                    cols, cols.header, [x for x in lines[at:] if x.strip()], cols.edge
                )
            cells = _cells(raw, cols)
            if cells is None:
                if not any(r.criteria for r in records if r.indent < 10):
                    used.add((number, at))  # a note across the table under its header
                    continue
                if row is not None and tail and cols.titles:
                    # a heading under the table's last row ("Not medically necessary")
                    # over the prose that ends it: no words of that row's name
                    words = " ".join(tail)
                    if row.base.endswith(words) and row.base != words:
                        row.base = row.base[: -len(words)].strip()
                        if not row.named:
                            row.subject = row.base
                        used -= set(tail_at)
                close()
                cols, row = None, None
                above = raw
                continue
            used.add((number, at))
            if _CONNECTOR.match(cells[cols.subject]) and not cells[cols.criteria]:
                cells[cols.criteria], cells[cols.subject] = cells[cols.subject], ""
            subject, criteria = cells[cols.subject], cells[cols.criteria]
            others = [c for i, c in enumerate(cells) if i not in {cols.subject, cols.criteria}]
            indent = 0
            if criteria:
                crit_at = raw.find(criteria.split()[0], cols.starts[cols.criteria] - _SLACK)
                indent = max(0, crit_at - cols.starts[cols.criteria])
            records.append(Record(number, subject, criteria, indent, " ".join(others)))
            item = bool(criteria) and bool(_ITEM_START.match(criteria))
            # A short unmarked line at the criteria column's edge names a product or form
            # the row's next items are for ("Gel", "Sivextro (tedizolid)").
            subhead = (
                bool(criteria)
                and not item
                and indent <= 1
                and len(criteria.split()) <= 6
                and criteria[0].isupper()
                and not PART_HEAD.match(criteria.strip())
                and not _CONNECTOR.match(criteria)
                and not criteria.rstrip().endswith((".", ";", ":"))
                # a name, not a sentence: "Sivextro (tedizolid)", not "When the member is"
                and all(w[0].isupper() or not w[0].isalpha() for w in criteria.split()[1:])
            )
            # A name starts a row capitalized, or after a line whose name cell was empty
            # (lower-case generic names: "lofexidine"); its criteria start there too: an
            # item, a line at the column's edge ("BOTH of the following:"), or nothing yet.
            starts = (
                bool(subject)
                and (subject[0].isupper() or subject[0].isdigit() or not last_subject)
                and (
                    row is None
                    or row.base.count("[") + row.base.count("(")
                    <= row.base.count("]") + row.base.count(")")
                )  # a name still open
            )
            # a name cell runs over the lines right under it: a line of codes, or, in a
            # table whose rows a blank line sets apart, any line right under the name's
            if (
                starts
                and row is not None
                and (
                    _CODE_LINE.match(subject)
                    or spaced
                    and named_at == (number, at - 1)
                    and not row.base.endswith(".")
                )
            ):
                starts = False
            named_at = (number, at) if subject else named_at
            edge = bool(criteria) and indent <= _SLACK
            last_subject = subject
            alone = subject and not criteria and not any(cells[k] for k in cols.titles)
            tail = tail + [subject] if alone else []
            tail_at = tail_at + [(number, at)] if alone else []
            # a lead-in ("BOTH of the following:") waits for its items, and a name ending in
            # "or" / "of the" runs on: the next line belongs to the same row
            waiting = row is not None and (
                bool(row.lines)
                and row.lines[-1].text.rstrip().endswith(":")
                and item
                or bool(_OPEN_END.search(row.base))
            )
            if row is None or starts and not waiting and (item or subhead or edge):
                if row is not None and at and not lines[at - 1].strip():
                    spaced = True  # a row after a blank line: the table spaces its rows
                row = Row(number, subject, " ".join(x for x in others if x), base=subject)
                row.limits = limits
                rows.append(row)
            else:
                if not row.named:
                    row.subject = f"{row.subject} {subject}".strip()
                row.base = f"{row.base} {subject}".strip()
                row.other = " ".join(x for x in [row.other, *others] if x)
            if subhead:
                first = criteria.split()[0]
                name = criteria if first in row.base else f"{row.base} {criteria}"
                if row.lines:
                    row = Row(number, name, row.other, base=row.base)
                    rows.append(row)
                row.subject, row.named = name, True
                continue
            if criteria:
                row.lines.append(Line(number, indent, criteria))
            for k, title in cols.titles.items():
                if k == cols.criteria:
                    row.first = title
                elif cells[k]:
                    at_k = raw.find(cells[k].split()[0], cols.starts[k] - _SLACK)
                    line = Line(number, max(0, at_k - cols.starts[k]), cells[k])
                    row.more.setdefault(title, []).append(line)
    close()
    for row in rows:
        if row.more:
            row.lines = branch_lines(row)
    return rows, used


def branch_lines(row: Row) -> list[Line]:
    """A row of branch columns as one criteria cell cut into parts: each column's title
    (a part heading: "Initial authorization", "Reauthorization") over its lines; a column
    whose cell states no criteria ("Not applicable: ...") left out."""
    out: list[Line] = []
    for title, lines in [(row.first, row.lines), *row.more.items()]:
        if not lines or _NOT_APPLICABLE.match(lines[0].text):
            continue
        # a part heading the cell reader knows, whatever the column calls the branch
        # ("Subsequent authorization", "Continued approval criteria")
        initial = title.lower().startswith("initial")
        out.append(
            Line(lines[0].page, 0, "Initial authorization" if initial else "Reauthorization")
        )
        out.extend(lines)
    return out
