"""Reading a recommendation against the case (issue 26): the population's level (severity,
risk, activity) and form of the condition, orders that rank the drug below others ("over",
"ranked after", "reserve", "against ... except"), and regimen partners. Small sentence
fixtures, the code's reading only."""

from __future__ import annotations

from pipeline.draft.graded import other_subject
from pipeline.draft.levels import case_levels, level_fits, levels
from pipeline.draft.population import (
    leading_population,
    naive_fits,
    population_fits,
    population_of,
)
from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case, Evidence
from pipeline.retrieve.topic import case_topic


def ev(i: int, text: str) -> Evidence:
    return Evidence(
        id=f"E{i}.1", passage=f"E{i}", chunk_id=f"c{i}", source_id="g", file="g.pdf", page=1,
        text=text, title="Guideline",
    )  # fmt: skip


def case(drug: str, dx: str, icd: str, question: str = "", history=None, prior=None) -> Case:  # noqa: ANN001
    return Case.model_validate(
        {
            "case_id": "t",
            "question": question or None,
            "patient": {"age": 60, "sex": "female"},
            "diagnoses": [{"name": dx, "icd10": icd}],
            "requested_treatment": {"drug": drug},
            "prior_therapies": prior or [],
            "history": history or [],
        }
    )


GPA = dict(drug="Rituximab (Rituxan)", dx="Granulomatosis with polyangiitis", icd="M31.31")
KIDNEY = ["Kidney biopsy: crescentic glomerulonephritis.", "No alveolar hemorrhage."]
GIOP = dict(
    drug="Romosozumab (Evenity)",
    dx="Glucocorticoid-induced osteoporosis",
    icd="M81.8",
    question="Is romosozumab necessary for a woman at high fracture risk on prednisone?",
)


def test_levels_of_severity_risk_and_activity() -> None:
    gpa = (("granulomatosis with polyangiitis",), ("GPA", "MPA"))
    assert levels("for patients with active, nonsevere GPA", *gpa) == {"severity": {1, 2}}
    assert levels("for patients with severe GPA/MPA", *gpa) == {"severity": {3}}
    assert levels("relapse with severe disease manifestations") == {"severity": {3}}
    assert levels("patients with recurrent severe infections") == {}  # the infections'
    assert levels("adults with HIGH or VERY HIGH fracture risk") == {"risk": {3, 4}}
    assert levels("moderate-to-high disease activity") == {"activity": {2, 3}}
    assert levels("after a high-dose course") == {}


def test_organ_involvement_is_severe_and_negation_is_not_on_record() -> None:
    assert case_levels("Granulomatosis with polyangiitis. Crescentic glomerulonephritis.") == {
        "severity": {3}
    }
    assert case_levels("Sinusitis only. No glomerulonephritis, no alveolar hemorrhage.") == {}
    assert level_fits("adults with moderate fracture risk", "she is at high fracture risk") is False
    assert level_fits("adults with high or very high fracture risk", "at high fracture risk")
    assert level_fits("adults with moderate fracture risk", "no risk level stated") is None


def test_population_of_a_labelled_recommendation_keeps_its_level() -> None:
    text = (
        "Remission induction for active disease Recommendation: For patients with active, "
        "nonsevere GPA, we conditionally recommend methotrexate over rituximab."
    )
    lead, body = leading_population(text)
    assert lead == "For patients with active, nonsevere GPA"
    assert body.startswith("we conditionally recommend")


def test_a_recommendation_for_nonsevere_disease_does_not_set_a_severe_case_stance() -> None:
    c = case(**GPA, history=KIDNEY)
    topic = case_topic(c)
    nonsevere = ev(
        1,
        "For patients with active, nonsevere GPA, we conditionally recommend initiating "
        "treatment with methotrexate over rituximab.",
    )
    severe = ev(
        2,
        "For patients with active, severe GPA/MPA, we conditionally recommend rituximab "
        "over cyclophosphamide for remission induction.",
    )
    assert not population_fits(population_of(nonsevere.text), c, topic)
    assert population_fits(population_of(severe.text), c, topic)
    position, _ = guideline_position(c, topic, [nonsevere, severe], [nonsevere, severe])
    assert position.stance == "supports"
    assert position.citations[0] == "E2.1"


