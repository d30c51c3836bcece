"""The verdict by a rule over the whole tree, with its group semantics:
- all_of: any child not met → not met; all met → met; else not documented;
- any_of: any child met → met; all not met → not met; else not documented;
- at_least(n): n met → met; fewer than n still possible → not met; else not documented.
A failed judgment is not documented: nothing leaves the tree.
"""

from __future__ import annotations

import re
from itertools import product

from pipeline.policy.models import PolicyNode, Status


def combine(op: str, n: int, statuses: list[Status]) -> Status:
    live = [s for s in statuses if s != "not_applicable"]
    if not live:
        return "not_applicable"
    met = sum(s == "met" for s in live)
    failed = sum(s == "not_met" for s in live)
    if op == "all_of":
        return "not_met" if failed else "met" if met == len(live) else "not_documented"
    if op == "any_of":
        return "met" if met else "not_met" if failed == len(live) else "not_documented"
    if op == "at_least":
        if met >= n:
            return "met"
        return "not_met" if len(live) - failed < n else "not_documented"
    raise ValueError(f"unknown group op {op!r}")


def evaluate(node: PolicyNode, leaf_status: dict[str, Status]) -> Status:
    """The node's status from its leaves' statuses (a leaf with none is not documented)."""
    if node.op == "leaf":
        return leaf_status.get(node.id, "not_documented")
    return combine(node.op, node.n, [evaluate(c, leaf_status) for c in node.children])


def decided_without(node: PolicyNode, known: dict[str, Status], unknown: list[str]) -> bool:
    """True when no answer for the ``unknown`` leaves can change the node's status, so the
    model need not be asked about them."""
    outcomes = set()
    for fill in ("met", "not_met", "not_documented"):
        trial = dict(known) | {u: fill for u in unknown}
        outcomes.add(evaluate(node, trial))
    if len(outcomes) > 1:
        return False
    # Mixed answers too: every leaf met but one, and so on (small trees only).
    if len(unknown) <= 6:
        for combo in product(("met", "not_met", "not_documented"), repeat=len(unknown)):
            outcomes.add(evaluate(node, dict(known) | dict(zip(unknown, combo, strict=True))))
            if len(outcomes) > 1:
                return False
    return True


_INNER_MARKER = re.compile(
    r"(?<=\s)(?:\d+\.\d+(?:\.\d+)*|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s+(?=[A-Z])"
)
RUN_ON = (
    "several criteria run together in one item (the compiler could not split it): "
    "not judged; fix and confirm the tree (necessity policy export / confirm)"
)


# "...; AND beneficiary has ...": a list's item-end connector inside one item
_INNER_CONNECTOR = re.compile(r"[;,]\s*(?:AND|OR)\b|;\s*(?:and|or)\b")


def runs_on(text: str) -> bool:
    """An item that holds a list of its own: two inner clause markers, two item-end
    connectors ("; AND", "; or"), or over 100 words."""
    return (
        len(_INNER_MARKER.findall(text)) >= 2
        or len(_INNER_CONNECTOR.findall(text)) >= 2
        or len(text.split()) > 100
    )
