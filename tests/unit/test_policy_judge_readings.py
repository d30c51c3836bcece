"""The criterion readers added for unseen policies (issue 25): measurements by their common
names and dates, kinds of disease by ICD-10 block, the absence of a qualified condition,
"A, not B" contrasts, screening tests inside a window, a met the model's cited facts state
together, and a prescriber's specialty named only to deny it. Each with the twin that
must not be approved."""

from __future__ import annotations

import pytest

from pipeline.cases import case_facts
from pipeline.models import Case, CaseFact
from pipeline.policy.decide import apply_policy
from pipeline.policy.icd_categories import judge_category
from pipeline.policy.judge import check_model_judgment, judge_by_rule
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Branch, Indication, Judgment, PolicyNode, PolicyTree
from pipeline.policy.polarity import judge_absent_condition, judge_contrast
from pipeline.policy.restated import judge_restated
from pipeline.policy.screening import judge_screening
from tests.conftest import FakeLLM


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


# --- measurements by name -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("criterion", "fact", "status"),
    [
        # the first value after the name; the one in parentheses is an earlier one
        (
            "Hemoglobin is below 10 g/dL",
            "History: CBC 02/06/2026: hemoglobin 8.7 g/dL (12.1 g/dL before chemotherapy).",
            "met",
        ),
        ("Hemoglobin is below 10 g/dL", "History: Hgb 10.6 g/dL on 01/10/2026.", "not_met"),
        ("Transferrin saturation of 20% or more", "History: Iron studies: TSAT 24%.", "met"),
        # a negative value and "or lower"
        ("a T-score of -2.5 or lower at the spine", "History: DXA: L1-L4 T-score -3.1.", "met"),
        ("a T-score of -2.5 or lower at any site", "History: DXA: T-score -1.9.", "not_met"),
        # the measurement named after the bound
        (
            "Psoriasis covering 3% or more of body surface area",
            "History: Exam: plaques on the palms; body surface area about 2%; PASI 7.",
            "not_met",
        ),
        ("Psoriasis covering 3% or more of body surface area", "History: BSA 12%.", "met"),
        (
            "Involvement of at least 10% of body surface area (BSA)",
            "History: Body surface area involved is 22% at the last visit.",
            "met",
        ),
        # a unit with a slash is not a dose
        ("eGFR of at least 30 mL/min/1.73 m2", "History: eGFR 98 mL/min/1.73 m2.", "met"),
        # "dose" in the criterion does not hide a named measurement
        (
            "a ten-year FRAX probability of major osteoporotic fracture of 20 percent or more,"
            " adjusted for the glucocorticoid dose",
            "History: FRAX (glucocorticoid-adjusted): major osteoporotic fracture 11%.",
            "not_met",
        ),
    ],
)
def test_a_named_measurement_is_read_by_its_common_names(
    criterion: str, fact: str, status: str
) -> None:
    assert _status(judge_measure(criterion, facts(fact))) == status


def test_a_reading_must_be_dated_inside_the_window() -> None:
    text = "Hemoglobin is below 10 g/dL on a test done within the past 14 days"
    note = "History: Oncology note 02/09/2026: cycle 3 given."
    fresh = facts(note, "History: CBC 02/06/2026: hemoglobin 8.7 g/dL.")
    assert _status(judge_measure(text, fresh)) == "met"
    old = facts(note, "History: CBC 12/01/2025: hemoglobin 8.7 g/dL.")
    assert judge_measure(text, old) is None  # too old to count: nothing decided
    # the group's stem carries the window ("Both of the following, measured within ...")
    stem = "Both of the following, measured within the past 3 months:"
    dated = facts(note, "History: Iron studies 10/01/2025: transferrin saturation 26%.")
    assert judge_measure("Transferrin saturation of 20% or more", dated, context=stem) is None


def test_a_count_over_a_longer_window_that_is_too_few_is_not_met() -> None:
    text = "Patient has active oral ulcers, with at least 2 ulcers in the past month"
    many = facts("History: Ulcer diary shows 5 ulcers in the past 4 weeks.")
    assert _status(judge_measure(text, many)) == "met"
    few = facts("History: Ulcer diary shows this single ulcer in the past 6 weeks.")
    assert _status(judge_measure(text, few)) == "not_met"
    # two in six weeks may be none in the past month: nothing decided
    unsure = facts("History: Ulcer diary shows 2 ulcers in the past 6 weeks.")
    assert judge_measure(text, unsure) is None


