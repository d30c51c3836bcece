"""A renewal's "records document a clinical response to the drug" read from a case clause
that ties an improvement to the requested drug (response_on_drug.py): met where one does,
not met where a clause says the drug brought no response, nothing where the clause hedges,
names another drug, or the criterion asks an amount."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.response_on_drug import judge_response_on_drug

_ASKED = (
    "The records document a clinical response to abatacept, such as fewer swollen joints "
    "or a lower disease activity."
)
_DRUG = "Abatacept (Orencia) subcutaneous injection"


def _facts(*lines: str) -> list[CaseFact]:
    head = [CaseFact(id="F1", text="Patient: 44-year-old male.")]
    return head + [CaseFact(id=f"F{i + 2}", text=t) for i, t in enumerate(lines)]


def test_an_improvement_tied_to_the_drug_by_any_of_its_names_meets_it() -> None:
    for line in (
        "History: Clear clinical improvement on Orencia (fewer swollen joints).",
        "History: Responded well to abatacept over 6 months.",
        "Notes: Since starting abatacept, joints much better.",
    ):
        found = judge_response_on_drug(_ASKED, _facts(line), _DRUG)
        assert found is not None and found[0] == "met" and found[1] == ["F2"], line


def test_no_response_to_the_drug_is_not_met() -> None:
    found = judge_response_on_drug(
        _ASKED, _facts("History: No meaningful response to abatacept after 4 months."), _DRUG
    )
    assert found is not None and found[0] == "not_met"


def test_hedged_mixed_or_other_drug_lines_decide_nothing() -> None:
    for lines in (
        ("History: Partial response to abatacept.",),
        ("History: Improvement on methotrexate.",),
        ("History: Improvement on abatacept.", "Notes: no response to abatacept in 2023."),
        ("Requested (continuation): abatacept; improvement expected.",),
    ):
        assert judge_response_on_drug(_ASKED, _facts(*lines), _DRUG) is None, lines


def test_an_amount_or_another_drug_in_the_criterion_is_not_this_readers_question() -> None:
    better = _facts("History: Improvement on abatacept.")
    asks_amount = "A response to abatacept of at least 20% fewer tender joints."
    assert judge_response_on_drug(asks_amount, better, _DRUG) is None
    other = "The records document a response to tocilizumab."
    assert judge_response_on_drug(other, better, _DRUG) is None
    generic = "Documented clinical benefit from the therapy."
    found = judge_response_on_drug(generic, better, _DRUG)
    assert found is not None and found[0] == "met"
