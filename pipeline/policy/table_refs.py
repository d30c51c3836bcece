"""A statement that applies to every row of a criteria table ("Initiation ... is medically
necessary when ALL of the following are met: 1. When used to treat an indication listed in
Table 1 and ALL of the indication-specific criteria are met; 2. the dose ...").

Each table row becomes an indication whose branch is the statement, its reference to the
table replaced by the row's own criteria; a statement with no such item ("Continuation ...
for the indications in Table 1 when ALL of the following") is that branch of every row.
"""

from __future__ import annotations

import re

from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.wording import _CONTINUATION, _INITIAL

_TABLE_REF = re.compile(
    r"\b(?:listed|indications?|conditions?|diagnos[ie]s)\s+(?:\w+\s+){0,2}(?:in|on)\s+"
    r"(?:the\s+)?table\b|\btable\s+\d+\b",
    re.I,
)


def _refers(node: PolicyNode) -> bool:
    return bool(_TABLE_REF.search(node.text))


def _reids(node: PolicyNode, prefix: str) -> PolicyNode:
    """A copy with ids under ``prefix``: a node copied into every row stays unique."""
    return node.model_copy(
        update={
            "id": f"{prefix}.{node.id}",
            "children": [_reids(c, prefix) for c in node.children],
        }
    )


def _replace(node: PolicyNode, target: PolicyNode, by: PolicyNode) -> PolicyNode:
    if node is target:
        return by
    return node.model_copy(update={"children": [_replace(c, target, by) for c in node.children]})


def _kind(statement: Indication, branch: Branch) -> str:
    if branch.request_type != "any":
        return branch.request_type
    if _CONTINUATION.match(statement.text):
        return "continuation"
    if _INITIAL.match(statement.text):
        return "initial"
    return "any"


def apply_table_statements(
    indications: list[Indication], rows: list[Indication]
) -> list[Indication]:
    """The indications with every statement over the table folded into its rows."""
    if not rows:
        return indications
    statements = [
        ind
        for ind in indications
        if ind not in rows
        and (
            _TABLE_REF.search(ind.text)
            or any(_refers(x) for b in ind.branches for x in b.node.leaves())
        )
    ]
    if not statements:
        return indications
    for row in rows:
        own = {b.request_type: b for b in row.branches}
        criteria = own.get("initial") or own.get("any")
        if criteria is not None and len(criteria.node.children) == 1:
            # the row's root holds one group: that group is the row's criteria
            only = criteria.node.children[0]
            criteria = criteria.model_copy(update={"node": only})
        composed: list[Branch] = []
        for statement in statements:
            for branch in statement.branches:
                kind = _kind(statement, branch)
                node = branch.node
                ref = next((x for x in node.leaves() if _refers(x)), None)
                if ref is not None and criteria is not None:
                    node = _replace(node, ref, criteria.node)
                elif ref is not None:
                    continue  # a row without criteria of its own: nothing to put there
                composed.append(
                    Branch(
                        request_type=kind,  # type: ignore[arg-type]
                        approval=branch.approval or (criteria.approval if criteria else None),
                        node=_reids(node, row.id) if node is not criteria else node,
                    )
                )
        if composed:
            kinds = {b.request_type for b in composed}
            row.branches = composed + [
                b
                for b in row.branches
                if b.request_type not in kinds and b.request_type != "initial"
            ]
    return [ind for ind in indications if ind not in statements]
