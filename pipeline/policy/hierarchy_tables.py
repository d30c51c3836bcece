"""Criteria tables whose hierarchy is explicit: a rules library's export, one ruled row per
rule ("Rule | Parent | Logic | Text", "ID | Level | Operator | Criterion", ...). Nothing in
the text nests: where a row sits in the tree is given by a column (its parent's ID, its
level), by dotted IDs ("R-3.1.a" under "R-3.1"), or by the indentation of its text in the
text column; how a group's rows combine is given only by a logic column (ALL / ANY /
"2 OF" / NONE, "-" on single criteria).

The header row names the columns, in any order and under any of the names such exports
use; a row starts where a key column (ID or level) holds a value beside text, and a line
with text only in the other columns goes on the row above (wrapped text, a wrapped
"NON" / "E" logic cell). A table running over a page break goes on after its repeated
header (or straight on at the same columns); the running header and footer lines are
passed over. Cells are read where the PDF draws each text run (pypdf's text visitor), as
row_tables.py reads them: the layout text may run a long cell into the next column.
hierarchy_tree.py turns the rows into indications and exclusions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from pipeline.policy import fields as F
from pipeline.policy.layout_text import is_running
from pipeline.policy.row_tables import _lines as row_lines

# Column names, one kind each (the whole header cell, case ignored).
_COLUMN_NAMES: dict[str, re.Pattern[str]] = {
    "parent": re.compile(
        r"^(?:parent(?:\s+(?:rule|id|node|item|step|criterion|ref))?(?:\s+(?:id|no\.?|#))?|"
        r"under|child\s+of|belongs\s+to|reports\s+to)$",
        re.I,
    ),
    "level": re.compile(r"^(?:level|lvl|depth|outline\s+level|nesting(?:\s+level)?|indent)$", re.I),
    "logic": re.compile(
        r"^(?:logic|operator|op|bool(?:ean)?|combine|combination|join|connector|"
        r"(?:group\s+)?logic\s+type|group\s+logic|match|rule\s+logic|requires?)$",
        re.I,
    ),
    "id": re.compile(
        r"^(?:rule|rule\s+(?:id|no\.?|#|number|code|ref)|id|criterion\s+(?:id|no\.?|#)|"
        r"node(?:\s+id)?|ref(?:erence)?|item(?:\s+id)?|step(?:\s+id)?|key|code|seq(?:uence)?|"
        r"no\.?|#)$",
        re.I,
    ),
    "text": re.compile(
        r"^(?:(?:rule\s+|criterion\s+|criteria\s+)?text|criteri(?:on|a)|description|"
        r"rule\s+description|statement|requirement|wording|condition|question|content)$",
        re.I,
    ),
}
_MAX_OTHER_COLUMNS = 2  # columns of no kind here ("Effective", "Notes")
# a row key: one token, "FAB-1.2.1", "R-3.1.a", "12", "C4"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_/]{0,23}$")
_LEVEL = re.compile(r"^(?:L|level\s*)?(\d{1,2})\.?$", re.I)
# a parent cell saying "none": the row is a top-level rule
_TOP = re.compile(r"^(?:[-–—]+|none|root|top|n/?a|\(none\)|0)?$", re.I)
_COLUMN_SLACK = 6.0  # points a cell may start left of its column's header
_INDENT_STEP = 6.0  # points of indentation in the text column that make one level

# Logic words → (op, n); "none" lists what is denied; "leaf" a single criterion.
_LOGIC_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:[-–—]+|leaf|criterion|crit|single|item|n/?a|)$", re.I), "leaf"),
    (
        re.compile(
            r"^(?:all|and|both|every|all\s+of(?:\s+the\s+following)?|must\s+meet\s+all)$", re.I
        ),
        "all_of",
    ),
    (
        re.compile(
            r"^(?:any|or|either|any\s+(?:one\s+)?of|one\s+of|any\s+one|at\s+least\s+(?:one|1)|"
            r"1\s+of(?:\s+\d+)?)$",
            re.I,
        ),
        "any_of",
    ),
    (re.compile(r"^(?:none|none\s+of|not|nor|exclude|exclusions?|deny|denied)$", re.I), "none"),
]
# "2 OF", "2 OF 3", "AT LEAST 2", "2+", "TWO OR MORE", "MIN 2", ">= 2"
_AT_LEAST = re.compile(
    r"^(?:(?:any\s+)?(\w+)\s+of(?:\s+\d+)?|at\s+least\s+(\w+)(?:\s+of)?|(\w+)\s*\+|(\w+)\s+or\s+more|"
    r"min(?:imum)?\.?\s+(\w+)|>=?\s*(\w+))$",
    re.I,
)


@dataclass
class Run:
    x: float
    y: float
    text: str
    end: float  # where the run's text ends, estimated from its font size


@dataclass
class RuleRow:
    """One rule of the export: its cells by column kind, the page and where its text sits."""

    page: int
    cells: dict[str, str]
    text_x: float  # where the row's text starts (its indentation in the text column)
    lines: list[str] = field(default_factory=list)  # the row's printed lines
    parent: RuleRow | None = None
    children: list[RuleRow] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.cells.get("id", "")

    @property
    def text(self) -> str:
        return " ".join(self.cells.get("text", "").split())


@dataclass
class RuleTable:
    header: str
    kinds: list[str]  # each column's kind ("other" for the rest)
    rows: list[RuleRow] = field(default_factory=list)
    # (page, printed line) of every line read: the rest of the policy is read without them
    lines: list[tuple[int, str]] = field(default_factory=list)


# the rows a count names after it ("any 1 of 6a-6b", "2 of 3a-3c"): "any 1 of" counts them
_OF_ROWS = re.compile(r"(?<=\bof)\s+\w{1,4}\s*(?:-|–|to|through)\s*\w{1,4}\s*$", re.I)


def logic_of(cell: str) -> tuple[str, int] | None:
    """("all_of" | "any_of" | "at_least" | "none" | "leaf", n) for a logic cell, or None for
    a word this reader does not know. A cell wrapped inside a word ("NON" / "E") reads
    joined."""
    for value in (" ".join(cell.split()), "".join(cell.split())):
        value = value.strip(" .:")
        for pattern, op in _LOGIC_WORDS:
            if pattern.match(value):
                return op, 1
        if m := _AT_LEAST.match(value):
            n = F.number(next(g for g in m.groups() if g))
            if n is not None and n >= 1:
                return ("any_of", 1) if n == 1 else ("at_least", n)
    if ";" in cell:
        # "Required; any 1 of 6a-6b": the row is required, and its rows combine by the count
        counted = [x for part in cell.split(";") if (x := logic_of(_OF_ROWS.sub("", part)))]
        return counted[-1] if counted else None
    return None


def _page_runs(page) -> list[Run]:
    runs: list[Run] = []

    def visit(text, cm, tm, _font, size) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[0] * cm[0]) or 1.0
            runs.append(Run(x, y, " ".join(text.split()), x + len(text) * size * scale * 0.5))

    page.extract_text(visitor_text=visit)
    return runs


def _lines(runs: list[Run]) -> list[list[Run]]:
    """Text runs grouped into lines, top to bottom, left to right (as row_tables.py groups
    them); runs drawn edge to edge (a word split into pieces) joined into one."""
    out: list[list[Run]] = row_lines(runs)  # type: ignore[arg-type]
    joined: list[list[Run]] = []
    for line in out:
        cells: list[Run] = []
        for run in sorted(line, key=lambda r: r.x):
            # a capitalised run the estimate of the one before overlaps is the next
            # column's cell ("... on the problem list" | "Required"), not its piece
            next_cell = run.x < cells[-1].end - 1.0 and run.text[:1].isupper() if cells else True
            if cells and run.x - cells[-1].end < 3.0 and not next_cell:
                last = cells[-1]
                gap = "" if run.x - last.end < 1.0 else " "
                cells[-1] = Run(last.x, last.y, f"{last.text}{gap}{run.text}", run.end)
            else:
                cells.append(run)
        joined.append(cells)
    return joined


def _kind(name: str) -> str:
    name = " ".join(name.split()).strip(" :")
    return next((k for k, p in _COLUMN_NAMES.items() if p.match(name)), "other")


def _header(line: list[Run]) -> list[str] | None:
    """The columns' kinds where ``line`` is an export's header: a text column, a key column
    (ID or level), and a parent or logic column, or a level column beside the IDs (a code
    list's "Code | Description" is no rules export, whatever its codes look like)."""
    if not 2 <= len(line) <= 8:
        return None
    kinds = [_kind(r.text) for r in line]
    found = set(kinds) - {"other"}
    if (
        kinds.count("other") > _MAX_OTHER_COLUMNS
        or any(kinds.count(k) > 1 for k in found)
        or "text" not in found
        or not found & {"id", "level"}
        # "Code | Description" gives no tree, nor does "Level | Description" (a scale)
        or not (found & {"parent", "logic"} or {"id", "level"} <= found)
    ):
        return None
    return kinds


def _column(x: float, starts: list[float]) -> int:
    col = 0
    for i, start in enumerate(starts):
        if x >= start - _COLUMN_SLACK:
            col = i
    return col


@dataclass
class _Open:
    table: RuleTable
    starts: list[float]
    row: RuleRow | None = None


def _cells(state: _Open, line: list[Run]) -> dict[str, list[Run]]:
    out: dict[str, list[Run]] = {}
    for run in line:
        kind = state.table.kinds[_column(run.x, state.starts)]
        out.setdefault(kind, []).append(run)
    return out


def _starts_row(cells: dict[str, list[Run]]) -> bool:
    key = cells.get("id") or cells.get("level")
    if not key or len(key) != 1 or "text" not in cells:
        return False
    if "id" in cells:
        return bool(_ID.match(cells["id"][0].text))
    return bool(_LEVEL.match(cells["level"][0].text))


def _add(state: _Open, line: list[Run], page: int) -> bool:
    """Read one line into the open table; False where the line is not the table's."""
    cells = _cells(state, line)
    text = " ".join(r.text for r in line)
    if _starts_row(cells):
        state.row = RuleRow(
            page,
            {k: " ".join(r.text for r in v) for k, v in cells.items()},
            cells["text"][0].x,
            [text],
        )
        state.table.rows.append(state.row)
        return True
    if state.row is None or cells.get("id") or cells.get("level"):
        return False  # prose across the columns: the table has ended
    for kind, runs in cells.items():
        # a wrapped cell: its words go on the row's (a logic word broken inside, "NON" /
        # "E", is joined when read)
        before = state.row.cells.get(kind, "")
        state.row.cells[kind] = f"{before} {' '.join(r.text for r in runs)}".strip()
    state.row.lines.append(text)
    return True


def read_hierarchy_tables(path: Path, running: set[str]) -> list[RuleTable]:
    """Every export table of rules in the PDF at ``path`` (``running``: the running header
    and footer lines a table running over a page break passes)."""
    tables: list[RuleTable] = []
    state: _Open | None = None
    for number, page in enumerate(PdfReader(str(path)).pages, 1):
        for line in _lines(_page_runs(page)):
            text = " ".join(r.text for r in line)
            kinds = _header(line)
            if kinds is not None:
                # a header printed again (after a page break, past a footer no running
                # line matched) goes on with its table: a rule's parent may be before it
                table = next((t for t in tables if t.header == text), None)
                if table is None:
                    table = RuleTable(text, kinds)
                    tables.append(table)
                table.lines.append((number, text))
                state = _Open(table, [r.x for r in line], table.rows[-1] if table.rows else None)
                continue
            if is_running(text, running):
                continue
            if state is not None:
                if _add(state, line, number):
                    state.table.lines.append((number, text))
                else:
                    state = None
    return [t for t in tables if len(t.rows) >= 3]


def build_hierarchy(table: RuleTable) -> list[RuleRow]:
    """The table's top-level rows, each row under its parent: by the parent column, else
    the level column, else the dotted keys, else the text's indentation."""
    rows = table.rows
    by_key = {r.key: r for r in rows if r.key}
    if "parent" in table.kinds:
        for row in rows:
            cell = " ".join(row.cells.get("parent", "").split())
            if not _TOP.match(cell):
                row.parent = by_key.get(cell) or _prefix_parent(row.key, by_key)
    elif "level" in table.kinds:
        levels = [_level(r.cells.get("level", "")) for r in rows]
        _by_depth(rows, levels)
    elif any(_prefix_parent(r.key, by_key) for r in rows):
        for row in rows:
            row.parent = _prefix_parent(row.key, by_key)
    else:
        steps = [round((r.text_x - rows[0].text_x) / _INDENT_STEP) for r in rows]
        _by_depth(rows, [sorted(set(steps)).index(s) for s in steps])
    for row in rows:
        if row.parent is row or _loops(row):
            row.parent = None
        if row.parent is not None:
            row.parent.children.append(row)
    return [r for r in rows if r.parent is None]


def _level(cell: str) -> int:
    m = _LEVEL.match(" ".join(cell.split()))
    return int(m.group(1)) if m else 0


def _by_depth(rows: list[RuleRow], depths: list[int]) -> None:
    stack: list[tuple[int, RuleRow]] = []
    for row, depth in zip(rows, depths, strict=True):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        row.parent = stack[-1][1] if stack else None
        stack.append((depth, row))


def _prefix_parent(key: str, by_key: dict[str, RuleRow]) -> RuleRow | None:
    """The row whose key is the longest proper prefix of ``key`` at a separator ("R-3.1.a"
    → "R-3.1" → "R-3")."""
    if (lettered := re.match(r"^(.*\d)[a-z]$", key)) and lettered[1] in by_key:
        return by_key[lettered[1]]  # "HF-I-06a" under "HF-I-06"
    cut = re.split(r"(?=[.\-_/])", key)
    for n in range(len(cut) - 1, 0, -1):
        head = "".join(cut[:n])
        if head in by_key and head != key:
            return by_key[head]
    return None


def _loops(row: RuleRow) -> bool:
    seen = {id(row)}
    node = row.parent
    while node is not None:
        if id(node) in seen:
            return True
        seen.add(id(node))
        node = node.parent
    return False
