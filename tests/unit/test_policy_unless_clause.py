"""A requirement with an exception after ", unless" (unless_clause.py, through
readers.read_criterion): met where the requirement before it is met (a highest tolerated dose
only where the fact says so); never denied by it, as the exception may hold."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.readers import read_criterion
from pipeline.policy.unless_clause import read_unless

_ASKED = (
    "Member has taken an ACE inhibitor or angiotensin receptor blocker at the highest tolerated "
    "dose for at least 90 days, unless both are contraindicated."
)


def _facts(note: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 46-year-old male."),
        CaseFact(id="F2", text=f"History: {note}"),
        CaseFact(id="F3", text="History: Nephrology clinic 11/17/2026 (Dr. A, nephrologist)."),
    ]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_the_requirement_before_unless_met() -> None:
    top = "Losartan 100 mg daily since 03/2026, the highest dose tolerated, continued."
    assert _status(read_criterion(_ASKED, _facts(top), "x", "")) == "met"


def test_near_cases_abstain() -> None:
    # the dose not said to be the highest tolerated
    plain = "Losartan 100 mg daily since 03/2026, continued."
    assert read_criterion(_ASKED, _facts(plain), "x", "") is None
    # too short a trial: the exception may still hold, so nothing is denied
    short = "Losartan 50 mg daily started 10/16/2026 and being uptitrated."
    assert read_criterion(_ASKED, _facts(short), "x", "") is None

    def denies(part: str) -> tuple[str, list[str], str]:
        return ("not_met", ["F2"], part)

    assert read_unless("Has tried metformin, unless it is contraindicated", [], denies) is None
    assert read_unless("unless contraindicated", [], denies) is None
