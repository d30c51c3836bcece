"""How much a measurement changed since an earlier point: read from a fact giving its value
before and after, in the criterion's count unit or as a percent of the earlier value; a
change is never read as a plain value."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.change_amount import judge_change_amount
from pipeline.policy.measures import judge_measure


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


_GAIN = "A gain of 4 or more points of widget reach since the first dose"
_DROP = "A reduction of gizmo plaque depth of at least 20% since baseline"


def _note(reach_after: int, depth_after: int) -> list[CaseFact]:
    return _facts(
        f"Clinic 03/02/2027: widget reach 3/9 (30 points) before the first dose; 4/9 "
        f"({reach_after} points) on 03/02/2027. Gizmo plaque depth 500 microns before the "
        f"first dose; {depth_after} microns on 03/02/2027."
    )


def test_a_gain_in_points_is_the_later_value_less_the_earlier() -> None:
    assert judge_change_amount(_GAIN, _note(36, 300))[0] == "met"  # type: ignore[index]
    assert judge_change_amount(_GAIN, _note(32, 300))[0] == "not_met"  # type: ignore[index]


def test_a_percent_reduction_is_relative_to_the_earlier_value() -> None:
    assert judge_change_amount(_DROP, _note(36, 350))[0] == "met"  # 30% down  # type: ignore[index]
    assert judge_change_amount(_DROP, _note(36, 450))[0] == "not_met"  # 10% down  # type: ignore[index]


def test_a_change_is_not_read_as_a_plain_value() -> None:
    # "3/9 (30 points)": 30 is no gain of 30 points
    assert judge_measure(_GAIN, _note(32, 300)) is None


def test_unsure_readings_decide_nothing() -> None:
    # no value marked as the earlier one
    unmarked = _facts("Widget reach 30 points in 2026; 36 points on 03/02/2027.")
    assert judge_change_amount(_GAIN, unmarked) is None
    # one value only
    assert judge_change_amount(_GAIN, _facts("Widget reach 36 points on 03/02/2027.")) is None
    # "improvement" depends on which way the scale is better: not read
    assert (
        judge_change_amount(
            "An improvement of 4 or more points of widget reach since the first dose",
            _note(36, 300),
        )
        is None
    )
