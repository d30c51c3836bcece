"""A bound defines what a criterion denies only where the denial governs it: "has never
received X and the level is below 500 U/L" asks a level, and is not inverted."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure


def test_a_denial_of_another_statement_does_not_invert_the_bound() -> None:
    note = [
        CaseFact(
            id="F1",
            text="History: Epoetin alfa 10/2024 to 02/2025 (serum erythropoietin 310 U/L "
            "before): no rise in hemoglobin.",
        )
    ]
    asked = (
        "beneficiary has never received an erythropoiesis-stimulating agent and the serum "
        "erythropoietin level is below 500 U/L"
    )
    assert judge_measure(asked, note) is None  # not "not met": which it governs is unsure


def test_a_denial_that_governs_the_bound_still_inverts_it() -> None:
    note = [CaseFact(id="F1", text="History: Creatinine clearance 112 mL/min on 01/22/2026.")]
    asked = "The member does not have renal impairment (creatinine clearance below 30 mL/min)"
    assert judge_measure(asked, note)[0] == "met"
