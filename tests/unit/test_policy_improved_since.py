"""A renewal's "symptoms have improved since the drug was started" read from the case's
prior-therapy record of that drug (improved_since.py): met where it states an improvement,
not met where it states none; a partial response, another drug's record, or no record
decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.improved_since import judge_improved_since

_ASKED = "His symptoms have improved since testosterone was started."
_DRUG = "Testosterone cypionate 200 mg/mL injection"


def _facts(name: str, response: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 61-year-old male."),
        CaseFact(id="F2", text=f"Prior therapy: {name}; response: {response}."),
    ]


def test_an_improvement_on_the_named_drug_meets_it() -> None:
    found = judge_improved_since(
        _ASKED, _facts("Testosterone cypionate 100 mg weekly", "symptoms improved"), _DRUG
    )
    assert found is not None and found[0] == "met" and found[1] == ["F2"]
    treated = "Symptoms have improved on treatment."
    found = judge_improved_since(
        treated, _facts("Testosterone cypionate 100 mg weekly", "much better"), _DRUG
    )
    assert found is not None and found[0] == "met"


def test_no_improvement_is_not_met() -> None:
    found = judge_improved_since(
        _ASKED, _facts("Testosterone gel", "no improvement in symptoms"), _DRUG
    )
    assert found is not None and found[0] == "not_met"


def test_near_cases_decide_nothing() -> None:
    assert (
        judge_improved_since(_ASKED, _facts("Testosterone gel", "partially improved"), _DRUG)
        is None
    )
    assert (
        judge_improved_since(_ASKED, _facts("Clomiphene 25 mg", "symptoms improved"), _DRUG) is None
    )
    assert (
        judge_improved_since(_ASKED, [CaseFact(id="F1", text="Patient: 61-year-old male.")], _DRUG)
        is None
    )
    assert (
        judge_improved_since(
            "Symptoms are documented.", _facts("Testosterone gel", "improved"), _DRUG
        )
        is None
    )


def test_the_shared_vocabulary_reads_other_wordings_of_a_response() -> None:
    """Both response readers share improvement_words: a record that says the patient
    responded meets it; a "non-responder" record or a "partial response" does not."""
    found = judge_improved_since(_ASKED, _facts("Testosterone gel", "responded well"), _DRUG)
    assert found is not None and found[0] == "met"
    found = judge_improved_since(_ASKED, _facts("Testosterone gel", "non-responder"), _DRUG)
    assert found is not None and found[0] == "not_met"
    assert (
        judge_improved_since(_ASKED, _facts("Testosterone gel", "partial response"), _DRUG) is None
    )
