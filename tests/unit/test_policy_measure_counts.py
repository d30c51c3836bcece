"""A test's result in minutes, and a count written as the times of the tries that showed it
("REM sleep in 3 of 5 naps" for "two or more sleep-onset REM periods"): read by the
measurement rule (measures.py) where the clause names the counted thing by its abbreviation;
a clause without it, or a count of something else, decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure

_ASKED = (
    "Narcolepsy confirmed by overnight polysomnography followed by a multiple sleep latency "
    "test with a mean sleep latency of 8 minutes or less and two or more sleep-onset REM "
    "periods"
)


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _study(latency: str, naps: str) -> list[CaseFact]:
    return _facts(
        "Patient: 24-year-old male.",
        "History: Overnight polysomnogram 11/18/2025: total sleep 7.1 h, no sleep apnea "
        f"(AHI 2). Next-day MSLT: mean sleep latency {latency} minutes, REM sleep in {naps} "
        "of 5 naps.",
    )


def test_a_latency_in_minutes_and_a_count_of_tries_are_read() -> None:
    met = judge_measure(_ASKED, _study("3.4", "3"), "Oxybate")
    assert met is not None and met[0] == "met" and met[1] == ["F2"]
    both = judge_measure(_ASKED, _study("11", "1"), "Oxybate")
    assert both is not None and both[0] == "not_met"
    # one bound held and one failed: the rule's bounds must agree, so a person reads it
    assert judge_measure(_ASKED, _study("3.4", "1"), "Oxybate") is None


def test_near_cases_decide_nothing() -> None:
    # the count's thing not named by its abbreviation: no count read
    unnamed = _facts("History: MSLT: mean sleep latency 3.4 minutes, sleep in 3 of 5 naps.")
    assert judge_measure(_ASKED, unnamed, "Oxybate") is None
    # a latency with no count at all
    alone = _facts("History: MSLT: mean sleep latency 3.4 minutes.")
    assert judge_measure(_ASKED, alone, "Oxybate") is None
    # readings that disagree
    two = _facts(
        "History: MSLT 2024: mean sleep latency 3.4 minutes, REM in 3 of 5 naps.",
        "History: MSLT 2025: mean sleep latency 12 minutes, REM in 3 of 5 naps.",
    )
    assert judge_measure(_ASKED, two, "Oxybate") is None
