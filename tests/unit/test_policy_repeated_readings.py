"""A measurement past a bound on several dated tests some time apart (repeated_readings.py):
met by enough dated readings past it far enough apart; not met where enough dated readings
and none past it; anything between decides nothing. And the units such criteria are written
in (units.py): mcg/L read as ng/mL, a tissue's "mg Fe per gram dry weight"."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure
from pipeline.policy.repeated_readings import judge_repeated_readings

_ASKED = "Serum ferritin above 1,000 mcg/L on two tests at least 4 weeks apart"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _ferritin(a: str, b: str, second: str = "12/22/2025") -> list[CaseFact]:
    return _facts(
        "Patient: 12-year-old male.",
        f"History: Ferritin {a} mcg/L on 11/10/2025 and {b} mcg/L on {second}.",
    )


def test_enough_dated_readings_past_the_bound_and_apart_meet_it() -> None:
    met = judge_repeated_readings(_ASKED, _ferritin("1,860", "2,140"))
    assert met is not None and met[0] == "met" and met[1] == ["F2"]
    failed = judge_repeated_readings(_ASKED, _ferritin("780", "860"))
    assert failed is not None and failed[0] == "not_met"


def test_near_cases_decide_nothing() -> None:
    # too close together
    assert judge_repeated_readings(_ASKED, _ferritin("1,860", "2,140", "11/20/2025")) is None
    # one past the bound, one not: fewer than asked, yet not none
    assert judge_repeated_readings(_ASKED, _ferritin("1,860", "860")) is None
    # one reading only
    one = _facts("History: Ferritin 780 mcg/L on 11/10/2025.")
    assert judge_repeated_readings(_ASKED, one) is None
    # undated values
    assert judge_repeated_readings(_ASKED, _facts("History: Ferritin 780 and 860 mcg/L.")) is None
    # another unit
    grams = _facts("History: Ferritin 1.9 g/L on 11/10/2025 and 2.1 g/L on 12/22/2025.")
    assert judge_repeated_readings(_ASKED, grams) is None
    # a criterion of one reading is the measurement rule's
    assert judge_repeated_readings("Serum ferritin above 1,000 mcg/L", one) is None


def test_units_of_iron_studies() -> None:
    liver = "Liver iron concentration of 5 mg Fe per gram dry weight or more on MRI"
    mri = _facts("History: MRI R2 liver iron 12/18/2025: 5.6 mg Fe/g dry weight.")
    met = judge_measure(liver, mri, "Deferasirox")
    assert met is not None and met[0] == "met"
    low = _facts("History: MRI R2 liver iron 12/18/2025: 2.4 mg Fe/g dw.")
    failed = judge_measure(liver, low, "Deferasirox")
    assert failed is not None and failed[0] == "not_met"
    # mcg/L is ng/mL; a value in another unit is not compared
    ferritin = "Serum ferritin is still above 500 mcg/L"
    assert judge_measure(ferritin, _facts("History: Ferritin 640 ng/mL."), "X")[0] == "met"  # type: ignore[index]
    assert judge_measure(ferritin, _facts("History: Ferritin 0.64 mg/L."), "X") is None
