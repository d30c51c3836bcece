"""A renewal's criterion of improvement shown by scores lower than at baseline ("The
prescriber documents improvement, such as fewer tender or swollen joints or a lower CDAI or
DAS28 score than at baseline"), judged by code from a fact that gives the scores under an
earlier label and again under a later one ("Before adalimumab (01/2025): CDAI 31,
DAS28-CRP 5.4. Today: CDAI 9, DAS28-CRP 3.0").

The scores are the abbreviations the criterion names; a fact must hold one earlier label
(baseline, pre-treatment, "before" the drug) and one later one (today, now, currently, at
renewal) after it, and each score once under each. Met where every score read is lower now;
not met where every score the criterion names is read and none is lower (the examples are
alternatives: one lower would show improvement); anything else decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts

_ASKS = re.compile(r"\b(?:improv\w*|respon\w*)\b", re.I)
_LOWER = re.compile(
    r"\b(?:lower|reduced|decreased|fewer|less)\b[^.;]*?\b(?:than|from|since)\s+(?:at\s+)?"
    r"(?:the\s+)?(?:baseline|pre-?treatment|before)\b",
    re.I,
)
_SCORE = re.compile(r"\b[A-Z][A-Z0-9]{2,7}\b")
_NOT_SCORES = {"AND", "THE", "FDA", "ICD"}
_EARLIER = re.compile(
    r"\b(?:baseline|pre-?treatment|before\s+(?:starting\s+)?[\w-]+)\b[^:.;]{0,25}:", re.I
)
_LATER = re.compile(r"\b(?:today|now|currently|at renewal|latest|most recent)\b[^:.;]{0,25}:", re.I)


def _value(score: str, text: str) -> float | None:
    """The score's one value in the text ("CDAI 31", "DAS28-CRP 5.4", "PASI: 12")."""
    found = re.findall(
        rf"\b{re.escape(score)}(?:-[A-Za-z]+)?\s*(?:score\s*)?(?:of\s+)?[:=]?\s*(\d+(?:\.\d+)?)\b",
        text,
    )
    return float(found[0]) if len(found) == 1 else None


def judge_score_improvement(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if not _ASKS.search(text) or not _LOWER.search(text):
        return None
    scores = [s for s in dict.fromkeys(_SCORE.findall(text)) if s not in _NOT_SCORES]
    if not scores:
        return None
    for fact in record_facts(facts):
        early, late = list(_EARLIER.finditer(fact.text)), list(_LATER.finditer(fact.text))
        if len(early) != 1 or len(late) != 1 or early[0].end() > late[0].start():
            continue
        before_text = fact.text[early[0].end() : late[0].start()]
        after_text = fact.text[late[0].end() :]
        read = {}
        for s in scores:
            before, after = _value(s, before_text), _value(s, after_text)
            if before is not None and after is not None:
                read[s] = (before, after)
        if not read:
            continue
        said = "; ".join(f"{s} {b:g} to {a:g}" for s, (b, a) in read.items())
        if all(a < b for b, a in read.values()):
            return "met", [fact.id], f"{fact.id}: lower than at baseline ({said})"
        if len(read) == len(scores) and all(a >= b for b, a in read.values()):
            return "not_met", [fact.id], f"{fact.id}: none lower than at baseline ({said})"
        return None
    return None
