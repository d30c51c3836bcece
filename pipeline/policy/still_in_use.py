"""A criterion that something goes on ("Member is still taking an opioid daily", "Diet is
still being followed", "Member still carries auto-injectable epinephrine"), judged by code
from the clauses that name the thing (by its words, or a drug of the class it names).

Not met: a clause names the thing and says it stopped ("the oxycodone was tapered and
stopped on 01/05/2026", "the family stopped the restricted diet"), and no clause says it
goes on. Met: a clause names the thing with every word the criterion qualifies it by
("daily") and says it goes on ("continues", "keeps to", "refilled"), and no clause says it
stopped. Anything else decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, coverage, requirements

_ACTIVE = re.compile(
    r"^\s*(?:(?:the\s+)?(?:member|patient|she|he|they)\s+)?(?:is\s+|are\s+)?still\s+"
    r"(?:taking|on|using|receiving|carr(?:y|ies)|keeps?|follows?|following)\s+"
    r"(?P<thing>.+?)\s*\.?\s*$",
    re.I,
)
_PASSIVE = re.compile(
    r"^\s*(?:the\s+|her\s+|his\s+)?(?P<thing>.+?)\s+(?:is|are)\s+still\s+(?:being\s+)?"
    r"(?:followed|taken|used|given|carried|kept)\s*\.?\s*$",
    re.I,
)
_GOES_ON = re.compile(
    r"\b(?:continu\w*|still|keeps?|kept to|ongoing|remains? on|refilled|carries)\b", re.I
)
_STOPPED = re.compile(
    r"\b(?:stopped|stop|discontinued|ceased|quit|no longer|came off|tapered off|halted|"
    r"abandoned|gave up)\b",
    re.I,
)
_SKIP = ("Payer", "Requested", "Patient:", "Diagnosis:")


def judge_still_in_use(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ACTIVE.match(text) or _PASSIVE.match(text)
    if not m:
        return None
    groups = requirements(m.group("thing"))
    if not groups:
        return None
    main = groups[:1]  # the thing itself; the rest qualify it ("daily")
    going: list[CaseFact] = []
    stopped: list[CaseFact] = []
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            if not coverage(main, clause):
                continue
            if _STOPPED.search(clause):
                stopped.append(fact)
            elif _GOES_ON.search(clause) and coverage(groups, clause) == len(groups):
                going.append(fact)
    if stopped and not going:
        return "not_met", [stopped[0].id], f"{stopped[0].id} states it stopped"
    if going and not stopped:
        return "met", [going[0].id], f"{going[0].id} states it goes on"
    return None
