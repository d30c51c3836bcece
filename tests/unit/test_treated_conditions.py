"""Which of a case's diagnoses the request is for: those whose own guidelines name the drug
(or its class); a comorbidity whose guidelines never name it is no topic of the review."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.retrieve.case_conditions import treated_conditions
from pipeline.retrieve.topic import case_topic
from pipeline.terms import Term


def _case(drug: str, *diagnoses: tuple[str, str]) -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 58, "sex": "female"},
            "diagnoses": [{"name": n, "icd10": c} for n, c in diagnoses],
            "requested_treatment": {"drug": drug},
        }
    )


LUPUS = ("Systemic lupus erythematosus, organ involvement unspecified", "M32.10")
BONE = ("Osteopenia of multiple sites (glucocorticoid-associated)", "M85.89")

# the guidelines each condition's title names, as the store would give them
TEXTS = {
    "systemic lupus erythematosus": ["Hydroxychloroquine is recommended for every patient."],
    "glucocorticoid-induced osteoporosis": ["We conditionally recommend against RAL therapy."],
}


def _texts(condition: Term) -> list[str]:
    return TEXTS.get(condition.name, [])


def test_the_request_is_for_the_diagnosis_whose_guideline_names_it() -> None:
    case = _case("Raloxifene", LUPUS, BONE)
    named, primary = treated_conditions(case, _texts)
    assert [c.name for c in named] == ["glucocorticoid-induced osteoporosis"]
    assert primary is case.diagnoses[1]
    topic = case_topic(case, _texts)
    assert topic.short.startswith("Osteopenia of multiple sites")
    assert topic.names_condition("in adults with osteoporosis at moderate fracture risk")
    # the comorbidity is no topic of this review: its sentences are another disease's
    assert not topic.names_condition("patients with SLE")
    assert topic.names_other_condition("In SLE, hydroxychloroquine is the cornerstone.")
    assert "Systemic lupus erythematosus" in topic.comorbid[0]


def test_by_its_class_too() -> None:
    texts = {"glucocorticoid-induced osteoporosis": ["A SERM is an option after a BP."]}
    named, _ = treated_conditions(_case("Evista", LUPUS, BONE), lambda c: texts.get(c.name, []))
    assert [c.name for c in named] == ["glucocorticoid-induced osteoporosis"]


def test_no_guideline_names_it_keeps_the_first_diagnosis() -> None:
    case = _case("Raloxifene", LUPUS, BONE)
    named, primary = treated_conditions(case, lambda c: [])
    assert [c.name for c in named] == ["systemic lupus erythematosus"]
    assert primary is case.diagnoses[0]


def test_every_condition_the_drug_is_named_for_stays() -> None:
    both = {"systemic lupus erythematosus": ["RAL"], "glucocorticoid-induced osteoporosis": ["RAL"]}
    named, primary = treated_conditions(
        _case("Raloxifene", LUPUS, BONE), lambda c: both.get(c.name, [])
    )
    assert len(named) == 2 and primary is not None and primary.icd10 == "M32.10"


def test_without_the_store_all_conditions_as_before() -> None:
    named, _ = treated_conditions(_case("Raloxifene", LUPUS, BONE), None)
    assert [c.name for c in named] == [
        "systemic lupus erythematosus",
        "glucocorticoid-induced osteoporosis",
    ]


def test_low_bone_density_is_the_osteoporosis_guideline_s_condition() -> None:
    # osteopenia (ICD-10 M85.8-) is what the osteoporosis guidelines grade as fracture risk
    for name, code in [BONE, ("Osteopenia", None)]:
        topic = case_topic(_case("Raloxifene", (name, code)))
        assert topic.names_condition("glucocorticoid-induced osteoporosis")


def test_every_anti_cd20_antibody_is_of_its_class() -> None:
    topic = case_topic(_case("Obinutuzumab", ("Lupus nephritis, class IV", "M32.14")))
    assert topic.names_class("consider addition of an anti-CD20 agent")
