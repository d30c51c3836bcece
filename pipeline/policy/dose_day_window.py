"""A first dose timed within days of an event ("First dose falls between the day of
transplant and day 28 after it"), read from a note that numbers the day of the requested
drug's start after that event the way transplant and surgical notes do ("started on day
+5", "to be started 12/15/2026, on day +35", "first dose given 11/27/2026 (post-operative
day 3)").

Met where the one day so stated lies in the window, not met where it lies past it; no
such day, or several that differ, decide nothing (a date alone is left to the model)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, record_facts
from pipeline.policy.models import Found

_ASKED = re.compile(
    r"^(?:the\s+)?first\s+dose\s+(?:falls|is\s+given|is\s+started|starts|begins)\s+between\s+"
    r"the\s+day\s+of\s+(?:the\s+)?(?P<event>[a-z]+)\s+and\s+day\s+\+?(?P<n>\d+)\s+after(?:\s+it)?"
    r"\s*\.?$",
    re.I,
)
# "day +35", "day 5 after transplant", "post-operative day 3", "POD 3"
_DAY = re.compile(
    r"\b(?:post-?\s?(?:operative|transplant)\s+day|POD|day)\s+\+?(?P<d>\d{1,3})\b", re.I
)
_START = re.compile(r"\b(?:start\w*|first\s+dose|began|begun|initiat\w*|given)\b", re.I)


def judge_dose_day_window(text: str, facts: list[CaseFact], drug: str) -> Found | None:
    m = _ASKED.match(text.strip())
    if m is None:
        return None
    last = int(m.group("n"))
    names = {w.lower() for w in re.findall(r"[A-Za-z]{5,}", drug)}
    days: list[tuple[int, str]] = []
    for fact in record_facts(facts):
        for clause in clauses(fact.text):
            if not names & {w.lower() for w in re.findall(r"[A-Za-z]+", clause)}:
                continue
            if not _START.search(clause):
                continue
            days += [(int(d.group("d")), fact.id) for d in _DAY.finditer(clause)]
    if len({d for d, _ in days}) != 1:
        return None
    day, fid = days[0]
    if day <= last:
        return "met", [fid], f"{fid}: first dose on day {day} (day 0 to {last} asked)"
    return "not_met", [fid], f"{fid}: first dose on day {day}, after day {last}"
