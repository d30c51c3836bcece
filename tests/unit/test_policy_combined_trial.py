"""A failed trial of two drugs together (combined_trial.py): met where one clause names a
drug of each kind (a progestin by its vocabulary class), a course as long as asked, and
relief that fell short; one drug alone, a short course, a trial that helped, or a second
kind denied decide nothing (never not met)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.combined_trial import judge_combined_trial

_ASKED = (
    "an NSAID together with a hormonal contraceptive or a progestin for at least 3 months, "
    "without enough relief"
)


def _status(note: str) -> str | None:
    facts = [
        CaseFact(id="F1", text="Patient: 29-year-old female."),
        CaseFact(id="F2", text=f"History: {note}"),
        CaseFact(id="F3", text="History: Gynecology visit 01/14/2026."),
    ]
    found = judge_combined_trial(_ASKED, facts)
    return found[0] if found else None


def test_both_kinds_long_enough_with_short_relief_meet() -> None:
    note = (
        "Naproxen 500 mg twice daily with continuous norethindrone acetate 5 mg daily from "
        "02/2025 to 09/2025 (7 months); pain only slightly better."
    )
    assert _status(note) == "met"


def test_one_drug_short_course_good_relief_or_denied_kind_decide_nothing() -> None:
    alone = "Ibuprofen 800 mg three times daily from 05/2025 to 09/2025; pain only slightly better."
    assert _status(alone) is None
    short = "Naproxen with norethindrone acetate for 6 weeks; pain only slightly better."
    assert _status(short) is None
    helped = "Naproxen with norethindrone acetate for 7 months; pain much better."
    assert _status(helped) is None
    denied = "Ibuprofen for 7 months; no progestin or norethindrone tried; little relief."
    assert _status(denied) is None
    assert judge_combined_trial("an NSAID for at least 3 months", []) is None
