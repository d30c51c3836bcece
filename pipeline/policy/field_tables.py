"""Criteria written in a form's field table: the Medicare Part D prior authorization
template every Part D plan publishes (a row per field: "Drug Name(s)", "Covered Uses",
"Exclusion Criteria", "Required Medical Information", "Age Restrictions", "Prescriber
Restrictions", "Coverage Duration", "Other Criteria"), the criteria inline in a cell:

    Required Medical Information   Chronic ITP, initial therapy: (1) diagnosis of ... AND
                                   (2) a platelet count below ... AND (3) one of the
                                   following: (a) ..., or (b) ... .
                                   Chronic ITP, continuation: (1) ...

Each "<condition>[, <request type>]:" run-in opens a statement; its numbered items are
the criteria, joined as their connectors say ("AND" / "OR"), an item's own "(a) ... or
(b)" a group of it (groups._node reads it). A cell with no run-in is one statement
named by the drug group. "Exclusion Criteria" sentences are exclusions. The rest (age,
prescriber, duration) applies to the whole drug group and is left to its fields.
"""

from __future__ import annotations

import re

from pipeline.policy.branch_names import _BRANCH_CONTINUED, _BRANCH_INITIAL
from pipeline.policy.branch_split import split_tree
from pipeline.policy.exclusions import _dedupe
from pipeline.policy.groups import _node
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyTree
from pipeline.policy.outline import Item
from pipeline.policy.references import resolve
from pipeline.policy.verbatim import PageText

_FIELD = re.compile(
    r"^\s{0,3}(drug names?(?:\(s\))?|covered uses|exclusion criteria|required medical "
    r"information|age restrictions?|prescriber restrictions?|coverage duration|other criteria|"
    r"indications|off-label uses|part b prerequisite|prerequisite therapy required|"
    r"pa criteria)\s{2,}(\S.*)$",
    re.I,
)
_CRITERIA_FIELDS = {"required medical information", "other criteria"}
# "Chronic or persistent ITP, initial therapy: (1)" - a statement's run-in before its list
_RUN_IN = re.compile(r"(?:^|(?<=[.;]\s))([A-Z][^:()]{2,100}?):\s*(?=\((?:1|a)\)\s)")
_ITEM = re.compile(r"(?:(?<=\s)|^)\((\d{1,2})\)\s+")
_JOIN = re.compile(r"[\s,;]*\b(AND|OR)\b[\s,;]*$", re.I)


def _fields(pages: list[list[str]]) -> list[list[tuple[str, str, int]]]:
    """The field rows of each drug group: (label, value, page), the value's wrapped lines
    joined; a new group starts where a label comes round again."""
    groups: list[list[tuple[str, str, int]]] = []
    current: list[tuple[str, str, int]] = []
    value_at: int | None = None
    for page_no, lines in enumerate(pages, 1):
        for line in lines:
            m = _FIELD.match(line)
            if m:
                label = m.group(1).lower()
                if label.startswith("drug name") or any(label == x for x, _, _ in current):
                    if current:
                        groups.append(current)
                    current = []
                current.append((label, m.group(2).strip(), page_no))
                value_at = m.start(2)
                continue
            start = len(line) - len(line.lstrip())
            if current and value_at is not None and line.strip() and start >= value_at - 2:
                label, value, page = current[-1]
                current[-1] = (label, f"{value} {line.strip()}", page)
            elif line.strip():
                value_at = None  # a line at the margin closes the field
    if current:
        groups.append(current)
    return [g for g in groups if any(label in _CRITERIA_FIELDS for label, _, _ in g)]


def _branch(head: str) -> tuple[str, str]:
    """(condition, request type) of a run-in: "Chronic ITP, initial therapy"."""
    name, _, tail = head.rpartition(",")
    tail = tail.strip()
    if name and _BRANCH_CONTINUED.match(tail):
        return name.strip(), "continuation"
    if name and _BRANCH_INITIAL.match(tail):
        return name.strip(), "initial"
    return head.strip(), "any"


