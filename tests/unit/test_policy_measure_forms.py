"""Measurements written in forms the measurement rules read: a score out of its maximum
("25/30"), two allowed values of a stepped score ("0.5 or 1"), a percent of predicted, a
reading of a window read by its own date, and the parts of a score in parentheses."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.gestation import judge_gestation
from pipeline.policy.measures import bounds, judge_measure


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_score_out_of_its_maximum_is_the_score() -> None:
    text = "Widget Recall Test (WRT) score of 18 to 30"
    assert judge_measure(text, _facts("History: WRT 03/02/2027: 24/30."))[0] == "met"  # type: ignore[index]
    assert judge_measure(text, _facts("History: WRT 03/02/2027: 12/30."))[0] == "not_met"  # type: ignore[index]
    # a month and year, or a blood pressure, is no score
    assert judge_measure(text, _facts("History: WRT done 11/2026, report pending.")) is None
    assert (
        judge_measure("Blood pressure (BP) of 140 or more", _facts("History: BP 132/78.")) is None
    )


def test_two_values_of_a_stepped_score_are_either_and_nothing_between() -> None:
    text = "Global Frailty Rating (GFR2) global score of 0.5 or 1"
    assert [(b.op, b.low, b.high) for b in bounds(text)] == [("one_of", 0.5, 1.0)]
    assert judge_measure(text, _facts("History: GFR2 global score 1."))[0] == "met"  # type: ignore[index]
    assert judge_measure(text, _facts("History: GFR2 global score 0.7."))[0] == "not_met"  # type: ignore[index]
    # "2 or 3" of anything stays a range; "6 or 12 months" of no score is not a value set
    assert bounds("an endoscopic subscore of 2 or 3")[0].op == "between"
    assert bounds("approved for 6 or 12 months") == []


def test_a_percent_of_predicted_with_its_window_read_by_the_readings_date() -> None:
    text = "Peak flow capacity (PFC) is 50% of predicted or higher on a test in the last 60 days"
    fresh = _facts(
        "History: Clinic note 03/20/2027.",
        "History: Test 03/02/2027: PFC 2.6 L (68% of predicted).",
    )
    assert judge_measure(text, fresh)[0] == "met"  # type: ignore[index]
    low = _facts(
        "History: Clinic note 03/20/2027.",
        "History: Test 03/02/2027: PFC 1.1 L (41% of predicted).",
    )
    assert judge_measure(text, low)[0] == "not_met"  # type: ignore[index]
    old = _facts(
        "History: Clinic note 03/20/2027.",
        "History: Test 08/02/2026: PFC 2.6 L (68% of predicted).",
    )
    assert judge_measure(text, old) is None


def test_the_parts_of_a_score_in_parentheses_are_not_the_score() -> None:
    text = "Daily Living Index (DLI) total score of 6 or more"
    facts = _facts("History: DLI today 9 (walking 2, dressing 1, eating 2, washing 1).")
    assert judge_measure(text, facts) == ("met", ["F1"], "documented 9 satisfies >= 6")


def test_a_percent_of_a_named_whole_is_read_from_a_percent_of_the_same_whole() -> None:
    text = "Widget disease with scarring involving at least 10% of the lungs"
    small = _facts("History: CT: the reader puts the disease at about 5% of lung volume.")
    assert judge_measure(text, small) == ("not_met", ["F1"], "documented 5 % fails >= 10 %")
    large = _facts("History: CT: about 20% of the lungs involved.")
    assert judge_measure(text, large)[0] == "met"  # type: ignore[index]
    # a percent of another whole is no reading of it
    other = _facts("History: Spirometry: FVC 71% of predicted.")
    assert judge_measure(text, other) is None


def test_the_gestational_age_at_birth_against_its_bound() -> None:
    earlier = "Infant was born at 28 weeks, 6 days of gestation or earlier"
    born = _facts("History: Clinic note: born 01/02/2027 at 27 weeks 3 days.")
    assert judge_gestation(earlier, born) == (
        "met",
        ["F1"],
        "F1: gestational age at birth within the bound",
    )
    late = _facts("Diagnosis: Preterm newborn, gestational age 29 completed weeks.")
    assert judge_gestation(earlier, late)[0] == "not_met"  # type: ignore[index]
    # a completed week that straddles the bound, or a week with no day, decides nothing
    straddles = _facts("Diagnosis: Preterm newborn, gestational age 28 completed weeks.")
    assert (
        judge_gestation("Infant was born before 28 weeks, 3 days of gestation", straddles) is None
    )
    assert judge_gestation(earlier, _facts("History: born at 27 weeks.")) is None
