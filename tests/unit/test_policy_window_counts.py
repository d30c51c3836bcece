"""A count over a window ("at least 6 units in the 24 weeks before the request") read from a
note's total over a window of the same length."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.window_counts import judge_window_count

ASKED = "at least 6 units in the 24 weeks before the request"
MORE = ASKED + " with no transfusion-free period longer than 6 weeks"
RECORD = "History: Transfusion record 07/28/2025 to 01/12/2026 (24 weeks): {}; longest gap 24 days."


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_total_below_the_count_is_not_met_whatever_else_it_asks() -> None:
    few = facts(RECORD.format("1 unit of red cells on 08/04 and 09/08/2025, 5 units in total"))
    assert judge_window_count(MORE, few)[:2] == ("not_met", ["F1"])
    assert judge_window_count(ASKED, few)[0] == "not_met"


def test_a_total_that_reaches_it_is_met_only_where_nothing_more_is_asked() -> None:
    many = facts(RECORD.format("2 units of packed red cells every 3 weeks, 16 units in total"))
    assert judge_window_count(ASKED, many)[:2] == ("met", ["F1"])
    assert judge_window_count(MORE, many) is None  # the gap is a second requirement


def test_a_window_of_another_length_or_long_past_decides_nothing() -> None:
    other = facts("History: 5 units in total (12 weeks).")
    assert judge_window_count(ASKED, other) is None
    old = facts(
        "History: Transfusion record 01/01/2023 to 06/18/2023 (24 weeks): 16 units in total.",
        "History: CBC 01/12/2026: hemoglobin 9.1 g/dL.",
    )
    assert judge_window_count(ASKED, old) is None
    # a count of days is no count of things
    assert judge_window_count("at least 3 days in the 4 weeks before", other) is None
