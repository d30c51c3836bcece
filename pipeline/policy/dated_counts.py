"""The shared part of criteria that ask a count of one measurement's readings past a bound
on different dates ("... on two tests at least 4 weeks apart", "Two morning ... levels below
300 ng/dL, drawn on different days"): a reading's unit and date as written, and the distinct
dates of the readings that hold the bound. Each criterion's reader (repeated_readings.py,
counted_levels.py) finds the readings where its wording puts them and adds its own condition
(a minimum gap, a clock-time bound)."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from pipeline.policy.measures import Bound, bounds
from pipeline.policy.units import UNIT, unit_of

# a span word in days ("readings 7 days apart", "within 2 months"): read by the
# counting readers (repeated_readings.py, spaced_results.py)
DAYS = {"day": 1.0, "week": 7.0, "month": 30.4}


class Dated(NamedTuple):
    """One reading of the measurement: value, unit, date and hour of day where written."""

    value: float
    unit: str | None
    day: date | None
    fact: str
    hour: float | None = None


_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
# a unit the vocabulary lacks ("ng/dL") is still compared as written
_WORD_UNIT = re.compile(r"\s*(%|[A-Za-zµμ]+/[A-Za-z0-9]+|[A-Za-zµμ]+\b)")


def day_of(text: str) -> date | None:
    """The first m/d/y date in ``text``; None where none or not a calendar date."""
    m = _DAY.search(text)
    if m is None:
        return None
    year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
    try:
        return date(year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def unit_span(text: str) -> tuple[str | None, int]:
    """The unit at the start of ``text`` (canonical where known, else as written, lower
    case) and where it ends."""
    if u := UNIT.match(text):
        return unit_of(u.group(1)), u.end()
    if w := _WORD_UNIT.match(text):
        return w.group(1).lower(), w.end()
    return None, 0


def days_past(readings: list[Dated], bound: Bound) -> list[date]:
    """The distinct dates, earliest first, of the dated readings that hold the bound: a
    count asked "on different days" counts these, not the readings."""
    return sorted({r.day for r in readings if r.day is not None and bound.holds(r.value)})


def cited(readings: list[Dated]) -> list[str]:
    return list(dict.fromkeys(r.fact for r in readings))[:3]


def shown(readings: list[Dated]) -> str:
    return ", ".join(f"{r.value:g}" for r in readings)


def named_bound(head: str) -> tuple[Bound, list[str]] | None:
    """The one bound with a unit a criterion's head states ("Serum ferritin above 1,000
    mcg/L"), and the words before it that name the measurement."""
    found = bounds(head)
    if len(found) != 1 or found[0].unit is None:
        return None
    words = re.findall(r"[A-Za-z]{3,}", head[: found[0].start])
    return (found[0], words) if words else None