# --- kinds of disease by ICD-10 block ---------------------------------------------------
def test_a_kind_of_disease_is_read_from_the_diagnosis_code() -> None:
    lung = facts("Diagnosis: Non-small cell lung cancer (ICD-10 C34.11).")
    assert _status(judge_category("Member has a non-myeloid cancer", lung)) == "met"
    aml = facts("Diagnosis: Acute myeloid leukemia (ICD-10 C92.00).")
    assert _status(judge_category("Member has a non-myeloid cancer", aml)) == "not_met"
    # a criterion that asks more than the kind is not code's
    assert judge_category("Member has metastatic cancer", lung) is None
    assert judge_category("Member has a non-myeloid cancer", facts("Diagnosis: Anemia.")) is None


# --- polarity -------------------------------------------------------------------------------
def test_the_absence_of_a_condition_is_the_absence_of_its_qualified_form() -> None:
    text = "Member does not have uncontrolled hypertension"
    none = facts("History: Blood pressure 124/76 mmHg; no history of hypertension.")
    assert _status(judge_absent_condition(text, none)) == "met"
    controlled = facts("History: Hypertension controlled on amlodipine, BP 128/80.")
    assert _status(judge_absent_condition(text, controlled)) == "met"
    # the twin: the qualified form present, or the condition stated plainly, is not met here
    assert judge_absent_condition(text, facts("History: Uncontrolled hypertension.")) is None
    assert judge_absent_condition(text, facts("History: Hypertension since 2015.")) is None


def test_a_contrast_is_met_by_one_word_and_failed_by_the_other() -> None:
    text = "The intent of the chemotherapy is palliative, not curative"
    good = facts("History: Goal of treatment: palliative, to control disease.")
    assert _status(judge_contrast(text, good)) == "met"
    bad = facts("History: Adjuvant cisplatin. Goal of treatment: curative.")
    assert _status(judge_contrast(text, bad)) == "not_met"
    both = facts("History: Goal palliative.", "History: Surgeon: intent curative.")
    assert judge_contrast(text, both) is None


def test_a_class_named_by_its_abbreviation_states_its_full_name() -> None:
    text = (
        "Otezla will not be used with a biologic drug, a Janus kinase inhibitor or deucravacitinib"
    )
    none = facts("History: Not on any biologic, JAK inhibitor or deucravacitinib; none planned.")
    assert _status(judge_restated(text, none, "Otezla (apremilast)")) == "met"
    taking = facts("History: Tofacitinib will be continued with it.")
    assert judge_restated(text, taking, "Otezla (apremilast)") is None


# --- screening tests in a window ------------------------------------------------------------
_TB = (
    "A negative test for latent tuberculosis (tuberculin skin test or interferon-gamma release"
    " assay) within the past 12 months, or latent infection already treated"
)


def test_a_screening_test_is_judged_by_its_date_and_result() -> None:
    visit = "History: Rheumatology visit 01/12/2026."
    assert _status(
        judge_screening(_TB, facts(visit, "History: T-SPOT.TB negative on 01/05/2026."))
    ) == ("met")
    stale = "History: a QuantiFERON drawn 03/2023 was negative; no TB test since."
    # the alternative (latent infection treated) unknown: nothing decided
    assert judge_screening(_TB, facts(visit, stale)) is None
    denied = facts(visit, stale, "History: Never treated for latent TB.")
    assert _status(judge_screening(_TB, denied)) == "not_met"
    # a positive result is a person's to read
    positive = facts(visit, "History: QuantiFERON positive on 01/05/2026.")
    assert judge_screening(_TB, positive) is None


