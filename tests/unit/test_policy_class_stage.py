"""A class or stage in Roman numerals ("MGFA clinical class II, III or IV") read against the
one a note states on the same scale."""

from __future__ import annotations

import pytest

from pipeline.models import CaseFact
from pipeline.policy.class_stage import judge_class_stage

MGFA = "Myasthenia Gravis Foundation of America (MGFA) clinical class II, III or IV"


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("criterion", "note", "status"),
    [
        (MGFA, "History: generalized myasthenia since 2021; MGFA class IIIb.", "met"),
        (MGFA, "History: ocular myasthenia only, MGFA class I.", "not_met"),
        ("WHO functional class II to IV", "History: WHO functional class III.", "met"),
        ("FIGO stage III or higher", "History: serous carcinoma, FIGO stage IIIC.", "met"),
        ("NYHA class II or III", "History: NYHA class III, breathless walking.", "met"),
        ("FIGO stage III or higher", "History: serous carcinoma, FIGO stage IC.", "not_met"),
    ],
)
def test_a_class_on_the_criterion_scale(criterion: str, note: str, status: str) -> None:
    assert judge_class_stage(criterion, facts(note))[0] == status


def test_another_scale_or_a_class_that_changed_decides_nothing() -> None:
    asked = "NYHA class II or III"
    more = facts("History: NYHA class III heart failure.")
    assert judge_class_stage(asked + " heart failure despite diuretics", more) is None
    assert judge_class_stage(asked, facts("History: WHO functional class IV.")) is None
    changed = facts("History: NYHA class IV at diagnosis; now class II.")
    assert judge_class_stage(asked, changed) is None
    assert judge_class_stage(MGFA, facts("History: not MGFA class V.")) is None
