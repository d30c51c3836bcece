"""Criteria that ask a drug or class received before ("members 18 years of age or older who
have previously received a biologic or targeted synthetic drug indicated for ulcerative
colitis"), not met where the facts deny every one of them outright, at any time ("No
biologic, JAK inhibitor or S1P modulator has ever been prescribed").

Only "not met" comes from here, and only from a denial for all time ("never", "ever", "no
prior"): "no biologic now" says nothing of the past. A criterion that offers another way
(", or ...") is not read.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts
from pipeline.policy.current_use import _without
from pipeline.policy.polarity import _items, _names

_RECEIVED = re.compile(
    r"\b(?:have|has)\s+(?:previously|already|ever)\s+(?:received|been treated with|"
    r"taken|used|tried)\s+(?P<items>.+)$",
    re.I,
)
# where the list of things ends: what they are for, or the next condition
_LIST_END = re.compile(r"\s+(?:indicated|approved|for|that|which|who|when|with|in)\b", re.I)
_EVER = re.compile(r"\b(?:ever|never|no prior|no previous|at any time|to date)\b", re.I)


def judge_never_received(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """("not_met", cited, reason) where every drug the criterion asks received before is
    denied for all time; None otherwise. The requested drug is none of them."""
    m = _RECEIVED.search(text)
    if not m or re.search(r",?\s+or\s+(?:who|has|have|is|are|the)\b", m.group("items")):
        return None
    listed = _LIST_END.split(m.group("items"), maxsplit=1)[0]
    items = _items(listed)
    if not items:
        return None
    denied: dict[str, str] = {}
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            clause = _without(clause, drug)
            named = [i for i in items if _names(i, clause)]
            if not named:
                continue
            if not (negates(clause) and _EVER.search(clause)):
                return None  # one of them stated some other way: a person reads it
            for item in named:
                denied.setdefault(item, fact.id)
    if len(denied) != len(items):
        return None
    cited = list(dict.fromkeys(denied.values()))[:3]
    return "not_met", cited, f"{', '.join(cited)} state {', '.join(items)} never received"
