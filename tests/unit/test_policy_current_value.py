"""A bound on a measurement's value "at the time of the request" is judged on the latest
reading where readings with their own dates disagree; anything less sure decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


_NOW = "Widget clearance (WCL) of 40 mL/min or more at the time of the request"


def test_the_latest_dated_reading_decides_a_current_value() -> None:
    low_now = _facts("Labs: WCL 31 mL/min on 03/04/2027 (WCL 47 on 02/2026).")
    assert judge_measure(_NOW, low_now)[0] == "not_met"  # type: ignore[index]
    high_now = _facts("Labs: WCL 47 mL/min on 03/04/2027 (WCL 31 on 02/2026).")
    assert judge_measure(_NOW, high_now)[0] == "met"  # type: ignore[index]
    # the readings may sit in separate facts
    apart = _facts("Labs: WCL 52 mL/min on 05/2025.", "Labs: WCL 33 mL/min on 03/04/2027.")
    assert judge_measure("Current WCL of 40 mL/min or more", apart)[0] == "not_met"  # type: ignore[index]


def test_disagreeing_readings_still_decide_nothing_where_it_is_not_sure() -> None:
    # the criterion does not ask the current value
    assert (
        judge_measure(
            "Widget clearance (WCL) of 40 mL/min or more",
            _facts("Labs: WCL 31 mL/min on 03/04/2027 (WCL 47 on 02/2026)."),
        )
        is None
    )
    # one reading has no date of its own
    assert judge_measure(_NOW, _facts("Labs: WCL 31 mL/min on 03/04/2027 (WCL 47 before).")) is None
    # a month and year that may be the same day as the other reading
    assert (
        judge_measure(_NOW, _facts("Labs: WCL 31 mL/min on 03/04/2027 (WCL 47 in 03/2027)."))
        is None
    )


def test_a_value_on_treatment_is_no_reading_taken_before_it() -> None:
    asked = "A widget chloride value below 60 mmol/L on treatment"
    before = "Widget chloride before zentrafib (06/2025): 96 mmol/L. On zentrafib (01/2026): 41."
    # the one reading the rules find is the one before treatment: it decides nothing
    assert judge_measure(asked, _facts(before)) is None
    assert judge_measure(asked, _facts("Widget chloride on zentrafib: 41 mmol/L."))[0] == "met"  # type: ignore[index]
    # without "on treatment" the reading is read as before
    assert judge_measure("A widget chloride value below 60 mmol/L", _facts(before))[0] == "not_met"  # type: ignore[index]


def test_later_readings_listed_after_the_first_decide_a_value_still_asked() -> None:
    asked = "eGFR is still 45 mL/min/1.73 m2 or higher"
    low = _facts(
        "eGFR 61 mL/min/1.73 m2 in 05/2025 before zentrafib; 44 mL/min/1.73 m2 on "
        "02/02/2026 and 41 on 03/01/2026."
    )
    assert judge_measure(asked, low)[:2] == ("not_met", ["F1"])  # type: ignore[index]
    high = _facts(
        "eGFR 61 mL/min/1.73 m2 in 05/2025 before zentrafib; 52 mL/min/1.73 m2 on 02/02/2026."
    )
    assert judge_measure(asked, high)[0] == "met"  # type: ignore[index]
    # a number neither in the first reading's unit nor dated is no reading of the test
    other = _facts("eGFR 61 mL/min/1.73 m2 in 05/2025, 3 widget flares since then.")
    assert judge_measure(asked, other)[0] == "met"  # type: ignore[index]
    # a criterion that does not ask the value now reads the first one, as before
    assert judge_measure("eGFR of 45 mL/min/1.73 m2 or higher", low)[0] == "met"  # type: ignore[index]
