"""Drug classes read by code: a count of different drugs tried ("at least two different oral
antidepressants"), a class whose drugs share one route, and a drug to be used together with
a class ("will be used together with an oral antidepressant")."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.trials import drugs_asked, judge_trial
from pipeline.policy.used_with import judge_used_with

TWO = (
    "Inadequate response to at least two different oral antidepressants, each taken at an "
    "adequate dose for at least 6 weeks"
)
DRUG = "Spravato (esketamine) nasal spray"


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_count_of_drugs_is_not_a_count_of_days() -> None:
    assert drugs_asked(TWO) == 2
    assert drugs_asked("at least 2 months of methotrexate") == 1
    assert drugs_asked("two or more TNF inhibitors") == 2


def test_two_different_drugs_of_the_class_each_long_enough_meet_it() -> None:
    case = facts(
        "Prior therapy: Sertraline 200 mg, 04/2025 to 07/2025; response: no response.",
        "Prior therapy: Venlafaxine XR 225 mg, 07/2025 to 10/2025; response: partial, relapsed.",
    )
    assert judge_trial(TWO, case, DRUG)[:2] == ("met", ["F1", "F2"])


def test_one_drug_failed_twice_is_not_two_drugs() -> None:
    case = facts(
        "Prior therapy: Sertraline 200 mg, 04/2025 to 07/2025; response: no response.",
        "History: Sertraline 200 mg daily 04/2025 to 07/2025 failed, relapse of low mood.",
        "Prior therapy: Venlafaxine XR 75 mg, 07/2025, 3 weeks; response: stopped for nausea.",
        "Prior therapy: Duloxetine 60 mg since 12/22/2025; response: continuing.",
    )
    # one drug failed, one too short, one started 3 weeks ago: fewer than asked
    assert judge_trial(TWO, case + facts("History: PHQ-9 on 01/12/2026: 19."), DRUG)[0] == "not_met"
    # a drug the vocabulary does not know may be another trial; a trial named by its class
    # alone may be of several drugs: nothing is decided
    unknown = case + facts("History: Phenelzine 45 mg daily 2024, stopped.")
    assert judge_trial(TWO, unknown, DRUG) is None
    generic = case + facts("History: Two other antidepressants failed in 2023.")
    assert judge_trial(TWO, generic, DRUG) is None


def test_used_together_with_a_class_met_by_a_drug_of_it_given_alongside() -> None:
    asked = "Esketamine will be used together with an oral antidepressant"
    given = facts(
        "History: Escitalopram 10 mg daily started 01/14/2026; given together with the "
        "esketamine course."
    )
    assert judge_used_with(asked, given, DRUG)[:2] == ("met", ["F1"])
    declined = facts(
        "History: He declined every oral antidepressant offered; none is prescribed.",
        "Prior therapies: none documented.",
    )
    assert judge_used_with(asked, declined, DRUG)[0] == "not_met"
    # one stopped says nothing of what is given now; another way is not this reading
    assert judge_used_with(asked, facts("History: Sertraline stopped in 2024."), DRUG) is None
    unless = asked + " unless contraindicated"
    assert judge_used_with(unless, declined, DRUG) is None
    # a thing the vocabulary does not know is not read
    talk = "Esketamine will be used together with psychotherapy"
    assert judge_used_with(talk, given, DRUG) is None
