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
from pipeline.policy.measures import bounds
from pipeline.policy.units import NUMBER_WORD, UNIT, count_value, unit_of

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
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
# (value, unit, hour of day or None, date or None, fact id)
Level = tuple[float, str | None, float | None, str | None, str]


def _hour(text: str) -> float | None:
    m = _CLOCK.search(text)
    if not m:
        return None
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return hour + int(m.group(2)) / 60


# a unit the vocabulary lacks ("ng/dL") is still compared as written
_WORD_UNIT = re.compile(r"\s*(%|[A-Za-zµμ]+/[A-Za-z0-9]+|[A-Za-zµμ]+\b)")


def _unit_span(text: str) -> tuple[str | None, int]:
    """The unit at the start of ``text`` (canonical where known, else as written, lower
    case) and where it ends."""
    if u := UNIT.match(text):
        return unit_of(u.group(1)), u.end()
    if w := _WORD_UNIT.match(text):
        return w.group(1).lower(), w.end()
    return None, 0


def _unit_after(text: str) -> str | None:
    return _unit_span(text)[0]


def levels(analyte: str, facts: list[CaseFact]) -> list[Level]:
    """Each reading of the measurement the facts write, with its unit, clock time and date
    where written between the test's name and its value, and the repeats after it."""
    out: list[Level] = []
    for fact in facts:
        text = fact.text
        for value, end in readings_of(analyte, text):
            start = max((n.end for n in named(text) if n.end <= end), default=0)
            between = text[start:end]
            unit = _unit_after(text[end:])
            date = _DATE.search(between)
            out.append((value, unit, _hour(between), date.group(0) if date else None, fact.id))
            rest = text[end + _unit_span(text[end:])[1] :]
            while m := _REPEAT.match(rest):
                after = rest[m.end() :]
                if _unit_after(after) != unit:
                    break
                clock = _hour(m.group("clock") or "")
                value2 = float(m.group("value").replace(",", ""))
                out.append((value2, unit, clock, m.group("date"), fact.id))
                rest = after[_unit_span(after)[1] :]
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
    unit = bound.unit or _unit_after(re.sub(r"^\D*[\d,.]+", "", text[bound.start :]))
    got = [lv for lv in levels(names.pop(), facts) if lv[1] == unit]
    if len(got) < n:
        return None  # fewer readings written than asked: nothing sure
    holding = [lv for lv in got if bound.holds(lv[0])]
    cited = list(dict.fromkeys(lv[4] for lv in got))[:3]
    if len(holding) < n:
        values = ", ".join(f"{lv[0]:g}" for lv in got)
        return (
            "not_met",
            cited,
            f"{len(holding)} of the readings {values} hold the bound; {n} asked",
        )
    if len({lv[3] for lv in holding}) < n or any(lv[3] is None for lv in holding):
        return None  # not shown to be on different dates
    if hour := _BEFORE_HOUR.search(text):
        limit = int(hour.group(1)) + int(hour.group(2) or 0) / 60
        timed = [lv for lv in holding if lv[2] is not None and lv[2] < limit]
        if len({lv[3] for lv in timed}) < n:
            return None
    values = ", ".join(f"{lv[0]:g}" for lv in holding)
    return "met", cited, f"{len(holding)} dated readings ({values}) hold the bound; {n} asked"
