"""Tests asked to have been done within a window, read from dated readings, and drugs
asked not to be in current use, read from medication lists and drugs that go on."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.current_use import examples, judge_current_use
from pipeline.policy.interval import judge_interval
from pipeline.policy.prior_use import judge_never_received
from pipeline.policy.readers import read_criterion
from pipeline.policy.recency import judge_recency
from pipeline.policy.restated import judge_restated


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


LIVER = "Serum ALT, AST and total bilirubin were measured within the 30 days before the request"
NOTE = "History: Clinic note 05/20/2027: doing well."


# --- tests done within a window -----------------------------------------------------------
def test_every_named_test_read_inside_the_window_is_met() -> None:
    facts = _facts(
        NOTE, "History: Liver panel 05/09/2027: ALT 21 U/L, AST 30 U/L, total bilirubin 0.5 mg/dL."
    )
    assert judge_recency(LIVER, facts) == (
        "met",
        ["F2"],
        "ALT, AST, bilirubin measured within the 30 days before the request (F2)",
    )


def test_tests_read_only_long_before_the_window_are_not_met() -> None:
    facts = _facts(
        NOTE,
        "History: Last liver panel 08/2026: ALT 19 U/L, AST 22 U/L, total bilirubin 0.4 mg/dL.",
    )
    status, cited, _ = judge_recency(LIVER, facts) or ("", [], "")
    assert (status, cited) == ("not_met", ["F2"])


def test_a_test_not_mentioned_or_undated_decides_nothing() -> None:
    only_alt = _facts(NOTE, "History: Labs 05/09/2027: ALT 21 U/L.")
    assert judge_recency(LIVER, only_alt) is None
    undated = _facts("History: ALT 21 U/L, AST 30 U/L, total bilirubin 0.5 mg/dL.")
    assert judge_recency(LIVER, undated) is None


def test_a_reading_at_the_edge_of_the_window_decides_nothing() -> None:
    # a month and year only: the reading may lie inside the 30 days or outside them
    facts = _facts(
        NOTE, "History: Labs 04/2027: ALT 21 U/L, AST 30 U/L, total bilirubin 0.5 mg/dL."
    )
    assert judge_recency(LIVER, facts) is None


def test_the_window_runs_back_from_a_dated_first_dose() -> None:
    text = "ALT, AST and bilirubin were checked within 30 days before the first dose"
    labs = "History: Labs 05/02/2027: ALT 21 U/L, AST 30 U/L, total bilirubin 0.5 mg/dL."
    near = _facts(NOTE, labs + " First dose booked for 05/25/2027.")
    assert judge_recency(text, near)[0] == "met"  # type: ignore[index]
    # 25 days before the note, but the dose is two months away: not inside the window
    far = _facts(NOTE, labs + " First dose booked for 07/20/2027.")
    assert judge_recency(text, far)[0] == "not_met"  # type: ignore[index]


def test_a_criterion_with_a_bound_or_a_range_is_met_by_the_measurement_rules_only() -> None:
    stale = _facts(NOTE, "History: Last ALT 21 U/L on 01/10/2026; none since.")
    asked = "ALT measured within the past 3 months is within the normal range"
    assert judge_recency(asked, stale)[0] == "not_met"  # type: ignore[index]
    facts = _facts(NOTE, "History: Labs 05/09/2027: ALT 21 U/L.")
    assert (
        judge_recency("ALT below 3 times the ULN, measured within the past 30 days", facts) is None
    )
    assert (
        judge_recency("ALT measured within the past 30 days is within the normal range", facts)
        is None
    )


def test_a_window_after_another_event_is_not_read() -> None:
    facts = _facts(NOTE, "History: Labs 05/09/2027: ALT 21 U/L.")
    assert judge_recency("ALT measured within 30 days of the diagnosis", facts) is None


# --- drugs asked not to be in use now -----------------------------------------------------
def test_a_drug_of_the_class_in_a_current_list_is_not_met() -> None:
    facts = _facts("History: Medications 03/02/2027: metformin 500 mg, warfarin 5 mg daily.")
    status, cited, _ = judge_current_use("The patient is not taking an anticoagulant", facts) or (
        "",
        [],
        "",
    )
    assert (status, cited) == ("not_met", ["F1"])


def test_the_class_stated_absent_is_met_and_a_stopped_drug_decides_nothing() -> None:
    absent = _facts("History: Medications: metformin 500 mg. No anticoagulant.")
    assert judge_current_use("The patient is still not taking an anticoagulant", absent)[0] == "met"  # type: ignore[index]
    stopped = _facts(
        "History: Warfarin 5 mg daily, continuing until surgery; warfarin will be stopped 03/2027."
    )
    assert judge_current_use("The patient is not taking an anticoagulant", stopped) is None


def test_an_example_drug_that_goes_on_is_not_met_but_examples_absent_are_not_enough() -> None:
    text = "Fooblockers such as zanotrine and quexilam are not part of the current regimen"
    assert examples(text) == ["zanotrine", "quexilam"]
    going = _facts("History: Current medicines: alpha 10 mg and quexilam 50 mg, to continue.")
    assert judge_current_use(text, going)[0] == "not_met"  # type: ignore[index]
    # the class itself is never stated absent: the examples alone do not make it met
    others = _facts("History: Current medicines: alpha 10 mg only. No zanotrine or quexilam.")
    assert judge_current_use(text, others) is None


def test_a_current_list_holding_only_the_requested_drug_is_no_other_drug() -> None:
    text = "The member will not receive the requested drug together with another biologic"
    own = _facts("History: Medication list 03/02/2027: ustekinumab, vitamin D daily.")
    assert judge_current_use(text, own, "ustekinumab") is None
    both = _facts(
        "History: Medication list 03/02/2027: ustekinumab, vitamin D daily, and secukinumab "
        "300 mg monthly started by dermatology."
    )
    assert judge_current_use(text, both, "ustekinumab")[0] == "not_met"  # type: ignore[index]


def test_the_readers_reach_both_readings() -> None:
    facts = _facts(
        NOTE, "History: Liver panel 05/09/2027: ALT 21 U/L, AST 30 U/L, total bilirubin 0.5 mg/dL."
    )
    assert read_criterion(LIVER, facts, "drugx", "")[0] == "met"  # type: ignore[index]
    meds = _facts("History: Medications 03/02/2027: apixaban 5 mg twice daily.")
    assert read_criterion("Is not taking an anticoagulant", meds, "drugx", "")[0] == "not_met"  # type: ignore[index]


# --- an event asked some time before the first dose ---------------------------------------
STOPPED = "Oral zinc and active foo analogs were stopped at least 1 week before the first dose"


def test_an_event_long_enough_before_the_dated_first_dose_is_met() -> None:
    facts = _facts(
        "History: Oral zinc and foo analog 5 mcg last taken 03/01/2027; first barumab dose "
        "scheduled 03/20/2027."
    )
    assert judge_interval(STOPPED, facts, "barumab")[0] == "met"  # type: ignore[index]


def test_an_event_too_close_to_the_first_dose_is_not_met_unless_another_way_is_offered() -> None:
    facts = _facts(
        "History: Oral zinc and foo analog 5 mcg last taken 03/18/2027; first dose scheduled "
        "03/20/2027."
    )
    assert judge_interval(STOPPED, facts, "barumab")[0] == "not_met"  # type: ignore[index]
    other_way = STOPPED + ", or will be stopped under monitoring"
    assert judge_interval(other_way, facts, "barumab") is None


def test_no_dose_date_an_absent_event_or_two_dates_decide_nothing() -> None:
    no_dose = _facts("History: Oral zinc and foo analog last taken 03/01/2027.")
    assert judge_interval(STOPPED, no_dose, "barumab") is None
    month_only = _facts(
        "History: Oral zinc and foo analog last taken 03/01/2027; first dose planned 04/2027."
    )
    assert judge_interval(STOPPED, month_only, "barumab") is None
    two = _facts(
        "History: Oral zinc and foo analog stopped 02/01/2027, restarted 02/10/2027 and last "
        "taken 03/18/2027; first dose scheduled 03/20/2027."
    )
    assert judge_interval(STOPPED, two, "barumab") is None


def test_a_comparison_of_two_readings_is_not_restated_by_a_fact_naming_both() -> None:
    facts = _facts("History: FOO disability score 4 before the first dose; 5 on 03/02/2027.")
    assert judge_restated("FOO score lower than before the first dose", facts, "barumab") is None
    assert judge_restated("FOO disability score stated before the first dose", facts, "barumab")


# --- a drug asked received before, denied for all time -------------------------------------
RECEIVED = (
    "Members who have previously received a biologic or targeted synthetic drug indicated for X"
)


def test_every_drug_denied_for_all_time_is_not_met() -> None:
    facts = _facts("History: No biologic or JAK inhibitor has ever been prescribed.")
    assert judge_never_received(RECEIVED, facts, "ustekinumab") == (
        "not_met",
        ["F1"],
        "F1 state biologic, targeted synthetic never received",
    )


def test_a_denial_for_now_or_of_one_drug_only_decides_nothing() -> None:
    now = _facts("History: No biologic or JAK inhibitor at present.")
    assert judge_never_received(RECEIVED, now, "ustekinumab") is None
    one = _facts("History: Has never received a biologic.")
    assert judge_never_received(RECEIVED, one, "ustekinumab") is None
    taken = _facts("History: Never on a JAK inhibitor; adalimumab 2023 to 2024, lost response.")
    assert judge_never_received(RECEIVED, taken, "ustekinumab") is None


def test_the_requested_drug_is_none_of_the_drugs_asked() -> None:
    facts = _facts(
        "History: No biologic or JAK inhibitor has ever been prescribed; ustekinumab is planned."
    )
    assert judge_never_received(RECEIVED, facts, "ustekinumab")[0] == "not_met"  # type: ignore[index]


def test_a_clause_that_goes_on_with_it_speaks_of_the_drug_named_before() -> None:
    text = "Not given together with a CGRP monoclonal antibody for migraine prevention"
    going = _facts(
        "History: Galcanezumab 120 mg monthly since 2026; the neurologist plans to continue it "
        "together with the requested drug."
    )
    assert judge_current_use(text, going, "onabotulinumtoxinA")[0] == "not_met"  # type: ignore[index]
    # "it" with nothing named before it, or denied, is no current use
    alone = _facts("History: The neurologist plans to continue it.")
    assert judge_current_use(text, alone, "onabotulinumtoxinA") is None
