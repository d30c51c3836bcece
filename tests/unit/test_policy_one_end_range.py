"""A normal range written by one end ("CRP 6.1 mg/dL (normal under 0.5)"), "the upper normal
limit" as a side of the range, and the guards of a range criterion that says more: a part
of two ("..., and CRP within the normal range") is never met by the range alone, and an
alternative after it ("CRP above the upper normal limit, or enhancement on MRI") is never
denied by it alone."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.reference_range import judge_range, side_of_range

_WITHIN = "C-reactive protein within the normal range."
_BOTH = (
    "Remission continues: no new skin pustules, osteomyelitis or periostitis, and C-reactive "
    "protein within the normal range."
)
_EITHER = (
    "Inflammation at the most recent recurrence: C-reactive protein above the upper normal "
    "limit, or pericardial enhancement on cardiac MRI."
)


def _facts(crp: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 8-year-old male."),
        CaseFact(id="F2", text=f"History: CRP {crp} on 11/05/2026 (normal under 0.5)."),
    ]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_a_range_by_one_end() -> None:
    assert side_of_range(6.1, " mg/dL (normal under 0.5)") == "above"
    assert side_of_range(0.2, " mg/dL (normal under 0.5)") == "in"
    assert side_of_range(0.2, " mg/dL (reference < 5)") == "in"
    assert side_of_range(70, " mL/min (normal above 60)") == "in"
    # below a lower end alone: low, or the end not inclusive; nothing is read
    assert side_of_range(50, " mL/min (normal above 60)") is None
    assert _status(judge_range(_WITHIN, _facts("0.2 mg/dL"))) == "met"
    assert _status(judge_range(_WITHIN, _facts("6.1 mg/dL"))) == "not_met"


def test_a_part_of_two_is_never_met_by_the_range_alone() -> None:
    assert judge_range(_BOTH, _facts("0.2 mg/dL")) is None
    assert _status(judge_range(_BOTH, _facts("6.1 mg/dL"))) == "not_met"


def test_an_alternative_after_the_range_is_never_denied_by_it() -> None:
    assert _status(judge_range(_EITHER, _facts("4.8 mg/dL"))) == "met"
    assert judge_range(_EITHER, _facts("0.2 mg/dL")) is None
