"""Criterion readers: ranges in a criterion's numbers ("a score of 6 to 12", "2 or 3") read
as bounds and judged against the measurement the case states (an age group is no
measurement); a trial of therapies named by no drug ("at least one conventional therapy")
judged by the failed prior therapies on file."""

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


def test_a_trial_of_therapies_named_by_no_drug_counts_the_failed_priors_on_file() -> None:
    from pipeline.policy.trials import judge_lines

    on_file = [
        CaseFact(
            id="F1", text="Prior therapy: Mesalamine 4.8 g/day, 5 months; response: inadequate."
        ),
        CaseFact(
            id="F2", text="Prior therapy: Prednisone 40 mg/day; response: flare during taper."
        ),
        CaseFact(id="F3", text="Prior therapy: Budesonide; response: remission."),
    ]
    asked = "The member has had an inadequate response to at least one conventional therapy"
    assert judge_lines(asked, on_file)[:2] == ("met", ["F1", "F2"])
    assert judge_lines("Failure of at least two standard therapies", on_file)[0] == "met"
    assert judge_lines("Failure of at least three standard therapies", on_file) is None
    # a named drug or class, or "prior therapy" alone (its group names them): not this reader's
    assert judge_lines("Inadequate response to a TNF inhibitor", on_file) is None
    assert judge_lines("Inadequate response to prior therapy", on_file) is None
    assert judge_lines(asked, on_file[2:]) is None  # nothing that failed: the model reads it


def test_a_screening_asked_as_done_in_a_window_reads_a_dated_result() -> None:
    from pipeline.policy.screening import judge_screening

    asked = (
        "The member has been tested for latent tuberculosis within the past 12 months, and "
        "latent infection, if found, is being treated"
    )
    today = CaseFact(id="F9", text="History: Clinic visit 01/22/2026.")
    fresh = CaseFact(id="F1", text="History: QuantiFERON-TB Gold Plus 12/18/2025: negative.")
    stale = CaseFact(id="F1", text="History: QuantiFERON-TB Gold 08/2024 negative; none since.")
    found = CaseFact(id="F1", text="History: QuantiFERON-TB Gold 12/18/2025: positive.")
    assert judge_screening(asked, [fresh, today])[:2] == ("met", ["F1"])
    assert judge_screening(asked, [stale, today])[:2] == ("not_met", ["F1"])
    assert judge_screening(asked, [found, today]) is None  # to be treated: a person reads it


def test_compound_words_and_paperwork_words_in_a_criterion() -> None:
    from pipeline.policy.criterion_terms import coverage, requirements

    asked = requirements("Patient is not pregnant or breast feeding")
    assert coverage(asked, "History: Not pregnant and not breastfeeding.") == len(asked)
    assert coverage(requirements("Patient is a smoker"), "History: nonsmoker") == 0
    # how a fact reaches the plan (an attestation, verbally) is no term a fact must state
    terms = requirements("Provide verbal attestation that the patient has no opioid prescription")
    assert not any(g & {"attest", "verbal", "provid"} for g in terms)


def test_a_trial_length_from_its_dates_and_a_dose_at_least_the_one_asked() -> None:
    from pipeline.policy.trials import judge_trial

    facts = [
        CaseFact(id="F1", text="History: Primary care visit 01/20/2026: glucose above goal."),
        CaseFact(id="F2", text="History: Metformin ER 2,000 mg daily since 03/2022."),
    ]
    asked = (
        "Patient has taken metformin at 1,500 mg a day or the highest tolerated dose for at "
        "least 90 days"
    )
    assert judge_trial(asked, facts)[:2] == ("met", ["F2"])
    assert judge_trial(asked.replace("1,500", "2,500"), facts) is None  # below the dose asked
    assert judge_trial(asked.replace("90 days", "60 months"), facts) is None  # ~46 months
    low = [
        facts[0],
        CaseFact(
            id="F2",
            text="History: Metformin 500 mg, highest tolerated dose, from 06/2025 to 11/2025.",
        ),
    ]
    assert judge_trial(asked, low)[:2] == ("met", ["F2"])
    assert judge_trial(asked.replace("90 days", "6 months"), low) is None  # 4-6 months: unsure


