"""A measurement named by a unit that belongs to one assay (the Bethesda unit): the value in
that unit decides a criterion that is the bound alone; values that disagree, a criterion
asking more than the value, and values in other units decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.unit_named import judge_unit_named

_ASKED = "Current factor IX inhibitor titer of 5 Bethesda units or more"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_the_value_in_the_assays_unit_decides() -> None:
    met = judge_unit_named(_ASKED, _facts("Inhibitor found 2020; Bethesda titer 12 BU in 2026."))
    assert met is not None and met[0] == "met" and met[1] == ["F1"]
    low = judge_unit_named(_ASKED, _facts("Titer 1.2 BU on 01/2027, peak 3 BU."))
    assert low is not None and low[0] == "not_met"


def test_near_cases_decide_nothing() -> None:
    # a peak above the bound and a current value below it: a person reads them
    assert judge_unit_named(_ASKED, _facts("Peak 30 BU in 2019; now 2 BU.")) is None
    # no value in the unit at all (an IU/mL level is another measurement)
    assert judge_unit_named(_ASKED, _facts("Anti-drug antibody 40 IU/mL.")) is None
    # the criterion asks a history with a second requirement
    history = "History of a high-titer inhibitor (5 BU or more) with failed tolerance induction"
    assert judge_unit_named(history, _facts("Titer 22 BU.")) is None
    # a unit other measurements share is not read here
    assert judge_unit_named("Hemoglobin of 10 g/dL or more", _facts("Hb 11 g/dL.")) is None


def test_a_value_out_of_bound_fails_no_criterion_with_another_way_to_meet_it() -> None:
    from pipeline.policy.readers import read_criterion

    asked = (
        "Diagnosis confirmed by a sweat chloride value of 60 mmol/L or more, or by two "
        "disease-causing variants"
    )
    high = _facts("Newborn screening; sweat chloride 104 mmol/L at 6 weeks of age.")
    low = _facts("Newborn screening; sweat chloride 40 mmol/L at 6 weeks of age.")
    met = read_criterion(asked, high, "Gizmotril", "")
    assert met is not None and met[0] == "met"
    assert read_criterion(asked, low, "Gizmotril", "") is None
    # without the other way, the low value fails it
    alone = read_criterion(asked.split(", or")[0], low, "Gizmotril", "")
    assert alone is not None and alone[0] == "not_met"


def test_an_earlier_value_does_not_decide_a_current_criterion() -> None:
    # dated more than 3 months before the case's latest date: history, not the value now
    old = _facts("Bethesda titer 22 BU in 03/2023.", "Hematology visit 01/10/2026: no bleeds.")
    assert judge_unit_named(_ASKED, old) is None
    assert judge_unit_named(_ASKED, _facts("Titer 22 BU (2019).", "Seen 01/10/2026.")) is None
    # marked earlier in words
    assert judge_unit_named(_ASKED, _facts("Peak inhibitor titer 40 BU.")) is None
    assert judge_unit_named(_ASKED, _facts("Inhibitor 22 BU at diagnosis, 2 years ago.")) is None
    # an old value and a current one that agree: the current decides (and is cited first)
    both = _facts("Titer 22 BU in 2023.", "Hematology 01/10/2026: Bethesda titer 12 BU.")
    met = judge_unit_named(_ASKED, both)
    assert met is not None and met[0] == "met" and met[1][0] == "F2"
    # one that disagrees with the current: a person reads them
    split = _facts("Titer 22 BU in 2023.", "Hematology 01/10/2026: Bethesda titer 1 BU.")
    assert judge_unit_named(_ASKED, split) is None
    # a criterion that asks no current value still reads an old one
    assert judge_unit_named("Inhibitor titer of 5 Bethesda units or more", old) is not None
