"""A reading that must persist after months of named drugs, denied by code only where every
drug is stated never tried or begun too recently and the contraindication alternative is
stated away (short_course.py); a long or unreadable course, a drug not accounted for, or a
silent alternative decides nothing, and nothing is ever met here."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.short_course import judge_short_course

_ASKED = (
    "Serum uric acid remains above 6 mg/dL after at least 3 months of allopurinol or "
    "febuxostat at the highest dose tolerated, or both drugs are contraindicated."
)
_PLAN = "Plan: Allopurinol will be stopped before the first infusion."


def _status(*notes: str) -> str | None:
    facts = [CaseFact(id="F1", text="Patient: 58-year-old male.")]
    facts += [CaseFact(id=f"F{i}", text=f"History: {n}") for i, n in enumerate(notes, 2)]
    facts.append(CaseFact(id="F9", text="Prior therapy: Allopurinol; response: uric acid high."))
    found = judge_short_course(_ASKED, facts)
    return found[0] if found else None


_SHORT = "Allopurinol 300 mg daily started 11/20/2025; serum uric acid 9.4 mg/dL on 01/05/2026."
_NEITHER = "Febuxostat has not been tried; neither drug is contraindicated."


def test_every_drug_untried_or_too_recent_is_not_met() -> None:
    assert _status(_SHORT, _NEITHER, _PLAN) == "not_met"


def test_a_long_or_unreadable_course_decides_nothing() -> None:
    long = "Allopurinol since 04/2025, raised to 800 mg daily; uric acid 8.7 mg/dL on 12/15/2025."
    assert _status(long, _NEITHER) is None
    assert _status(_SHORT, _NEITHER, "Febuxostat for 2 years before that, stopped.") is None
    assert _status(_SHORT, _NEITHER, "Allopurinol previously, years ago.") is None


def test_an_unaccounted_drug_or_a_silent_alternative_decides_nothing() -> None:
    assert _status(_SHORT, "Neither drug is contraindicated.") is None  # febuxostat unknown
    assert _status(_SHORT, "Febuxostat has not been tried.") is None  # contraindication unsaid
