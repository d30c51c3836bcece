"""The criterion judges code runs before the model (measurements against their bounds,
drugs tried and failed, facts that restate a criterion), the check on the model's answer,
and the indication matcher's reading of names: on general wording, never one policy's."""

from __future__ import annotations

import pytest

from pipeline.models import Case, CaseFact
from pipeline.policy.decide import apply_policy
from pipeline.policy.judge import check_model_judgment, judge_by_model, relevant_facts
from pipeline.policy.match import indication_for
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Branch, Indication, Judgment, PolicyNode, PolicyTree
from pipeline.policy.restated import judge_restated
from pipeline.policy.trials import judge_lines, judge_trial
from tests.conftest import FakeLLM


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


# --- measurements -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("criterion", "fact", "status"),
    [
        # unit spellings: cells per microliter = cells/uL
        (
            "Blood eosinophil count >= 150 cells/uL",
            "History: Blood eosinophil count 410 cells per microliter three weeks ago.",
            "met",
        ),
        (
            "Blood eosinophil count of at least 150 cells/uL",
            "History: Blood eosinophil count 90 cells per microliter two weeks ago.",
            "not_met",
        ),
        # an abbreviation the criterion defines names the measurement in the fact
        (
            "Psoriasis Area and Severity Index (PASI) score of 12 or more",
            "History: Body surface area involved 4%, PASI 5.",
            "not_met",
        ),
        ("Involvement of at least 10% of body surface area (BSA)", "History: BSA 22%.", "met"),
        # a range, written twice for two age groups: both agree
        (
            "Serum total IgE between 30 and 700 IU/mL for age 12 and older, or between 30 and"
            " 1,300 IU/mL for age 6 to 11",
            "History: Pretreatment serum total IgE 210 IU/mL.",
            "met",
        ),
        # a count within a window, in words: the fact's window lies inside it
        (
            "At least two exacerbations requiring systemic corticosteroids in the past 12 months",
            "History: Three asthma exacerbations in the previous year, each treated with oral"
            " prednisone.",
            "met",
        ),
        # a duration in another unit
        (
            "Chronic plaque psoriasis present for at least 6 months",
            "History: Chronic plaque psoriasis for 8 years.",
            "met",
        ),
    ],
)
def test_a_measurement_is_judged_against_its_bound(criterion: str, fact: str, status: str) -> None:
    found = judge_measure(criterion, facts("Patient: 40-year-old female.", fact))
    assert found is not None and found[0] == status and found[1] == ["F2"]


@pytest.mark.parametrize(
    ("criterion", "fact"),
    [
        # a change from baseline is not the level a fact states
        ("Affected body surface area reduced by at least 50% from baseline", "History: BSA 18%."),
        # a count whose window the fact does not say lies inside the criterion's
        (
            "At least 1 relapse in the previous 3 years",
            "History: Two relapses in the past 5 years.",
        ),
        # doses are not measurements of the patient
        (
            "Dose does not exceed 375 mg every 2 weeks",
            "History: Requested dose 300 mg every 4 weeks.",
        ),
        # a unit that is not the criterion's
        ("Blood eosinophil count >= 150 cells/uL", "History: Blood eosinophils 0.4 x10^9/L."),
        # two readings that disagree
        (
            "Blood eosinophil count >= 150 cells/uL",
            "History: Blood eosinophil count 90 cells/uL; repeat blood eosinophil count 300"
            " cells/uL.",
        ),
    ],
)
def test_a_measurement_code_cannot_be_sure_of_is_left(criterion: str, fact: str) -> None:
    assert judge_measure(criterion, facts(fact)) is None


# --- restated facts -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("criterion", "fact"),
    [
        (
            "Refractory to first-line chemoimmunotherapy",
            "History: Refractory to first-line "
            "chemoimmunotherapy - progressive disease after 6 cycles.",
        ),
        # an abbreviation stands for the words it abbreviates; both state an absence
        (
            "NO diagnosis of primary central nervous system (CNS) lymphoma",
            "History: No primary CNS lymphoma; brain MRI negative.",
        ),
        # alternatives ("moderate to severe", "II or III") count once
        (
            "Diagnosis of moderate to severe hidradenitis suppurativa (Hurley stage II or III)",
            "Diagnosis: Hidradenitis suppurativa, moderate (Hurley stage II).",
        ),
        # paraphrase of a relation: "combination" / "together", "another" / "other"
        (
            "Not used in combination with another biologic or a Janus kinase inhibitor",
            "History: Not using any other biologic or Janus kinase inhibitor.",
        ),
        # a window: "within the past 12 months" against "2 months ago"
        (
            "Negative TB test within the past 12 months",
            "History: QuantiFERON-TB Gold test negative 2 months ago.",
        ),
    ],
)
def test_a_fact_that_restates_the_criterion_meets_it(criterion: str, fact: str) -> None:
    found = judge_restated(criterion, facts(fact))
    assert found is not None and found[:2] == ("met", ["F1"])


