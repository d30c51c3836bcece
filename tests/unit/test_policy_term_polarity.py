"""The model's "met" checked term by term (a criterion asking one thing present and
another absent), measurements against the limits of normal, a measurement a criterion
denies, kidney function read from the eGFR, doses that are no readings, and an item
holding a run of criteria."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.models import Case, CaseFact
from pipeline.policy.analytes import readings_of
from pipeline.policy.criterion_terms import coverage, requirements
from pipeline.policy.dates import as_of
from pipeline.policy.decide import apply_policy, runs_on
from pipeline.policy.durations import judge_duration
from pipeline.policy.judge import check_model_judgment
from pipeline.policy.match import indication_for
from pipeline.policy.measures import bounds, judge_measure, states_within
from pipeline.policy.models import Branch, Indication, Judgment, PolicyNode, PolicyTree
from pipeline.policy.reference_range import judge_range
from pipeline.policy.screening import judge_screening


def _check(text: str, status: str, *facts: str) -> Judgment:
    known = {f"F{i}": CaseFact(id=f"F{i}", text=t) for i, t in enumerate(facts, 1)}
    j = Judgment(node_id="1", text=text, page=1, status=status, facts=list(known), method="model")
    return check_model_judgment(j, PolicyNode(id="1", text=text, page=1), known)


# --- a criterion of presence with a qualifier denied --------------------------------------
MIXED = "is an adult with bone pain, osteomalacia or fractures that have not healed"


def test_a_qualifier_denied_is_met_by_a_fact_that_denies_it() -> None:
    fact = "History: Adult with aching thighs; radiographs show pseudofractures, not healed."
    assert _check(MIXED, "met", fact).status == "met"


def test_a_qualifier_denied_is_not_met_by_a_fact_that_states_it() -> None:
    fact = "History: Adult with aching thighs; radiographs show pseudofractures, now healed."
    assert _check(MIXED, "met", fact).status == "not_documented"


def test_a_thing_asked_present_is_not_met_by_a_fact_that_denies_it() -> None:
    fact = "History: Adult; no fractures and no bone pain; the old fracture has not healed."
    assert _check(MIXED, "met", fact).status == "not_documented"


# --- a criterion of absence: the clause that names what is denied --------------------------
ABSENT = "The patient has not received spesolimab for the current flare"


def test_an_absence_is_met_by_the_clause_that_denies_its_head() -> None:
    fact = "History: The first dose is requested for this flare; she has never received it."
    assert _check(ABSENT, "met", fact).status == "met"


def test_an_absence_is_not_met_by_a_clause_that_states_its_head() -> None:
    fact = "History: Spesolimab 900 mg was given on 01/28/2026 for this flare."
    assert _check(ABSENT, "met", fact).status == "not_documented"


def test_an_absence_is_not_met_by_a_thing_done_together() -> None:
    crit = "Not used in combination with another biologic"
    fact = "History: She takes adalimumab in combination with methotrexate."
    assert _check(crit, "met", fact).status == "not_documented"


# --- measurements against the limits of normal --------------------------------------------
PHOS = "History: Fasting serum phosphorus 01/22/2026: 1.8 mg/dL (reference 2.5 to 4.5 mg/dL)."


@pytest.mark.parametrize(
    ("criterion", "fact", "status"),
    [
        ("a fasting serum phosphorus below the lower limit of normal for age", PHOS, "met"),
        ("serum phosphorus above the upper limit of normal", PHOS, "not_met"),
        ("serum phosphorus not above the upper limit of normal", PHOS, "met"),
        (
            "serum phosphorus not above the upper limit of normal",
            "History: Serum phosphorus 6.3 mg/dL on 01/05/2026 (reference 3.7 to 5.6).",
            "not_met",
        ),
        ("serum phosphorus at or below the ULN", PHOS, "met"),
    ],
)
def test_a_reading_is_placed_against_the_limits_of_normal(
    criterion: str, fact: str, status: str
) -> None:
    found = judge_range(criterion, [CaseFact(id="F1", text=fact)])
    assert found is not None and found[0] == status


def test_a_multiple_of_the_upper_limit_is_no_range_question() -> None:
    fact = "History: ALT 95 U/L on 01/05/2026 (reference 7 to 56)."
    assert (
        judge_range(
            "ALT more than 3 times the upper limit of normal", [CaseFact(id="F1", text=fact)]
        )
        is None
    )


# --- a measurement the criterion denies; kidney function from the eGFR ---------------------
RENAL = "does not have severe renal impairment (creatinine clearance below 30 mL/min)"


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        ("History: creatinine clearance 85 mL/min on 01/22/2026.", "met"),
        ("History: creatinine clearance 22 mL/min on 01/22/2026.", "not_met"),
        # no clearance stated: the eGFR estimates it
        ("History: Creatinine 0.7 mg/dL, eGFR 112 mL/min/1.73 m2 on 01/22/2026.", "met"),
    ],
)
def test_a_denied_measurement_is_met_when_the_reading_lies_outside_it(
    fact: str, status: str
) -> None:
    found = judge_measure(RENAL, [CaseFact(id="F1", text=fact)])
    assert found is not None and found[0] == status


def test_a_bound_worded_with_no_is_no_denial() -> None:
    fact = [CaseFact(id="F1", text="History: creatinine clearance 85 mL/min.")]
    found = judge_measure("creatinine clearance no more than 90 mL/min", fact)
    assert found is not None and found[0] == "met"


def test_a_dose_is_no_reading() -> None:
    assert readings_of("calcium", "calcium carbonate 500 mg twice daily") == []
    assert [v for v, _ in readings_of("calcium", "serum calcium 9.1 mg/dL")] == [9.1]


# --- an item holding a run of criteria ---------------------------------------------------
def test_an_item_joined_by_item_end_connectors_is_a_run_of_criteria() -> None:
    run = (
        "Beneficiary is 18 years of age or older; AND beneficiary has a diagnosis of beta "
        "thalassemia; AND the drug is prescribed by a hematologist"
    )
    assert runs_on(run)
    assert not runs_on("Oral phosphate and calcitriol were stopped; and they are not given")


# --- how long a condition has lasted ------------------------------------------------------
ITP = [
    CaseFact(id="F1", text="Patient: 67-year-old female."),
    CaseFact(id="F2", text="Diagnosis: Chronic immune thrombocytopenia (ICD-10 D69.3)."),
    CaseFact(
        id="F3",
        text="History: Hematology note 01/20/2026: immune thrombocytopenia diagnosed 06/2024 "
        "with isolated thrombocytopenia and no other cause.",
    ),
]


def test_a_condition_lasting_long_enough_is_read_from_its_onset_date() -> None:
    crit = "persistent or chronic immune thrombocytopenia (ITP) lasting 3 months or longer"
    assert judge_duration(crit, ITP) == (
        "met",
        ["F3"],
        "F3: the condition began about 19 months ago (the criterion asks 3 or more)",
    )


def test_a_short_span_or_a_trial_decides_nothing() -> None:
    assert judge_duration("immune thrombocytopenia lasting 36 months or longer", ITP) is None
    trial = "inadequate response to a trial of prednisone lasting 3 months"
    assert judge_duration(trial, ITP) is None


def test_an_onset_age_sets_the_span_against_the_patients_age() -> None:
    facts = [
        CaseFact(id="F1", text="Patient: 29-year-old female."),
        CaseFact(id="F2", text="History: X-linked hypophosphatemia diagnosed at age 2."),
    ]
    crit = "hypophosphatemia present for at least 12 months"
    assert judge_duration(crit, facts) is not None


# --- a criterion's alternatives written as phrases ----------------------------------------
EITHER = (
    "either a pathogenic PHEX variant in the member or in a directly related family member, "
    "or a serum intact FGF23 level above the laboratory's normal range"
)


def test_a_met_may_rest_on_one_alternative_of_the_criterion() -> None:
    fact = "History: Genetic testing 2001: pathogenic PHEX variant c.1699C>T."
    j = _check(EITHER, "met", fact)
    assert j.status == "met" and "alternative" in (j.reason or "")


def test_an_alternative_stated_with_the_other_polarity_is_no_met() -> None:
    fact = "History: Genetic testing 2001: no pathogenic PHEX variant was found."
    assert _check(EITHER, "met", fact).status == "not_documented"


# --- counts with thousands separators; the review's today; a value inside a range ---------
def test_a_count_with_a_thousands_separator_is_read_whole() -> None:
    crit = "a platelet count below 50,000/mcL measured within the past 14 days"
    low = [CaseFact(id="F1", text="History: CBC 02/16/2026: platelets 41,000/mcL, INR 1.2.")]
    high = [CaseFact(id="F1", text="History: CBC 02/16/2026: platelets 61,000/mcL, INR 1.2.")]
    assert _status_of(judge_measure(crit, low)) == "met"
    assert _status_of(judge_measure(crit, high)) == "not_met"


def test_a_date_still_to_come_is_not_the_reviews_today() -> None:
    facts = [
        CaseFact(id="F1", text="History: Hepatology note 02/18/2026: cirrhosis."),
        CaseFact(id="F2", text="History: Ablation booked for 03/12/2026."),
    ]
    assert as_of(facts) == date(2026, 2, 18)


def test_a_value_inside_a_range_bound_states_it() -> None:
    bound = bounds("the procedure is scheduled 8 to 14 days after the first dose")[0]
    assert states_within(bound, "the ablation falls 10 days after the first dose")
    assert not states_within(bound, "the ablation falls 3 days after the first dose")


def _status_of(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


# --- a screening test asked with no window of its own ------------------------------------
TB = "Active tuberculosis has been excluded, and latent tuberculosis, if found, is being treated"


def test_tuberculosis_excluded_is_read_from_a_dated_negative_test() -> None:
    done = [CaseFact(id="F1", text="History: QuantiFERON-TB Gold Plus 02/03/2026: negative.")]
    never = [
        CaseFact(
            id="F1", text="History: 02/03/2026: no TB test on record; a QuantiFERON was not drawn."
        )
    ]
    assert _status_of(judge_screening(TB, done)) == "met"
    assert _status_of(judge_screening(TB, never)) == "not_met"
    assert judge_screening("The patient does not have active tuberculosis", done) is None


def test_an_example_the_policy_gives_states_what_it_is_an_example_of() -> None:
    crit = (
        "diagnosis of chronic liver disease, such as cirrhosis from viral hepatitis, alcohol "
        "or metabolic dysfunction-associated steatohepatitis"
    )
    fact = (
        "Diagnosis: Cirrhosis of liver due to metabolic dysfunction-associated "
        "steatohepatitis (ICD-10 K75.81)."
    )
    assert _check(crit, "met", fact).status == "met"
    assert _check(crit, "met", "History: Alcohol use: none.").status == "not_documented"


# --- statements for one condition told apart by route and by continuation ------------------
def _statements_tree() -> PolicyTree:
    leaf = PolicyNode(id="x", text="Prescribed by a dermatologist", page=1)
    names = {
        "A": "Intravenous spesolimab for a generalized pustular psoriasis flare is covered when",
        "B": "Subcutaneous spesolimab for the prevention of generalized pustular psoriasis flares",
        "C": "Continued subcutaneous spesolimab is covered when the following criteria are met",
    }
    inds = [
        Indication(
            id=k,
            name=v,
            text=v,
            page=1,
            section="When spesolimab is covered",
            branches=[Branch(request_type="any", node=leaf)],
        )
        for k, v in names.items()
    ]
    return PolicyTree(
        source_id="s" * 64, file="/x.pdf", title="t", compiler="test", indications=inds
    )


@pytest.mark.parametrize(
    ("route", "request_type", "expected"),
    [
        ("intravenous", "initial", "A"),
        ("subcutaneous", "initial", "B"),
        ("subcutaneous", "continuation", "C"),
    ],
)
def test_a_statement_is_chosen_by_its_route_and_by_continuation(
    route: str, request_type: str, expected: str
) -> None:
    case = Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 41},
            "diagnoses": [{"name": "Generalized pustular psoriasis"}],
            "requested_treatment": {
                "drug": "Spevigo (spesolimab)",
                "route": route,
                "request_type": request_type,
            },
        }
    )
    ind, why = indication_for(case, _statements_tree())
    assert ind is not None and ind.id == expected, why


# --- terms: an abbreviation led by lowercase letters; a synonym inside a compound ---------
def test_a_lowercase_led_abbreviation_adds_no_term_of_its_own() -> None:
    groups = requirements("Metastatic castration-resistant prostate cancer (mCRPC)")
    assert len(groups) == 4
    note = "prostate adenocarcinoma, Gleason 4+5, metastatic to bone, castration-resistant"
    assert coverage(groups, note) == 4  # "adenocarcinoma" states "cancer"


def test_an_indication_may_name_the_condition_by_another_of_its_names() -> None:
    tree = _statements_tree()
    ind = tree.indications[0].model_copy(
        update={"name": "Chronic lung disease (CLD) of prematurity", "section": "s"}
    )
    tree = tree.model_copy(update={"indications": [ind]})
    case = Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 1},
            "diagnoses": [{"name": "Bronchopulmonary dysplasia", "icd10": "P27.1"}],
            "requested_treatment": {"drug": "Synagis (palivizumab)"},
        }
    )
    found, why = indication_for(case, tree)
    assert found is not None and "also" in why


def test_with_or_without_is_no_denial_of_a_bound() -> None:
    fact = [CaseFact(id="F1", text="History: walks 100 meters with a cane; EDSS 6.0.")]
    found = judge_measure(
        "The member can still walk, with or without an aid (EDSS below 7.0)", fact
    )
    assert found is not None and found[0] == "met"


def _one_branch_tree(title: str, name: str, request_type: str, leaf: PolicyNode) -> PolicyTree:
    """A policy (found by the drug in its title) of one indication whose one branch asks
    ``leaf`` under an "All of:"."""
    node = PolicyNode(id="1", text="All of:", page=1, op="all_of", children=[leaf])
    branch = Branch(request_type=request_type, node=node)
    ind = Indication(id="1", name=name, text="x", page=1, branches=[branch])
    return PolicyTree(
        source_id="s" * 64, file="/x.pdf", title=title, compiler="test", indications=[ind]
    )


def test_a_continuation_read_against_initial_criteria_is_no_verdict() -> None:
    leaf = PolicyNode(
        id="1.a",
        text="Patient is younger than 12 months of age",
        page=1,
        kind="age",
        fields={"op": "<", "years": 1},
    )
    tree = _one_branch_tree(
        "Synagis policy", "Chronic lung disease of prematurity", "initial", leaf
    )
    case = Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 2},
            "diagnoses": [{"name": "Chronic lung disease of prematurity"}],
            "requested_treatment": {"drug": "Synagis", "request_type": "continuation"},
        }
    )
    d = apply_policy(case, [tree], None)
    assert d.verdict == "insufficient_information" and "a person decides" in d.rule
    case.requested_treatment.request_type = "initial"
    assert apply_policy(case, [tree], None).verdict == "not_medically_necessary"
    # met, too, approves no renewal: the initial criteria ask nothing of the response
    case.patient.age = 0.5
    assert apply_policy(case, [tree], None).verdict == "medically_necessary"
    case.requested_treatment.request_type = "continuation"
    d = apply_policy(case, [tree], None)
    assert d.verdict == "insufficient_information" and "no continuation criteria" in d.rule


def test_a_renewal_is_not_denied_by_a_reading_on_the_drug_under_unlabelled_criteria() -> None:
    leaf = PolicyNode(id="1.a", text="Hemoglobin below 10 g/dL before starting", page=1)
    tree = _one_branch_tree("Epoetin policy", "Anemia of chronic kidney disease", "any", leaf)
    case = Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 60},
            "diagnoses": [{"name": "Anemia of chronic kidney disease"}],
            "history": ["Hemoglobin 11.4 g/dL on 01/05/2026."],
            "requested_treatment": {"drug": "Epoetin", "request_type": "continuation"},
        }
    )
    # on the drug, a reading above the starting bound is what the drug did: a person decides
    d = apply_policy(case, [tree], None)
    assert d.verdict == "insufficient_information" and "a person decides" in d.rule
    # a first request with the same reading fails the bound
    case.requested_treatment.request_type = "initial"
    assert apply_policy(case, [tree], None).verdict == "not_medically_necessary"
    # a renewal's own criteria deny as before
    tree.indications[0].branches[0].request_type = "continuation"
    case.requested_treatment.request_type = "continuation"
    assert apply_policy(case, [tree], None).verdict == "not_medically_necessary"


def test_an_absence_needs_a_fact_that_denies_what_it_asks() -> None:
    crit = "Not used together with another biologic or with an oral systemic agent for psoriasis"
    dx = "Diagnosis: Generalized pustular psoriasis (ICD-10 L40.1)."
    partial = "History: Medications: acitretin 25 mg by mouth daily. No other biologic."
    assert _check(crit, "met", dx, partial).status == "not_documented"


def test_an_exclusion_of_another_severity_is_not_the_case() -> None:
    from pipeline.policy.match import excluded_condition
    from pipeline.policy.models import Exclusion

    ex = Exclusion(id="x1", name="Moderate or severe Alzheimer's dementia", text="x", page=1)
    case = Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 74},
            "diagnoses": [{"name": "Mild dementia due to Alzheimer's disease"}],
            "requested_treatment": {"drug": "Leqembi"},
        }
    )
    assert excluded_condition(case, ex) == ""
    case.diagnoses[0].name = "Severe dementia due to Alzheimer's disease"
    assert excluded_condition(case, ex) != ""
