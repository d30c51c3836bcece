"""A criterion that another treatment was considered and why it does not suit is recorded
("Iron sucrose has been considered and the reason it is not suitable is recorded"), met by
code where a fact clause names that treatment (every word of it), says it was weighed
("discussed", "considered", "offered", "reviewed") and gives a reason it does not suit
("because of shift work", "she cannot attend the five clinic visits it needs", "not
suitable", "contraindicated").

Only "met" comes from here; a treatment named without a reason, or a clause that says it
was not considered, decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import coverage, requirements

_ASKED = re.compile(
    r"^\s*(?P<alt>[A-Za-z][\w\s-]{2,60}?)\s+(?:has|have|was|were)\s+(?:been\s+)?"
    r"(?:considered|discussed|reviewed|evaluated)\s+and\s+(?:the\s+|a\s+)?reasons?\b",
    re.I,
)
_WEIGHED = re.compile(r"\b(?:discussed|considered|offered|reviewed|weighed|proposed)\b", re.I)
_REASON = re.compile(
    r"\b(?:because|due to|owing to|cannot|can't|unable|not suitable|unsuitable|"
    r"contraindicated|declined|refused|intoleran\w*|allerg\w*)\b",
    re.I,
)
_NOT_WEIGHED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:discussed|considered|offered)\b", re.I
)


def judge_alternative_considered(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    groups = requirements(m.group("alt"))
    if not groups:
        return None
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:", "Prior therapy")):
            continue
        # the treatment, the weighing and the reason in one sentence
        for sentence in re.split(r"(?<=[.!?])\s+", fact.text):
            if coverage(groups, sentence) < len(groups) or _NOT_WEIGHED.search(sentence):
                continue
            if _WEIGHED.search(sentence) and _REASON.search(sentence):
                return "met", [fact.id], f"{fact.id} states it was weighed, with the reason"
    return None
