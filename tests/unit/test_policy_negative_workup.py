"""Tests asked to show a finding absent (negative_workup.py): met where one fact names
every test and denies the finding; a test missing, the finding named plainly anywhere, or
alternatives decide nothing. And a criterion of two statements joined by ", with" read in
parts: met where both are, never denied by a part (readers.py)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.negative_workup import judge_negative_workup
from pipeline.policy.readers import read_criterion

_ASKED = "serum and urine immunofixation and a free light chain ratio showing no monoclonal protein"
_CLEAR = (
    "History: Serum and urine immunofixation negative for a monoclonal protein 12/2025; "
    "serum free kappa/lambda ratio 1.21 (normal)."
)


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_every_test_named_with_the_finding_denied_is_met() -> None:
    met = judge_negative_workup(_ASKED, _facts("History: Echo 11/2025: septum 17 mm.", _CLEAR))
    assert met is not None and met[0] == "met" and met[1] == ["F2"]
    no_protein = "Protein electrophoresis and immunofixation with no M-spike"
    seen = _facts("History: Protein electrophoresis and immunofixation: no M-spike.")
    assert judge_negative_workup(no_protein, seen) is not None


def test_near_cases_decide_nothing() -> None:
    # a test not named (no light chain ratio)
    partial = "History: Serum and urine immunofixation negative for a monoclonal protein."
    assert judge_negative_workup(_ASKED, _facts(partial)) is None
    # the finding named without a denial anywhere
    found = "History: Serum free light chain ratio 3.2; monoclonal protein seen on urine study."
    assert judge_negative_workup(_ASKED, _facts(_CLEAR, found)) is None
    # the tests named, the finding not spoken of
    silent = "History: Serum and urine immunofixation and free light chain ratio sent."
    assert judge_negative_workup(_ASKED, _facts(silent)) is None
    # alternatives among the tests; a criterion of another shape
    either = "serum or urine immunofixation showing no monoclonal protein"
    assert judge_negative_workup(either, _facts(_CLEAR)) is None
    assert judge_negative_workup("Monoclonal protein is present", _facts(_CLEAR)) is None


def test_a_statement_with_a_second_one_is_met_only_where_both_are() -> None:
    asked = "a pyrophosphate scan read as grade 2 or 3, with " + _ASKED
    scan = "History: Technetium-99m pyrophosphate scan 12/03/2025: Perugini grade 3 uptake."
    met = read_criterion(asked, _facts(scan, _CLEAR), "Tafamidis", "")
    assert met is not None and met[0] == "met" and met[1] == ["F1", "F2"]
    # a part not met: "with" may only qualify the first, so nothing is denied
    low = "History: Technetium-99m pyrophosphate scan 12/03/2025: Perugini grade 1 uptake."
    assert read_criterion(asked, _facts(low, _CLEAR), "Tafamidis", "") is None
    # a part unread: nothing
    assert read_criterion(asked, _facts(scan), "Tafamidis", "") is None
