"""A measurement named by its unit: some units belong to one assay only (the Bethesda unit is
the factor inhibitor titer's), so "Bethesda titer 22 BU" is the reading a criterion "factor
VIII inhibitor titer of 5 Bethesda units or more" asks, though the note does not repeat the
criterion's words. Only a criterion that is the bound alone is read (no "history of ... with
failed immune tolerance", no "and"); every value in that unit the facts give must agree, and
a criterion asking a current value ("current", "now") is decided only where one of them is
current: not marked earlier ("peak", "at diagnosis", "previous") and not dated more than 3
months before the case's latest date ("22 BU in 03/2023" is history, whatever it says);
otherwise nothing (the model, or a person, decides)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.models import CaseFact
from pipeline.policy.current_value import asks_current, reading_span
from pipeline.policy.dates import as_of, reading_date
from pipeline.policy.measures import bounds
from pipeline.policy.reading_reasons import reading_reason
from pipeline.policy.units import UNIT, unit_of

# units no other measurement is written in
ASSAY_UNITS = {"BU"}
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)")
# more asked than the value: a history, a second requirement, a denial
_MORE = re.compile(
    r"\b(?:history|histories|previous|prior|ever|peak|with|and|not|no|never)\b", re.I
)


_NOW = re.compile(r"\b(?:now|today|currently|this visit)\b", re.I)
# words before a value in its clause that make it an earlier one
_EARLIER = re.compile(
    r"\b(?:peak(?:ed)?|previous(?:ly)?|prior|history|historical|initial(?:ly)?|at diagnosis|"
    r"earlier|highest|baseline|ago)\b",
    re.I,
)
# a year of its own right after the value: "22 BU in 2019", "22 BU (2019)"
_YEAR = re.compile(r"^[^;.]{0,12}?(?:\bin\s+|\bfrom\s+|\()(\d{4})\b")
_YEARS = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?![\d/])")
_CURRENT_WITHIN = timedelta(days=92)
Value = tuple[float, CaseFact, bool]  # the value, its fact, whether it is current


def _today(facts: list[CaseFact]) -> date | None:
    """The case's latest full date; else the end of the latest year it writes."""
    if today := as_of(facts):
        return today
    years = [int(y) for f in facts for y in _YEARS.findall(f.text)]
    return date(max(years), 12, 31) if years else None


def _latest_day(fact: CaseFact, end: int, unit_end: int) -> date | None:
    """The last day the value can have been taken: its own date, its own year, or the
    date of the note it is written in."""
    if span := reading_span(fact, unit_end):
        return span[1]
    if m := _YEAR.match(fact.text[unit_end:]):
        return date(int(m.group(1)), 12, 31)
    return reading_date(fact, end)


def _current(fact: CaseFact, start: int, end: int, unit_end: int, today: date | None) -> bool:
    clause = re.split(r"[;.]\s|,\s", fact.text[:start])[-1]
    after = re.split(r"[;.]\s|,\s", fact.text[unit_end:])[0]
    if (_EARLIER.search(clause) or _EARLIER.search(after)) and not _NOW.search(clause):
        return False
    taken = _latest_day(fact, end, unit_end)
    return taken is None or today is None or taken >= today - _CURRENT_WITHIN


def _values(unit: str, facts: list[CaseFact]) -> list[Value]:
    out = []
    today = _today(facts)
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for m in _NUMBER.finditer(fact.text):
            u = UNIT.match(fact.text[m.end() :])
            if u and unit_of(u.group(1)) == unit:
                now = _current(fact, m.start(), m.end(), m.end() + u.end(), today)
                out.append((float(m.group(1)), fact, now))
    return out


def judge_unit_named(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    found = bounds(text)
    if len(found) != 1 or found[0].unit not in ASSAY_UNITS:
        return None
    bound = found[0]
    if _MORE.search(text[: bound.start] + " " + text[bound.end :]):
        return None
    values = _values(bound.unit, facts)
    if asks_current(text) or _NOW.search(text):
        values.sort(key=lambda v: not v[2])  # the current first, to be shown and cited
        if not any(now for *_, now in values):
            return None  # only earlier values: none says what it is now
    if not values:
        return None
    outcomes = {bound.holds(v) for v, *_ in values}
    if len(outcomes) > 1:
        return None  # a peak and a current value that disagree: a person reads them
    ok = outcomes.pop()
    shown = ", ".join(f"{v:g}" for v, *_ in values[:3])
    cited = list(dict.fromkeys(f.id for _, f, _ in values))[:3]
    why = reading_reason(f"{shown} {bound.unit}", ok, bound.words())
    return ("met" if ok else "not_met"), cited, why
