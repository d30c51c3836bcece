"""Ranges in a criterion's numbers ("a score of 6 to 12", "2 or 3"), read as bounds and
judged by code against the measurement the case states; an age group is no measurement."""

from __future__ import annotations

import pytest

from pipeline.models import CaseFact
from pipeline.policy.measures import bounds, judge_measure


def test_ranges_and_adjacent_alternatives_are_between_bounds() -> None:
    got = bounds("a total Mayo score of 6 to 12 with an endoscopic subscore of 2 or 3")
    assert [(b.op, b.low, b.high) for b in got] == [("between", 6, 12), ("between", 2, 3)]
    assert [(b.low, b.high, b.unit) for b in bounds("eGFR of 30-60 mL/min")] == [(30, 60, "mL/min")]
    # not ranges: alternatives with a gap, codes, dates, an age group, "2 or more"
    for text in (
        "1.7 mg or 2.4 mg weekly",
        "ICD-10 M05.0-M05.9",
        "from 01/2020 to 03/2021",
        "for age 6 to 11",
        "stage 2 or 4 disease",
    ):
        assert all(b.op != "between" for b in bounds(text)), text
    assert [(b.op, b.low) for b in bounds("2 or more exacerbations")] == [(">=", 2)]


@pytest.mark.parametrize(("value", "status"), [("9", "met"), ("14", "not_met")])
def test_a_range_is_judged_against_the_named_measurement(value: str, status: str) -> None:
    facts = [CaseFact(id="F1", text=f"History: Disease activity score {value} on 01/05/2026.")]
    found = judge_measure("A disease activity score of 6 to 12", facts)
    assert found is not None and found[0] == status and found[1] == ["F1"]
