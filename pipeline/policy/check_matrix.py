"""A checklist matrix: criteria as a table's rows, the uses the policy covers as its columns,
a mark in a cell saying the row applies to that column's use, and the logic only in a legend
("X = required for the use in that column", "O = at least one of the rows marked O").

Read from the raw layout lines: a legend defines the marks; a table is a header row (a
criterion column, then one cell per use, its words on one or two lines) over rows whose
marks sit under the header's cells. A row's words wrap onto lines that start in lower case,
and its marks may sit on any of its lines. Each column is an indication; each table its
initial or renewal branch, by its title ("... Initial request (approval: 6 months)"). A
column's tree is all of its rows marked with a required mark, each one-of mark's rows one
group among them. A column headed by a label ("Use 1") takes its name from the sentence that
says what the label is ("Use 1 is cataplexy in narcolepsy (ICD-10 G47.411)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.column_cells import word_runs
from pipeline.policy.groups import _node
from pipeline.policy.header_columns import _group
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item
from pipeline.policy.verbatim import PageText

# "X = required ...", "O: at least one of the rows marked O": a mark and what it means
_LEGEND = re.compile(r"(?<![\w=])([A-Z✓✔●○■□◆◇*+])\s*[=:]\s+([^.=]{3,120})")
_ALL = re.compile(r"\b(?:required|must|all)\b", re.I)
_ONE = re.compile(r"\b(?:(?:at least |any )?one of|any of|either)\b", re.I)
_RENEWAL = re.compile(r"\b(?:renew\w*|continu\w*|re-?authori[sz]\w*|recertif\w*)\b", re.I)
_INITIAL = re.compile(r"\b(?:initial|first|new)\b", re.I)
_APPROVAL = re.compile(r"\b(\d{1,2}\s*(?:months?|weeks?|years?|days?))\b", re.I)
# "Use 1", "Column B", "Indication 2": a label a sentence elsewhere defines
_LABEL = re.compile(r"^((?:use|column|indication|condition|diagnosis)\s+[A-Z0-9]{1,2})\b", re.I)


@dataclass
class _Row:
    text: str
    marks: dict[int, str] = field(default_factory=dict)  # column → mark


@dataclass
class _Table:
    title: str
    page: int
    columns: list[str]
    rows: list[_Row]


def legend(text: str) -> dict[str, tuple[str, int]]:
    """Mark → (op, n) the document's legend gives it: required marks all_of, one-of marks
    any_of; a mark said to mean neither is left out."""
    out: dict[str, tuple[str, int]] = {}
    for m in _LEGEND.finditer(text):
        mark, meaning = m.group(1), m.group(2)
        if mark in out:
            continue
        if _ONE.search(meaning):
            out[mark] = ("any_of", 1)
        elif _ALL.search(meaning) and not re.search(r"\bnot\b", meaning, re.I):
            out[mark] = ("all_of", 0)
    return out if any(op == "all_of" for op, _ in out.values()) else {}


def _marks(raw: str, cols: list[int], marks: dict[str, tuple[str, int]]) -> tuple[str, dict]:
    """A line's words left of the columns, and its marks by column."""
    found: dict[int, str] = {}
    cells = word_runs(raw)
    words = []
    for start, text in cells:
        if start >= cols[0] - 6 and text in marks:
            k = min(range(len(cols)), key=lambda i: abs(cols[i] - start))
            found[k] = text
        else:
            words.append((start, text))
    return " ".join(t for _, t in words), found


def _header(lines: list[str], at: int) -> list[int] | None:
    """The column starts of a header row: a first cell at the left, then two or more
    short cells far right of it."""
    cells = word_runs(lines[at])
    if len(cells) < 3 or cells[0][0] > 8 or len(cells[0][1]) > 40:
        return None
    right = cells[1:]
    if right[0][0] < 30 or any(len(t) > 30 for _, t in right):
        return None
    return [s for s, _ in right]


def _column_names(lines: list[str], at: int, cols: list[int]) -> list[str]:
    names = [""] * len(cols)
    for line in lines[at : at + 2]:
        for start, text in word_runs(line):
            if start < cols[0] - 6:
                continue
            k = min(range(len(cols)), key=lambda i: abs(cols[i] - start))
            names[k] = f"{names[k]} {text}".strip()
    return names


