"""A cap on the total time on a therapy judged from the months so far and the request's
length (total_time_limit.py): met within the cap, not met past it; nothing where the count so
far, the request's length or the therapy is missing, counts disagree, or the cap has
alternatives."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.total_time_limit import judge_total_time

_ASKED = "Her total time on relugolix combination therapy will not pass 24 months"
_DRUG = "Myfembree (relugolix 40 mg, estradiol 1 mg, norethindrone acetate 0.5 mg)"


def _facts(note: str, requested: str = "12 months") -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 41-year-old female."),
        CaseFact(
            id="F2", text=f"Requested (continuation): {_DRUG}, oral, once daily, {requested}."
        ),
        CaseFact(id="F3", text=f"History: {note}"),
    ]


def _status(note: str, requested: str = "12 months", text: str = _ASKED) -> str | None:
    found = judge_total_time(text, _facts(note, requested), _DRUG)
    return found[0] if found else None


def test_months_so_far_plus_the_request_within_the_cap_meet_it() -> None:
    assert (
        _status("Relugolix combination tablets started 02/03/2025 (11 months of treatment so far).")
        == "met"
    )
    assert _status("On relugolix, 12 months so far.") == "met"  # exactly the cap


def test_months_so_far_plus_the_request_past_the_cap_do_not() -> None:
    note = "Relugolix combination tablets started 07/01/2024 (18 months of treatment so far)."
    assert _status(note) == "not_met"


def test_missing_or_unclear_counts_decide_nothing() -> None:
    assert _status("Relugolix combination tablets started 02/03/2025.") is None  # no count
    assert _status("Relugolix, 11 months so far.", requested="") is None  # no request length
    two = "Relugolix: 11 months so far; pharmacy: relugolix 16 months to date."
    assert _status(two) is None
    alternatives = "total time on elagolix stays within 24 months at 150 mg daily, or 6 months"
    assert _status("Elagolix, 11 months so far.", text=alternatives) is None
    other = judge_total_time(_ASKED, _facts("Leuprolide, 20 months so far."), "")
    assert other is None  # a note about another drug
