"""Readers for criterion kinds of unseen policies: events counted by their dates in a
window, a diagnosis shown by a named test, a reading taken before the first dose, a
measurement lower than at the start, refills on a regular cycle; the matcher reading a
short-form indication's condition from its lead-in; a prescriber list's "with"; each with
the near cases that must decide nothing (or deny, where the case says so)."""

from __future__ import annotations

from pipeline.models import Case, CaseFact
from pipeline.policy.care_setting import names_specialty
from pipeline.policy.confirmed_on_test import judge_confirmed_on_test
from pipeline.policy.dated_event_count import judge_dated_events
from pipeline.policy.lead_in_condition import lead_in_condition
from pipeline.policy.match import match_indication
from pipeline.policy.measured_before_start import judge_measured_before_start
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree
from pipeline.policy.refill_regularity import judge_refill_regularity
from pipeline.policy.start_reading_compare import judge_start_reading
from pipeline.policy.untried_without_harm import judge_untried_without_harm


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


CRISES = "Two or more vaso-occlusive crises needing medical care in the past 12 months"
CLINIC = "History: Clinic 11/24/2026 (Dr. Chu): well today, between crises."


def test_events_are_counted_by_their_dates_in_the_window() -> None:
    four = _facts(
        CLINIC,
        "History: Pain crises in the past year: emergency visits 01/2026 and 04/2026, "
        "admissions 07/2026 and 10/2026.",
    )
    assert _status(judge_dated_events(CRISES, four)) == "met"
    one = _facts(
        CLINIC,
        "History: Pain crises: one visit in 08/2026; the one before was 05/2025; "
        "no other medical visits for pain.",
    )
    assert _status(judge_dated_events(CRISES, one)) == "not_met"


def test_event_counts_that_are_unsure_decide_nothing() -> None:
    # the clinic note's own date is no crisis; without "no other" the list may be partial
    partial = _facts(CLINIC, "History: Pain crises: one visit in 08/2026.")
    assert judge_dated_events(CRISES, partial) is None
    # a date on the window's edge month
    edge = _facts(CLINIC, "History: Pain crises: 11/2025 and 08/2026; no other.")
    assert judge_dated_events(CRISES, edge) is None
    # two notes list crises: they may overlap
    two = _facts(CLINIC, "History: Crises 01/2026 and 03/2026.", "History: Crises 02/2026 at home.")
    assert judge_dated_events(CRISES, two) is None
    assert judge_dated_events("Two or more crises", _facts(CLINIC)) is None


SCD = (
    "Sickle cell disease of any genotype (HbSS, HbSC, HbS-beta thalassemia) shown on "
    "hemoglobin testing"
)


def test_a_diagnosis_is_shown_by_the_named_test_with_a_result() -> None:
    dx = "Diagnosis: Sickle cell disease, HbSS (ICD-10 D57.1)."
    hplc = "History: Hemoglobin HPLC in 2019: HbS 88%, HbF 9% (HbSS)."
    assert _status(judge_confirmed_on_test(SCD, _facts(dx, hplc))) == "met"
    # the test only ordered, another test, or another diagnosis: nothing
    assert judge_confirmed_on_test(SCD, _facts(dx, "History: Hemoglobin testing ordered.")) is None
    assert judge_confirmed_on_test(SCD, _facts(dx, "History: Ferritin 80 ng/mL.")) is None
    assert judge_confirmed_on_test(SCD, _facts("Diagnosis: Sickle cell trait.", hplc)) is None


def test_a_genetic_test_confirms_only_with_a_disease_causing_result() -> None:
    text = "Duchenne muscular dystrophy confirmed by genetic testing"
    dx = "Diagnosis: Duchenne muscular dystrophy (ICD-10 G71.01)."
    found = "History: DMD gene testing 2020: nonsense variant c.2302C>T in exon 19 (pathogenic)."
    assert _status(judge_confirmed_on_test(text, _facts(dx, found))) == "met"
    unsure = "History: DMD gene testing 2020: variant of uncertain significance in exon 19."
    assert judge_confirmed_on_test(text, _facts(dx, unsure)) is None


TG = "Fasting triglycerides measured before the first dose"
FIRST = "Requested (initial): Drug X, 10 mg."


def test_a_reading_on_a_first_request_is_from_before_the_first_dose() -> None:
    tg = "History: Fasting triglycerides 118 mg/dL on 11/20/2026; ECG QTc 411 ms."
    assert _status(judge_measured_before_start(TG, _facts(FIRST, tg))) == "met"
    # a renewal, a test only ordered, a reading without a value: nothing
    renew = "Requested (continuation): Drug X, 10 mg."
    assert judge_measured_before_start(TG, _facts(renew, tg)) is None
    ordered = "History: Fasting triglycerides 11/20/2026 ordered."
    assert judge_measured_before_start(TG, _facts(FIRST, ordered)) is None
    assert judge_measured_before_start(TG, _facts(FIRST, "History: Triglycerides normal.")) is None


DNA = "HBV DNA is undetectable or lower than at the start of treatment [2]"
START = "History: Drug started 11/2025: HBV DNA 48,000 IU/mL and ALT 96 U/L at the start."


