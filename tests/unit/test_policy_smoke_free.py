"""Time without smoking judged from the notes (smoke_free.py): never smoked or a quit long
enough ago meets it; a recent quit or current smoking does not; a quit with no date of its
own, or notes that say both, decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.smoke_free import judge_smoke_free

_ASKED = "The member has not smoked for at least 6 months."


def _status(*notes: str) -> str | None:
    facts = [CaseFact(id="F1", text="Patient: 54-year-old male.")]
    facts += [CaseFact(id=f"F{i}", text=f"History: {n}") for i, n in enumerate(notes, 2)]
    facts.append(CaseFact(id="F9", text="History: Pulmonology visit 01/13/2026."))
    found = judge_smoke_free(_ASKED, facts)
    return found[0] if found else None


def test_never_or_long_ago_meets() -> None:
    assert (
        _status("Former smoker, 20 pack-years; quit in 2018, cotinine negative 01/13/2026.")
        == "met"
    )
    assert _status("Never smoked.") == "met"
    assert _status("Quit date 03/2025.") == "met"


def test_recent_quit_or_current_smoking_does_not() -> None:
    note = "Smoked a pack a day until 11/16/2025; quit date 11/16/2025, about 8 weeks ago."
    assert _status(note) == "not_met"
    assert _status("Quit 8 weeks ago.") == "not_met"
    assert _status("Current smoker, 10 cigarettes a day.") == "not_met"


def test_undated_or_conflicting_decides_nothing() -> None:
    # the only date is the test's, not the quit's
    assert _status("Former smoker; quit, cotinine negative 01/13/2026.") is None
    assert _status("Never smoked.", "Current smoker per the referral.") is None
    assert _status("Lungs clear.") is None
    assert judge_smoke_free("The member does not drink alcohol.", []) is None
