"""Readings of a criterion's measurement on both sides of its bound (measure_conflict.py):
the model's "met" citing one of them is not accepted (judge.py); readings that agree, or in
another unit, leave its check as it was."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.judge import check_model_judgment
from pipeline.policy.measure_conflict import readings_disagree
from pipeline.policy.models import Judgment, PolicyNode

_ASKED = "Liver iron concentration is still 3 mg Fe per gram dry weight or more"
_THEN = "History: On the chelator since 12/2024 when liver iron was 9.8 mg Fe/g dry weight."


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_readings_on_both_sides_of_the_bound_disagree() -> None:
    low = _facts(_THEN, "History: MRI R2 liver iron 12/18/2025: 2.4 mg Fe/g dry weight.")
    high = _facts(_THEN, "History: MRI R2 liver iron 12/18/2025: 5.6 mg Fe/g dry weight.")
    assert readings_disagree(_ASKED, low)
    assert not readings_disagree(_ASKED, high)
    # another measurement's value in no unit, or the same words with no number: no conflict
    assert not readings_disagree(_ASKED, _facts(_THEN, "History: Liver iron overload noted."))


def test_the_models_met_on_an_earlier_reading_is_not_accepted() -> None:
    node = PolicyNode(id="F", text=_ASKED, page=2)
    low = _facts(_THEN, "History: MRI R2 liver iron 12/18/2025: 2.4 mg Fe/g dry weight.")
    j = Judgment(node_id="F", text=_ASKED, page=2, status="met", facts=["F1"], method="model")
    checked = check_model_judgment(j, node, {f.id: f for f in low}, "Deferasirox")
    assert checked.status == "not_documented"
    high = _facts(_THEN, "History: MRI R2 liver iron 12/18/2025: 5.6 mg Fe/g dry weight.")
    j = Judgment(node_id="F", text=_ASKED, page=2, status="met", facts=["F2"], method="model")
    checked = check_model_judgment(j, node, {f.id: f for f in high}, "Deferasirox")
    assert checked.status == "met"
