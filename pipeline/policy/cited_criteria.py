"""A branch that cites another branch's criteria of the same indication by number ("For a
renewal of 12 months, the first-approval criteria (1), (5) and (6) must still be met, plus
each of the following:"): the compiler keeps the cited criteria as notes on the branch's
root, printed as they are in the branch they come from. The judge must check them, not
approve past them: each note that is the text of a criterion of another branch is added to
the root (an all-of group) as a copy of that criterion, with ids of its own. Where the root
cites more criteria by number than its notes name, the citation is unresolved and the
branch is for a person."""

from __future__ import annotations

from pipeline.policy.letter_criteria import _cited
from pipeline.policy.models import Indication, PolicyNode


def _walk(node: PolicyNode) -> list[PolicyNode]:
    return [node, *(n for c in node.children for n in _walk(c))]


def _renamed(node: PolicyNode, prefix: str) -> PolicyNode:
    return node.model_copy(
        update={
            "id": f"{prefix}.{node.id}",
            "children": [_renamed(c, prefix) for c in node.children],
        }
    )


def with_cited_criteria(root: PolicyNode, indication: Indication) -> tuple[PolicyNode, str]:
    """(the root with the criteria it cites added as its items, why a person must decide:
    "" where every cited criterion was found)."""
    cites = _cited(root.text)
    if not root.notes and not cites:
        return root, ""
    others = {
        n.text.strip(): n
        for b in indication.branches
        if b.node is not root
        for n in _walk(b.node)
        if n is not b.node
    }
    found = [others[t.strip()] for t in root.notes if t.strip() in others]
    if cites and len(found) < len(cites):
        return root, (
            f"the branch cites criteria {', '.join(cites)} of another branch, and "
            f"{len(found)} of them were found: a person checks them"
        )
    if not found:
        return root, ""
    if root.op != "all_of":
        return root, "the branch cites other criteria outside an all-of group: a person checks them"
    added = [_renamed(n, f"{root.id}.cited") for n in found]
    children = [*root.children, *added]
    return root.model_copy(update={"children": children, "n": len(children)}), ""