def _statement(head: str, body: str, page: int) -> Item | None:
    """The statement's item: its run-in, over its numbered criteria."""
    marks = list(_ITEM.finditer(body))
    if not marks or [m.group(1) for m in marks] != [str(i) for i in range(1, len(marks) + 1)]:
        return None
    item = Item("para", "", f"{head}:", page, 0, "")
    ends = [m.start() for m in marks[1:]] + [len(body)]
    for m, end in zip(marks, ends, strict=True):
        text = body[m.end() : end].strip()
        joined = _JOIN.search(text)
        text = _JOIN.sub("", text).strip().rstrip(".;")
        child = Item("inline", f"({m.group(1)})", text, page, 4, "")
        child.joined = joined.group(1).upper() if joined and end < len(body) else ""
        item.children.append(child)
    return item


def field_table_tree(
    pages: list[list[str]], page_text: PageText, problems: list[str]
) -> tuple[list[Indication], list[Exclusion]]:
    """The indications and exclusions a Part D-style field table states (none elsewhere)."""
    indications: list[Indication] = []
    exclusions: list[Exclusion] = []
    by_name: dict[str, Indication] = {}
    for g, group in enumerate(_fields(pages), 1):
        drug = next((v for label, v, _ in group if label.startswith("drug name")), "")
        for label, value, page in group:
            if label == "exclusion criteria":
                for k, sentence in enumerate(re.split(r"(?<=\.)\s+", value), 1):
                    if len(sentence.split()) >= 3:
                        text = sentence.strip().rstrip(".")
                        exclusions.append(
                            Exclusion(id=f"F{g}.X{k}", name=text[:80], text=text, page=page)
                        )
            if label not in _CRITERIA_FIELDS:
                continue
            runs = list(_RUN_IN.finditer(value))
            heads = [(m.group(1), m.end()) for m in runs] or [(drug or "Criteria", 0)]
            ends = [m.start() for m in runs[1:]] + [len(value)]
            for (head, start), end in zip(heads, ends, strict=True):
                item = _statement(head, value[start:end], page)
                if item is None:
                    continue
                name, request_type = _branch(head)
                key = " ".join(name.lower().split())
                ind = by_name.get(key)
                if ind is None:
                    ind = Indication(
                        id=f"F{g}.{len(by_name) + 1}",
                        name=name,
                        text=head,
                        page=page,
                        section=f"Drug Name(s): {drug}" if drug else "",
                    )
                    by_name[key] = ind
                    indications.append(ind)
                node = _node(item, f"{ind.id}.{len(ind.branches) + 1}", page_text, problems)
                ind.branches.append(Branch(request_type=request_type, node=node))  # type: ignore[arg-type]
    return indications, exclusions


def field_table_reading(tree: PolicyTree, raw: list[list[str]], pages: PageText) -> PolicyTree:
    """A Part D-style field table's criteria (field_tables.py), where they explain the
    policy better than the outline did: more criteria, or the outline found none."""
    problems: list[str] = []
    found, excluded = field_table_tree(raw, pages, problems)
    had = sum(len(b.node.leaves()) for ind in tree.indications for b in ind.branches)
    got = sum(len(b.node.leaves()) for ind in found for b in ind.branches)
    if not found or got <= had:
        return tree
    tree.indications = found
    # the drug groups' names are what the policy covers: a request for one finds it
    groups = dict.fromkeys(ind.section for ind in found if ind.section)
    tree.scope = " ".join([*groups, tree.scope])[:4000]
    if len(groups) <= 1:
        # one drug group's exclusions are the document's; of several, each is its own
        # group's, and an exclusion has no scope: applied to another drug it would deny
        tree.exclusions = _dedupe([*excluded, *tree.exclusions])
    # the outline's problems were about the criteria this reading replaces
    split_tree(tree)
    tree.problems = problems + resolve(tree)
    return tree