def test_a_measurement_is_compared_with_its_reading_at_the_start() -> None:
    gone = _facts(START, "History: HBV DNA 10/28/2026: below 20 IU/mL (not detected).")
    assert _status(judge_start_reading(DNA, gone)) == "met"
    up = _facts(START, "History: HBV DNA 10/28/2026: 310,000 IU/mL, higher than at the start.")
    assert _status(judge_start_reading(DNA, up)) == "not_met"
    pct = "latest intact PTH at least 30% lower than the value before cinacalcet"
    base = "History: Cinacalcet started 11/2025: intact PTH 880 pg/mL before the first dose."
    low = _facts(base, "History: Intact PTH 11/09/2026: 395 pg/mL.")
    assert _status(judge_start_reading(pct, low)) == "met"
    some = _facts(base, "History: Intact PTH 11/09/2026: 742 pg/mL (16% below the start).")
    assert _status(judge_start_reading(pct, some)) == "not_met"


def test_start_comparisons_that_are_unsure_decide_nothing() -> None:
    # no start reading; another unit; only an upper bound that may be above the start
    assert judge_start_reading(DNA, _facts("History: HBV DNA 10/28/2026: 300 IU/mL.")) is None
    other = _facts(START, "History: HBV DNA 10/28/2026: 3.1 log IU/mL.")
    assert judge_start_reading(DNA, other) is None
    plain = "HBV DNA lower than at the start of treatment"
    small = _facts(
        "History: Drug started 11/2025: HBV DNA 15 IU/mL at the start.",
        "History: HBV DNA 10/28/2026: below 20 IU/mL.",
    )
    assert judge_start_reading(plain, small) is None


REFILL = "Refill records or the prescriber confirm the member takes the drug most days"


def test_refills_on_a_regular_cycle_meet_and_gaps_decide_nothing() -> None:
    ok = _facts("History: Pharmacy records: 30 tablets filled every 28-31 days for 12 months.")
    assert _status(judge_refill_regularity(REFILL, ok)) == "met"
    gap = _facts("History: Pharmacy records: filled every 30 days, with a 3-month gap in spring.")
    assert judge_refill_regularity(REFILL, gap) is None
    slow = _facts("History: Pharmacy records: 30 tablets filled every 60 days.")
    assert judge_refill_regularity(REFILL, slow) is None
    twice = "Refills show the powder is taken twice a day as prescribed"
    assert judge_refill_regularity(twice, ok) is None


def test_a_short_form_indication_reads_its_condition_from_the_lead_in() -> None:
    lead = PolicyNode(
        id="2",
        text="Initial request: Approve for 12 months for secondary hyperparathyroidism of "
        "chronic kidney disease when all of the following apply:",
        page=1,
        op="all_of",
    )
    ind = Indication(
        id="i", name="SECONDARY HPT ON DIALYSIS", text="", page=1, branches=[Branch(node=lead)]
    )
    assert lead_in_condition(ind) == "secondary hyperparathyroidism of chronic kidney disease"
    term = PolicyNode(id="3", text="Approve for 12 months when:", page=1, op="all_of")
    assert (
        lead_in_condition(
            Indication(id="j", name="X", text="", page=1, branches=[Branch(node=term)])
        )
        == ""
    )


def test_a_prescriber_list_with_with_names_the_specialty() -> None:
    clinic = "hematology clinic 11/24/2026 (dr. chukwu, adult sickle cell program)"
    assert names_specialty("with hematologist", "hematolog", clinic)
    assert not names_specialty("with hematologist", "hematolog", "oncology clinic")


STEROIDS = (
    "Prednisone or deflazacort was stopped, or cannot be used, because of a documented "
    "adverse effect such as marked weight gain"
)


def test_drugs_never_taken_and_not_ruled_out_fail_a_stopped_for_harm_criterion() -> None:
    naive = _facts(
        "History: Has never taken prednisone or deflazacort; no contraindication to them "
        "noted; the family prefers another drug."
    )
    assert _status(judge_untried_without_harm(STEROIDS, naive)) == "not_met"
    # one was stopped, or only one way is denied: the model weighs it
    mixed = _facts(
        "History: Never taken prednisone; deflazacort stopped for weight gain; "
        "no contraindication to prednisone."
    )
    assert judge_untried_without_harm(STEROIDS, mixed) is None
    silent = _facts("History: Has never taken prednisone or deflazacort.")
    assert judge_untried_without_harm(STEROIDS, silent) is None


def _lead_in_ind(n: str, name: str, lead: str) -> Indication:
    node = PolicyNode(id=n, text=lead, page=1, op="all_of")
    return Indication(id=n, name=name, text="", page=1, branches=[Branch(node=node)])


def test_the_matcher_reads_a_short_form_name_by_its_lead_in_condition() -> None:
    tree = PolicyTree(
        source_id="s" * 64,
        file="p.pdf",
        title="Calcimimetic rules",
        compiler="test",
        indications=[
            _lead_in_ind(
                "1",
                "SECONDARY HPT ON DIALYSIS",
                "Approve for 12 months for secondary "
                "hyperparathyroidism of chronic kidney disease when all apply:",
            ),
            _lead_in_ind(
                "2",
                "PRIMARY HPT",
                "Approve for 6 months for primary hyperparathyroidism when all apply:",
            ),
        ],
    )
    case = Case.model_validate(
        {
            "case_id": "c",
            "question": "q",
            "patient": {"age": 70, "sex": "female"},
            "diagnoses": [{"name": "Primary hyperparathyroidism"}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": "initial"},
        }
    )
    found = match_indication(case, tree).indication
    assert found is not None and found.id == "2"
    other = case.model_copy(
        update={"diagnoses": [case.diagnoses[0].model_copy(update={"name": "Gout"})]}
    )
    assert match_indication(other, tree).indication is None
