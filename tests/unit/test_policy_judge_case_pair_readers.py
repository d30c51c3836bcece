"""Readers added for case pairs on unseen policies: weekly days of a support, a stated
reduction, a symptom score before and now, donor/recipient serostatus, a first dose's day
after an event, a bound at the upper limit of normal itself, a prescriber named by who
writes the prescription. Each has near cases that must abstain or deny."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.care_setting import states_prescriber
from pipeline.policy.donor_serostatus import judge_donor_serostatus
from pipeline.policy.dose_day_window import judge_dose_day_window
from pipeline.policy.durations import judge_duration
from pipeline.policy.stated_reduction import judge_stated_reduction
from pipeline.policy.symptom_score_change import judge_symptom_score_change
from pipeline.policy.uln_multiples import judge_uln_multiple
from pipeline.policy.weekly_days import judge_weekly_days


def _facts(*texts: str) -> list[CaseFact]:
    dated = [CaseFact(id="F0", text="History: Clinic visit 12/01/2026.")]
    return dated + [CaseFact(id=f"F{i}", text=f"History: {t}") for i, t in enumerate(texts, 1)]


PN = "Parenteral nutrition or fluids on at least 3 days a week for at least 12 months."


def test_weekly_days_met_denied_and_abstained() -> None:
    met = _facts("Home parenteral nutrition 5 nights a week continuously since 04/2024.")
    assert judge_weekly_days(PN, met)[0] == "met"
    few = _facts("Home parenteral fluids 2 nights a week since 04/2024.")
    assert judge_weekly_days(PN, few)[0] == "not_met"
    # enough days, but started too recently to show 12 months: not met is not read either
    recent = _facts("Home parenteral nutrition 5 nights a week since 09/2026.")
    assert judge_weekly_days(PN, recent) is None
    # enough days, no start date: the span is unread
    assert judge_weekly_days(PN, _facts("Parenteral nutrition 4 nights a week.")) is None
    # notes that disagree
    two = _facts("Parenteral nutrition 2 nights a week.", "Parenteral nutrition 6 nights a week.")
    assert judge_weekly_days(PN, two) is None
    # no count stated
    assert judge_weekly_days(PN, _facts("Home parenteral nutrition since 04/2024.")) is None


def test_duration_leaves_a_criterion_with_a_rate_alone() -> None:
    # the onset date shows how long, never how many days a week
    facts = _facts("Short bowel syndrome diagnosed 04/2024; parenteral nutrition since 04/2024.")
    assert judge_duration(PN, facts) is None


REDUCED = (
    "Parenteral support volume or calories reduced by at least 20% from the start of treatment."
)


def test_stated_reduction() -> None:
    met = _facts(
        "Parenteral nutrition before treatment: 7 nights a week. Now: 5 nights a week "
        "(weekly volume down from 7,350 to 4,500 mL, about 39% less)."
    )
    assert judge_stated_reduction(REDUCED, met)[0] == "met"
    short = _facts(
        "Parenteral nutrition now 7 nights (weekly volume down from 7,350 to 6,790 mL, "
        "about 8% less); calories unchanged."
    )
    assert judge_stated_reduction(REDUCED, short)[0] == "not_met"
    # volume short of the share, calories not stated: the other alternative may hold
    only_volume = _facts("Parenteral nutrition weekly volume down from 7,350 to 6,790 mL.")
    assert judge_stated_reduction(REDUCED, only_volume) is None
    # no note of the subject at all
    assert judge_stated_reduction(REDUCED, _facts("Weight 40 kg.")) is None


ITCH = "The itching has improved since starting Livmarli."


def test_symptom_score_change() -> None:
    better = _facts("Itch: caregiver score 3.5 of 4 before treatment, now 1 of 4.")
    assert judge_symptom_score_change(ITCH, better)[0] == "met"
    same = _facts("Itch: caregiver score 3.5 of 4 before treatment and still 3.5 of 4 now.")
    assert judge_symptom_score_change(ITCH, same)[0] == "not_met"
    # scales that differ, or no score before: nothing decided
    scales = _facts("Itch: score 3 of 4 before treatment, now 5 of 10.")
    assert judge_symptom_score_change(ITCH, scales) is None
    assert judge_symptom_score_change(ITCH, _facts("Itch better, sleeping well.")) is None
    # a measure not known to be worse when higher is not read
    assert judge_symptom_score_change("The walking has improved since starting it.", same) is None


DR = "DONOR CMV IgG POSITIVE AND RECIPIENT CMV IgG NEGATIVE (D+/R-)."


def test_donor_serostatus() -> None:
    met = _facts(
        "Serologies: donor CMV IgG positive; recipient CMV IgG negative before transplant."
    )
    assert judge_donor_serostatus(DR, met)[0] == "met"
    both = _facts("Serologies: donor CMV IgG positive; recipient CMV IgG also positive.")
    assert judge_donor_serostatus(DR, both)[0] == "not_met"
    # the patient of a transplant request is its recipient
    rplus = "RECIPIENT CMV IgG IS POSITIVE BEFORE THE TRANSPLANT (R+)."
    assert judge_donor_serostatus(rplus, _facts("Patient CMV IgG reactive."))[0] == "met"
    assert judge_donor_serostatus(rplus, _facts("Patient CMV IgG non-reactive."))[0] == "not_met"
    # the recipient's result not stated, or both parties in one clause: nothing decided
    assert judge_donor_serostatus(DR, _facts("Donor CMV IgG positive.")) is None
    mixed = _facts("Donor and recipient CMV IgG positive.")
    assert judge_donor_serostatus(DR, mixed) is None


WINDOW = "FIRST DOSE FALLS BETWEEN THE DAY OF TRANSPLANT AND DAY 28 AFTER IT."
DRUG = "Prevymis (letermovir) 480 mg tablet"


def test_dose_day_window() -> None:
    early = _facts("Letermovir 480 mg daily started on day +5 (11/15/2026).")
    assert judge_dose_day_window(WINDOW, early, DRUG)[0] == "met"
    late = _facts("Letermovir to be started 12/15/2026, on day +35, after a delay.")
    assert judge_dose_day_window(WINDOW, late, DRUG)[0] == "not_met"
    pod = _facts("Letermovir first dose given 11/27/2026 (post-operative day 3).")
    assert judge_dose_day_window(WINDOW, pod, DRUG)[0] == "met"
    # a day of another drug, or a date with no day number: nothing decided
    other = _facts("Valganciclovir started on day +40.")
    assert judge_dose_day_window(WINDOW, other, DRUG) is None
    assert judge_dose_day_window(WINDOW, _facts("Letermovir started 11/15/2026."), DRUG) is None


def test_above_the_upper_limit_itself() -> None:
    asks = (
        "Androstenedione remains above the upper limit of normal on a morning sample "
        "taken before the dose. [1]"
    )
    high = _facts("Morning labs: androstenedione 612 ng/dL (reference up to 250).")
    assert judge_uln_multiple(asks, high)[0] == "met"
    low = _facts("Morning labs: androstenedione 180 ng/dL (reference up to 250).")
    assert judge_uln_multiple(asks, low)[0] == "not_met"
    # no limit written beside the value: nothing decided
    assert judge_uln_multiple(asks, _facts("Androstenedione 612 ng/dL.")) is None
    # a second requirement after the bound: not this reader's alone
    two = "Androstenedione above the upper limit of normal, and 17-OHP above 1000 ng/dL."
    assert judge_uln_multiple(two, high) is None
    bile = "A blood test shows bile acids more than 3 times the upper normal limit."
    assert (
        judge_uln_multiple(bile, _facts("Serum bile acids 186 micromol/L (lab upper limit 10)."))[0]
        == "met"
    )
    assert (
        judge_uln_multiple(bile, _facts("Serum bile acids 18 micromol/L (lab upper limit 10)."))[0]
        == "not_met"
    )


def test_prescriber_who_writes_the_prescription() -> None:
    says = CaseFact(
        id="F1",
        text="History: Family medicine visit (Dr. Owen Brandt, family physician, who writes the "
        "prescription); referral to pediatric endocrinology placed.",
    )
    assert states_prescriber(says)
    # a clinician named with no word of prescribing is no prescriber statement
    assert not states_prescriber(CaseFact(id="F2", text="History: Seen by a family physician."))


def test_age_in_months_against_whole_years() -> None:
    from pipeline.policy.age_phrases import judge_age_phrase

    def aged(n: int) -> list[CaseFact]:
        return [CaseFact(id="P", text=f"Patient: {n}-year-old male.")]

    asks = "Your child is 3 months old or older."
    assert judge_age_phrase(asks, aged(5))[0] == "met"
    # a 0-year-old may be 0 to 11 months: nothing decided
    assert judge_age_phrase(asks, aged(0)) is None
    assert judge_age_phrase("Your child is 24 months old or older.", aged(1))[0] == "not_met"


def test_specialist_request() -> None:
    from pipeline.policy.specialist_request import judge_specialist_request

    asks = (
        "A children's liver doctor (pediatric hepatologist or gastroenterologist) is asking for it."
    )
    seen = [
        CaseFact(id="F1", text="History: Clinic 11/20/2026 (Dr. Varga, pediatric hepatologist).")
    ]
    assert judge_specialist_request(asks, seen)[0] == "met"
    other = [
        CaseFact(
            id="F1",
            text="History: Visit (Dr. Brandt, family physician, who writes the prescription).",
        )
    ]
    assert judge_specialist_request(asks, other)[0] == "not_met"
    # no prescriber stated, or a specialty only denied: nothing decided, never met
    assert judge_specialist_request(asks, [CaseFact(id="F1", text="History: Itch.")]) is None
    denied = [CaseFact(id="F1", text="History: She has never seen a hepatologist.")]
    assert judge_specialist_request(asks, denied) is None


def test_gene_confirmed_met_only() -> None:
    from pipeline.policy.gene_confirmed import judge_gene_confirmed

    asks = (
        "Classic 21-hydroxylase deficiency is confirmed by CYP21A2 genetic testing or by a "
        "markedly raised 17-hydroxyprogesterone with salt wasting."
    )
    found = _facts("CYP21A2 testing: compound heterozygous pathogenic variants.")
    assert judge_gene_confirmed(asks, found)[0] == "met"
    # no variant classified, a benign one, or another gene: nothing decided (another way
    # of confirming may hold)
    assert judge_gene_confirmed(asks, _facts("CYP21A2 testing done 2017.")) is None
    assert judge_gene_confirmed(asks, _facts("CYP21A2 variant classified benign.")) is None
    assert judge_gene_confirmed(asks, _facts("JAG1 pathogenic variant.")) is None


def test_current_therapy_examples_in_brackets() -> None:
    from pipeline.policy.current_therapy import judge_current_therapy

    asks = "Currently taking an SGLT2 inhibitor (empagliflozin, dapagliflozin or canagliflozin)"
    on = _facts("Empagliflozin 10 mg daily since 2024, ongoing.")
    assert judge_current_therapy(asks, on, "finerenone")[0] == "met"
    # stopped, or another drug: nothing decided (never denied here)
    off = _facts("Empagliflozin 10 mg daily since 2024; stopped 2025 for infections.")
    assert judge_current_therapy(asks, off, "finerenone") is None
    assert judge_current_therapy(asks, _facts("Metformin 1 g daily since 2020."), "x") is None


def test_percent_from_before() -> None:
    from pipeline.policy.percent_from_before import judge_percent_from_before

    asks = "Resting heart rate at least 10% below the rate before treatment"

    def hr(now: int) -> list[CaseFact]:
        return _facts(
            "Resting heart rate before ivabradine (05/2026): 118 beats per minute. "
            f"Resting heart rate 11/23/2026: {now} beats per minute, sinus rhythm."
        )

    assert judge_percent_from_before(asks, hr(94))[0] == "met"
    assert judge_percent_from_before(asks, hr(112))[0] == "not_met"
    # no value marked as before treatment, or two later values: nothing decided
    only_now = _facts("Resting heart rate 11/23/2026: 94 beats per minute.")
    assert judge_percent_from_before(asks, only_now) is None
    two = hr(94) + _facts("Resting heart rate 11/30/2026: 120 beats per minute.")
    assert judge_percent_from_before(asks, two) is None
