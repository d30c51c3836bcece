"""A criterion that the drug starts within some time of the last dose of an earlier therapy
("Olaparib starts within 12 weeks of the last dose of platinum chemotherapy"), judged by
code from a clause that states the start and the gap in its own words ("first dose planned
04/06/2026, 18 weeks 6 days after the last carboplatin dose").

The clause must name a start (start, starting, first dose, begin, planned) before the gap,
not denied between them, and the earlier
therapy by a word of the criterion's (a stem inside a drug's name counts: "platinum" in
"carboplatin"). Met where the gap is within the time asked; not met where it is longer and
the criterion offers no other way (", or ..."). Clauses that disagree decide nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4}
_ASKED = re.compile(
    r"^(?P<subject>.+?)\s+(?:starts|begins|is\s+started|is\s+begun|is\s+initiated|will\s+"
    r"(?:be\s+)?(?:start|begin|started|initiated))\s+within\s+(?P<n>\d+)\s+"
    r"(?P<unit>day|week|month)s?\s+(?:of|after|from)\s+(?:the\s+)?(?:last|final)\s+"
    r"(?:dose|cycle|infusion|course)\s+of\s+(?P<what>.+?)\.?$",
    re.I,
)
_GAP = re.compile(
    r"(?P<n1>\d+)\s+(?P<u1>day|week|month)s?(?:,?\s+(?:and\s+)?(?P<n2>\d+)\s+(?P<u2>day|week)s?)?"
    r"\s+after\s+(?:the\s+)?(?:last|final)\b(?P<rest>[^.;]*)",
    re.I,
)
_START = re.compile(r"\b(?:start\w*|first dose|begin\w*|began|planned|initiat\w*)\b", re.I)
_GENERIC = {"chemotherapy", "therapy", "treatment", "regimen", "agent", "agents", "drug"}


def _stems(what: str) -> list[str]:
    words = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", what)]
    return [w[:6] for w in words if w not in _GENERIC]


def judge_start_after_last_dose(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text.strip())
    if not m:
        return None
    limit = float(m.group("n")) * _DAYS[m.group("unit").lower()]
    stems = _stems(m.group("what"))
    if not stems:
        return None
    found: list[tuple[bool, str, float]] = []
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            gap = _GAP.search(clause)
            starts = [s for s in _START.finditer(clause) if gap and s.start() < gap.start()]
            # "(no bevacizumab) starting 01/26/2026, 8 weeks after ...": a denial before the
            # start is another thing's; one between the start and the gap is the start's
            if not gap or not starts or negates(clause[starts[-1].start() : gap.start()]):
                continue
            words = re.findall(r"[A-Za-z]+", gap.group("rest").lower())
            if not any(s in w for s in stems for w in words):
                continue  # the last dose of another thing
            days = float(gap.group("n1")) * _DAYS[gap.group("u1").lower()]
            if gap.group("n2"):
                days += float(gap.group("n2")) * _DAYS[gap.group("u2").lower()]
            found.append((days <= limit, fact.id, days))
    if not found or len({ok for ok, _, _ in found}) != 1:
        return None
    ok, fid, days = found[0]
    said = f"{fid}: started {days:g} days after the last dose ({limit:g} days asked at most)"
    if ok:
        return "met", [fid], said
    if re.search(r",\s*or\b", text):
        return None  # another way to meet it
    return "not_met", [fid], said