@pytest.mark.parametrize(
    ("criterion", "fact"),
    [
        # the fact negates what the criterion asks: no "met", and no "not met" from here
        (
            "Everolimus will be given together with exemestane",
            "History: Everolimus will be combined with fulvestrant; exemestane will not be used.",
        ),
        # a criterion of absence against a fact of presence
        (
            "Not prescribed concurrently with inotuzumab ozogamicin",
            "History: The plan gives it concurrently with inotuzumab ozogamicin.",
        ),
        # too few of its terms
        (
            "Vascular ultrasound showing a halo sign of the temporal or axillary arteries",
            "History: Temporal artery biopsy showed vasculitis.",
        ),
        # a number the fact does not state
        (
            "Relapsed within 12 months of first-line chemoimmunotherapy",
            "History: Relapsed 30 months after first-line chemoimmunotherapy.",
        ),
    ],
)
def test_restated_says_nothing_unless_sure(criterion: str, fact: str) -> None:
    assert judge_restated(criterion, facts(fact)) is None


# --- drugs tried and failed ---------------------------------------------------------------
def test_a_named_drug_tried_long_enough_and_failed_meets_a_trial_criterion() -> None:
    case = facts(
        "Prior therapy: Doxycycline 100 mg twice daily for 4 months; response: inadequate.",
    )
    ctx = "Inadequate response to at least 90 days of one of the following:"
    assert judge_trial("Doxycycline or minocycline", case, context=ctx)[:2] == ("met", ["F1"])
    # every trial of it shorter than asked: documented as not met
    short = facts("Prior therapy: Doxycycline for 3 weeks; response: inadequate.")
    assert judge_trial("Doxycycline or minocycline", short, context=ctx)[0] == "not_met"
    # a trial never made: code says nothing
    never = facts("History: Doxycycline has never been tried.")
    assert judge_trial("Doxycycline or minocycline", never, context=ctx) is None


# --- the model's answer, checked ----------------------------------------------------------
def _node(text: str) -> PolicyNode:
    return PolicyNode(id="1.a", text=text, page=1)


def _check(text: str, status: str, fact: str) -> Judgment:
    j = Judgment(node_id="1.a", text=text, page=1, status=status, facts=["F1"], method="model")
    return check_model_judgment(j, _node(text), {"F1": CaseFact(id="F1", text=fact)})


def test_a_not_met_for_a_trial_criterion_cannot_rest_on_the_failure_it_asks() -> None:
    # "failed to control" is what "inadequate response to doxycycline" asks: no denial
    j = _check(
        "Inadequate response to doxycycline or minocycline",
        "not_met",
        "History: Doxycycline for 4 months failed to control the disease.",
    )
    assert j.status == "not_documented" and "failure" in j.problems[0]
    # a trial never made is a documented "not met"
    j = _check(
        "Inadequate response to doxycycline or minocycline",
        "not_met",
        "History: Doxycycline and minocycline have never been tried.",
    )
    assert j.status == "not_met" and j.facts == ["F1"]


def test_a_not_met_for_a_criterion_of_absence_rests_on_the_thing_present() -> None:
    text = "Not prescribed concurrently with inotuzumab ozogamicin or CAR T-cell therapy"
    present = "History: The plan gives it concurrently with inotuzumab ozogamicin."
    assert _check(text, "not_met", present).status == "not_met"
    absent = "History: No inotuzumab ozogamicin and no CAR T-cell therapy is planned."
    assert _check(text, "not_met", absent).status == "not_documented"
    assert _check(text, "met", absent).status == "met"


