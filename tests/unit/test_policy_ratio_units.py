"""A ratio of two amounts in one sample read as a unit ("0.8 g/g", "mg/g", "mg/mmol", each scale
its own), a reading's window written "from the last 90 days", and a criterion with a second
threshold that no bound reads ("1 g/day or more, or ... 0.8 g/g or more"): met by the read
one, never denied by it alone."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure
from pipeline.policy.units import unit_of

_EITHER = (
    "Proteinuria of 1 g/day or more, or a urine protein-to-creatinine ratio of 0.8 g/g or more, "
    "on a sample from the last 90 days."
)
_ONE = "A urine protein-to-creatinine ratio of 0.8 g/g or more on a sample from the last 90 days."


def _facts(reading: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 46-year-old male."),
        CaseFact(id="F2", text=f"History: {reading}"),
        CaseFact(id="F3", text="History: Nephrology clinic 11/17/2026 (Dr. A, nephrologist)."),
    ]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_ratio_units_are_their_own_scales() -> None:
    assert unit_of("g/g") == "g/g"
    assert unit_of("mg/g") == "mg/g"
    assert unit_of("mg/mmol") == "mg/mmol"


def test_a_ratio_in_the_window_is_read_against_its_bound() -> None:
    recent = "Urine protein-to-creatinine ratio 1.2 g/g on 11/10/2026."
    assert _status(judge_measure(_ONE, _facts(recent))) == "met"
    assert _status(judge_measure(_EITHER, _facts(recent))) == "met"
    low = "Urine protein-to-creatinine ratio 0.5 g/g on 11/10/2026."
    assert _status(judge_measure(_ONE, _facts(low))) == "not_met"


def test_near_cases_abstain() -> None:
    # one threshold of two fails: the other (not read) may still be met
    low = "Urine protein-to-creatinine ratio 0.5 g/g on 11/10/2026."
    assert judge_measure(_EITHER, _facts(low)) is None
    # another scale: 1200 mg/g is not compared with 0.8 g/g
    other = "Urine protein-to-creatinine ratio 1200 mg/g on 11/10/2026."
    assert judge_measure(_ONE, _facts(other)) is None
    # a sample older than the window decides nothing
    old = "Urine protein-to-creatinine ratio 1.2 g/g on 11/10/2024."
    assert judge_measure(_ONE, _facts(old)) is None
