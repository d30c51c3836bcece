"""A criterion that no reading fell below a bound over a window ("no corrected calcium below
7.5 mg/dL in the last 6 months"), judged by code from a note that gives the measurement's
readings over a span of months ("Albumin-corrected calcium monthly 05/2026-11/2026: 8.5 to
9.0 mg/dL, lowest 8.5").

Met where the note's span covers the window (its first month at least the window's length
before the case's latest date, a month's slack) and its lowest reading (the "lowest" it
names, else the least number before the unit) is at or above the bound. Not met where a
reading below the bound is in a span wholly inside the window. A note in
another unit, with no span, or two notes decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, stem
from pipeline.policy.dates import as_of
from pipeline.policy.units import NUMBER_WORD, UNIT, count_value, unit_of

_ASKED = re.compile(
    r"^\s*no\s+(?P<name>[A-Za-z][\w -]{1,40}?)\s+(?:below|under|less\s+than|<)\s*"
    r"(?P<bound>\d+(?:\.\d+)?)\s*(?P<unit>\S+)\s+(?:in|within|during|over)\s+the\s+"
    rf"(?:last|past|previous)\s+(?P<w>\d+|{NUMBER_WORD})\s+months?\s*\.?\s*$",
    re.I,
)
_SPAN = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})\s*(?:-|–|to|through)\s*(\d{1,2})/(\d{4})(?![\d/])")
_LOWEST = re.compile(r"\b(?:lowest|minimum|nadir)\s*(?:was\s+|of\s+)?(\d+(?:\.\d+)?)", re.I)


def _values(clause: str, unit: str) -> list[float]:
    """The numbers written right before the unit ("8.5 to 9.0 mg/dL")."""
    out = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)((?:\s*(?:to|-|–|and|,)\s*\d+(?:\.\d+)?)*)", clause):
        u = UNIT.match(clause[m.end() :])
        if u and unit_of(u.group(1)) == unit:
            out += [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group(0))]
    return out


def judge_lowest_in_window(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    u = UNIT.match(" " + m.group("unit"))
    unit = unit_of(u.group(1)) if u else None
    today = as_of(facts)
    if unit is None or today is None:
        return None
    name = {stem(w) for w in re.findall(r"[A-Za-z]+", m.group("name").lower())}
    bound, window = float(m.group("bound")), count_value(m.group("w"))
    found = []
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue
        for clause in clauses(fact.text):
            stems = {stem(w) for w in re.findall(r"[A-Za-z]+", clause)}
            span = _SPAN.search(clause)
            values = _values(clause, unit)
            if name <= stems and span and values:
                lowest = _LOWEST.search(clause)
                low = float(lowest.group(1)) if lowest else min(values)
                found.append((fact.id, span, min(low, min(values))))
    if len(found) != 1:
        return None
    fid, span, low = found[0]
    now = today.year * 12 + today.month
    first = now - (int(span.group(2)) * 12 + int(span.group(1)))
    last = now - (int(span.group(4)) * 12 + int(span.group(3)))
    said = f"{fid}: lowest {low:g} {unit} over {span.group(0)}"
    if low >= bound and first >= window - 1 and last <= 1:
        return "met", [fid], f"{said}, not below {bound:g}"
    if low < bound and first < window:  # the whole span inside the window
        return "not_met", [fid], f"{said}, below {bound:g}"
    return None