def test_numbers_are_not_the_models_to_deny() -> None:
    text = "Dose does not exceed 375 mg every 2 weeks"
    fact = "History: Requested dose 300 mg every 4 weeks, below the 375 mg every 2 weeks maximum."
    assert _check(text, "not_met", fact).status == "not_documented"
    assert _check(text, "met", fact).status == "met"  # the fact states the bound's numbers
    assert _check(text, "met", "History: Requested dose 600 mg every 2 weeks.").status == (
        "not_documented"
    )


def test_the_model_sees_the_facts_that_share_the_criterions_terms_and_the_group_stem() -> None:
    case = facts(
        "Patient: 40-year-old female.",
        "History: Skin prick test positive to perennial aeroallergens.",
        "Payer: Example Health.",
    )
    assert [f.id for f in relevant_facts("Positive skin test to an aeroallergen", case)] == ["F2"]
    seen: list[str] = []

    def reply(messages: list[dict[str, str]], schema: dict) -> dict:
        seen.append(messages[0]["content"] + messages[-1]["content"])
        return {"status": "met", "facts": ["F2"]}

    llm = FakeLLM().queue_judgments(reply)
    node = _node("Positive skin test or in vitro reactivity to a perennial aeroallergen")
    from pipeline.llm.prompts import load_prompt

    j = judge_by_model(node, case, llm, load_prompt("criterion-judge@2"), context="One of:")
    assert j.status == "met" and j.facts == ["F2"]
    assert "[F1]" not in seen[0] and "ITEM OF: <<<One of:>>>" in seen[0]


# --- rules decide a pair before the model is asked -----------------------------------------
def _tree() -> PolicyTree:
    items = [
        PolicyNode(id="1.a", text="Blood eosinophil count >= 150 cells/uL", page=1),
        PolicyNode(
            id="1.b",
            text="At least two asthma exacerbations in the past 12 months",
            page=1,
        ),
        PolicyNode(
            id="1.c",
            text="Not used in combination with another biologic for asthma",
            page=1,
        ),
    ]
    node = PolicyNode(id="1", text="All of the following:", page=1, op="all_of", children=items)
    ind = Indication(
        id="1",
        name="Asthma. Approve for 6 months if the patient meets the following",
        text="Asthma",
        page=1,
        branches=[Branch(request_type="initial", node=node)],
    )
    return PolicyTree(
        source_id="s" * 64,
        file="/x.pdf",
        title="Examplumab policy",
        compiler="test",
        indications=[ind],
    )


def _pair_case(eosinophils: int) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 45},
            "diagnoses": [{"name": "Severe persistent asthma, eosinophilic phenotype"}],
            "requested_treatment": {"drug": "Examplumab"},
            "history": [
                f"Blood eosinophil count {eosinophils} cells per microliter.",
                "Three asthma exacerbations in the previous year.",
                "Not receiving any other biologic for asthma.",
            ],
        }
    )


def test_a_pair_is_decided_by_rules_without_the_model() -> None:
    llm = FakeLLM()
    meets = apply_policy(_pair_case(410), [_tree()], llm)
    assert meets.verdict == "medically_necessary", meets.rule
    fails = apply_policy(_pair_case(90), [_tree()], llm)
    assert fails.verdict == "not_medically_necessary" and "eosinophil" in fails.rule
    assert llm.calls == []


def test_an_indication_name_run_on_into_a_sentence_still_matches() -> None:
    ind, why = indication_for(_pair_case(410), _tree())
    assert ind is not None and "asthma" in why


def test_prior_lines_of_therapy_are_counted_from_the_prior_therapies_that_failed() -> None:
    text = "Relapsed or refractory to at least one prior line of multiagent therapy"
    failed = facts("Prior therapy: Regimen A; response: relapse after 11 months.")
    assert judge_lines(text, failed)[:2] == ("met", ["F1"])
    assert judge_lines(text.replace("one", "two"), failed) is None  # one line on file
    ongoing = facts("Prior therapy: Regimen A; response: complete remission.")
    assert judge_lines(text, ongoing) is None


def test_a_met_cannot_rest_on_the_opposite_result() -> None:
    text = "Positive skin test or in vitro reactivity to a perennial aeroallergen"
    fact = "History: Skin test to perennial aeroallergens negative; in vitro reactivity negative."
    assert _check(text, "met", fact).status == "not_documented"
    assert judge_restated(text, facts(fact)) is None


