"""Criteria that ask no history of a condition ("Patient has no personal or family history
of medullary thyroid carcinoma and no multiple endocrine neoplasia syndrome type 2"): not
met where a fact states one of the conditions, in the patient or, where the criterion asks
of the family too, in a relative ("brother had a total thyroidectomy at 41 for medullary
thyroid carcinoma").

Only "not met" comes from here: that no relative had a condition is seldom written in the
criterion's words, and the model's answer, checked, decides it. A clause states a
condition where it holds every content word of it and negates nothing outside its
parentheses ("(RET testing not done in the family)" is another statement).
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, _text_stems, negates, record_facts, stem

_HISTORY = re.compile(
    r"\bno\s+(?P<who>(?:personal|family)(?:\s+or\s+(?:personal|family))?\s+)?history\s+of\s+"
    r"(?P<items>.+)$",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:mother|father|brother|sister|sibling|son|daughter|parent|aunt|uncle|cousin|"
    r"grand\w+|relative|family)\b",
    re.I,
)
_GENERIC = {"syndrome", "type", "disease", "history", "personal", "family", "any", "other"}


def _words(item: str) -> set[str]:
    return {
        stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", item) if w.lower() not in _GENERIC
    }


def judge_history_absent(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _HISTORY.search(text.strip().rstrip("."))
    if not m:
        return None
    family = "family" in (m.group("who") or "").lower()
    parts = re.split(r"\s+and\s+no\s+|\s+or\s+no\s+|\s+or\s+|\s+and\s+|,\s*", m.group("items"))
    items = [w for w in (_words(p) for p in parts) if w]
    if not items:
        return None
    for fact in record_facts(facts, "Prior therap"):
        for clause in _clauses(fact.text):
            said = re.sub(r"\([^)]*\)", " ", clause)
            if negates(said) or (not family and _RELATIVE.search(said)):
                continue
            stems = _text_stems(said)
            for words in items:
                if words <= stems:
                    return (
                        "not_met",
                        [fact.id],
                        f"{fact.id} states a history the criterion excludes",
                    )
    return None
