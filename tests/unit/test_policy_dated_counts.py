"""The shared part of counted-readings criteria (dated_counts.py): a date as written, a unit
as written, and the distinct dates of the readings past a bound (two readings on one day are
one date)."""

from __future__ import annotations

from datetime import date

from pipeline.policy.dated_counts import Dated, cited, day_of, days_past, shown, unit_span
from pipeline.policy.measures import bounds


def test_day_of_reads_a_calendar_date() -> None:
    assert day_of("repeat 7:50 a.m. 12/11/2025:") == date(2025, 12, 11)
    assert day_of("on 3/4/25") == date(2025, 3, 4)
    assert day_of("13/40/2025") is None
    assert day_of("no date") is None


def test_unit_span_known_and_as_written() -> None:
    assert unit_span(" mcg/L on 11/10/2025")[0] == "ng/mL"
    unit, end = unit_span(" Wgt/Hr; repeat")  # not in the vocabulary: as written, lower case
    assert unit == "wgt/hr" and end == len(" Wgt/Hr")
    assert unit_span(": 212") == (None, 0)


def test_days_past_counts_distinct_dates_holding_the_bound() -> None:
    bound = bounds("Total testosterone below 300 ng/dL")[0]
    one_day = date(2025, 11, 20)
    readings = [
        Dated(212, "ng/dl", one_day, "F1"),
        Dated(238, "ng/dl", one_day, "F2"),
        Dated(250, "ng/dl", None, "F2"),
        Dated(331, "ng/dl", date(2025, 12, 11), "F3"),
    ]
    assert days_past(readings, bound) == [one_day]
    assert cited(readings) == ["F1", "F2", "F3"]
    assert shown(readings[:2]) == "212, 238"