def _absence_tree(stem: str = "Absence of the following comorbid conditions:") -> PolicyTree:
    conditions = PolicyNode(
        id="1.b",
        text=stem,
        page=1,
        op="any_of",
        children=[
            PolicyNode(id="1.b.1", text="Cardiac disease with ejection fraction < 45%", page=1),
            PolicyNode(id="1.b.2", text="Nocturnal or uncontrolled asthma", page=1),
        ],
    )
    node = PolicyNode(
        id="1",
        text="All of the following:",
        page=1,
        op="all_of",
        children=[
            PolicyNode(id="1.a", text="Epworth Sleepiness Scale score of 10 or more", page=1),
            conditions,
        ],
    )
    ind = Indication(
        id="1",
        name="Sleep apnea",
        text="Sleep apnea",
        page=1,
        branches=[Branch(request_type="initial", node=node)],
    )
    return PolicyTree(
        source_id="a" * 64,
        file="/x.pdf",
        title="Sleep testing",
        compiler="test",
        indications=[ind],
    )


def _sleep_case(ef: int) -> Case:
    return Case.model_validate(
        {
            "case_id": "s",
            "patient": {"age": 50},
            "diagnoses": [{"name": "Suspected obstructive sleep apnea"}],
            "requested_treatment": {"drug": "Home sleep test"},
            "history": [
                "Epworth Sleepiness Scale score 14.",
                f"Cardiac disease: heart failure with ejection fraction {ef}%.",
                "No nocturnal or uncontrolled asthma.",
            ],
        }
    )


def test_a_group_asking_the_absence_of_its_items_is_read_by_de_morgan() -> None:
    # The condition present (ejection fraction 30% < 45%) fails "absence of": a denial.
    llm = FakeLLM()
    fails = apply_policy(_sleep_case(30), [_absence_tree()], llm)
    assert fails.verdict == "not_medically_necessary", fails.rule
    row = next(j for j in fails.judgments if j.node_id == "1.b.1")
    assert row.status == "not_met" and "asks its absence" in row.reason
    # Absent (60% is no such cardiac disease): that item is met; the asthma item asks the
    # model, which says the fact states its absence (not met, turned over: met).
    llm = FakeLLM().queue_judgments(lambda m, s: {"status": "not_met", "facts": ["F6"]})
    meets = apply_policy(_sleep_case(60), [_absence_tree()], llm)
    assert meets.verdict == "medically_necessary", meets.rule


@pytest.mark.parametrize(
    "stem",
    [
        "Home sleep testing will NOT be approved for patients with any of the following:",
        "Nationally Non-Covered Indications. Home testing is not reasonable and necessary,"
        " and is non-covered, in the following situations:",
    ],
)
def test_a_list_the_policy_refuses_to_cover_among_the_criteria_asks_its_absence(
    stem: str,
) -> None:
    # Judged as printed, a patient with none of the refused conditions failed the list: a
    # false denial. Read as an absence, its absence lets the approval through, and a refused
    # use present blocks it but denies nothing (such items name other drugs and doses).
    fails = apply_policy(_sleep_case(30), [_absence_tree(stem)], FakeLLM())
    assert fails.verdict == "insufficient_information", fails.rule
    row = next(j for j in fails.judgments if j.node_id == "1.b.1")
    assert row.status == "not_documented" and "denies nothing" in row.reason
    llm = FakeLLM().queue_judgments(lambda m, s: {"status": "not_met", "facts": ["F6"]})
    meets = apply_policy(_sleep_case(60), [_absence_tree(stem)], llm)
    assert meets.verdict == "medically_necessary", meets.rule


def test_a_note_refusing_one_use_before_the_criteria_is_no_refused_list() -> None:
    from pipeline.policy.absence import refuses_its_list

    assert refuses_its_list("GLP-1 Receptor Agonists will NOT be covered for the following:")
    # the refusal names its own use; the list under it is the criteria
    assert not refuses_its_list("NOTE: Therapy will NOT be approved for short stature Criteria:")
    assert not refuses_its_list("The patient does not have any of the following:")  # no coverage


def test_no_event_on_a_drug_never_taken() -> None:
    from pipeline.policy.restated import judge_never_taken

    text = "No earlier disease progression while taking everolimus"
    assert judge_never_taken(text, facts("History: Has never taken everolimus before."))[:2] == (
        "met",
        ["F1"],
    )
    assert judge_never_taken(text, facts("History: Took everolimus in 2020.")) is None


