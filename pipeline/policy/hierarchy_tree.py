"""A rules export's rows (hierarchy_tables.py) → indications and exclusions.

Each top-level row with rows under it is a request type: its text names the subject and the
request type ("Drug X (Brand) - initial authorization, 12 months", "Renewal: Drug X"), and
rows for one subject are the branches of one indication; a top-level row that names no
request type over rows that each do ("Drug X" over "Initial" / "Renewal" groups) is an
indication over those branches. A group row's logic is its logic cell (ALL, ANY, "2 OF");
where the groups leave it blank, the connectors in their rows' cells ("OR" on every row
but the last) give it, and else every row is asked. A row with logic NONE (or a top-level
row titled as exclusions) lists what is denied: each criterion under it is an exclusion.
A subject that names a drug, not a condition, is put under the condition the text above
the table names ("criteria set for X therapies"), as run_in_branches.py names slides.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.policy import fields as F
from pipeline.policy.branch_names import _branch_kind
from pipeline.policy.condition_vocabulary import DOCUMENT_WORDS, names_condition
from pipeline.policy.exclusions import _exclusion
from pipeline.policy.groups import _node
from pipeline.policy.hierarchy_tables import (
    RuleRow,
    RuleTable,
    build_hierarchy,
    logic_of,
    read_hierarchy_tables,
)
from pipeline.policy.layout_text import running_lines
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode
from pipeline.policy.outline import Item, Line
from pipeline.policy.run_in_branches import _name, document_condition
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import _EXCLUSION_SECTION

# "criteria set for Fabry-like disease therapies", "for the treatment of X."
_FOR_CONDITION = re.compile(
    r"\bfor\s+(?:the\s+)?(?!the\b|treatment\b)((?:[\w'\-]+\s+){0,3}?[\w'\-]+)\s+"
    r"(?:therap(?:y|ies)|treatments?|drugs?|medications?|agents?|products?)\b|"
    r"\btreatment of\s+((?:[\w'\-]+\s+){0,3}?[\w'\-]+)(?=\s*[.,;()]|\s*$)",
    re.I,
)
_DURATION = re.compile(r"\b(\d+\s*(?:months?|years?|weeks?|days?))\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z)]\.)\s+(?=[A-Z])")
_TITLE_LABEL = re.compile(r"^[A-Z][A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3}:\s+(?=\S)")
_SPLIT_AT = re.compile(r"\s+[-–—]\s+|\s*[:,;]\s+|\s+")


def _subject(text: str) -> tuple[str | None, str | None, str | None]:
    """(subject, request type, approval) of a top-level row's text: the request type at its
    end ("Drug X - initial authorization, 12 months") or at its start ("Renewal: Drug X")."""
    approval = m.group(1) if (m := _DURATION.search(text)) else None
    # a set row's title sentence before its rule ("CKD-I: X, initial. Approve 12 months
    # when every Required row is met."): the title, less its own id label
    text = _TITLE_LABEL.sub("", _SENTENCE_END.split(text, maxsplit=1)[0]).rstrip(". ")
    whole = _branch_kind(text)
    if whole is not None:
        return None, whole[0], whole[1] or approval
    for cut in _SPLIT_AT.finditer(text):
        head, tail = text[: cut.start()].strip(" -–—:,;"), text[cut.end() :]
        if head and (kind := _branch_kind(tail)) is not None:
            return head, kind[0], kind[1] or approval
        if tail and (kind := _branch_kind(head)) is not None and cut.group().strip():
            return tail.strip(" -–—:,;"), kind[0], kind[1] or approval
    return text, None, approval


def table_condition(before: list[Line]) -> str | None:
    """The condition the text above a table names: "criteria ... for X therapies" / "for
    the treatment of X" in its lines, else a title ("Acromegaly therapies")."""
    text = " ".join(line.text for line in before)
    for m in _FOR_CONDITION.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        while words and words[0].lower() in DOCUMENT_WORDS:
            words = words[1:]  # "for plan member X therapies": the condition's own words
        if words and names_condition(" ".join(words)):
            name = " ".join(words)
            return name[:1].upper() + name[1:]  # a name, as a heading prints it
    return document_condition(before)


class _Reader:
    def __init__(self, pages: PageText, problems: list[str]) -> None:
        self.pages = pages
        self.problems = problems
        self.excluded: list[RuleRow] = []

    def node(self, row: RuleRow, node_id: str) -> PolicyNode | None:
        logic = logic_of(row.cells.get("logic", ""))
        if not row.children:
            item = Item("rule", row.key, row.text, row.page, 0, "")
            return _node(item, node_id, self.pages, self.problems)
        if logic is not None and logic[0] == "none":
            self.excluded.extend(_leaf_rows(row))  # "NONE": what it lists is denied
            self.problems.append(
                f"page {row.page}: rule {row.key or row.text[:30]} (NONE) inside a request "
                "type: its rows read as exclusions of the whole policy"
            )
            return None
        op, n = self._op(row, logic)
        children = [
            c
            for i, child in enumerate(row.children, 1)
            if (c := self.node(child, child.key or f"{node_id}.{i}")) is not None
        ]
        if not children:
            return None
        text, page, verified = _verbatim(row.text, row.page, self.pages)
        if not verified:
            self.problems.append(f"page {row.page}: text of {node_id} not found verbatim")
        count = {"at_least": n, "all_of": len(children)}.get(op, 1)
        group = {"id": node_id, "label": row.key, "text": text, "page": page, "op": op}
        return PolicyNode(**group, n=count, verified=verified, children=children)

    def _op(self, row: RuleRow, logic: tuple[str, int] | None) -> tuple[str, int]:
        if logic is not None and logic[0] in {"all_of", "any_of", "at_least"}:
            return logic
        # a blank group cell: the connectors its rows carry ("OR" on all but the last)
        joins = [logic_of(c.cells.get("logic", "")) for c in row.children[:-1]]
        if joins and all(j is not None and j[0] == "any_of" for j in joins):
            return "any_of", 1
        if logic is None and row.cells.get("logic", "").strip():
            self.problems.append(
                f"page {row.page}: logic {row.cells['logic']!r} of rule {row.key or row.text[:30]}"
                " not read; every row under it asked"
            )
        return "all_of", len(row.children)


