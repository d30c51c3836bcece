"""Words a policy defines for its criteria ('"treating specialist" means a hepatologist,
gastroenterologist or infectious diseases physician'): a criterion that uses the words
("The prescriber is a treating specialist") carries the definition as a note, and its kind
and fields are read with the words spelled out (a prescriber criterion then names the
specialties the definition lists). The criterion's own text stays as printed.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.models import PolicyNode, PolicyTree

# '"recipient" means a person enrolled ...', '“DAA” (direct-acting antiviral) refers to ...'
_DEFINITION = re.compile(
    r"[\"“]([A-Za-z][A-Za-z' -]{2,50})[\"”]\s*(?:\([^)]{1,40}\)\s*)?"
    r"(?:means|refers to|is defined as)\s+([^;]{3,300}?)(?=;|\.\s|\.$|$)"
)


def definitions(text: str) -> dict[str, tuple[str, str]]:
    """term (lower case) → (the definition as printed, what the term means)."""
    text = " ".join(text.split())
    # a term of two words or more: a one-word one names the party ('"recipient" means a
    # person enrolled ...'), no condition a criterion asks for
    return {
        m.group(1).lower(): (m.group(0), m.group(2))
        for m in _DEFINITION.finditer(text)
        if len(m.group(1).split()) >= 2
    }


def _define(leaf: PolicyNode, defined: dict[str, tuple[str, str]]) -> None:
    spelled = leaf.text
    for term, (printed, body) in defined.items():
        pattern = re.compile(rf"\b{re.escape(term)}\b", re.I)
        if not pattern.search(leaf.text):
            continue
        if printed not in leaf.notes:
            leaf.notes.append(printed)
        spelled = pattern.sub(lambda _m, b=body: b, spelled)
    if spelled == leaf.text:
        return
    kind, fields = F.classify(spelled, leaf.notes)
    if kind == leaf.kind:  # refined ("treating specialist": the specialties), never retyped
        leaf.fields = fields


def define_terms(tree: PolicyTree, text: str) -> None:
    """Each criterion that uses a word the policy defines, read with its definition."""
    defined = definitions(text)
    if not defined:
        return
    for ind in tree.indications:
        for branch in ind.branches:
            for leaf in branch.node.leaves():
                _define(leaf, defined)
