"""A Snellen visual acuity range read on the treated eye's current reading; a bracketed
earlier reading, the other eye and unclear eyes decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.snellen import judge_snellen

_ASKED = "Visual acuity in the treated eye between 20/50 and 20/320"


def _facts(
    acuity: str, request: str = "Requested (initial): Gizmab 2 mg, intravitreal, right eye."
) -> list[CaseFact]:
    return [CaseFact(id="F1", text=request), CaseFact(id="F2", text=acuity)]


def test_the_treated_eyes_reading_is_judged_against_the_range() -> None:
    inside = _facts("Visual acuity: right eye 20/100, left eye 20/20 (right 20/40 in 05/2026).")
    assert judge_snellen(_ASKED, inside)[0] == "met"  # type: ignore[index]
    worse = _facts("Visual acuity: right eye 20/400, left eye 20/100.")
    assert judge_snellen(_ASKED, worse)[0] == "not_met"  # type: ignore[index]
    better = _facts("Visual acuity: right eye 20/25, left eye 20/100.")
    assert judge_snellen(_ASKED, better)[0] == "not_met"  # type: ignore[index]


def test_unclear_eyes_decide_nothing() -> None:
    both = "Requested (initial): Gizmab 2 mg, intravitreal, right eye and left eye."
    assert judge_snellen(_ASKED, _facts("Visual acuity: right eye 20/100.", both)) is None
    two = _facts("Visual acuity: right eye 20/100.\nRepeat: right eye 20/400.")
    assert judge_snellen(_ASKED, two) is None
    assert judge_snellen("Visual acuity of 20/40 or worse", two) is None
