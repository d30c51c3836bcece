"""A measurement compared with its value before treatment, read by code; the model's "met"
on such a criterion is not accepted (a fact naming both readings restates no comparison)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.comparison import compares_readings, judge_comparison
from pipeline.policy.history import judge_history_absent
from pipeline.policy.judge import check_model_judgment
from pipeline.policy.models import Judgment, PolicyNode
from pipeline.policy.positive_test import judge_positive_test

LOWER = "FOO score lower than before the first dose"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_later_value_on_the_asked_side_is_met_and_otherwise_not() -> None:
    down = _facts(
        "History: FOO disability score 6 before the first dose (03/2026); 3 on 09/02/2026."
    )
    assert judge_comparison(LOWER, down)[0] == "met"  # type: ignore[index]
    up = _facts("History: FOO disability score 6 before the first dose (03/2026); 7 on 09/02/2026.")
    assert judge_comparison(LOWER, up)[0] == "not_met"  # type: ignore[index]
    same = _facts("History: FOO score 6 at baseline, 6 now.")
    assert judge_comparison(LOWER, same)[0] == "not_met"  # type: ignore[index]
    higher = "BAR distance higher than at baseline"
    assert (
        judge_comparison(higher, _facts("History: BAR distance 300 at baseline, 360 now."))[0]
        == "met"
    )  # type: ignore[index]


def test_no_marked_earlier_value_or_a_scale_word_decides_nothing() -> None:
    unmarked = _facts("History: FOO score 6 and 3 on two visits.")
    assert judge_comparison(LOWER, unmarked) is None
    one = _facts("History: FOO score 3 on 09/02/2026.")
    assert judge_comparison(LOWER, one) is None
    better = _facts("History: FOO score 6 before the first dose; 3 now.")
    assert judge_comparison("FOO score better than before the first dose", better) is None


def test_the_models_met_on_a_comparison_is_not_accepted() -> None:
    assert compares_readings(LOWER)
    facts = {"F1": CaseFact(id="F1", text="History: FOO score 6 before the first dose; 7 now.")}
    j = Judgment(node_id="1", text=LOWER, page=1, status="met", facts=["F1"], method="model")
    checked = check_model_judgment(j, PolicyNode(id="1", text=LOWER, page=1), facts)
    assert checked.status == "not_documented"
    assert "comparison of two readings" in checked.problems[0]


# --- no history of a condition --------------------------------------------------------------
NO_HISTORY = (
    "Patient has no personal or family history of gizmo cell carcinoma and no wobble syndrome"
)


def test_a_condition_the_criterion_excludes_stated_in_a_relative_is_not_met() -> None:
    facts = _facts(
        "History: Family history: brother treated at 41 for gizmo cell carcinoma "
        "(genetic testing not done in the family)."
    )
    assert judge_history_absent(NO_HISTORY, facts) == (
        "not_met",
        ["F1"],
        "F1 states a history the criterion excludes",
    )


def test_a_denied_condition_or_a_relative_for_a_personal_history_decides_nothing() -> None:
    denied = _facts("History: No gizmo cell carcinoma or wobble syndrome in the family.")
    assert judge_history_absent(NO_HISTORY, denied) is None
    relative = _facts("History: Mother had gizmo cell carcinoma.")
    assert judge_history_absent("No history of gizmo cell carcinoma", relative) is None
    own = _facts("History: Gizmo cell carcinoma resected 2019.")
    assert judge_history_absent("No history of gizmo cell carcinoma", own)[0] == "not_met"  # type: ignore[index]


# --- a positive test ---------------------------------------------------------------------------
POSITIVE = "Positive serologic test for anti-zeta receptor (ZR) antibodies"


def test_a_test_stated_positive_or_above_its_cutoff_is_met() -> None:
    words = _facts("Diagnosis: Gizmo disease, zeta receptor antibody positive.")
    assert judge_positive_test(POSITIVE, words) == ("met", ["F1"], "F1 states the test positive")
    value = _facts("History: ZR binding antibody 14.2 nmol/L (normal below 0.25).")
    assert judge_positive_test(POSITIVE, value)[0] == "met"  # type: ignore[index]


def test_a_negative_test_is_not_met_unless_the_criterion_offers_others() -> None:
    negative = _facts("History: Zeta receptor antibody negative 02/2027.")
    assert judge_positive_test(POSITIVE, negative)[0] == "not_met"  # type: ignore[index]
    below = _facts("History: ZR antibody 0.1 nmol/L (normal below 0.25).")
    assert judge_positive_test(POSITIVE, below)[0] == "not_met"  # type: ignore[index]
    several = "Positive test for zeta receptor antibodies or omega kinase antibodies"
    assert judge_positive_test(several, negative) is None


def test_results_that_disagree_or_a_test_not_named_decide_nothing() -> None:
    both = _facts(
        "History: Zeta receptor antibody positive 2025.", "History: ZR antibody negative 2027."
    )
    assert judge_positive_test(POSITIVE, both) is None
    other = _facts("History: Omega kinase antibody positive.")
    assert judge_positive_test(POSITIVE, other) is None


def test_unchanged_is_the_same_value_and_a_change_fails_it_whatever_else_it_asks() -> None:
    same = _facts("History: FOO score 6 before the first dose; 6 on 09/02/2026.")
    changed = _facts("History: FOO score 6 before the first dose; 8 on 09/02/2026.")
    assert judge_comparison("FOO score unchanged", same)[0] == "met"  # type: ignore[index]
    assert judge_comparison("FOO score unchanged", changed)[0] == "not_met"  # type: ignore[index]
    more = "FOO score unchanged, with better grip strength"
    assert judge_comparison(more, changed)[0] == "not_met"  # type: ignore[index]
    assert judge_comparison(more, same) is None  # the grip strength is still to be read
    assert compares_readings(more)


def test_a_comparison_stated_comparative_first_is_not_the_models_to_meet() -> None:
    fewer = "Fewer treated bleeds since zentrafib was started than in the 12 months before it"
    assert compares_readings(fewer)
    assert not compares_readings("More than 2 treated bleeds in the past 12 months")
    facts = {"F1": CaseFact(id="F1", text="6 treated bleeds in 2024; 9 in the 12 months since.")}
    j = Judgment(node_id="1", text=fewer, page=1, status="met", facts=["F1"], method="model")
    checked = check_model_judgment(j, PolicyNode(id="1", text=fewer, page=1), facts)
    assert checked.status == "not_documented"
