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
# "Upper endoscopy within the past 12 months shows erosive esophagitis, ...": a test in the
# window and what it must show
_TEST_SHOWS = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?:[A-Za-z-]{3,}\s+)?(?P<event>[A-Za-z-]{4,})\s+(?:done\s+|"
    r"performed\s+)?within\s+(?:the\s+)?(?:last|past|previous|prior|preceding)\s+"
    r"(?P<n>\d+|" + NUMBER_WORD + r")\s+(?P<unit>day|week|month|year)s?\s+"
    r"(?:shows|showed|showing|demonstrates|demonstrated|confirms|confirmed)\s+"
    r"(?P<finding>[A-Za-z][A-Za-z -]{3,60}?)\s*(?:[,.;]|$)",
    re.I,
)
_EDGE = 0.5  # months: a date this near the window's edge is left to a person


def judge_event_recency(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _EVENT_WITHIN.match(text)
    if not m:
        return _judge_test_shows(text, facts)
    found = _dated(m, facts)
    if found is None:
        return None
    ages, window = found
    cited = list(dict.fromkeys(f.id for _, _, f in ages))[:3]
    if all(oldest <= window - _EDGE for _, oldest, _ in ages):
        how = f"{max(o for _, o, _ in ages):.1f} months ago"
        return "met", cited, f"{m.group('event')} {how}, within {window:g} months"
    if all(youngest > window + _EDGE for youngest, _, _ in ages):
        how = f"{min(y for y, _, _ in ages):.1f} months ago"
        return "not_met", cited, f"{m.group('event')} {how}, outside {window:g} months"
    return None


Ages = list[tuple[float, float, CaseFact]]


def _dated(m: re.Match[str], facts: list[CaseFact]) -> tuple[Ages, float] | None:
    """The ages (youngest, oldest, fact) of the dated clauses that name the event, and the
    window in months; None where no clause is dated."""
    window = count_value(m.group("n").lower()) * _UNITS[m.group("unit").lower()]
    head = m.group("event").lower()[:5]
    today = as_of(facts)
    ages: Ages = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if not re.search(rf"\b{re.escape(head)}", clause, re.I):
                continue
            if (age := clause_age(clause, fact, today)) is not None:
                ages.append((*age, fact))
    return (ages, window) if ages else None


def _judge_test_shows(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """Not met where every dated clause naming the test lies outside the window; met where
    every one lies inside it and one of their facts names the finding (its every word, not
    denied); nothing otherwise."""
    m = _TEST_SHOWS.match(text)
    if not m or (found := _dated(m, facts)) is None:
        return None
    ages, window = found
    cited = list(dict.fromkeys(f.id for _, _, f in ages))[:3]
    event = m.group("event")
    if all(youngest > window + _EDGE for youngest, _, _ in ages):
        how = f"{min(y for y, _, _ in ages):.1f} months ago"
        return "not_met", cited, f"the last {event} {how}, outside {window:g} months"
    if not all(oldest <= window - _EDGE for _, oldest, _ in ages):
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", m.group("finding"))]
    rest = text[m.end() :].strip(" .;")
    for _, _, fact in ages:
        low = fact.text.lower()
        if not _graded(rest, low):
            continue
        if words and all(w in low for w in words) and not _denied(words[0], low):
            return "met", [fact.id], f"{event} within {window:g} months shows {m.group('finding')}"
    return None


def _denied(word: str, text: str) -> bool:
    return bool(
        re.search(rf"\b(?:no|without|negative\s+for|ruled\s+out)\s+(?:\w+\s+){{0,2}}{word}", text)
    )


_GRADES = re.compile(r"\bgrades?\s+((?:[A-E1-5](?:,\s*|\s+or\s+|\s+and\s+)?)+)\s*$", re.I)


def _graded(rest: str, low: str) -> bool:
    """What the criterion adds after the finding holds: nothing, or a list of grades ("Los
    Angeles grade A, B, C or D") that holds the fact's grade. Anything else is not read."""
    if not rest:
        return True
    if (g := _GRADES.search(rest)) is None:
        return False
    listed = set(re.findall(r"[a-e1-5]", g.group(1).lower()))
    said = re.findall(r"\bgrade\s+([a-e1-5])\b", low)
    return len(set(said)) == 1 and said[0] in listed