def _leaf_rows(row: RuleRow) -> list[RuleRow]:
    if not row.children:
        return [row]
    return [leaf for c in row.children for leaf in _leaf_rows(c)]


def _excludes(row: RuleRow) -> bool:
    logic = logic_of(row.cells.get("logic", ""))
    if logic is not None and logic[0] == "none":
        return True
    denied = [logic_of(c.cells.get("logic", "")) for c in row.children]
    if denied and all(d is not None and d[0] == "none" for d in denied):
        return True  # "EXCL: Do not approve ..." over rows each marked "Deny"
    return bool(_EXCLUSION_SECTION.search(row.text)) and _subject(row.text)[1] is None


def _branches(row: RuleRow, reader: _Reader, at: str) -> tuple[str | None, list[Branch]]:
    """(subject, branches) of a top-level row with rows under it."""
    subject, kind, approval = _subject(row.text)
    typed = [(c, _subject(c.text)) for c in row.children]
    if kind is None and all(c.children and s[1] and s[0] is None for c, s in typed):
        # "Drug X" over "Initial authorization" / "Renewal" groups: each group a branch
        out = []
        for i, (child, (_, k, a)) in enumerate(typed, 1):
            if (node := reader.node(child, child.key or f"{at}.{i}")) is not None:
                out.append(Branch(request_type=k, approval=a, node=node))  # type: ignore[arg-type]
        return row.text, out
    node = reader.node(row, row.key or at)
    if node is None:
        return subject, []
    return subject, [Branch(request_type=kind or "any", approval=approval, node=node)]  # type: ignore[arg-type]


def _same_name(a: str, b: str) -> bool:
    """One subject, spelled out in one row and abbreviated in another ("Heart failure with
    left ventricular ejection fraction of 40% or more" / "Heart failure with LVEF of 40%
    or more"): equal once each spelled-out run is read as the initials the other prints."""
    return _initialled(a, b) == _initialled(b, a)


def _initialled(text: str, other: str) -> str:
    words = text.lower().split()
    for short in re.findall(r"\b[A-Z]{2,6}\b", other):
        n = len(short)
        for k in range(len(words) - n + 1):
            if "".join(w[:1] for w in words[k : k + n]) == short.lower():
                words[k : k + n] = [short.lower()]
                break
    return " ".join(words)


def _read(
    table: RuleTable, condition: str | None, pages: PageText, problems: list[str]
) -> tuple[list[Indication], list[Exclusion]]:
    reader = _Reader(pages, problems)
    out: list[Indication] = []
    for n, root in enumerate(build_hierarchy(table), 1):
        if not root.children:
            continue  # a note row at the top: no criteria
        if _excludes(root):
            reader.excluded.extend(_leaf_rows(root))
            continue
        subject, branches = _branches(root, reader, str(n))
        if not branches:
            continue
        name = _name(subject, condition) if subject else condition or root.text
        same = next((i for i in out if _same_name(i.name, name)), None)
        if same is None and subject is None and out:
            same = out[-1]  # "Renewal (12 months)" with no subject: the one before it
        if same is not None:
            same.branches.extend(branches)
            if same.name != name:  # the other spelling of its name goes on its text
                same.text = f"{same.text} {root.text}"
            continue
        out.append(
            Indication(
                id=str(len(out) + 1),
                name=name,
                text=root.text,
                page=root.page,
                icd10=F.icd10_codes(root.text),
                section=name,
                branches=branches,
            )
        )
    exclusions = [
        _exclusion(Item("rule", row.key, row.text, row.page, 0, ""), f"X{i}", pages)
        for i, row in enumerate(reader.excluded, 1)
    ]
    return out, exclusions


def _used(table: RuleTable, lines: list[Line]) -> tuple[set[int], int]:
    """The indices of ``lines`` the table printed, and where the first of them is."""
    keys = {(page, "".join(text.split())) for page, text in table.lines}
    used = {i for i, line in enumerate(lines) if (line.page, "".join(line.text.split())) in keys}
    return used, min(used, default=len(lines))


def hierarchy_indications(
    path: Path, raw: list[list[str]], lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int], list[Exclusion]] | None:
    """Indications and exclusions read from a rules export's tables, and the lines they
    take; None where no such table gives criteria (the other readers then read the policy)."""
    indications: list[Indication] = []
    exclusions: list[Exclusion] = []
    used: set[int] = set()
    local: list[str] = []
    for table in read_hierarchy_tables(path, running_lines(raw)):
        taken, first = _used(table, lines)
        found, excluded = _read(table, table_condition(lines[:first]), pages, local)
        for ind in found:
            ind.id = str(len(indications) + 1)
            indications.append(ind)
        exclusions.extend(excluded)
        used |= taken
    leaves = sum(len(b.node.leaves()) for ind in indications for b in ind.branches)
    if leaves < 2:
        return None
    problems.extend(local)
    return indications, used, exclusions
