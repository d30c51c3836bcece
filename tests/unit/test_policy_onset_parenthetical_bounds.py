"""Readers of wording variants the synthetic14 policies print: a condition's onset within a
window ("Onset of eye symptoms within the last 15 months"), read from the onset clause
bounded from above; a criterion defined by its own parenthesized measure ("No uncontrolled
diabetes (HbA1c at or below 8%)"); and "at or below" / "at or above" read as bounds that
include their number (a reading of exactly 8% meets "at or below 8%")."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.criterion_bounds import bounds
from pipeline.policy.onset_window import judge_onset_window
from pipeline.policy.readers import read_criterion

_TODAY = CaseFact(id="F1", text="History: Clinic visit 11/12/2026.")


def _facts(*texts: str) -> list[CaseFact]:
    return [_TODAY, *(CaseFact(id=f"F{k}", text=t) for k, t in enumerate(texts, 2))]


def test_onset_within_a_window_is_read_from_the_onset_clause() -> None:
    asked = "Onset of wobble symptoms within the last 15 months"
    recent = _facts("History: Wobble symptoms (tremor) began 05/2026, 6 months ago.")
    assert judge_onset_window(asked, recent)[0] == "met"
    old = _facts("History: Wobble symptoms began 01/2025, 22 months ago; still active.")
    found = judge_onset_window(asked, old)
    assert found is not None and found[0] == "not_met" and found[1] == ["F2"]
    assert read_criterion(asked, old, "Zentrafib", "")[0] == "not_met"


def test_an_onset_without_a_date_of_its_own_or_a_diagnosis_date_decides_nothing() -> None:
    asked = "Onset of wobble symptoms within the last 15 months"
    assert judge_onset_window(asked, _facts("History: Wobble symptoms began after a fall.")) is None
    # a diagnosis may come long after the onset, and a therapy's start is no onset
    assert judge_onset_window(asked, _facts("History: Wobble symptoms diagnosed 05/2026.")) is None
    started = _facts("History: Wobble symptoms treatment started 01/2024.")
    assert judge_onset_window(asked, started) is None
    denied = _facts("History: No wobble symptoms began before 2026; 01/2025 visit normal.")
    assert judge_onset_window(asked, denied) is None
    # the other direction (how long it has lasted) is durations.py's, not this reader's
    assert judge_onset_window("Wobble symptoms for at least 15 months", _facts()) is None


def test_a_criterion_defined_by_its_parenthesized_measure() -> None:
    asked = "No uncontrolled diabetes (HbA1c at or below 8%)"
    ok = read_criterion(asked, _facts("History: HbA1c 7.1% on metformin."), "Zentrafib", "")
    assert ok is not None and ok[0] == "met" and "parentheses" in ok[2]
    high = read_criterion(asked, _facts("History: HbA1c 9.4% on metformin."), "Zentrafib", "")
    assert high is not None and high[0] == "not_met"
    both = "No uncontrolled diabetes (HbA1c at or below 8%) and no new hearing loss"
    facts = _facts("History: HbA1c 7.1%; audiology unchanged, no hearing loss.")
    assert read_criterion(both, facts, "Zentrafib", "")[0] == "met"


def test_an_example_or_exception_in_parentheses_defines_nothing() -> None:
    facts = _facts("History: HbA1c 9.4% on metformin.")
    for asked in (
        "No uncontrolled diabetes (e.g., HbA1c above 9%)",
        "No uncontrolled diabetes (unless HbA1c at or below 8% on treatment)",
    ):
        assert read_criterion(asked, facts, "Zentrafib", "") is None, asked


def test_at_or_below_and_at_or_above_include_the_bound() -> None:
    (below,) = bounds("HbA1c at or below 8%")
    assert below.op == "<=" and below.holds(8.0) and not below.holds(8.1)
    (above,) = bounds("eGFR at or above 30 mL/min")
    assert above.op == ">=" and above.holds(30.0)
    (strict,) = bounds("HbA1c below 8%")
    assert strict.op == "<" and not strict.holds(8.0)
    exactly = _facts("History: HbA1c 8.0% on metformin.")
    assert read_criterion("HbA1c at or below 8%", exactly, "Zentrafib", "")[0] == "met"


def test_a_share_of_infusions_received_asked_as_a_question() -> None:
    from pipeline.policy.adherence_share import judge_adherence_share

    asked = "Have infusions been received at least 80% of the time as scheduled?"
    kept = _facts("History: Nurse log 05-11/2026: 13 of 13 scheduled infusions given.")
    assert judge_adherence_share(asked, kept)[0] == "met"
    missed = _facts("History: Nurse log 05-11/2026: 7 of 13 scheduled infusions given.")
    assert judge_adherence_share(asked, missed)[:2] == ("not_met", ["F2"])
    # shares on both sides, or none counted: nothing decided
    both = _facts("History: 13 of 13 infusions given in 2025; 7 of 13 infusions given in 2026.")
    assert judge_adherence_share(asked, both) is None
    assert judge_adherence_share(asked, _facts("History: infusions at home.")) is None
    # the time a reading is taken is no share of infusions
    assert judge_adherence_share("Infusions given over at least 80% of the year", kept) is None


def test_the_models_met_must_state_the_span_asked_after_a_dose() -> None:
    from pipeline.policy.judge import check_model_judgment
    from pipeline.policy.models import Judgment, PolicyNode

    asked = "Sublingual zentrafib tolerated at 8 to 24 mg a day for at least 7 days before the shot"
    node = PolicyNode(id="1", text=asked, page=1)

    def checked(note: str) -> str:
        facts = {"F1": CaseFact(id="F1", text=note)}
        j = Judgment(node_id="1", text=asked, page=1, status="met", facts=["F1"], method="model")
        return check_model_judgment(j, node, facts, "Quellix").status

    # two days of dosing: the dose is stated, the 7 days are not (the model's met refused)
    two_days = (
        "History: Sublingual zentrafib tolerated, 8 mg on 11/20/2026 and 16 mg on 11/21/2026."
    )
    assert checked(two_days) == "not_documented"
    week = "History: Sublingual zentrafib tolerated at 8 mg a day then 16 mg a day, 12 days in all."
    assert checked(week) == "met"