def test_one_clinical_meaning_written_two_ways_is_one_term() -> None:
    from pipeline.policy.criterion_terms import coverage, requirements

    asked = requirements("No personal or family history of medullary thyroid carcinoma")
    said = "History: no thyroid cancer in the family; the patient has no thyroid disease."
    assert coverage(asked, said) == len(asked) - 1  # all but "medullary"
    assert coverage(requirements("renal impairment"), "History: kidney impairment") == 2


def test_of_readings_named_alike_the_one_named_most_as_the_criterion_decides() -> None:
    asked = "Disease graded moderate to severe by a total Mayo score of 6 to 12"
    fact = CaseFact(
        id="F1",
        text="History: Colonoscopy 01/09/2026: endoscopic Mayo subscore 2. Partial Mayo 7; "
        "total Mayo score 9.",
    )
    assert judge_measure(asked, [fact])[:2] == ("met", ["F1"])
    low = CaseFact(id="F1", text=fact.text.replace("score 9", "score 4"))
    assert judge_measure(asked, [low])[:2] == ("not_met", ["F1"])


def test_a_window_is_met_by_a_clause_dated_inside_it() -> None:
    from datetime import date

    from pipeline.policy.criterion_terms import numbers_ok

    asked = "Serum ALT, AST and total bilirubin were measured within the 30 days before the request"
    fact = CaseFact(id="F9", text="History: Liver panel 01/22/2026: ALT 19 U/L, AST 33 U/L.")
    assert numbers_ok(asked, fact.text, fact, date(2026, 1, 30))
    assert not numbers_ok(asked, fact.text, fact, date(2026, 4, 30))  # 98 days before
    assert not numbers_ok(asked, fact.text)  # no date to measure from: not stated


def test_pointers_restated_units_and_a_negated_head_term() -> None:
    from pipeline.policy.criterion_terms import negated_terms, numbers_ok, requirements

    # where to read more is no term; "12 mg (5 mL)" asks one number
    terms = requirements(
        "Patient has not previously received gene therapy for SMA (see Appendix 1)"
    )
    assert not any(g & {"see", "append"} for g in terms)
    asked = "Prescriber will not exceed the FDA labeled dose of 12 mg (5 mL) per administration"
    assert numbers_ok(asked, "History: Prescriber will give the labeled 12 mg dose, not more.")
    # the absence of a thing states the absence of any kind of it
    groups = requirements("The patient is not on permanent ventilator dependence")
    assert negated_terms(groups, "History: Breathes unaided; uses no ventilator.") == 1
    assert negated_terms(groups, "History: On a home ventilator at night; no changes.") == 0


def test_an_age_met_decides_only_a_criterion_that_asks_the_age_alone() -> None:
    from pipeline.models import Case
    from pipeline.policy.judge import judge_by_rule
    from pipeline.policy.models import PolicyNode

    case = Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": 40, "sex": "female"},
            "diagnoses": [{"name": "Ulcerative colitis"}],
            "requested_treatment": {"drug": "Stelara", "request_type": "initial"},
        }
    )
    facts = [CaseFact(id="F1", text="Patient: 40-year-old female.")]
    alone = PolicyNode(
        id="1",
        text="Patient is 18 years of age or older",
        page=1,
        kind="age",
        fields={"op": "≥", "years": 18},
    )
    more = alone.model_copy(
        update={
            "text": "Members 18 years of age or older who have "
            "previously received a biologic for ulcerative colitis"
        }
    )
    assert judge_by_rule(alone, case, facts).status == "met"
    assert judge_by_rule(more, case, facts) is None  # the biologic is still to be read
    young = case.model_copy(update={"patient": case.patient.model_copy(update={"age": 12})})
    assert judge_by_rule(more, young, facts).status == "not_met"  # one part fails: all does
