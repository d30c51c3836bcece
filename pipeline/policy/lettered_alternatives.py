"""A form's legend saying its lettered rows are alternatives ("A lettered row is one way of
meeting its numbered row.", "Sub-items 3a-3c: any one is enough"): each numbered row over
lettered rows ("2 Patiromer is not suitable:" over "2a" / "2b") is met by any one of them,
where the row's own words state no logic. Read from the policy's text after the tree is
built; a group whose words state its logic ("all of", "both") keeps it.
"""

from __future__ import annotations

import re

from pipeline.policy.grant_logic import _logic
from pipeline.policy.models import PolicyNode, PolicyTree

_LEGEND = re.compile(
    r"\b(?:lettered|sub-?(?:items?|rows?|criteri(?:a|on)))\b[^.]{0,40}?"
    r"\b(?:one\s+way|alternatives?|any\s+one|either|one\s+of\s+them\s+is\s+enough)\b",
    re.I,
)
_SUB_LABEL = re.compile(r"^\d{1,2}\.?[a-z]$")


def _alternatives(node: PolicyNode) -> bool:
    return (
        node.op == "all_of"
        and len(node.children) >= 2
        and all(_SUB_LABEL.match(c.label or "") for c in node.children)
        and _logic(node.text) is None
    )


def lettered_alternatives(tree: PolicyTree, text: str) -> None:
    """Numbered rows over lettered rows read as any one of them, where the policy's legend
    says so."""
    if not _LEGEND.search(text):
        return
    for ind in tree.indications:
        for branch in ind.branches:
            for node in branch.node.nodes():
                if _alternatives(node):
                    node.op, node.n = "any_of", 1
