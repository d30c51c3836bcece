"""Tests asked to have results on file, whatever they are (results_on_file.py): met where
every named test has a result word or value in the record; a test not mentioned, or
results asked from before the first dose on a renewal, decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.results_on_file import judge_results_on_file

_ASKED = (
    "Hepatitis B surface antigen and core antibody results from before the first dose are on file"
)


def _facts(request: str, history: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text=f"Requested ({request}): Epclusa 1 tablet daily, 12 weeks."),
        CaseFact(id="F2", text=f"History: {history}"),
    ]


_BOTH = "Hepatitis B surface antigen negative and hepatitis B core antibody negative on 12/15/2025."


def test_every_named_test_with_a_result_meets_it() -> None:
    found = judge_results_on_file(_ASKED, _facts("initial", _BOTH))
    assert found is not None and found[0] == "met" and found[1] == ["F2"]


def test_near_cases_decide_nothing() -> None:
    only_one = "Hepatitis B surface antigen negative on 12/15/2025."
    assert judge_results_on_file(_ASKED, _facts("initial", only_one)) is None
    assert judge_results_on_file(_ASKED, _facts("continuation", _BOTH)) is None
    ordered = "Hepatitis B surface antigen and core antibody ordered."
    assert judge_results_on_file(_ASKED, _facts("initial", ordered)) is None
