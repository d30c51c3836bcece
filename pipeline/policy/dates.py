"""Dates in case facts, for criteria with a window ("on a test done within the past 14
days", "measured within the past 3 months").

A case file has no review date of its own; the latest full date its facts state (the most
recent note or result) stands for it: a reading is as old as the gap between its own
date and that one. A fact with no date, or a month and year only where the window is
shorter than a few months, has no age code can be sure of (the rule then says nothing).
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.units import NUMBER_WORD, count_value

_MONTH_NAMES = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NAMES = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_WORDS = re.compile(
    r"\b(" + _NAMES + r")\.?\s+(\d{1,2}),?\s+(\d{4})\b",
    re.I,
)


def full_dates(text: str) -> list[tuple[date, int]]:
    """Every day-precise date the text writes (MM/DD/YYYY, YYYY-MM-DD, "Feb 6, 2026"),
    with where it starts."""
    out: list[tuple[date, int]] = []
    for m in _NUMERIC.finditer(text):
        out += _make(int(m.group(3)), int(m.group(1)), int(m.group(2)), m.start())
    for m in _ISO.finditer(text):
        out += _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.start())
    for m in _WORDS.finditer(text):
        month = _MONTH_NAMES[m.group(1).lower()]
        out += _make(int(m.group(3)), month, int(m.group(2)), m.start())
    return sorted(out, key=lambda x: x[1])


def _make(year: int, month: int, day: int, at: int) -> list[tuple[date, int]]:
    try:
        return [(date(year, month, day), at)]
    except ValueError:
        return []


# A date in a sentence about what is to come ("ablation booked for 03/12/2026") is no
# date of the record: the review's today is the latest note or result.
_FUTURE = re.compile(
    r"\b(?:booked|scheduled|planned|plan|due|will|next|upcoming|appointment|expected|"
    r"to start|to begin)\b",
    re.I,
)


def as_of(facts: list[CaseFact]) -> date | None:
    """The latest day-precise date the case's facts state outside a sentence about what is
    to come: the review's "today"."""
    found = [
        d
        for f in facts
        if not f.text.startswith(("Requested", "Payer"))
        for d, at in full_dates(f.text)
        if not _FUTURE.search(_sentence_at(f.text, at))
    ]
    return max(found) if found else None


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at)) + 1
    end = min((i for i in (text.find(". ", at), text.find("; ", at)) if i >= 0), default=len(text))
    return text[start:end]


def reading_date(fact: CaseFact, at: int) -> date | None:
    """The date a reading at position ``at`` in the fact was taken: the last date written
    before it in the fact (its note's or test's date), or the first after it in the same
    sentence ("hemoglobin 8.7 g/dL on 02/06/2026")."""
    found = full_dates(fact.text)
    before = [d for d, start in found if start < at]
    if before:
        return before[-1]
    sentence_end = re.search(r"[.;](?:\s|$)", fact.text[at:])
    stop = at + (sentence_end.start() if sentence_end else len(fact.text))
    after = [d for d, start in found if at <= start < stop]
    return after[0] if after else None


def months_between(earlier: date, later: date) -> float:
    return (later - earlier).days / 30.4


_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})(?![\d/])")
_AGO = re.compile(r"\b(\d+|" + NUMBER_WORD + r")\s+(day|week|month|year)s?\s+ago\b", re.I)
_UNIT_MONTHS = {"day": 1 / 30.4, "week": 1 / 4.345, "month": 1.0, "year": 12.0}


def clause_age(clause: str, fact: CaseFact, today: date | None) -> tuple[float, float] | None:
    """(youngest, oldest) the clause's event can be, in months before ``today``: from a
    full date, a month and year (the whole month), or "N months ago"; None where the
    clause and its fact state no date."""
    if m := _AGO.search(clause):
        n = m.group(1).lower()
        months = count_value(n) * _UNIT_MONTHS[m.group(2).lower()]
        return months, months
    if today is None:
        return None
    at = fact.text.find(clause)
    if full := full_dates(clause):
        age = months_between(full[0][0], today)
        return age, age
    if m := _MONTH_YEAR.search(clause):
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1)
            return max(0.0, months_between(last, today)), months_between(first, today)
    if at >= 0 and (taken := reading_date(fact, at)):
        age = months_between(taken, today)
        return age, age
    return None
