"""A criterion that a specialist asks for the drug, the specialties named in its words
("A children's liver doctor (pediatric hepatologist or gastroenterologist) is asking for
it"), read as the prescriber list is (care_setting): met where a note names one of the
specialties for a clinician it does not deny, not met where a note states a prescriber of
another specialty and none names one of them."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.care_setting import REFUSED_VISIT, names_specialty, states_prescriber
from pipeline.policy.criterion_terms import clauses, negates
from pipeline.policy.models import Found

_ASKS = re.compile(
    r"\b(?:is|are)\s+(?:asking|requesting)\s+for\s+it\b|\b(?:asks|requests|prescribes)\s+it\b",
    re.I,
)
_NAMED = re.compile(
    r"\(((?:(?:pediatric|paediatric|adult|transplant)\s+)?\w+(?:ologist|iatrist|ician)s?"
    r"(?:\s*(?:,|or)\s*(?:(?:pediatric|paediatric|adult|transplant)\s+)?\w+(?:ologist|iatrist|"
    r"ician)s?)*)\)",
    re.I,
)


def _stem(name: str) -> str:
    last = re.findall(r"[a-z]+", name.lower())[-1]
    return re.sub(r"(ists?|ians?)$", "", last)


def judge_specialist_request(text: str, facts: list[CaseFact]) -> Found | None:
    if not _ASKS.search(text) or len(_NAMED.findall(text)) != 1:
        return None
    named = [s.strip() for s in re.split(r",|\bor\b", _NAMED.search(text).group(1)) if s.strip()]
    pairs = [(s, _stem(s)) for s in named if len(_stem(s)) >= 5]
    if not pairs:
        return None
    for fact in facts:
        for c in clauses(fact.text):
            if any(names_specialty(s, t, c) for s, t in pairs) and not (
                negates(c) or REFUSED_VISIT.search(c)
            ):
                return "met", [fact.id], "the documented specialty is one the criterion names"
    stated = [f for f in facts if states_prescriber(f)]
    if stated:
        return "not_met", [stated[0].id], "the documented prescriber is of another specialty"
    return None
