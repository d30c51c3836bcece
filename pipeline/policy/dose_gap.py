"""A criterion that an event fall a number of days after the first dose ("the procedure is
scheduled 8 to 14 days after the first dose, so that dosing ends 2 to 8 days before it"),
judged by code where a note states that gap for the same event in days ("so the procedure
falls 3 days after the first dose", "the first dose is 10 days ... before the procedure").

Met: the gap is inside the range. Not met: outside it. Notes that give two gaps, or none,
decide nothing; what follows the range ("so that ...") explains it and asks nothing more."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, record_facts

_ASKED = re.compile(
    r"^\s*(?:the\s+)?(?P<event>[a-z-]+)\s+(?:is|will be|must be)\s+"
    r"(?:scheduled|planned|performed|done|booked)\s+(?P<lo>\d+)\s*(?:to|-|–)\s*(?P<hi>\d+)\s+"
    r"days\s+after\s+the\s+first\s+dose\s*(?P<tail>[,;]\s*so\s+that\b.*)?\.?\s*$",
    re.I,
)


def _gaps(clause: str, event: str) -> list[int]:
    """The days between the first dose and the event the clause states."""
    if not re.search(rf"\b{event}\b", clause, re.I):
        return []
    after = re.findall(r"\b(\d+)\s+days?\s+after\s+the\s+first\s+dose\b", clause, re.I)
    before = re.findall(
        rf"\bfirst\s+dose\s+(?:is|was|falls)\s+(\d+)\s+days?\b[^.;]*?\bbefore\s+the\s+{event}\b",
        clause,
        re.I,
    )
    return [int(n) for n in after + before]


def judge_dose_gap(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for an event asked some days after the first dose;
    None where code cannot be sure."""
    m = _ASKED.match(text)
    if not m:
        return None
    event, lo, hi = m.group("event"), int(m.group("lo")), int(m.group("hi"))
    found: list[tuple[str, int]] = []
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            found += [(fact.id, gap) for gap in _gaps(clause, event)]
    if len({g for _, g in found}) != 1:
        return None
    fact_id, gap = found[0]
    said = f"{fact_id}: the {event} {gap} days after the first dose, {lo} to {hi} asked"
    if not lo <= gap <= hi:
        return "not_met", [fact_id], said
    if m.group("tail") and not _tail_met(m.group("tail"), event, facts):
        return None  # "so that dosing ends 2 to 8 days before it": also asked, not stated
    return "met", [fact_id], said


_ENDS = re.compile(r"\bends\s+(\d+)\s*(?:to|-|–)\s*(\d+)\s+days\s+before\b", re.I)


def _tail_met(tail: str, event: str, facts: list[CaseFact]) -> bool:
    """The last dose falls as many days before the event as the tail asks, where it asks."""
    m = _ENDS.search(tail)
    if not m:
        return False
    lo, hi = int(m.group(1)), int(m.group(2))
    pattern = rf"\blast\s+dose\s+(?:is\s+|was\s+|falls\s+)?(\d+)\s+days?\s+before\s+the\s+{event}\b"
    gaps = {int(n) for f in record_facts(facts) for n in re.findall(pattern, f.text, re.I)}
    return len(gaps) == 1 and lo <= gaps.pop() <= hi
