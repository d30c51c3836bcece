"""Symptoms of a condition asked with examples ("such as ..."), met by code where a case
clause states one of them lessened as the example says (symptom_examples.py); a normal or
negated finding, the head word without the lessening, or no example stated decides
nothing (never not met: the examples are not the only symptoms)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.symptom_examples import judge_symptom_examples

_ASKED = (
    "He has symptoms of low testosterone, such as reduced libido, fewer morning erections, "
    "low energy or loss of body hair."
)


def _facts(note: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 52-year-old male."),
        CaseFact(id="F2", text=f"History: Endocrinology 01/07/2026: {note}"),
    ]


def test_an_example_stated_lessened_meets_it() -> None:
    note = "18 months of low sex drive, rarely wakes with erections, tired by mid-afternoon."
    found = judge_symptom_examples(_ASKED, _facts(note))
    assert found is not None and found[0] == "met" and found[1] == ["F2"]
    found = judge_symptom_examples(_ASKED, _facts("Energy is low most days."))
    assert found is not None and found[0] == "met"


def test_near_cases_decide_nothing() -> None:
    for note in (
        "Normal morning erections; energy good.",
        "No erectile problems, no loss of libido.",
        "Erections every morning.",  # the head word, not lessened
        "Tired by mid-afternoon.",  # no example's words: for the model
    ):
        assert judge_symptom_examples(_ASKED, _facts(note)) is None, note
    assert (
        judge_symptom_examples("He has low testosterone.", _facts("rarely has erections")) is None
    )
