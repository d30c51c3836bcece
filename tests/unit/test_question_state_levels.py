"""A request the question asks for in the patient's state ("Is continued X through an
elective hip arthroplasty medically necessary ...") is for that state, as one whose own line
names it; and a severity in brackets after the condition ("SLE (not severe)") is the
population's level."""

from __future__ import annotations

from pipeline.draft.levels import level_fits, levels
from pipeline.retrieve.case_words import _asked
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position_qualified import case

DX = [("Rheumatoid arthritis, multiple sites", "M06.09")]
WORDS, ABBREV = ("rheumatoid arthritis",), ("RA",)


def test_the_request_as_the_question_asks_it() -> None:
    q = "Is continued etanercept through an elective knee arthroplasty medically necessary for X?"
    assert _asked(q) == "continued etanercept through an elective knee arthroplasty"
    assert _asked("Would Y be medically necessary now?") == "Y"
    assert _asked("What does the policy require?") == ""


def test_a_request_asked_for_in_the_state_serves_it() -> None:
    c = case("Etanercept", DX)
    c.question = (
        "Is continued etanercept through an elective total knee arthroplasty medically "
        "necessary for a 61-year-old woman with RA?"
    )
    assert case_topic(c).serves_state
    # the state only in the patient's description, after "medically necessary": not its goal
    c.question = "Is etanercept medically necessary for a 61-year-old woman after arthroplasty?"
    assert not case_topic(c).serves_state


def test_a_bracketed_severity_after_the_condition_is_its_level() -> None:
    text = "For patients with RA (not severe) undergoing TKA, withholding X is recommended."
    assert levels(text, WORDS, ABBREV) == {"severity": {1, 2}}
    assert level_fits(text, "severe RA with vasculitis", WORDS, ABBREV) is False
    severe = "For patients with severe RA undergoing TKA, continuing X is recommended."
    assert level_fits(severe, "severe RA with vasculitis", WORDS, ABBREV) is True
    # a bracket after another word is not the condition's level
    assert levels("after surgery (severe pain) X is held", WORDS, ABBREV) == {}