# --- the model's met, stated by facts together ----------------------------------------------
def test_a_met_may_rest_on_facts_that_state_the_criterion_together() -> None:
    text = (
        "the member is a postmenopausal woman with a diagnosis of osteoporosis recorded by"
        " the treating physician"
    )
    node = PolicyNode(id="1.a", text=text, page=1)

    def check(patient: str, diagnosis: str) -> Judgment:
        known = {"F1": CaseFact(id="F1", text=patient), "F2": CaseFact(id="F2", text=diagnosis)}
        j = Judgment(node_id="1.a", text=text, page=1, status="met", facts=["F2"], method="model")
        return check_model_judgment(j, node, known)

    j = check(
        "Patient: 68-year-old female.", "Diagnosis: Postmenopausal osteoporosis (ICD-10 M81.0)."
    )
    assert j.status == "met" and set(j.facts) == {"F1", "F2"}
    # the twin: a man's osteoporosis states too little of it
    j = check("Patient: 68-year-old male.", "Diagnosis: Osteoporosis (ICD-10 M81.0).")
    assert j.status == "not_documented"
    # two notes that each share a word with a criterion do not state it together
    ex = "Use in combination with another biologic or a targeted synthetic drug"
    notes = {
        "F6": CaseFact(id="F6", text="History: Folic acid taken together with meals."),
        "F7": CaseFact(id="F7", text="History: A biologic was discussed at the visit."),
    }
    j = Judgment(node_id="x", text=ex, page=1, status="met", facts=["F6", "F7"], method="model")
    assert check_model_judgment(j, PolicyNode(id="x", text=ex, page=1), notes).status == (
        "not_documented"
    )
    # nor does a diagnosis that names the criterion's words for a patient of the other sex
    j = check("Patient: 68-year-old male.", "Diagnosis: Postmenopausal osteoporosis.")
    assert j.status == "not_documented"


# --- a specialty named only to deny it -----------------------------------------------------
def test_a_specialty_named_only_to_deny_it_is_not_the_prescribers() -> None:
    node = PolicyNode(
        id="1.e",
        text="Prescribed by or in consultation with a dermatologist",
        page=1,
        kind="prescriber",
        fields={"specialties": ["dermatologist"]},
    )
    tree = PolicyTree(
        source_id="s" * 64,
        title="Apremilast policy",
        file="/x.pdf",
        compiler="test",
        indications=[
            Indication(
                id="I1",
                name="Plaque psoriasis",
                text="Plaque psoriasis",
                page=1,
                branches=[Branch(request_type="initial", node=node)],
            )
        ],
    )

    def case(prescriber: str) -> Case:
        return Case.model_validate(
            {
                "case_id": "pso",
                "patient": {"age": 44, "sex": "female"},
                "diagnoses": [{"name": "Plaque psoriasis", "icd10": "L40.0"}],
                "requested_treatment": {"drug": "Apremilast", "request_type": "initial"},
                "history": [prescriber],
            }
        )

    denied = case(
        "Prescriber: her family physician. She has never seen a dermatologist; no dermatology"
        " referral has been made."
    )
    decision = apply_policy(denied, [tree], FakeLLM())
    assert decision.verdict == "not_medically_necessary" and "dermatologist" in decision.rule
    seen = case("Prescriber: board-certified dermatologist.")
    met = judge_by_rule(node, seen, case_facts(seen), "")
    assert met is not None and met.status == "met"


# --- exclusions that are not the case's condition --------------------------------------------
def _gmg_case(antibodies: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "gmg",
            "patient": {"age": 50, "sex": "female"},
            "diagnoses": [{"name": f"Generalized myasthenia gravis, {antibodies}"}],
            "requested_treatment": {"drug": "Ravulizumab", "request_type": "initial"},
            "history": [f"Neurology note: generalized myasthenia gravis; {antibodies}."],
        }
    )


def test_an_exclusion_with_a_qualifier_applies_only_where_the_case_states_it() -> None:
    from pipeline.policy.match import excluded_condition, resembles_exclusion
    from pipeline.policy.models import Exclusion

    ex = Exclusion(
        id="X1",
        name="Generalized myasthenia gravis without anti-AChR antibodies",
        text="Generalized myasthenia gravis without anti-AChR antibodies",
        page=3,
    )
    positive = _gmg_case("anti-AChR antibodies positive")
    assert excluded_condition(positive, ex) == ""
    assert resembles_exclusion(positive, ex)[0] == 0.0
    # the twin that states the qualifier is excluded
    assert excluded_condition(_gmg_case("no anti-AChR antibodies"), ex)


def test_a_dosing_limit_among_the_exclusions_excludes_no_diagnosis() -> None:
    from pipeline.policy.match import excluded_condition
    from pipeline.policy.models import Exclusion

    ex = Exclusion(
        id="X2",
        name="Chronic migraine",
        text="Chronic migraine: 155 units every 12 weeks (up to 195 units).",
        page=3,
    )
    data = _gmg_case("anti-AChR antibodies positive").model_dump()
    case = Case.model_validate(data | {"diagnoses": [{"name": "Chronic migraine"}]})
    assert excluded_condition(case, ex) == ""


