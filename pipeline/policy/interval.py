"""Criteria that an event came at least some time before the first dose ("oral phosphate
and active vitamin D analogs were stopped at least 1 week before the first dose"),
judged by code from two dates the facts give: the event's (a clause that states most of
the criterion's terms, in its sense, with one full date) and the first dose's (a clause
that names the first dose with a full date after it).

Met: the gap is at least the one asked. Not met: the event came before the dose, but by
less, and the criterion offers no other way ("..., or will take antibiotic prophylaxis").
Anything else (no date, two dates for the event, a month and year only, the event stated
absent, an event after the dose) decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, coverage, negates, record_facts, requirements
from pipeline.policy.dates import full_dates
from pipeline.policy.recency import _FIRST_DOSE, _first_dose
from pipeline.policy.units import NUMBER_WORD, count_value

_DAYS = {"day": 1, "week": 7, "month": 30}
_BEFORE_DOSE = re.compile(
    r"^(?P<what>.+?)\s+(?:at least|no less than|a minimum of)\s+"
    r"(?P<n>\d+|" + NUMBER_WORD + r")\s+(?P<unit>day|week|month)s?\s+before\s+"
    r"(?:the\s+)?first\s+(?:dose|infusion|injection)\b",
    re.I,
)
# what the criterion says happened to the thing, and how a fact says it
_STOPPED = re.compile(r"\b(?:stopped|discontinued|ended|withdrawn)\b", re.I)
_LAST = re.compile(r"\b(?:last (?:taken|dose|given|used)|stopped|discontinued)\b", re.I)


def judge_interval(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for an event asked some time before the first
    dose; None where code cannot be sure."""
    m = _BEFORE_DOSE.search(text.strip())
    if not m:
        return None
    what = m.group("what")
    groups = requirements(what, drug)
    dose = _first_dose(facts)
    if len(groups) < 2 or dose is None or dose[0] != dose[1]:
        return None  # the dose's day not known to the day
    n = m.group("n").lower()
    need = count_value(n) * _DAYS[m.group("unit").lower()]
    stopped = bool(_STOPPED.search(what))
    found: list[tuple[CaseFact, int]] = []
    for fact in record_facts(facts, "Prior therap"):
        for clause in _clauses(fact.text):
            if coverage(groups, clause) < 2 or _FIRST_DOSE.search(clause):
                continue
            if negates(clause) or (stopped and not _LAST.search(clause)):
                continue  # the thing absent, or not said to have stopped
            dates = full_dates(clause)
            if len(dates) != 1:
                return None  # undated, or two dates: which is the event's is not code's
            found.append((fact, (dose[0] - dates[0][0]).days))
    gaps = {gap for _, gap in found}
    if len(gaps) != 1:
        return None  # nothing found, or dates that disagree
    gap = gaps.pop()
    cited = [found[0][0].id]
    said = f"{gap} days before the first dose, {need:g} asked"
    if gap >= need:
        return "met", cited, f"{cited[0]}: {said}"
    if gap >= 0 and not re.search(r"\bor\b", text[m.end() :]):
        # too short; where the criterion offers another way ("..., or will take antibiotic
        # prophylaxis"), that way is not read here: nothing is decided
        return "not_met", cited, f"{cited[0]}: only {said}"
    return None
