"""Criteria laid out in parts (the Centene / Envolve clinical-policy layout, and others):

    It is the policy of ... that X is medically necessary when the following criteria are met:
    I. Initial Approval Criteria
       A. <Condition> (must meet all):  1. ...  2. ... (a or b): a. ... b. ...
       B. Other diagnoses/indications ...
    II. Continued Therapy
       A. <Condition> (must meet all): ...      (or "All Indications in Section I")
    III. Diagnoses/Indications for which coverage is NOT authorized: A. ... B. ...

Each part says which request type its lettered conditions answer; a condition is an
indication, and its continuation pairs with the initial condition of the same name (a
continuation for "all indications" serves those with none of their own). The opening
sentence only introduces the parts: it is no indication of its own.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.exclusions import _exclusion
from pipeline.policy.groups import _node
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode
from pipeline.policy.outline import _BULLETS, Item
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import (
    _APPROVE_FOR,
    _APPROVES,
    _CONTAINER,
    _EXCLUSION_SECTION,
    _LIMITS_SECTION,
)

_CONTINUED = re.compile(r"continu|renewal|re-?authori[sz]|recertif|subsequent", re.I)
_INITIAL_PART = re.compile(
    r"\binitial\b|\bnew starts?\b|\bcriteria for (?:approval|coverage)\b", re.I
)
# The group's logic printed after a condition's name: "(must meet all)", "(a or b)".
_LOGIC_TAIL = re.compile(
    r"\s*[\(\[](?:must\s+meet[^)\]]*|[^)\]]{0,30}\b(?:and|or)\b[^)\]]{0,30})[\)\]]\s*:?\s*$",
    re.I,
)
# A continuation that serves every indication of the initial part.
_ALL_CONDITIONS = re.compile(
    r"^\s*all\s+(?:(?:other|covered|approved)\s+)?(?:indications|diagnoses|conditions|uses)\b",
    re.I,
)


def _kind(part: Item) -> str | None:
    """What a part heading answers: 'initial', 'continuation', 'exclusion' or None. A part
    is a roman-numbered heading ("II. Continued Therapy"), not a statement that approves:
    lettered branches of a statement ("A. Initial Therapy. Approve for 6 months if") are
    the statement's own branches."""
    head = part.text[:160]
    if part.style != "ROMAN" or len(head.split()) > 12 or _APPROVES.search(head):
        return None
    if _EXCLUSION_SECTION.search(head) or _LIMITS_SECTION.search(head):
        return "exclusion"
    if not _CONTAINER.search(head) and not _INITIAL_PART.search(head):
        return None
    if _CONTINUED.search(head):
        return "continuation"
    return "initial" if _INITIAL_PART.search(head) else None


def _conditions(part: Item) -> list[Item]:
    """A part's conditions: lettered names over criteria lists ("A. Asthma (must meet
    all):"), no statement that approves of its own; in a continuation part, a name run
    into its statement ("A. Crohn's disease Authorization of 12 months may be granted ...
    when all of the following criteria are met:") too: it pairs by that name."""
    renews = _kind(part) == "continuation"
    return [
        c
        for c in part.children
        if c.children and c.style not in _BULLETS and (renews or not _APPROVES.search(c.text))
    ]


def has_parts(item: Item) -> bool:
    """``item`` holds an initial part whose conditions carry criteria lists."""
    return any(_kind(c) == "initial" and _conditions(c) for c in item.children)


def condition_name(text: str) -> str:
    """'Moderate Asthma (must meet all):' → 'Moderate Asthma'."""
    head = text.split(":")[0] if ":" in text else text
    head = _LOGIC_TAIL.sub("", head + ":").strip().rstrip(":").strip()
    return head[:160]


def _key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _reid(node: PolicyNode, prefix: str) -> PolicyNode:
    """A copy of ``node`` whose ids start with ``prefix``: one continuation serving several
    indications is a node of each, with ids of its own."""
    copy = node.model_copy(deep=True)

    def walk(n: PolicyNode) -> None:
        n.id = f"{prefix}.{n.id}"
        for c in n.children:
            walk(c)

    walk(copy)
    return copy


