"""A cap on the requested dose ("the dose does not exceed 1.75 mg/kg every 3 weeks") read from
the request's own dose and frequency."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.dose_gap import judge_dose_gap
from pipeline.policy.dose_limit import judge_dose_limit

CAP = "the dose does not exceed 1.75 mg/kg every 3 weeks"


def request(line: str) -> list[CaseFact]:
    return [CaseFact(id="F1", text="Patient: 74-year-old male."), CaseFact(id="F2", text=line)]


def test_a_dose_within_the_cap_given_no_more_often_is_met() -> None:
    asked = request(
        "Requested (continuation): Reblozyl, 104 mg (1.33 mg/kg), subcutaneous, every 3 weeks."
    )
    assert judge_dose_limit(CAP, asked)[:2] == ("met", ["F2"])
    weekly = request(
        "Requested (continuation): X, 1,008 mg / 11,200 units, subcutaneous, once weekly."
    )
    assert (
        judge_dose_limit("Dose no more than 1,008 mg / 11,200 units once a week", weekly)[0]
        == "met"
    )


def test_a_dose_above_the_cap_is_not_met() -> None:
    asked = request(
        "Requested (continuation): Reblozyl, 160 mg (2 mg/kg), subcutaneous, every 3 weeks."
    )
    assert judge_dose_limit(CAP, asked)[0] == "not_met"


def test_what_code_cannot_weigh_decides_nothing() -> None:
    # given more often than the cap's period, twice a day against a cap per day or per dose,
    # a loading dose then another, a cap in units the request does not use
    often = request("Requested (continuation): Reblozyl, 104 mg (1.33 mg/kg), every 2 weeks.")
    assert judge_dose_limit(CAP, often) is None
    twice = request("Requested (initial): Promacta, 50 mg, oral, twice daily, 6 months.")
    assert judge_dose_limit("Dose no more than 75 mg a day", twice) is None
    assert judge_dose_limit("Dose no more than 75 mg", twice) is None
    loading = request("Requested (initial): X, 800 mg loading, then 400 mg every 4 weeks.")
    assert judge_dose_limit("The dose does not exceed 400 mg every 4 weeks", loading) is None
    assert judge_dose_limit(CAP, request("Requested (initial): X, 104 mg, every 3 weeks.")) is None


# --- an event some days after the first dose ----------------------------------------------
GAP = (
    "the procedure is scheduled 8 to 14 days after the first dose, so that dosing ends 2 to 8 "
    "days before it"
)


def note(text: str) -> list[CaseFact]:
    return [CaseFact(id="F1", text="History: " + text)]


def test_the_gap_a_note_states_decides_the_range() -> None:
    early = note("Ablation booked 03/05/2026; so the procedure falls 3 days after the first dose.")
    assert judge_dose_gap(GAP, early)[:2] == ("not_met", ["F1"])
    both = note(
        "Dosing 03/02 to 03/08, so the first dose is 10 days and the last dose 4 days "
        "before the procedure."
    )
    assert judge_dose_gap(GAP, both)[0] == "met"
    # in range, but where the note says nothing of when dosing ends, the tail is not stated
    only = note("The procedure falls 10 days after the first dose.")
    assert judge_dose_gap(GAP, only) is None
    assert (
        judge_dose_gap("the procedure is scheduled 8 to 14 days after the first dose", only)[0]
        == "met"
    )
