from pipeline.models import CaseFact
from pipeline.policy.listed_options import forms, judge_listed_form

ASKED = (
    "Infection at one of these sites: complicated intra-abdominal, complicated urinary tract, "
    "hospital-acquired or ventilator-associated pneumonia, or bloodstream"
)


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_the_listed_forms_share_the_noun_of_an_inner_or() -> None:
    assert forms(ASKED.split(": ", 1)[1]) == [
        "complicated intra-abdominal",
        "complicated urinary tract",
        "hospital-acquired pneumonia",
        "ventilator-associated pneumonia",
        "bloodstream",
    ]


def test_a_clause_naming_one_form_with_the_head_meets_it() -> None:
    # a form restated in parentheses after a negation of something else; a form as written
    for text in (
        "History: CT: right pyelonephritis with no abscess (complicated urinary tract infection).",
        "History: Admitted with complicated urinary tract infection after biopsy.",
    ):
        found = judge_listed_form(ASKED, facts("History: Admitted with fever 39.2 C.", text))
        assert found is not None and found[:2] == ("met", ["F2"]), (text, found)


def test_a_negated_or_partial_form_decides_nothing() -> None:
    assert judge_listed_form(ASKED, facts("History: No bloodstream infection.")) is None
    assert judge_listed_form(ASKED, facts("History: Urinary tract infection.")) is None
    assert judge_listed_form(ASKED, facts("History: Bloodstream catheter in place.")) is None
    assert judge_listed_form("Infection of the urinary tract", facts("History: x.")) is None
