"""The listed recommendations: one for the level the record places the case at comes
before one for patients the record does not speak to (even one placing the drug by a broad class,
"immunosuppressive therapy"); a sentence cut
at its start, or with an abbreviation written out, is a repeat of the whole."""

from __future__ import annotations

from pipeline.draft.graded import graded_key, listed_recommendations
from pipeline.draft.ranking import contained_repeat, word_set
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic
from tests.unit.test_graded import _sentence

PLACE = (
    "For patients with active, nonsevere GPA, we conditionally recommend initiating treatment "
    "with methotrexate and GCs over azathioprine and GCs or mycophenolate mofetil and GCs."
)
LEVEL = (
    "For patients with active, nonsevere GPA, we conditionally recommend initiating treatment "
    "with methotrexate over cyclophosphamide or rituximab."
)
MASS = (
    "For patients with GPA and mass lesions, we conditionally recommend treatment with "
    "immunosuppressive therapy over surgical removal of the mass lesion."
)


def gpa_case() -> Case:
    return Case.model_validate(
        {
            "case_id": "gpa",
            "question": "Is mycophenolate mofetil medically necessary for active, nonsevere GPA?",
            "patient": {"age": 44, "sex": "female"},
            "diagnoses": [{"name": "Granulomatosis with polyangiitis", "icd10": "M31.30"}],
            "requested_treatment": {"drug": "Mycophenolate mofetil"},
            "history": ["Active, nonsevere GPA with sinusitis and lung nodules."],
        }
    )


def test_the_case_level_comes_before_an_unshown_subgroup() -> None:
    case = gpa_case()
    topic = case_topic(case)
    scored = [_sentence(MASS, score=5.0), _sentence(LEVEL, score=1.0), _sentence(PLACE)]
    assert graded_key(MASS, topic)[0] == 3 > graded_key(LEVEL, topic)[0]
    listed = listed_recommendations(scored, case, topic, lambda s: True, {"rationale": 2})
    assert [s.text for s in listed["rationale"]] == [PLACE, LEVEL]


def test_a_cut_or_written_out_copy_is_a_repeat() -> None:
    whole = word_set(PLACE)
    cut = word_set(
        "GPA, we conditionally recommend initiating treatment with methotrexate and "
        "glucocorticoids over azathioprine and glucocorticoids or mycophenolate mofetil and "
        "glucocorticoids."
    )
    assert contained_repeat(cut, [whole])
    assert not contained_repeat(word_set(LEVEL), [whole])
    assert not contained_repeat(word_set("We recommend methotrexate."), [whole])  # too short
