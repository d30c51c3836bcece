"""The condition a branch's lead-in names ("Initial request: Approve for 12 months for
secondary hyperparathyroidism of chronic kidney disease when all of the following apply"),
for an indication whose own name the case's diagnoses do not hold because it is written
in a short form the policy never defines ("SECONDARY HPT ON DIALYSIS")."""

from __future__ import annotations

import re

from pipeline.policy.models import Indication

# the last "for <words>" before "when / if / where / who": "for 12 months" is a term, not
# a condition, so a phrase that starts with a number is passed over
_FOR_CONDITION = re.compile(
    r"\bfor\s+(?P<what>(?:(?!\bfor\b)[^:;.])+?)\s+(?:when|if|where|who|in whom)\b", re.I
)


def lead_in_condition(ind: Indication) -> str:
    """The condition the lead-ins of the indication's branches name, one phrase per
    lead-in that names one (the same phrase once), or ""."""
    found: list[str] = []
    for branch in ind.branches:
        for m in _FOR_CONDITION.finditer(branch.node.text or ""):
            what = m.group("what").strip()
            if what and not what[0].isdigit() and what.lower() not in (f.lower() for f in found):
                found.append(what)
    return "; ".join(found)
