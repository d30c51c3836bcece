"""A criterion that treatment start in hospital, read from where a fact says the requested
drug's first dose is given; other drugs' starts and unclear places decide nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.start_setting import judge_start_setting

_ASKED = "Therapy is started in a hospital where widget levels can be checked closely"
_DRUG = "Gizmotril 10 mg tablet"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_first_dose_on_the_ward_is_met_and_at_home_is_not() -> None:
    ward = _facts(
        "Plan: first dose of gizmotril on the ward 03/02/2027, widget levels every 6 hours."
    )
    assert judge_start_setting(_ASKED, ward, _DRUG)[0] == "met"  # type: ignore[index]
    home = _facts("Plan: discharge 03/02/2027 and take the first dose of gizmotril at home.")
    assert judge_start_setting(_ASKED, home, _DRUG)[0] == "not_met"  # type: ignore[index]


def test_unsure_starts_decide_nothing() -> None:
    # another drug started as an outpatient says nothing of the requested one
    other = _facts("Metformin started as an outpatient in 2019.")
    assert judge_start_setting(_ASKED, other, _DRUG) is None
    # in hospital, but nothing of the monitoring the criterion asks
    bare = _facts("Plan: first dose of gizmotril in hospital 03/02/2027.")
    assert judge_start_setting(_ASKED, bare, _DRUG) is None
    # both places in one clause
    both = _facts("First dose of gizmotril in hospital or at home, to be decided.")
    assert judge_start_setting(_ASKED, both, _DRUG) is None
    # a criterion that asks no hospital start
    assert judge_start_setting("Therapy is started at a low dose", both, _DRUG) is None
