"""A count of measurements past a bound ("Two morning total testosterone levels below 300
ng/dL, drawn on different days before 10 a.m.") read from dated readings and the repeats
written after them (counted_levels.py), and a clock time before a value is no value
(analytes.py): one reading never meets a criterion that asks two."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.analytes import readings_of
from pipeline.policy.counted_levels import judge_counted_levels
from pipeline.policy.readers import read_criterion

_ASKED = (
    "Two morning total testosterone levels below 300 ng/dL, drawn on different days before 10 a.m."
)


def _facts(
    first: str, second: str, *, clock2: str = "7:50 a.m. ", date2: str = "12/11/2025"
) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 52-year-old male."),
        CaseFact(
            id="F2",
            text=(
                f"History: Total testosterone 8:05 a.m. 11/20/2025: {first} ng/dL; repeat "
                f"{clock2}{date2}: {second} ng/dL. LH 2.1 IU/L, prolactin 9 ng/mL."
            ),
        ),
    ]


def test_a_clock_time_is_not_the_reading() -> None:
    assert readings_of("testosterone", "Total testosterone 8:05 a.m. 11/20/2025: 268 ng/dL") == [
        (268.0, 44)
    ]


def test_two_dated_morning_readings_below_the_bound_meet_it() -> None:
    found = judge_counted_levels(_ASKED, _facts("212", "238"))
    assert found is not None and found[0] == "met" and found[1] == ["F2"]
    assert read_criterion(_ASKED, _facts("212", "238"), "testosterone gel", "")[0] == "met"


def test_one_of_two_readings_past_the_bound_is_not_met() -> None:
    found = read_criterion(_ASKED, _facts("268", "331"), "testosterone gel", "")
    assert found is not None and found[0] == "not_met"


def test_near_cases_decide_nothing() -> None:
    # one reading only: never met on it
    one = [CaseFact(id="F2", text="History: Total testosterone 8:05 a.m. 11/20/2025: 212 ng/dL.")]
    assert judge_counted_levels(_ASKED, one) is None
    # the repeat drawn in the afternoon, or with no clock time: the hour is not shown
    assert judge_counted_levels(_ASKED, _facts("212", "238", clock2="2:15 p.m. ")) is None
    assert judge_counted_levels(_ASKED, _facts("212", "238", clock2="")) is None
    # both on one day: not on different days
    assert judge_counted_levels(_ASKED, _facts("212", "238", date2="11/20/2025")) is None
    # a repeat in another unit is not the same measurement's reading
    other = _facts("212", "238")
    other[1] = CaseFact(id="F2", text=other[1].text.replace("238 ng/dL", "8.3 nmol/L"))
    assert judge_counted_levels(_ASKED, other) is None
    # a criterion asking one reading is the measurement reader's
    assert judge_counted_levels("Total testosterone below 300 ng/dL", _facts("212", "238")) is None
