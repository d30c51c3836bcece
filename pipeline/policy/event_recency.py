"""An event asked to lie within a window before the review ("Delivery was within the last 6
months", "Surgery occurred within the past 12 weeks"), judged by code from the dated
clauses that name the event ("Delivered by caesarean section 11/28/2025").

The event is the criterion's subject noun; a clause names it by the word's first five
letters ("delivery" / "delivered"). The clause's date (a full date, a month and year, "N
months ago": dates.clause_age) is counted back from the case's latest dated note. Met where
every clause naming the event lies inside the window, not met where every one lies
outside it; an event with no dated clause, clauses on both sides, or a date within two
weeks of the window's edge decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses
from pipeline.policy.dates import as_of, clause_age
from pipeline.policy.units import NUMBER_WORD, count_value

_UNITS = {"day": 1 / 30.4, "week": 1 / 4.345, "month": 1.0, "year": 12.0}
_EVENT_WITHIN = re.compile(
    r"^\s*(?:the\s+|her\s+|his\s+|their\s+)?(?P<event>[A-Za-z-]{4,})\s+"
    r"(?:was|were|occurred|happened|took\s+place|has\s+been|was\s+done|was\s+performed)\s+"
    r"within\s+(?:the\s+)?(?:last|past|previous|prior|preceding)\s+"
    r"(?P<n>\d+|" + NUMBER_WORD + r")\s+(?P<unit>day|week|month|year)s?\s*\.?\s*$",
    re.I,
)
_EDGE = 0.5  # months: a date this near the window's edge is left to a person


def judge_event_recency(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _EVENT_WITHIN.match(text)
    if not m:
        return None
    window = count_value(m.group("n").lower()) * _UNITS[m.group("unit").lower()]
    head = m.group("event").lower()[:5]
    today = as_of(facts)
    ages: list[tuple[float, float, CaseFact]] = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if not re.search(rf"\b{re.escape(head)}", clause, re.I):
                continue
            if (age := clause_age(clause, fact, today)) is not None:
                ages.append((*age, fact))
    if not ages:
        return None
    cited = list(dict.fromkeys(f.id for _, _, f in ages))[:3]
    if all(oldest <= window - _EDGE for _, oldest, _ in ages):
        how = f"{max(o for _, o, _ in ages):.1f} months ago"
        return "met", cited, f"{m.group('event')} {how}, within {window:g} months"
    if all(youngest > window + _EDGE for youngest, _, _ in ages):
        how = f"{min(y for y, _, _ in ages):.1f} months ago"
        return "not_met", cited, f"{m.group('event')} {how}, outside {window:g} months"
    return None
