"""Criteria that point elsewhere instead of stating a requirement.

- A reference to a branch of the same policy ("met the initial criteria (A)", "meets
  initial approval criteria", "see section III") is judged by evaluating that branch on the
  case, and is met when the case documents that the plan approved the drug before.
- A reference to another document ("Refer to ERX.PA.01") names the document; it is not
  documented until that document's requirements are on file.

Compile time marks such leaves (``kind="reference"``, ``fields``: ``branch`` / ``target``
or ``document``); decide time judges them.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.models import Indication, PolicyNode, PolicyTree

_BRANCH = re.compile(
    r"\b(?:met|meets|meet|meeting|satisf(?:ied|ies|y)|fulfill(?:ed|s)?)\s+(?:all\s+(?:of\s+)?)?"
    r"(?:the\s+)?(?:plan'?s\s+)?(initial|original)\s+(?:approval\s+|authorization\s+|coverage\s+|"
    r"therapy\s+)?(?:criteria|requirements)(?:\s*\(\s*([A-Za-z0-9]{1,4})\s*\))?",
    re.I,
)
_SECTION = re.compile(r"\b(?:see|refer to|per|as in)\s+section\s+([IVX]+|\d+|[A-Z])\b", re.I)
_DOCUMENT = re.compile(
    r"\b(?i:refer to|see|per|as (?:outlined|described|defined) in)\s+(?:the\s+)?"
    r"([A-Z][A-Z0-9]{1,}(?:[.\-][A-Z0-9]+)+|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,6}\s+"
    r"(?:[Pp]olicy|[Gg]uideline|[Pp]rotocol|[Cc]riteria)(?:\s+[A-Z0-9][\w.\-]*)?)"
)
# A case fact that documents an earlier approval by the plan, or that the member met the
# plan's criteria: either settles "met the initial criteria" for a continuation.
_PRIOR_APPROVAL = re.compile(
    r"\b(?:previously|already|prior(?:ly)?|initially)\s+(?:been\s+)?(?:approved|authori[sz]ed)\b|"
    r"\b(?:approved|authori[sz]ed)\s+(?:by|under)\s+(?:the\s+)?(?:plan|payer|insurer|health plan)|"
    r"\bprior authori[sz]ation\b[^.]{0,40}\b(?:approved|granted|on file)\b|"
    r"\bme(?:ets|et)\s+(?:all\s+)?(?:of\s+)?the\s+(?:insurer|plan|payer|health plan)"
    r"(?:['’]s)?\s+criteria",
    re.I,
)


def reference_fields(text: str) -> dict | None:
    """The reference a criterion's text makes, or None. Only a short criterion is a
    reference: a long one that mentions initial criteria in passing states more."""
    if len(text) > 200:
        return None
    if m := _BRANCH.search(text):
        return {"branch": "initial", "label": m.group(2) or ""}
    if m := _SECTION.search(text):
        return {"branch": "section", "label": m.group(1)}
    if (m := _DOCUMENT.search(text)) and m.start() <= 40:  # the criterion is the pointer
        return {"document": m.group(1).strip()}
    return None


def resolve(tree: PolicyTree) -> list[str]:
    """Point each branch reference at the node it names (``fields['target']``, a node id
    of the same indication, else of a same-named indication elsewhere in the policy);
    problems for those that name nothing found."""
    problems: list[str] = []
    for ind in tree.indications:
        for branch in ind.branches:
            for leaf in branch.node.leaves():
                if leaf.kind != "reference" or "branch" not in leaf.fields:
                    continue
                target = _target(tree, ind, branch.node, leaf.fields)
                if target is None:
                    problems.append(
                        f"page {leaf.page}: {leaf.id} refers to criteria not found in the "
                        f"policy ({leaf.text[:60]!r}); it is judged as not documented"
                    )
                else:
                    leaf.fields["target"] = target.id
    return problems


def _target(tree: PolicyTree, ind: Indication, own: PolicyNode, fields: dict) -> PolicyNode | None:
    label = str(fields.get("label", "")).lower()
    same = [b for b in ind.branches if b.node is not own]
    if label:
        for b in same:
            if b.node.label.lower() == label or b.node.id.lower().endswith("." + label):
                return b.node
    if fields.get("branch") == "initial":
        for b in same:
            if b.request_type == "initial":
                return b.node
        for other in tree.indications:  # initial criteria in a section of their own
            if other is not ind and other.name.lower() == ind.name.lower():
                for b in other.branches:
                    if b.request_type in {"initial", "any"}:
                        return b.node
    if label:
        for other in tree.indications:
            for b in other.branches:
                if b.node.label.lower() == label and b.node is not own:
                    return b.node
    return None


def find_node(tree: PolicyTree, node_id: str) -> PolicyNode | None:
    for ind in tree.indications:
        for b in ind.branches:
            stack = [b.node]
            while stack:
                node = stack.pop()
                if node.id == node_id:
                    return node
                stack.extend(node.children)
    return None


def prior_approval(facts: list[CaseFact]) -> CaseFact | None:
    """The case fact documenting that the plan approved the drug before, if any."""
    return next((f for f in facts if _PRIOR_APPROVAL.search(f.text)), None)
