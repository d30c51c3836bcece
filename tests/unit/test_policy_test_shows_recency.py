"""A test asked within a window and what it must show ("Upper endoscopy within the past 12
months shows erosive esophagitis, Los Angeles grade A, B, C or D"): not met where every dated
clause naming the test lies outside the window, met where the test in the window names the
finding (with a grade the criterion lists, where it lists grades)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.event_recency import judge_event_recency

_ASKED = (
    "Upper endoscopy within the past 12 months shows erosive esophagitis, Los Angeles grade "
    "A, B, C or D."
)


def _facts(scope: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 57-year-old male."),
        CaseFact(id="F2", text=f"History: {scope}"),
        CaseFact(id="F3", text="History: Gastroenterology follow-up 11/13/2026: symptoms persist."),
    ]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_a_test_in_the_window_showing_the_finding() -> None:
    seen = "Upper endoscopy 08/21/2026: LA grade C erosive esophagitis, no Barrett's."
    assert _status(judge_event_recency(_ASKED, _facts(seen))) == "met"
    old = "Only upper endoscopy was 05/2023 (LA grade B erosive esophagitis); none since."
    assert _status(judge_event_recency(_ASKED, _facts(old))) == "not_met"


def test_near_cases_abstain() -> None:
    # a grade the criterion does not list
    narrow = "Upper endoscopy within the past 12 months shows erosive esophagitis, grade C or D."
    low = "Upper endoscopy 08/21/2026: LA grade A erosive esophagitis."
    assert judge_event_recency(narrow, _facts(low)) is None
    # the finding denied, or not named
    denied = "Upper endoscopy 08/21/2026: no erosive esophagitis; normal mucosa."
    assert judge_event_recency(_ASKED, _facts(denied)) is None
    other = "Upper endoscopy 08/21/2026: Barrett's esophagus, grade B."
    assert judge_event_recency(_ASKED, _facts(other)) is None
    # something else added after the finding is not read
    extra = "Upper endoscopy within the past 12 months shows erosive esophagitis, with ulcers."
    seen = "Upper endoscopy 08/21/2026: LA grade C erosive esophagitis."
    assert judge_event_recency(extra, _facts(seen)) is None
