"""Safety monitoring read by code (monitoring_schedule.py): tests checked on a schedule, met
where one clause says the schedule and names every test; examinations within a window, each
known by a note's words for it (audiology, ophthalmology), met where each is dated inside
it and not met where one is dated only outside; near cases decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.monitoring_frequency import (
    MONTH,
    asked_interval,
    judge_monitoring_frequency,
    said_intervals,
)
from pipeline.policy.monitoring_schedule import judge_monitoring

_MONTHLY = "Serum creatinine and urine protein checked every month"
_EXAMS = "Hearing and eye examinations done within the past 12 months"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_tests_on_their_schedule_are_met() -> None:
    kept = _facts(
        "History: Monthly creatinine and urine protein/creatinine ratio all of 2025: "
        "creatinine 0.6-0.7 mg/dL, no proteinuria."
    )
    met = judge_monitoring(_MONTHLY, kept)
    assert met is not None and met[0] == "met" and met[1] == ["F1"]


def test_near_schedules_decide_nothing() -> None:
    # a test missing from the clause, another schedule, the schedule not kept
    assert judge_monitoring(_MONTHLY, _facts("History: Monthly creatinine 0.6 mg/dL.")) is None
    quarterly = _facts("History: Creatinine and urine protein every 3 months.")
    assert judge_monitoring(_MONTHLY, quarterly) is None
    missed = _facts("History: Monthly creatinine and urine protein not done since 06/2025.")
    assert judge_monitoring(_MONTHLY, missed) is None


def _seen(when: str) -> list[CaseFact]:
    return _facts(
        "History: Hematology 01/13/2026: thalassemia intermedia.",
        f"History: Audiology {when} normal; ophthalmology with slit lamp and fundus exam "
        f"{when} normal.",
    )


def test_examinations_dated_inside_the_window_are_met_and_outside_not_met() -> None:
    met = judge_monitoring(_EXAMS, _seen("06/2025"))
    assert met is not None and met[0] == "met" and met[1] == ["F2"]
    late = judge_monitoring(_EXAMS, _seen("03/2024"))
    assert late is not None and late[0] == "not_met"


def test_near_examinations_decide_nothing() -> None:
    # one examination not mentioned
    ears = _facts("History: Seen 01/13/2026.", "History: Audiology 06/2025 normal.")
    assert judge_monitoring(_EXAMS, ears) is None
    # undated, or denied
    assert judge_monitoring(_EXAMS, _seen("last year")) is None
    denied = _facts("History: Seen 01/13/2026.", "History: No audiology or eye exam since 2023.")
    assert judge_monitoring(_EXAMS, denied) is None
    # an examination of no known kind
    skin = "Skin and eye examinations done within the past 12 months"
    assert judge_monitoring(skin, _seen("06/2025")) is None


def test_one_reading_of_how_often() -> None:
    # the criterion's and the note's intervals, read in monitoring_frequency.py for both judges
    assert asked_interval("CBC monitored every 4 weeks or more often") == ("CBC", 4.0)
    assert asked_interval("Creatinine is checked at least once a month") == ("Creatinine", MONTH)
    assert said_intervals("ALT monthly, bilirubin every 2 weeks") == [MONTH, 2.0]
    every = "Serum creatinine and urine protein checked at least every 1 month"
    kept = _facts("History: Creatinine and urine protein checked each month in 2025.")
    met = judge_monitoring(every, kept)
    assert met is not None and met[:2] == ("met", ["F1"])
    # a monthly criterion is read by the frequency judge too, where the note says the interval
    rare = _facts("History: CBC checked every 3 months.")
    assert judge_monitoring_frequency("CBC monitored monthly", rare)[0] == "not_met"