# --- limits on use, and drugs not to be given together ---------------------------------------
def test_a_limit_on_use_is_kept_by_a_therapy_never_used() -> None:
    from pipeline.policy.restated import judge_never_used_within_limit

    text = (
        "the total lifetime use of parathyroid hormone analogs (teriparatide and abaloparatide"
        " together) will not exceed twenty-four months"
    )
    never = facts("History: Has never received teriparatide or any parathyroid hormone analog.")
    assert _status(judge_never_used_within_limit(text, never, "teriparatide")) == "met"
    used = facts("History: Teriparatide for 20 months, 2019 to 2021.")
    assert judge_never_used_within_limit(text, used, "teriparatide") is None


def test_drugs_not_to_be_given_together_each_absent_or_stopped() -> None:
    from pipeline.policy.polarity import judge_concomitant

    text = (
        "teriparatide will not be given together with denosumab, romosozumab, abaloparatide"
        " or a bisphosphonate"
    )
    absent = facts(
        "History: Denosumab, romosozumab and abaloparatide never used. Alendronate will be"
        " stopped when teriparatide starts."
    )
    assert _status(judge_concomitant(text, absent, "teriparatide")) == "met"
    # the twin: one of them given alongside
    alongside = facts(
        "History: The endocrinologist plans to keep giving denosumab together with daily"
        " teriparatide. Romosozumab and abaloparatide never used."
    )
    assert _status(judge_concomitant(text, alongside, "teriparatide")) == "not_met"
    # one of them not spoken of: nothing decided
    partial = facts("History: Denosumab never used.")
    assert judge_concomitant(text, partial, "teriparatide") is None


def test_a_use_together_exclusion_is_judged_as_the_criterion_it_turns_over() -> None:
    from pipeline.policy.models import Exclusion
    from pipeline.policy.use_together import situation

    text = "Use in combination with another osteoporosis drug other than calcium and vitamin D"
    ex = Exclusion(id="X4", name=text, text=text, page=3)
    absent = facts("History: No other osteoporosis drug planned with teriparatide.")
    j = situation(ex, absent, "teriparatide")
    assert j is not None and j.status == "not_met"  # the exclusion does not apply
    # calcium and vitamin D are what it allows: no reading of them decides it
    assert situation(ex, facts("History: Calcium and vitamin D daily."), "teriparatide") is None


def test_an_oral_trial_is_not_met_by_a_topical_one_and_fails_when_too_short() -> None:
    from pipeline.policy.trials import judge_trial

    text = (
        "a trial of an oral antibiotic for hidradenitis (such as doxycycline, minocycline, or"
        " clindamycin with rifampin) for at least 90 days, without adequate response"
    )
    long_enough = facts(
        "History: Doxycycline 100 mg twice daily 08/2025 to 12/2025 (17 weeks): flares"
        " continued, new nodules monthly."
    )
    assert _status(judge_trial(text, long_enough)) == "met"
    topical = facts("History: Topical clindamycin for 2 years without control.")
    assert judge_trial(text, topical) is None
    # the twin: six weeks of doxycycline and no other antibiotic
    short = facts(
        "History: Doxycycline 100 mg twice daily (6 weeks), stopped when he moved; no other"
        " oral antibiotic before or since.",
        "History: Topical clindamycin for 2 years without control.",
    )
    assert _status(judge_trial(text, short)) == "not_met"


def test_a_date_is_not_a_count() -> None:
    text = "at least three abscesses or inflammatory nodules on examination"
    exam = facts("History: Exam 01/20/2026: 3 abscesses and 5 inflammatory nodules.")
    assert _status(judge_measure(text, exam)) == "met"


def test_a_screening_test_denied_on_file_is_not_met_when_the_alternative_is_denied_too() -> None:
    text = (
        "Negative tuberculosis screening (interferon-gamma release assay or tuberculin skin"
        " test) within the 12 months before the request, or treatment for latent tuberculosis"
        " has been started"
    )
    none = facts(
        "History: No QuantiFERON, T-SPOT or PPD result on file in the past 3 years and none"
        " ordered; never treated for latent TB."
    )
    assert _status(judge_screening(text, none)) == "not_met"
    # denied for a shorter window only: a test may lie between
    recent = facts("History: No TB test in the past 2 months; never treated for latent TB.")
    assert judge_screening(text, recent) is None