def test_another_form_of_the_condition_is_not_read_nor_its_subject() -> None:
    c = case(**GPA, history=KIDNEY)
    topic = case_topic(c)
    assert topic.names_other_subtype("For patients with severe EGPA, we recommend rituximab.")
    assert not topic.names_other_subtype("For patients with severe GPA/MPA, we recommend X.")
    # the longer form's name holds the shorter one: masked, it names no GPA
    assert topic.names_other_subtype("In eosinophilic granulomatosis with polyangiitis, ...")
    egpa = ev(
        1,
        "EGPA, we conditionally recommend methotrexate and glucocorticoids over rituximab "
        "and glucocorticoids.",
    )
    position, _ = guideline_position(c, topic, [egpa], [egpa])
    assert position.stance == "silent"


def test_other_subject_matches_abbreviations_in_capitals_only() -> None:
    topic = case_topic(case("Allopurinol (Zyloprim)", "Gout", "M10.9"))
    # another disease by its abbreviation, before any therapy: its patients
    assert other_subject("In patients with RA, we recommend starting allopurinol.", topic)
    # "as" in prose is no ankylosing spondylitis; a disease after the therapy qualifies it
    assert not other_subject("As before, we recommend allopurinol for all patients.", topic)
    assert not other_subject("Allopurinol (lower doses in patients with RA) is preferred.", topic)


def test_the_drug_ranked_below_untried_others_prefers_them() -> None:
    c = case(**GIOP)
    topic = case_topic(c)
    over = ev(
        1,
        "For adults with high fracture risk, we conditionally recommend oral BP, PTH/PTHrP, "
        "or DEN over raloxifene (RAL) or romosozumab (ROM).",
    )
    reading = read_sentence(over, topic)
    assert reading is not None and reading.kind == "dispreferred"
    assert {t.name for t in reading.preferred} >= {"bisphosphonate", "denosumab"}
    moderate = ev(
        2,
        "For adults with moderate fracture risk, we conditionally recommend against ROM "
        "except in patients intolerant of other agents.",
    )
    position, _ = guideline_position(c, topic, [moderate, over], [over])
    # the moderate-risk recommendation is not this high-risk case's
    assert position.stance == "prefers_other"
    assert position.citations[0] == "E1.1"
    assert "bisphosphonate" in position.preferred


def test_ranked_after_reserved_and_except_if_intolerant() -> None:
    topic = case_topic(case(**GIOP))
    after = read_sentence(
        ev(1, "Romosozumab is ranked after bisphosphonates and denosumab."), topic
    )
    assert after is not None and after.kind == "dispreferred"
    assert {t.name for t in after.preferred} == {"bisphosphonate", "denosumab"}
    kept = read_sentence(
        ev(2, "We suggest that romosozumab be reserved for refractory cases."), topic
    )
    assert kept is not None and kept.kind == "second_line"
    active = read_sentence(ev(3, "We recommend reserving romosozumab for prior fractures."), topic)
    assert active is not None and active.kind == "second_line"
    unless = read_sentence(
        ev(4, "We conditionally recommend against ROM except in patients intolerant of BP."), topic
    )
    assert unless is not None and unless.kind == "second_line"
    assert [t.name for t in unless.preferred] == ["bisphosphonate"]
    # no intolerance on record: the exception is not this patient, the guideline is against
    c = case(**GIOP)
    position, _ = guideline_position(c, topic, [unless.ev], [])
    assert position.stance == "not_recommended" and position.preferred == ["bisphosphonate"]
    # intolerant of the others: the drug's own line
    intolerant = case(**GIOP, prior=[{"name": "Alendronate", "response": "intolerance"}])
    position, _ = guideline_position(intolerant, case_topic(intolerant), [unless.ev], [])
    assert position.stance == "supports"


def test_an_exception_that_opens_the_sentence_is_no_population() -> None:
    text = (
        "Except in patients intolerant of other agents, we conditionally recommend against RAL "
        "due to harms of VTE and fatal stroke."
    )
    lead, body = leading_population(text)
    assert lead == "" and body.startswith("we conditionally recommend against RAL")
    c = case(**{**GIOP, "drug": "Raloxifene"})
    reading = read_sentence(ev(1, text), case_topic(c))
    assert reading is not None and reading.kind == "against" and reading.population == ""


