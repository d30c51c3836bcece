"""The reason a measured reading gives against a bound: the measurement rules write it with
one constructor, and the decision reads a failed one back with its matcher (held_denials.py,
``reading_on_drug``), whichever rule wrote it."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure
from pipeline.policy.reading_reasons import failed_reading, reading_reason
from pipeline.policy.unit_named import judge_unit_named


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_failed_reading_is_read_back_from_either_rule() -> None:
    assert (
        reading_reason("610 ng/dL", False, "< 300 ng/dL")
        == "documented 610 ng/dL fails < 300 ng/dL"
    )
    assert failed_reading(reading_reason("5 %", False, ">= 10 %"))
    assert not failed_reading(reading_reason("12 %", True, ">= 10 %"))
    measured = judge_measure(
        "Scarring of at least 10% of the lungs", _facts("CT: 5% of the lungs.")
    )
    assert measured is not None and measured[0] == "not_met" and failed_reading(measured[2])
    asked = "Current factor IX inhibitor titer of 5 Bethesda units or more"
    titer = judge_unit_named(asked, _facts("Titer 1.2 BU on 01/2027, peak 3 BU."))
    assert titer is not None and titer[0] == "not_met" and failed_reading(titer[2])
    assert titer[2] == "documented 1.2, 3 BU fails >= 5"  # its wording, as before