def test_two_statements_joined_by_and_are_read_as_both() -> None:
    from pipeline.policy.readers import read_criterion

    text = (
        "Member has a non-myeloid cancer, and the intent of the chemotherapy is palliative,"
        " not curative"
    )
    both = facts(
        "Diagnosis: Non-small cell lung cancer (ICD-10 C34.11).",
        "History: Goal of treatment: palliative.",
    )
    assert _status(read_criterion(text, both, "", "")) == "met"
    # one part unread: nothing decided; one part not met: not met
    assert read_criterion(text, both[1:], "", "") is None
    curative = facts(
        "Diagnosis: Non-small cell lung cancer (ICD-10 C34.11).",
        "History: Goal of treatment: curative.",
    )
    assert _status(read_criterion(text, curative, "", "")) == "not_met"


def test_a_qualified_thing_is_not_met_where_the_thing_never_occurred() -> None:
    from pipeline.policy.polarity import judge_head_absent

    text = "a fragility fracture that occurred while taking glucocorticoids"
    never = facts("History: No fracture at any time; spine x-ray shows no deformity.")
    assert _status(judge_head_absent(text, never)) == "not_met"
    # the twin that had one, or a denial limited to other circumstances: nothing decided
    assert judge_head_absent(text, facts("History: Acute T11 compression fracture.")) is None
    assert judge_head_absent(text, facts("History: No fracture while off prednisone.")) is None


def test_the_models_met_is_checked_with_the_patient_line_shown_or_not() -> None:
    from pipeline.llm.prompts import load_prompt
    from pipeline.policy.judge import PROMPT, judge_by_model

    text = (
        "the member is a postmenopausal woman with a diagnosis of osteoporosis recorded by"
        " the treating physician"
    )
    node = PolicyNode(id="1.a", text=text, page=1)
    llm = FakeLLM().queue_judgments({"facts": ["F2"], "status": "met"})
    case = facts(
        "Patient: 68-year-old female.", "Diagnosis: Postmenopausal osteoporosis (ICD-10 M81.0)."
    )
    j = judge_by_model(node, case, llm, load_prompt(PROMPT), "teriparatide")
    assert j.status == "met" and "F1" in j.facts
    llm = FakeLLM().queue_judgments({"facts": ["F2"], "status": "met"})
    man = facts("Patient: 68-year-old male.", "Diagnosis: Postmenopausal osteoporosis.")
    assert judge_by_model(node, man, llm, load_prompt(PROMPT), "x").status == "not_documented"


def test_a_measurement_is_read_against_its_reference_range_inside_the_window() -> None:
    from pipeline.policy.reference_range import judge_range

    text = "IGF-1 measured within the past 12 months is within the normal range for age and sex"
    visit = "History: Endocrinology follow-up 03/05/2026."
    inside = facts(visit, "History: IGF-1 182 ng/mL on 02/20/2026 (reference 75-230 ng/mL).")
    assert _status(judge_range(text, inside)) == "met"
    high = facts(visit, "History: IGF-1 310 ng/mL on 02/20/2026 (reference 75-230 ng/mL).")
    assert _status(judge_range(text, high)) == "not_met"
    old = facts(visit, "History: IGF-1 182 ng/mL on 02/20/2024 (reference 75-230 ng/mL).")
    assert judge_range(text, old) is None
    below = facts("History: IGF-1 62 ng/mL (below the normal range for age).")
    assert _status(judge_range("IGF-1 below the normal range for age and sex", below)) == "met"


def test_concomitant_reads_what_a_clause_sets_aside_as_no_absence() -> None:
    """ "not taking X or any other Y besides Z" states nothing of Z; a route word names no
    other drug ("another oral urate-lowering drug")."""
    from pipeline.policy.polarity import judge_concomitant

    text = "Not for use together with allopurinol, febuxostat or another oral urate-lowering drug."

    def facts(*notes: str) -> list[CaseFact]:
        return [CaseFact(id=f"F{i}", text=f"History: {n}") for i, n in enumerate(notes, 1)]

    aside = "Not taking febuxostat or any other urate-lowering drug besides allopurinol."
    stopped = "Allopurinol will be stopped before the first infusion."
    assert _status(judge_concomitant(text, facts(aside, stopped), "pegloticase")) == "met"
    # allopurinol set aside and never stopped: still being taken, nothing read as absent
    ongoing = "Allopurinol 300 mg daily, taken daily."
    assert judge_concomitant(text, facts(aside, ongoing), "pegloticase") is None
