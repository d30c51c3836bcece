"""A new course of the same molecule after it failed (issue 26): the biosimilar of a TNFi
whose originator gave no response. "Against switching to <X>" advises against starting X
(the request), not against stopping the drug the patient takes; and the originator's
failure is a failure of the class (the guideline's "despite the first TNFi" applies)."""

from __future__ import annotations

from pipeline.draft.class_switch import switched_to
from pipeline.draft.failures import failed_classes
from pipeline.draft.position import guideline_position
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev


def biosimilar_case(response: str, request_type: str = "initial") -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 40, "sex": "male"},
            "diagnoses": [{"name": "Ankylosing spondylitis", "icd10": "M45.9"}],
            "requested_treatment": {
                "drug": "Infliximab-dyyb (Inflectra)",
                "request_type": request_type,
            },
            "prior_therapies": [
                {"name": "Naproxen 500 mg twice daily", "response": "partial response"},
                {"name": "Infliximab (Remicade) 5 mg/kg", "response": response},
            ],
        }
    )


ENDORSED = ev(
    1,
    "In adults with active AS despite treatment with NSAIDs, we strongly recommend "
    "treatment with TNFi over no treatment with TNFi.",
)
AGAINST = ev(
    2,
    "In adults with active AS despite treatment with the first TNFi used, we strongly "
    "recommend against switching to treatment with a biosimilar of the first TNFi.",
)


def test_the_object_of_switching_to_is_what_is_advised_against() -> None:
    assert switched_to("switching to treatment with a biosimilar of the first TNFi") == (
        "a biosimilar of the first TNFi"
    )
    assert switched_to("switching from originator infliximab to infliximab-dyyb") == (
        "infliximab-dyyb"
    )
    assert switched_to("switching the dose") == "switching the dose"  # no object: as it was
    assert switched_to("tapering the TNFi") == "tapering the TNFi"


def test_biosimilar_after_primary_nonresponse_to_the_originator_is_not_recommended() -> None:
    c = biosimilar_case("primary nonresponse at 6 months; adequate trough")
    topic = case_topic(c)
    # the originator's failure is the class's: the request is a second TNFi course
    assert failed_classes(c, topic)
    position, _ = guideline_position(c, topic, [ENDORSED, AGAINST], [ENDORSED])
    assert position.stance == "not_recommended"
    assert position.citations[0] == "E2.1"


def test_the_same_molecule_that_worked_or_a_continuation_is_no_failure_of_the_class() -> None:
    worked = biosimilar_case("good response, switched for cost")
    assert not failed_classes(worked, case_topic(worked))
    going_on = biosimilar_case("primary nonresponse", request_type="continuation")
    assert not failed_classes(going_on, case_topic(going_on))