def test_a_not_met_on_a_numeric_criterion_may_rest_on_an_absence_with_no_number() -> None:
    text = "A topical corticosteroid used daily for at least 4 weeks"
    never = "History: No topical corticosteroid has ever been tried."
    assert _check(text, "not_met", never).status == "not_met"
    short = "History: Topical corticosteroid used for 2 weeks, not tolerated."
    assert _check(text, "not_met", short).status == "not_documented"


def test_a_drug_stands_for_its_class_with_the_route_the_class_names() -> None:
    text = (
        "Patient has received at least 3 consecutive months of combination therapy with BOTH"
        " of the following: an inhaled corticosteroid and a long-acting beta-agonist"
    )
    combo = facts("Prior therapy: Fluticasone/salmeterol twice daily for 2 years.")
    assert judge_trial(text, combo)[:2] == ("met", ["F1"])
    assert judge_trial(text, facts("Prior therapy: Fluticasone for 2 years.")) is None  # not both
    one_month = facts("Prior therapy: Fluticasone/salmeterol for 1 month.")
    assert judge_trial(text, one_month)[0] == "not_met"  # too short
    topical = "A topical corticosteroid used daily for at least 4 weeks"
    oral = facts("Prior therapy: Prednisone 40 mg for 8 weeks; response: inadequate.")
    assert judge_trial(topical, oral, context="Failure of one of the following:") is None


def test_a_count_is_of_the_events_the_criterion_qualifies() -> None:
    fact = facts(
        "History: Three asthma exacerbations in the previous year, treated with prednisone."
    )
    text = "One or more exacerbations requiring hospitalization in the previous year"
    assert judge_measure(text, fact) is None


def test_examples_after_such_as_are_not_terms_to_state() -> None:
    text = (
        "The records document a clinical response to immune globulin, such as improved"
        " strength, a higher platelet count or lower disease activity."
    )
    fact = "History: Documented clinical improvement on IVIG (stronger legs)."
    j = Judgment(node_id="1.a", text=text, page=1, status="met", facts=["F1"], method="model")
    node = _node(text)
    checked = check_model_judgment(
        j, node, {"F1": CaseFact(id="F1", text=fact)}, "Intravenous immune globulin (IVIG)"
    )
    assert checked.status == "met"


def test_a_met_cannot_rest_on_a_fact_one_clause_of_which_says_the_opposite() -> None:
    text = "Positive skin test or in vitro reactivity to a perennial aeroallergen"
    fact = (
        "History: Skin prick tests to perennial aeroallergens were all negative, and serum"
        " specific IgE to the same perennial allergens was negative; the only positive test"
        " was to birch pollen (a seasonal allergen)."
    )
    assert _check(text, "met", fact).status == "not_documented"


def test_a_met_needs_the_numbers_the_criterion_states() -> None:
    text = "Relapsed within 12 months of first-line chemoimmunotherapy"
    fact = "History: Refractory to first-line chemoimmunotherapy; relapsed on treatment."
    assert _check(text, "met", fact).status == "not_documented"


def test_a_clause_naming_less_of_the_criterion_does_not_outweigh_its_restatement() -> None:
    case = facts(
        "History: Primary mediastinal large B-cell lymphoma diagnosed by biopsy.",
        "History: No primary CNS lymphoma; brain MRI negative.",
    )
    text = "NO diagnosis of primary central nervous system (CNS) lymphoma"
    assert judge_restated(text, case)[:2] == ("met", ["F2"])


def test_a_denial_needs_a_fact_plainly_about_the_criterion() -> None:
    text = "Spinal Muscular Atrophy (SMA)"
    fact = "History: Has never received gene therapy for SMA (no onasemnogene abeparvovec)."
    assert _check(text, "not_met", fact).status == "not_documented"
    dx = facts("Diagnosis: Spinal muscular atrophy, type II (ICD-10 G12.1).")
    assert judge_restated(text, dx)[:2] == ("met", ["F1"])


def test_an_indication_with_an_empty_name_matches_nothing_and_breaks_nothing() -> None:
    tree = _tree()
    tree.indications[0].name = " "
    ind, why = indication_for(_pair_case(410), tree)
    assert ind is None and "no indication" in why
