"""A criterion that names what must not be taken with the requested drug before it ("No
PDE5 inhibitor or nitrate will be taken with riociguat"): the list is the subject, the
requested drug the object. Read as polarity.judge_concomitant reads "not given together
with A, B or C": not met where a note states one of them given alongside, met where each
is stated absent or stopped, nothing otherwise."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates
from pipeline.policy.match import drug_words, words
from pipeline.policy.polarity import _ALONGSIDE, _SKIP, _STOPPED, _items, _names

_SUBJECT_WITH = re.compile(
    r"^\s*(?:no|neither)\s+(?P<items>.+?)\s+(?:will|is|are|may|should|must|can)\s+(?:be\s+)?"
    r"(?:taken|given|used|prescribed|administered|combined)\s+"
    r"(?:together\s+|concurrently\s+|at the same time\s+|in combination\s+)?with\s+"
    r"(?P<other>.+?)\s*\.?$",
    re.I,
)
_THIS_DRUG = re.compile(
    r"^(?:it|this (?:drug|medication|agent)|the requested (?:drug|agent))$", re.I
)


def judge_taken_with(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    m = _SUBJECT_WITH.match(text)
    if not m:
        return None
    other = m.group("other").strip()
    if not (_THIS_DRUG.match(other) or drug_words(drug) & words(other)):
        return None  # taken with something else than the request: not this reading
    items = _items(m.group("items"))
    if not items:
        return None
    settled: dict[str, str] = {}
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            for item in (i for i in items if _names(i, clause)):
                if negates(clause) or _STOPPED.search(clause):
                    settled.setdefault(item, fact.id)
                elif _ALONGSIDE.search(clause):
                    return "not_met", [fact.id], f"{fact.id} states {item} given alongside"
    if len(settled) == len(items):
        cited = list(dict.fromkeys(settled.values()))[:3]
        return "met", cited, "each of " + ", ".join(items) + " stated absent or stopped"
    return None
