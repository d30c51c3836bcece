"""The use a criterion asks set against the one it rules out ("used as routine prophylaxis,
not to treat an acute bleed"): met where a clause says the request is for the asked use,
whole; a current therapy of that kind, a note saying the other use, or one word decide
nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.purpose import judge_purpose

_ASKED = "Gizmotril will be used as routine prophylaxis, not to treat an acute bleed"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_the_request_for_the_asked_use_is_met() -> None:
    facts = _facts(
        "History: Request is for routine prophylaxis; no bleed at present.",
        "History: Nine treated bleeds in 2025, including two knee bleeds.",
    )
    assert judge_purpose(_ASKED, facts) == (
        "met",
        ["F1"],
        "F1 states the use is for routine prophylaxis",
    )


def test_near_cases_decide_nothing() -> None:
    # a current therapy given as prophylaxis is not this request's purpose
    assert judge_purpose(_ASKED, _facts("Currently on routine prophylaxis with aPCC.")) is None
    # the note says the other use too
    both = _facts("Request is for routine prophylaxis.", "Requested to treat an acute bleed.")
    assert judge_purpose(_ASKED, both) is None
    # the phrase not whole
    assert judge_purpose(_ASKED, _facts("Request is for prophylaxis.")) is None
    # one word asked is too little
    assert (
        judge_purpose("Used as prophylaxis, not to treat a bleed", _facts("For prophylaxis."))
        is None
    )
