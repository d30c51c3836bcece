"""Readers of a measurement against bounds the criterion writes beside it: a high bound or
a lower one with symptoms, no reading below a bound over a window, a value above the
reference range its note writes; and a surgeon ruling surgery out. Each with the near
cases that must decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.bound_with_symptoms import judge_bound_with_symptoms
from pipeline.policy.elevated_by_reference import judge_elevated_by_reference
from pipeline.policy.lowest_in_window import judge_lowest_in_window
from pipeline.policy.surgery_ruled_out import judge_surgery_ruled_out


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


CALCIUM = "serum calcium above 11.3 mg/dL, or above 10.5 mg/dL with symptoms of hypercalcemia"


def test_a_reading_between_the_bounds_without_symptoms_is_not_met() -> None:
    free = _facts(
        "History: Serum calcium 10.9 and 10.8 mg/dL on 10/2026; no thirst (symptom-free)."
    )
    assert _status(judge_bound_with_symptoms(CALCIUM, free)) == "not_met"
    low = _facts("History: Serum calcium 10.2 mg/dL on 11/2026.")
    assert _status(judge_bound_with_symptoms(CALCIUM, low)) == "not_met"
    # silent on symptoms, symptoms said in another note, or a reading past the high bound
    silent = _facts("History: Serum calcium 10.9 mg/dL on 10/2026.")
    assert judge_bound_with_symptoms(CALCIUM, silent) is None
    apart = _facts(
        "History: Serum calcium 10.9 mg/dL.", "History: Knee pain, otherwise asymptomatic."
    )
    assert judge_bound_with_symptoms(CALCIUM, apart) is None
    high = _facts("History: Serum calcium 11.8 mg/dL; symptom-free.")
    assert judge_bound_with_symptoms(CALCIUM, high) is None


LOW_CA = "no corrected calcium below 7.5 mg/dL in the last 6 months"
TODAY = "History: Clinic 11/20/2026."


def test_no_reading_below_a_bound_over_a_window() -> None:
    ok = _facts(TODAY, "History: Corrected calcium monthly 05/2026-11/2026: 8.5 to 9.0 mg/dL.")
    assert _status(judge_lowest_in_window(LOW_CA, ok)) == "met"
    dip = _facts(TODAY, "History: Corrected calcium 07/2026-11/2026: 7.1 to 9.0 mg/dL, lowest 7.1.")
    assert _status(judge_lowest_in_window(LOW_CA, dip)) == "not_met"
    # a span shorter than the window, or a low reading that may be from before it
    short = _facts(TODAY, "History: Corrected calcium 09/2026-11/2026: 8.5 to 9.0 mg/dL.")
    assert judge_lowest_in_window(LOW_CA, short) is None
    old = _facts(TODAY, "History: Corrected calcium 01/2026-11/2026: 7.1 to 9.0 mg/dL.")
    assert judge_lowest_in_window(LOW_CA, old) is None


PTH = "PTH elevated or inappropriately normal with high calcium (primary hyperparathyroidism)"


def test_a_value_above_its_written_range_is_elevated() -> None:
    high = _facts("History: Intact PTH 138 pg/mL (ref 15-65) on the same draws.")
    assert _status(judge_elevated_by_reference(PTH, high)) == "met"
    # inside the range may still be inappropriately normal; no range, nothing
    normal = _facts("History: Intact PTH 60 pg/mL (ref 15-65).")
    assert judge_elevated_by_reference(PTH, normal) is None
    assert judge_elevated_by_reference(PTH, _facts("History: Intact PTH 138 pg/mL.")) is None


SURGEON = "endocrine surgeon documents that the member cannot have surgery"


def test_a_surgical_consult_that_rules_surgery_out() -> None:
    ruled = _facts("History: Endocrine surgery consult 10/2026: not a surgical candidate (COPD).")
    assert _status(judge_surgery_ruled_out(SURGEON, ruled)) == "met"
    declined = _facts("History: Endocrine surgery consult 10/2026: patient declines surgery.")
    assert judge_surgery_ruled_out(SURGEON, declined) is None
    other = _facts("History: Cardiac surgery consult: not a surgical candidate.")
    assert judge_surgery_ruled_out(SURGEON, other) is None