def test_regimen_partners_are_neither_alternatives_nor_prior_requirements() -> None:
    c = case(**GPA, history=KIDNEY, prior=[{"name": "Prednisone", "response": "started"}])
    topic = case_topic(c)
    both = read_sentence(
        ev(
            1,
            "We conditionally recommend methotrexate or azathioprine and glucocorticoids over "
            "rituximab and glucocorticoids.",
        ),
        topic,
    )
    assert both is not None and both.kind == "dispreferred"
    assert [t.name for t in both.preferred] == ["methotrexate", "azathioprine"]
    plus = read_sentence(
        ev(2, "We recommend cyclophosphamide plus glucocorticoids over rituximab."), topic
    )
    assert plus is not None and [t.name for t in plus.preferred] == ["cyclophosphamide"]


def test_age_bounds_phase_and_a_table_row_population() -> None:
    c = case(**GIOP)  # 60 years old
    topic = case_topic(c)
    assert not population_fits("Adults <40 years with high fracture risk", c, topic)
    assert population_fits("For adults ≥40 years with high fracture risk", c, topic)
    assert not population_fits("patients 65 years or older", c, topic)
    row = (
        "Low or very low 2.4–2.22, 65–76 Adults <40 years with moderate fracture risk, we "
        "conditionally recommend against using ROM."
    )
    lead, body = leading_population(row)
    assert lead == "Adults <40 years with moderate fracture risk"
    assert body.startswith("we conditionally recommend against")
    gpa = case(**GPA, question="Rituximab for remission induction?", history=KIDNEY)
    maintenance = (
        "For patients with severe GPA whose disease has entered remission after treatment "
        "with cyclophosphamide or rituximab"
    )
    assert not population_fits(maintenance, gpa, case_topic(gpa))


def test_the_case_level_decides_over_a_recommendation_that_lost_its_population() -> None:
    c = case(**GIOP)
    topic = case_topic(c)
    cut = ev(1, "We conditionally recommend against using ROM due to cardiovascular risk.")
    own = ev(
        2,
        "For adults with high fracture risk, we conditionally recommend oral BP or DEN over "
        "romosozumab.",
    )
    position, _ = guideline_position(c, topic, [cut, own], [own])
    assert position.stance == "prefers_other" and position.citations[0] == "E2.1"
    # with no sentence for the case's level, the one without a population still speaks
    position, _ = guideline_position(c, topic, [cut], [])
    assert position.stance == "not_recommended"


def test_a_supported_request_asks_for_the_endorsed_population() -> None:
    c = case(**GPA, history=KIDNEY)
    topic = case_topic(c)
    severe = ev(
        1,
        "For patients with active, severe GPA/MPA, we conditionally recommend rituximab over "
        "cyclophosphamide for remission induction.",
    )
    position, docs = guideline_position(c, topic, [severe], [severe])
    assert position.stance == "supports"
    assert docs[0].startswith(
        "Documentation that the patient is one of patients with active, severe GPA/MPA"
    )


def test_a_treatment_naive_population_is_no_case_that_tried_a_line_of_treatment() -> None:
    psa = dict(drug="Tofacitinib", dx="Psoriatic arthritis, polyarticular", icd="L40.52")
    mtx = case(**psa, prior=[{"name": "Methotrexate 20 mg weekly", "response": "partial"}])
    nsaid = case(**psa, prior=[{"name": "Naproxen 500 mg", "response": "partial"}])
    naive = "in treatment- naive PsA patients with predominant enthesitis"
    assert not population_fits(naive, mtx, case_topic(mtx))
    assert population_fits(naive, nsaid, case_topic(nsaid))  # symptom relief is no line
    assert population_fits("in biologic-naive patients", mtx, case_topic(mtx))
    tnfi = case(**psa, prior=[{"name": "Adalimumab", "response": "secondary failure"}])
    assert not population_fits("in biologic-naive patients", tnfi, case_topic(tnfi))
    assert not population_fits("patients naive to TNFi", tnfi, case_topic(tnfi))


def test_a_recommendation_for_naive_patients_does_not_place_the_drug_after_a_line() -> None:
    psa = dict(drug="Tofacitinib", dx="Psoriatic arthritis, polyarticular", icd="L40.52")
    mtx = case(**psa, prior=[{"name": "Methotrexate 20 mg weekly", "response": "partial"}])
    topic = case_topic(mtx)
    naive = ev(1, "Tofacitinib is recommended over apremilast for treatment- naive patients.")
    assert not naive_fits(naive.text, topic)  # the population trails the sentence
    position, _ = guideline_position(mtx, topic, [naive], [])
    assert position.stance == "silent"
