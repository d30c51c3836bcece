"""A condition asked documented (documented_condition.py): met where a diagnosis names it
and no fact denies or doubts it; a note's mention alone, a denial, a hedge, or a criterion
of another shape decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.documented_condition import judge_documented_condition

_ASKED = (
    "Cataplexy is described in the chart (sudden loss of muscle tone triggered by emotion, "
    "with preserved consciousness)"
)


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_diagnosis_that_names_the_condition_documents_it() -> None:
    facts = _facts(
        "Patient: 24-year-old male.",
        "Diagnosis: Narcolepsy with cataplexy (narcolepsy type 1) (ICD-10 G47.411).",
        "Prior therapy: Armodafinil; response: cataplexy unchanged.",
    )
    met = judge_documented_condition(_ASKED, facts)
    assert met is not None and met[0] == "met" and met[1] == ["F2"]
    two_words = _facts("Diagnosis: Chronic hepatic fibrosis, stage F3.")
    assert judge_documented_condition("Hepatic fibrosis is documented", two_words) is not None


def test_near_cases_decide_nothing() -> None:
    # denied in the diagnosis, or by a note beside it
    without = _facts("Diagnosis: Narcolepsy without cataplexy (narcolepsy type 2).")
    assert judge_documented_condition(_ASKED, without) is None
    denied = _facts("Diagnosis: Narcolepsy with cataplexy.", "History: No cataplexy ever.")
    assert judge_documented_condition(_ASKED, denied) is None
    # in doubt
    doubt = _facts("Diagnosis: Narcolepsy with cataplexy.", "History: possible cataplexy?")
    assert judge_documented_condition(_ASKED, doubt) is None
    # a note's mention only (not a diagnosis)
    noted = _facts("Diagnosis: Narcolepsy.", "History: cataplexy when laughing.")
    assert judge_documented_condition(_ASKED, noted) is None
    # a criterion asking more than the documentation
    more = "Cataplexy is documented despite treatment with a stimulant"
    assert judge_documented_condition(more, _facts("Diagnosis: Narcolepsy with cataplexy.")) is None