def _read_table(
    lines: list[str], h: int, page: int, marks: dict[str, tuple[str, int]], used: set
) -> _Table | None:
    cols = _header(lines, h)
    if cols is None:
        return None
    names = _column_names(lines, h, cols)
    t = h - 1
    while t >= 0 and not lines[t].strip():
        t -= 1
    title = " ".join(lines[t].split()) if t >= 0 else ""
    taken = {h, t} if t >= 0 else {h}
    at = h + 1
    if at < len(lines) and lines[at].strip() and not _marks(lines[at], cols, marks)[1]:
        second = word_runs(lines[at])
        if second and second[0][0] >= cols[0] - 6:  # the header's second line of names
            taken.add(at)
            at += 1
    rows: list[_Row] = []
    unmarked, last = 0, h
    for k in range(at, len(lines)):
        raw = lines[k]
        if not raw.strip():
            continue
        words, found = _marks(raw, cols, marks)
        if any(s >= cols[0] - 6 for s, x in word_runs(raw) if x not in marks):
            break  # words in the mark columns: another table's header, the page's text
        if rows and (not words or words[:1].islower()):
            # a row's words wrapping (in lower case), or its marks on a line of their own
            rows[-1].text = f"{rows[-1].text} {words}".strip()
            rows[-1].marks.update(found)
        else:
            if rows and not rows[-1].marks:
                unmarked += 1
                if unmarked >= 2:
                    break
            rows.append(_Row(words, dict(found)))
            if found:
                unmarked = 0
        taken.add(k)
        if rows[-1].marks:
            last = k
    while rows and not rows[-1].marks:
        rows.pop()
    if not rows:
        return None
    used |= {(page, x) for x in taken if x <= last}
    return _Table(title, page, names, [r for r in rows if r.marks])


def _name(label: str, text: str) -> tuple[str, list[str]]:
    """A column's use: what the document says its label is, else the label's words."""
    m = _LABEL.match(label)
    if m is not None:
        said = re.search(
            rf"\b{re.escape(m.group(1))}\s+(?:is|=|:|-|covers)\s+((?:[^;.]|\.(?=\d)){{3,160}})",
            text,
            re.I,
        )
        if said is not None:
            name = said.group(1).strip()
            codes = re.search(r"\(([^()]*)\)\s*$", name)
            icd = F.icd10_codes(f"ICD-10 {codes.group(1)}") if codes else []
            name = name[: codes.start()].strip() if codes else name
            return name, icd
        rest = label[m.end() :].strip()
        return rest or label, []
    return label, []


def _tree(
    table: _Table, col: int, marks: dict, node_id: str, pages: PageText, problems: list[str]
) -> PolicyNode | None:
    """A column's tree: its required rows, and a group for each one-of mark's rows where the
    first of them stands."""
    children: list[PolicyNode | str] = []
    groups: dict[str, list[PolicyNode]] = {}
    for i, row in enumerate(table.rows, 1):
        mark = row.marks.get(col)
        if mark is None:
            continue
        item = Item("bullet", mark, row.text, table.page, 0, "")
        leaf = _node(item, f"{node_id}.{i}", pages, problems)
        if marks[mark][0] == "all_of":
            children.append(leaf)
            continue
        if mark not in groups:
            groups[mark] = []
            children.append(mark)
        groups[mark].append(leaf)
    out: list[PolicyNode] = []
    for child in children:
        if not isinstance(child, str):
            out.append(child)
        elif len(groups[child]) == 1:
            problems.append(f"page {table.page}: one row marked {child!r}; read as required")
            out.extend(groups[child])
        else:
            op, n = marks[child]
            page_text = pages.pages[table.page - 1]
            said = next((m.group(0) for m in _LEGEND.finditer(page_text) if m[1] == child), child)
            gid = f"{node_id}.{child}"
            out.append(_group(said, op, n, table.page, gid, groups[child], pages))
    if not out:
        return None
    return _group(table.title, "all_of", 0, table.page, node_id, out, pages)


def matrix_indications(
    raw: list[list[str]], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[tuple[int, int]]] | None:
    """Each column of the checklist matrices an indication, and the (page, line) places
    read; None where the document prints no legend of marks or no such table."""
    text = " ".join(pages.pages)
    marks = legend(text)
    if not marks:
        return None
    used: set[tuple[int, int]] = set()
    tables = [
        table
        for number, lines in enumerate(raw, 1)
        for h in range(len(lines))
        if (table := _read_table(lines, h, number, marks, used)) is not None
    ]
    if not tables:
        return None
    out: dict[str, Indication] = {}
    for t, table in enumerate(tables, 1):
        kind = "continuation" if _RENEWAL.search(table.title) else "initial"
        if kind == "initial" and not _INITIAL.search(table.title):
            kind = "any"
        approval = _APPROVAL.search(table.title)
        for k, label in enumerate(table.columns):
            node = _tree(table, k, marks, f"M{t}.{k + 1}", pages, problems)
            if node is None:
                continue
            if label not in out:
                name, icd = _name(label, text)
                out[label] = Indication(
                    id=f"M{len(out) + 1}",
                    name=name,
                    text=label,
                    page=table.page,
                    icd10=icd,
                    section=table.title,
                )
            branch = Branch(
                request_type=kind, node=node, approval=approval.group(1) if approval else None
            )  # type: ignore[arg-type]
            out[label].branches.append(branch)
    return (list(out.values()), used) if out else None
