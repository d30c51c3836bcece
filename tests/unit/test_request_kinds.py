"""Requests that are no drug treatment of the condition (issue 26): a vaccine for a patient
on immunosuppressive medication is reviewed as that vaccine in this patient's situation,
not as a treatment of the arthritis; and a table row's cells before a recommendation."""

from __future__ import annotations

from pipeline.draft.position import guideline_position
from pipeline.draft.quotable import trimmed, why_not
from pipeline.draft.ranking import fits
from pipeline.draft.sections import SECTIONS
from pipeline.models import Case
from pipeline.retrieve.requests import request_kind
from pipeline.retrieve.topic import case_topic
from pipeline.runtime import Pipeline
from tests.conftest import FakeLLM
from tests.unit.test_compose import _compose, pick_last
from tests.unit.test_position import ev

SPEC = {s.key: s for s in SECTIONS}


def vaccine_case() -> Case:
    return Case.model_validate(
        {
            "case_id": "vaccine",
            "patient": {"age": 42, "sex": "female"},
            "diagnoses": [{"name": "Psoriatic arthritis", "icd10": "L40.50"}],
            "requested_treatment": {"drug": "Recombinant zoster vaccine (Shingrix)"},
            "prior_therapies": [{"name": "Methotrexate 20 mg weekly", "response": "partial"}],
            "history": [
                "Tofacitinib 5 mg twice daily to be added this month.",
                "No other immunosuppressive medication.",
            ],
        }
    )


def test_the_kind_of_a_request() -> None:
    assert request_kind("Recombinant zoster vaccine (Shingrix)").name == "vaccination"
    assert request_kind("Pneumococcal conjugate vaccination").name == "vaccination"
    assert request_kind("Bone densitometry (DXA)").name == "testing"
    assert request_kind("Adalimumab (Humira)") is None
    # a drug the vocabulary knows is a drug, whatever its name holds
    assert case_topic(vaccine_case()).kind is not None
    drug = vaccine_case().model_copy(deep=True)
    drug.requested_treatment.drug = "Tofacitinib (Xeljanz)"
    assert case_topic(drug).kind is None


def test_questions_ask_about_the_request_in_the_patients_situation() -> None:
    topic = case_topic(vaccine_case())
    # (with the kind's noun in any form: "zoster vaccination" names the request too)
    assert topic.drug_words == (
        "recombinant zoster vaccine",
        "shingrix",
        "zoster vaccine",
        "recombinant zoster vaccin",
        "zoster vaccin",
    )
    assert topic.names_drug("Zoster vaccination is recommended for patients with RMD.")
    assert not topic.names_other_item("Giving zoster vaccination is recommended.")
    assert topic.names_other_item("Giving influenza vaccination is recommended.")
    assert topic.current == ("methotrexate", "tofacitinib")
    questions = topic.questions()
    text = " ".join(q for qs in questions.values() for q in qs)
    assert "first-line treatment" not in text and "escalation" not in text
    assert all("zoster" in " ".join(questions[k]) for k in ("rationale", "evidence", "role"))
    assert "42-year-old" in " ".join(questions["role"])
    assert "methotrexate, tofacitinib" in " ".join(questions["path"])


def test_another_item_of_the_kind_is_not_the_request() -> None:
    topic = case_topic(vaccine_case())
    assert topic.names_other_item("Holding methotrexate after influenza vaccination is advised.")
    assert topic.names_other_item("Avoid live attenuated virus vaccination on a JAK inhibitor.")
    assert not topic.names_other_item("Giving any non-live vaccinations is recommended.")
    assert not topic.names_other_item("The RZV vaccine is given in 2 doses.")  # its initials
    assert not topic.names_other_item("The recombinant zoster vaccine is recommended.")


def test_a_vaccine_request_quotes_no_treatment_of_the_condition() -> None:
    topic = case_topic(vaccine_case())
    treatment = "MTX is recommended over NSAIDs in treatment-naive patients with active PsA."
    vaccine = "For patients with RMD, the recombinant zoster vaccine is strongly recommended."
    flares = "Mild disease flares around the time of vaccination were seen in some patients."
    influenza = "For patients with RMD, influenza vaccination is conditionally recommended."
    rituximab = "Rituximab should be delayed for 2 weeks after any vaccination."
    for key in ("rationale", "path", "pitfalls"):
        assert not fits(treatment, SPEC[key], topic, True, False)
        assert fits(vaccine, SPEC[key], topic, False, True) == (key != "pitfalls")  # no risk
        assert not fits(influenza, SPEC[key], topic, False, True)
        assert not fits(rituximab, SPEC[key], topic, False, True)  # she takes none
    # its own document names it by its kind: evidence on it
    assert fits(flares, SPEC["evidence"], topic, False, True)
    assert not fits(flares, SPEC["evidence"], topic, False, False)


def test_a_vaccine_position_asks_for_its_own_documentation() -> None:
    c = vaccine_case()
    topic = case_topic(c)
    rec = ev(
        1,
        "For patients with RMD aged >18 years who are on immunosuppressive medication, "
        "administering the recombinant zoster vaccine is strongly recommended.",
    )
    first = ev(2, "MTX is recommended over NSAIDs in treatment-naive patients with active PsA.")
    position, requests = guideline_position(c, topic, [rec, first], [first])
    assert position.stance == "supports" and position.citations == ["E1.1"]
    assert not any(r.startswith("Trial of") for r in requests)  # no first-line drug before it
    assert any("methotrexate, tofacitinib" in r for r in requests)
    assert any("was given before" in r for r in requests)


def test_a_table_rows_cells_before_its_recommendation_are_trimmed() -> None:
    topic = case_topic(vaccine_case())
    pages = (
        "69–71 IL-1 and IL-6 inhibitors are strongly recommended over a single or combination "
        "of conventional synthetic DMARDs for inadequate response to NSAIDs."
    )
    label = (
        "Biologic DMARDs Biologic DMARDS (IL-1 and IL-6 inhibitors) are conditionally "
        "recommended as initial monotherapy for systemic JIA without MAS."
    )
    assert trimmed(pages) == pages[6:] and pages.endswith(trimmed(pages))
    assert trimmed(label) == label[len("Biologic DMARDs ") :]
    assert why_not(trimmed(label), topic) != "heading"
    # not a recommendation: left as it is (and refused as before)
    numbers = "12 Patients were followed for a median of 3 years after the first dose."
    assert trimmed(numbers) == numbers


def test_a_vaccine_review_with_the_scripted_model(sample_store, session_settings) -> None:  # noqa: ANN001
    """Through the pipeline: one selection call at most, and every quoted sentence outside
    the application names the request or its kind (the sample corpus's JIA and SLE
    treatment sentences are beside a vaccine request)."""
    llm = FakeLLM([pick_last])
    with Pipeline.open(_compose(session_settings), llm=llm, store=sample_store) as pipeline:
        review = pipeline.review(vaccine_case())
    assert len(llm.calls) <= 1
    topic = case_topic(vaccine_case())
    for section in review.sections:
        if section.key == "application":
            continue
        for st in section.statements:
            assert topic.names_drug(st.text) or topic.names_kind(st.text), st.text
    assert any("was given before" in r for r in review.documentation_to_request) or (
        review.guideline_position is None or review.guideline_position.stance == "silent"
    )
