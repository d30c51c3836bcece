"""Criteria that each end in a reference to the section that states them in full ("Age 18
years or older (2.1)", "Chemotherapy is continuing (3.1)", "... nabilone (4)"), as a
highlights sheet prints them: the reference is no words of the criterion (a number a
judge could read as a value), so it is dropped where most of the tree's criteria carry one;
a lone "(2)" ending one criterion among many is the criterion's own."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.models import PolicyNode, PolicyTree
from pipeline.policy.references import reference_fields

_REF = re.compile(r"\s*\(\d{1,2}(?:\.\d{1,2}){0,2}\)\s*$")
_MIN_REFS = 3


def drop_section_refs(tree: PolicyTree) -> None:
    leaves: list[PolicyNode] = [
        leaf for ind in tree.indications for b in ind.branches for leaf in b.node.leaves()
    ]
    ending = [leaf for leaf in leaves if _REF.search(leaf.text)]
    if len(ending) < _MIN_REFS or len(ending) < 0.6 * len(leaves):
        return
    for leaf in ending:
        leaf.text = _REF.sub("", leaf.text)
        leaf.kind, leaf.fields = F.classify(leaf.text, leaf.notes)
        if (ref := reference_fields(leaf.text)) is not None:
            leaf.kind, leaf.fields = "reference", ref
    for ex in tree.exclusions:
        ex.text = _REF.sub("", ex.text)
