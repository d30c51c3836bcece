"""A test asked quantifiable or detectable within a window ("Viremia is confirmed by a
quantifiable HCV RNA level drawn within the 6 months before the request", recency.py): met
by a reading above zero dated inside it, not met where every reading is older; a reading
inside it that is undetectable, or undated, decides nothing. A time bound beside a test's
name ("HCV RNA is detectable 12 weeks or more after ...") is a time, not the test's level
(measures.py)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure
from pipeline.policy.recency import judge_recency

_ASKED = (
    "Viremia is confirmed by a quantifiable HCV RNA level drawn within the 6 months before "
    "the request;"
)


def _facts(rna: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 46-year-old male."),
        CaseFact(id="F2", text="History: Hepatitis clinic 01/08/2026: never treated."),
        CaseFact(id="F3", text=f"History: {rna}"),
    ]


def test_a_quantified_reading_inside_the_window_meets_it() -> None:
    found = judge_recency(_ASKED, _facts("HCV RNA 1,840,000 IU/mL on 12/15/2025; genotype 1a."))
    assert found is not None and found[0] == "met" and found[1] == ["F3"]


def test_only_older_readings_are_not_met() -> None:
    old = _facts("Only HCV RNA on file: 1,920,000 IU/mL on 08/02/2024. No RNA test since.")
    found = judge_recency(_ASKED, old)
    assert found is not None and found[0] == "not_met"


def test_near_cases_decide_nothing() -> None:
    assert judge_recency(_ASKED, _facts("HCV RNA not detected on 12/15/2025.")) is None
    assert judge_recency(_ASKED, _facts("HCV RNA 0 IU/mL on 12/15/2025.")) is None
    assert judge_recency(_ASKED, _facts("HCV RNA 1,840,000 IU/mL.")) is None  # undated
    # asked undetectable: not this rule's "detected"
    undetectable = "HCV RNA not detectable within the 6 months before the request"
    assert judge_recency(undetectable, _facts("HCV RNA 1,840,000 IU/mL on 12/15/2025.")) is None


def test_a_time_bound_beside_a_test_is_a_time() -> None:
    facts = _facts("HCV RNA 640,000 IU/mL on 07/02/2025 (16 weeks after the course ended).")
    found = judge_measure(
        "HCV RNA is detectable 12 weeks or more after the end of the earlier DAA course;", facts
    )
    assert found is not None and found[0] == "met"
