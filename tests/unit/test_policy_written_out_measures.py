"""Measurements a criterion writes out while the note abbreviates them ("Forced vital capacity"
/ "FVC 86%"), angles in degrees, a score's window the reading states itself ("over the past
7 days"), "N% predicted or more", and an undated restatement of a dated reading: each read by
code where it is sure, and nothing decided where it is not."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.criterion_bounds import bounds
from pipeline.policy.current_value import latest_readings
from pipeline.policy.measures import judge_measure
from pipeline.policy.spelled_abbreviations import initialisms


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(text: str, *facts: str) -> str | None:
    found = judge_measure(text, _facts(*facts))
    return found[0] if found else None


def test_initialisms_of_a_written_out_name() -> None:
    assert "FVC" in initialisms("Forced vital capacity of ")
    assert "NRS" in initialisms("The worst-itch numeric rating score in the last week is ")
    # two words are too few; a hyphenated word or an abbreviation breaks the run
    assert initialisms("Vital capacity") == set()
    assert initialisms("worst-itch rating score") == set()


def test_percent_predicted_or_more_is_a_bound() -> None:
    (bound,) = bounds("Widget flow capacity of 80% predicted or more")
    assert (bound.op, bound.low, bound.unit) == (">=", 80.0, "%")


_FLOW = "Widget flow capacity of 80% predicted or more"


def test_a_written_out_name_reads_the_note_s_initialism() -> None:
    assert _status(_FLOW, "Lung function 11/12/2026: WFC 86% predicted, sitting.") == "met"
    assert _status(_FLOW, "Lung function 11/12/2026: WFC 68% predicted, sitting.") == "not_met"
    # another test's initialism, or none, decides nothing
    assert _status(_FLOW, "Lung function 11/12/2026: XYZ 68% predicted.") is None
    assert _status(_FLOW, "Lung function 11/12/2026: 68% predicted.") is None


_ANGLE = "Bend is still 15 degrees or more after the second cycle."


def test_an_angle_is_read_in_degrees_and_the_latest_when_asked_still() -> None:
    before = "Before treatment (04/2026): bend 60 degrees on exam."
    assert _status(_ANGLE, before, "Bend after cycle 2 (11/17/2026): 35 degrees.") == "met"
    assert _status(_ANGLE, before, "Bend after cycle 2 (11/17/2026): 10 degrees.") == "not_met"
    # "cycle 2" is no angle: only a number written in degrees is one
    assert _status(_ANGLE, "Bend after cycle 2 (11/17/2026): 35 degrees.") == "met"
    # a number with no unit beside the name is not read as the angle
    assert _status(_ANGLE, "Bend 10 on exam 11/17/2026.") is None


def test_an_undated_restatement_of_a_dated_reading_is_that_reading() -> None:
    before = "Before treatment (04/2026): bend 60 degrees on exam."
    after = "Bend after cycle 2 (11/17/2026): 10 degrees."
    assert _status(_ANGLE, before, after, "Prior therapy: response: bend 60 to 10 degrees") == (
        "not_met"
    )
    # an undated value no dated reading states may be the latest: nothing decided
    assert _status(_ANGLE, before, after, "Prior therapy: response: bend now 40 degrees") is None


def test_latest_readings_keeps_an_undated_value_of_its_own() -> None:
    dated = CaseFact(id="F1", text="Bend (11/17/2026): 10 degrees")
    undated = CaseFact(id="F2", text="bend 40 degrees")
    values = [(10.0, dated, ""), (40.0, undated, "")]
    spots = [len("Bend (11/17/2026): 10"), len("bend 40")]
    assert latest_readings("is still 15 degrees or more", values, spots) == values


_ITCH = "The worst-itch numeric rating score in the last week is 7 or more out of 10."


def test_a_score_over_its_own_window_and_out_of_its_maximum() -> None:
    assert _status(_ITCH, "Peak pruritus NRS over the past 7 days: 9/10.") == "met"
    assert _status(_ITCH, "Peak pruritus NRS over the past 7 days: 5/10.") == "not_met"
    # a reading over a longer span than the criterion's, or with no span or date: nothing
    assert _status(_ITCH, "Peak pruritus NRS over the past 30 days: 5/10.") is None
    assert _status(_ITCH, "Peak pruritus NRS 5/10.") is None
