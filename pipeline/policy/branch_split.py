"""A condition's initial and renewal lists printed as groups of one list, split into branches.

Forms and some policies print both request types under one condition heading, each as a
titled group: "Initial request (approval: 12 months) Patient must meet ALL of the
following:" then "Renewal request ...". Read as one list, an initial request would be judged
by the renewal criteria too (and never met). Where every item of a condition's list is a
group titled by a request type, and both kinds are there, each group is its branch.
"""

from __future__ import annotations

import re

from pipeline.policy.branch_names import _BRANCH_CONTINUED, _BRANCH_INITIAL, INITIAL_RE
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree

# "(approval: 12 months)", "approve for 6 months", "Approval Duration: 1 year"
_APPROVAL = re.compile(
    r"\b(?:approv\w*|authori[sz]\w*|duration)\b[^.;]{0,30}?\b(\d+\s*(?:months?|years?|weeks?))",
    re.I,
)
# markers and checkboxes before the title: "[ ] Renewal", "B. Initial", "2) Renewal"
_LEAD = re.compile(r"^(?:\[\s?[xX]?\s?\]\s*|[\u2610\u2611\u2612]\s*|\(?[A-Za-z0-9]{1,3}[.)]\s+)*")


def _kind(node: PolicyNode) -> str | None:
    if node.op == "leaf" or not node.children:
        return None
    title = _LEAD.sub("", node.text.strip())
    if _BRANCH_CONTINUED.match(title):
        return "continuation"
    if _BRANCH_INITIAL.match(title):
        return "initial"
    return None


def _approval(node: PolicyNode) -> str | None:
    found = _APPROVAL.search(node.text[:160])
    return found.group(1) if found else None


def _titled(root: PolicyNode, initial: bool) -> list[tuple[str, PolicyNode]] | None:
    """The request-type groups of a list, or None where its items are not all of them
    (``initial``: the list was read as the initial request's, under its band)."""
    while root.op != "leaf" and len(root.children) == 1 and _kind(root.children[0]) is None:
        root = root.children[0]  # a condition's one list under its heading
    kinds = [(_kind(c), c) for c in root.children]
    if len(kinds) == 2 and kinds[0][0] is None and kinds[1][0] == "continuation":
        # "Initiation" printed over both ("Reimbursement condition Initiation" / "1. X should
        # be reimbursed for ... who meet all of:" / "2. Renewal ... requires all of:"): the
        # untitled group before the renewal is the initial request's
        if kinds[0][1].op != "leaf" and (initial or INITIAL_RE.search(root.text)):
            kinds[0] = ("initial", kinds[0][1])
    if len(kinds) < 2 or any(k is None for k, _ in kinds):
        return None
    if {k for k, _ in kinds} != {"initial", "continuation"}:
        return None
    return [(k, c) for k, c in kinds if k is not None]


def split_branches(indication: Indication) -> bool:
    """Split the indication's one untyped branch where its list is its request types'
    groups, or its one initial branch with no continuation beside it where the list ends
    in the renewal's group; True where it did."""
    kinds = [b.request_type for b in indication.branches]
    if kinds == ["any"]:
        at = 0
    elif kinds.count("initial") == 1 and "continuation" not in kinds:
        at = kinds.index("initial")
    else:
        return False
    titled = _titled(indication.branches[at].node, kinds[at] == "initial")
    if titled is None:
        return False
    indication.branches[at : at + 1] = [
        Branch(request_type=kind, approval=_approval(node), node=node)  # type: ignore[arg-type]
        for kind, node in titled
    ]
    return True


def split_tree(tree: PolicyTree) -> PolicyTree:
    for indication in tree.indications:
        split_branches(indication)
    return tree
