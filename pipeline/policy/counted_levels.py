"""Criteria that ask a count of measurements past a bound ("Two morning total testosterone
levels below 300 ng/dL, drawn on different days before 10 a.m."), judged by code from the
facts' readings of the measurement, a repeat written after the first reading counting too
("Total testosterone 8:05 a.m. 11/20/2025: 212 ng/dL; repeat 7:50 a.m. 12/11/2025: 238 ng/dL").

Met: as many readings as asked hold the bound, on different dates, and where the criterion
bounds the hour ("before 10 a.m.") each has a clock time before it. Not met: at least as many
readings as asked are written and fewer than asked hold the bound. Anything else (one
reading, undated, no clock time) is for the model or a person: one reading read alone would
approve a criterion that asks two."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.analytes import named, readings_of
from pipeline.policy.dated_counts import Dated, cited, day_of, days_past, shown, unit_span
from pipeline.policy.measures import bounds
from pipeline.policy.units import NUMBER_WORD, count_value

_ASKS = re.compile(
    r"^\s*(?:at\s+least\s+)?(?P<n>\d|" + NUMBER_WORD + r")\s+(?:[\w-]+\s+){0,5}?"
    r"(?:levels?|readings?|values?|measurements?|results?|tests?)\b",
    re.I,
)
_BEFORE_HOUR = re.compile(r"\bbefore\s+(\d{1,2})(?::(\d{2}))?\s*a\.?m\b", re.I)
# A later reading of the same test: "; repeat 7:50 a.m. 12/11/2025: 238 ng/dL"
_REPEAT = re.compile(
    r"^[;,]?\s*(?:and\s+)?(?:a\s+)?(?:repeat(?:ed)?|second|again)\b[^;.\d]*"
    r"(?P<clock>\d{1,2}:\d{2}\s*[ap]\.?m\.?)?\s*(?:on\s+)?(?P<date>\d{1,2}/\d{1,2}/\d{2,4})?"
    r"[\s:=,]*(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)(?![\d/:])",
    re.I,
)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})\s*([ap])\.?m\b", re.I)


def _hour(text: str) -> float | None:
    m = _CLOCK.search(text)
    if not m:
        return None
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return hour + int(m.group(2)) / 60


def levels(analyte: str, facts: list[CaseFact]) -> list[Dated]:
    """Each reading of the measurement the facts write, with its unit, clock time and date
    where written between the test's name and its value, and the repeats after it."""
    out: list[Dated] = []
    for fact in facts:
        text = fact.text
        for value, end in readings_of(analyte, text):
            start = max((n.end for n in named(text) if n.end <= end), default=0)
            between = text[start:end]
            unit, width = unit_span(text[end:])
            out.append(Dated(value, unit, day_of(between), fact.id, _hour(between)))
            rest = text[end + width :]
            while m := _REPEAT.match(rest):
                after = rest[m.end() :]
                if unit_span(after)[0] != unit:
                    break
                clock = _hour(m.group("clock") or "")
                value2 = float(m.group("value").replace(",", ""))
                out.append(Dated(value2, unit, day_of(m.group("date") or ""), fact.id, clock))
                rest = after[unit_span(after)[1] :]
    return out


def judge_counted_levels(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asks = _ASKS.match(text)
    found = bounds(text)
    names = {n.analyte for n in named(text)}
    if not asks or len(found) != 1 or len(names) != 1:
        return None
    n = int(count_value(asks.group("n").lower()))
    if n < 2:
        return None
    bound = found[0]
    unit = bound.unit or unit_span(re.sub(r"^\D*[\d,.]+", "", text[bound.start :]))[0]
    got = [lv for lv in levels(names.pop(), facts) if lv.unit == unit]
    if len(got) < n:
        return None  # fewer readings written than asked: nothing sure
    holding = [lv for lv in got if bound.holds(lv.value)]
    if len(holding) < n:
        why = f"{len(holding)} of the readings {shown(got)} hold the bound; {n} asked"
        return "not_met", cited(got), why
    if any(lv.day is None for lv in holding) or len(days_past(holding, bound)) < n:
        return None  # not shown to be on different dates
    if hour := _BEFORE_HOUR.search(text):
        limit = int(hour.group(1)) + int(hour.group(2) or 0) / 60
        timed = [lv for lv in holding if lv.hour is not None and lv.hour < limit]
        if len(days_past(timed, bound)) < n:
            return None
    return (
        "met",
        cited(got),
        f"{len(holding)} dated readings ({shown(holding)}) hold the bound; {n} asked",
    )