def part_indications(
    item: Item, pages: PageText, problems: list[str]
) -> tuple[list[Indication], list[Exclusion]]:
    """The indications and exclusions of a statement laid out in parts."""
    indications: list[Indication] = []
    continuations: list[tuple[str, PolicyNode, str | None, Item]] = []
    exclusions: list[Exclusion] = []
    for p, part in enumerate(item.children, 1):
        kind = _kind(part)
        part_id = part.label or str(p)
        if kind == "exclusion":
            for i, child in enumerate(part.children or [part], 1):
                exclusions.append(_exclusion(child, f"X{part_id}.{child.label or i}", pages))
            continue
        if kind is None:
            continue
        for cond in _conditions(part):
            node_id = f"{part_id}.{cond.label}"
            node = _node(cond, node_id, pages, problems)
            approval = _APPROVE_FOR.search(" ".join([cond.text, *cond.notes, *cond.approvals]))
            duration = approval.group(1) if approval else None
            name = condition_name(cond.text)
            if kind == "continuation":
                continuations.append((name, node, duration, cond))
                continue
            text, page, _ = _verbatim(cond.text, cond.page, pages)
            indications.append(
                Indication(
                    id=node_id,
                    name=name,
                    text=text,
                    page=page,
                    icd10=F.icd10_codes(text),
                    section=part.text[:120],
                    request_type="initial",
                    branches=[Branch(request_type="initial", approval=duration, node=node)],
                )
            )
    _pair(indications, continuations, pages)
    return indications, exclusions


def _pair(
    indications: list[Indication],
    continuations: list[tuple[str, PolicyNode, str | None, Item]],
    pages: PageText,
) -> None:
    """Each continuation joins the initial indication of its name; one for all indications
    joins every indication left without one; any other is an indication of its own."""
    by_name = {_key(ind.name): ind for ind in indications}
    served: set[str] = set()
    general = []
    for name, node, duration, cond in continuations:
        if _ALL_CONDITIONS.match(name):
            general.append((node, duration))
            continue
        key = _key(name)
        named = [i for k, i in by_name.items() if k and f" {k} " in f" {key} "]
        if len(named) >= 2 and not by_name.get(key):
            # "Acute Lymphoblastic Leukemia and B-Cell Lymphoblastic Lymphoma": one
            # continuation names several initial conditions and serves each of them
            for i in named:
                if i.id in served:
                    continue
                own = node if i is named[0] else _reid(node, i.id)
                i.branches.append(Branch(request_type="continuation", approval=duration, node=own))
                served.add(i.id)
            continue
        ind = by_name.get(key) or next(
            # "Acute Lymphoblastic Leukemia" / "Ph-negative Acute Lymphoblastic Leukemia":
            # one name holds the other
            (
                i
                for k, i in by_name.items()
                if key and k and (f" {k} " in f" {key} " or f" {key} " in f" {k} ")
            ),
            None,
        )
        if ind is not None and ind.id not in served:
            ind.branches.append(Branch(request_type="continuation", approval=duration, node=node))
            served.add(ind.id)
        else:
            text, page, _ = _verbatim(cond.text, cond.page, pages)
            indications.append(
                Indication(
                    id=node.id,
                    name=name,
                    text=text,
                    page=page,
                    icd10=F.icd10_codes(text),
                    request_type="continuation",
                    branches=[Branch(request_type="continuation", approval=duration, node=node)],
                )
            )
    for node, duration in general:
        for ind in indications:
            if ind.id in served or ind.request_type == "continuation":
                continue
            own = _reid(node, ind.id)
            ind.branches.append(Branch(request_type="continuation", approval=duration, node=own))
    for ind in indications:
        if len(ind.branches) > 1:
            ind.request_type = "any"


def root_parts(roots: list[Item]) -> Item | None:
    """Parts printed at the margin (no statement above them): one container holding them,
    where an initial part's conditions are criteria lists no statement of their own grants
    (those the compiler reads as indications already keep that reading)."""
    found = [r for r in roots if r.style not in _BULLETS and _kind(r) is not None]
    initial = [c for r in found if _kind(r) == "initial" for c in _conditions(r)]
    if not initial or any(_APPROVES.search(c.text) for c in initial):
        return None
    holder = Item("para", "", "", found[0].page, found[0].indent, found[0].section)
    holder.children = found
    return holder
