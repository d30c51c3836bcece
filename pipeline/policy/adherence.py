"""Criteria that ask a documented difficulty taking a medicine despite adherence support
("documented difficulty taking daily or event-based tablets despite adherence support"),
judged by code: met where a note states doses missed or poor adherence (not denied)
despite support, counselling or reminders ("repeatedly missed doses despite reminders, app
support and adherence counselling"), about an oral medicine where the criterion asks
tablets. Only "met": a note silent on adherence says nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_ASKS = re.compile(
    r"\b(?:difficult(?:y|ies)|trouble|unable|inability|poor adherence|non-?adherence)\b"
    r".*\bdespite\b.*\b(?:adherence|support|counsel\w*)\b",
    re.I,
)
_POOR = re.compile(
    r"\b(?:missed (?:\w+ )?doses|missing (?:\w+ )?doses|poor adherence|non-?adheren\w*|"
    r"unable to take|difficult(?:y|ies) (?:taking|with|adhering))\b",
    re.I,
)
_DESPITE = re.compile(r"\bdespite\b[^.;]*\b(?:support|counsel\w*|reminders?|adherence)\b", re.I)
_ORAL = re.compile(r"\b(?:oral|tablets?|pills?|capsules?)\b", re.I)


def judge_adherence(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if not _ASKS.search(text):
        return None
    oral = bool(_ORAL.search(text))
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if not (_POOR.search(clause) and _DESPITE.search(clause)) or negates(clause):
                continue
            if oral and not _ORAL.search(fact.text):
                continue  # tablets asked: the note must be about an oral medicine
            return "met", [fact.id], f"{fact.id} states poor adherence despite support"
    return None
