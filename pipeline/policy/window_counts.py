"""A count over a window ("at least 6 units in the 24 weeks before the request", "at least
2 transfusions in the past 6 months"), judged by code where a note states the total of the
same thing over a window of the same length ("Transfusion record 07/28/2025 to 01/12/2026
(24 weeks): ... 5 units in total", "4 units in the 8 weeks from ...").

Not met: the total is below the count asked. Met: the total reaches it and the criterion
asks nothing more after its window ("... with no transfusion-free period longer than 6
weeks" is a second requirement, not read here). A note whose window is not the criterion's
length, one that ended more than a month before the case's latest date, or two notes that
disagree, decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts, stem
from pipeline.policy.dates import as_of, full_dates
from pipeline.policy.units import NUMBER_WORD, count_value

_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}
_N = rf"(?:\d+|{NUMBER_WORD})"
_ASKED = re.compile(
    rf"\b(?:at least|a minimum of|no fewer than)\s+(?P<n>{_N})\s+"
    r"(?P<what>(?:[a-z-]+\s+){0,5}?)(?:in|within|during|over)\s+the\s+"
    r"(?:past\s+|last\s+|previous\s+|preceding\s+|prior\s+)?"
    rf"(?P<w>{_N})\s+(?P<unit>day|week|month|year)s?\b",
    re.I,
)
# what may follow the window and still be the same requirement
_TAIL = re.compile(
    r"^\s*(?:(?:immediately\s+)?(?:before|prior to|preceding)\s+(?:the\s+)?"
    r"(?:request|first dose|start of (?:treatment|therapy)|initiation)\s*)?[.;]?\s*$",
    re.I,
)
_COUNTABLE = {"unit", "transfusion", "infusion", "episode", "attack", "admission", "visit"}
_WINDOW = re.compile(
    rf"\(\s*(?P<w>{_N})\s+(?P<unit>day|week|month|year)s?\s*\)"
    rf"|\b(?:in|over|during)\s+the\s+(?:past\s+|last\s+)?(?P<w2>{_N})\s+(?P<unit2>day|week|month|year)s?\b",
    re.I,
)


def _days(n: str, unit: str) -> float:
    return count_value(n.lower()) * _DAYS[unit.lower().rstrip("s")]


def _noun(what: str) -> str | None:
    """The countable thing the criterion counts ("units of red blood cells": unit)."""
    for word in re.findall(r"[a-z-]+", what.lower()):
        if stem(word) in _COUNTABLE or stem(word).rstrip("s") in _COUNTABLE:
            return stem(word).rstrip("s")
    return None


def _totals(text: str, noun: str) -> list[float]:
    """The totals a note gives of the thing ("16 units in total", "4 units in the 8
    weeks")."""
    pattern = re.compile(
        rf"\b(?P<m>{_N})\s+(?:[a-z-]+\s+){{0,3}}?{noun}s?\b(?P<after>[^.;:]{{0,30}})", re.I
    )
    out = []
    for m in pattern.finditer(text):
        if re.match(r"\s*(?:in total|total|in the\s)", m.group("after"), re.I):
            out.append(count_value(m.group("m").lower()))
    return out


def judge_window_count(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for a count asked over a window; None where code
    cannot be sure."""
    m = _ASKED.search(text)
    if not m:
        return None
    noun = _noun(m.group("what"))
    if noun is None:
        return None
    need = count_value(m.group("n").lower())
    window = _days(m.group("w"), m.group("unit"))
    more = not _TAIL.match(text[m.end() :])
    today = as_of(facts)
    found: list[tuple[CaseFact, float]] = []
    for fact in record_facts(facts):
        totals = _totals(fact.text, noun)
        if not totals:
            continue
        spans = [
            _days(w.group("w") or w.group("w2"), w.group("unit") or w.group("unit2"))
            for w in _WINDOW.finditer(fact.text)
        ]
        if len(totals) != 1 or not spans or any(abs(s - window) > 3 for s in spans):
            continue  # no window, or one of another length: not the count asked
        dates = [d for d, _ in full_dates(fact.text)]
        if dates and today and (today - max(dates)).days > 31:
            continue  # a window that ended long before the request
        found.append((fact, totals[0]))
    if len({t for _, t in found}) != 1:
        return None
    fact, total = found[0]
    said = f"{fact.id}: {total:g} {noun}s in the {m.group('w')} {m.group('unit')}s, {need:g} asked"
    if total < need:
        return "not_met", [fact.id], said
    if not more:
        return "met", [fact.id], said
    return None
