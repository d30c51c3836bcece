"""An indication and an exclusion that name the same condition but split it by a measured
bound ("Heart failure with LVEF of 40% or more" beside "Heart failure with LVEF below 40%
as the only indication"): the case's documented value puts it on one side. Where code reads
the indication's bound met and the exclusion's not met, the resemblance is no tie."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure


def measured_apart(indication: str, exclusion: str, facts: list[CaseFact], drug: str) -> bool:
    """The documented value meets the indication's bound and fails the exclusion's."""
    ind = judge_measure(indication, facts, drug, "")
    ex = judge_measure(exclusion, facts, drug, "")
    if ind is None or ex is None:
        return False
    return ind[0] == "met" and ex[0] == "not_met" and set(ind[1]) == set(ex[1])
