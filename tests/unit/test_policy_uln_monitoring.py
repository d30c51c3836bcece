"""Bounds by a multiple of the upper limit of normal, tests repeated at least so often,
and two statements joined by a bare comma: read by code where sure, None otherwise."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.comma_statements import read_comma_statements
from pipeline.policy.measures import judge_measure
from pipeline.policy.monitoring_frequency import judge_monitoring_frequency
from pipeline.policy.readers import read_criterion
from pipeline.policy.reference_range import judge_range
from pipeline.policy.uln_multiples import has_multiple, judge_uln_multiple

LIVER = "Liver tests done at least every 3 months, ALT and AST under 5 times normal"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=f"History: {t}") for i, t in enumerate(texts, 1)]


def _labs(alt: int, ast: int, how: str = "checked monthly 08/2025 to 12/2025") -> str:
    return f"ALT and AST {how}; latest 12/29/2025: ALT {alt} U/L, AST {ast} U/L (upper limit 40)."


def test_multiple_of_normal_is_a_ratio_not_a_value() -> None:
    facts = _facts(_labs(38, 31))
    assert has_multiple("ALT and AST under 5 times normal")
    # the raw number is never compared with the multiple (31 is not "under 5")
    assert judge_measure("ALT and AST under 5 times normal", facts) is None
    assert judge_uln_multiple("ALT and AST under 5 times normal", facts)[0] == "met"
    failed = judge_uln_multiple("ALT and AST under 5 times normal", _facts(_labs(232, 214)))
    assert failed is not None and failed[0] == "not_met"


def test_multiple_forms_and_reference_range_limit() -> None:
    facts = _facts("ALT 120 U/L (reference 7-40 U/L).")
    assert judge_uln_multiple("ALT no higher than 3 times the upper limit of normal", facts)[0] == (
        "met"
    )
    assert judge_uln_multiple("ALT below 2 x ULN", facts)[0] == "not_met"


def test_multiple_without_a_written_limit_abstains() -> None:
    # no laboratory limit written: the ratio cannot be computed
    assert judge_uln_multiple("ALT and AST under 5 times normal", _facts("ALT 38, AST 31.")) is None
    # one of the named tests not documented at all
    only_alt = _facts("ALT 38 U/L (upper limit 40).")
    assert judge_uln_multiple("ALT and AST under 5 times normal", only_alt) is None
    # readings that disagree
    two = _facts("ALT 38 U/L (upper limit 40).", "ALT 400 U/L (upper limit 40).")
    assert judge_uln_multiple("ALT under 5 times normal", two) is None
    # the bound is one statement of several: not this reader's alone
    assert judge_uln_multiple(LIVER, _facts(_labs(38, 31))) is None


def test_monitoring_frequency() -> None:
    asks = "Liver tests done at least every 3 months"
    assert judge_monitoring_frequency(asks, _facts(_labs(38, 31)))[0] == "met"
    rare = _facts(_labs(38, 31, how="checked every 6 months"))
    assert judge_monitoring_frequency(asks, rare)[0] == "not_met"
    assert judge_monitoring_frequency("CBC monitored every 4 weeks", _facts("CBC weekly done."))
    # near cases that must abstain: no frequency, a plan, another test, a dose's interval
    assert judge_monitoring_frequency(asks, _facts("ALT 38 U/L, AST 31 U/L.")) is None
    assert judge_monitoring_frequency(asks, _facts("ALT and AST will be checked monthly.")) is None
    assert judge_monitoring_frequency(asks, _facts("Creatinine checked monthly.")) is None
    assert judge_monitoring_frequency(asks, _facts("Octreotide every 4 weeks.")) is None


def test_comma_statements_need_both_read() -> None:
    known = {"alpha beta gamma": ("met", ["F1"], "a"), "delta eps zeta": ("not_met", [], "d")}

    def read(part: str):  # a scripted reader: only statements it knows
        return known.get(part)

    assert read_comma_statements("alpha beta gamma, alpha beta gamma", read)[0] == "met"
    assert read_comma_statements("alpha beta gamma, delta eps zeta", read)[0] == "not_met"
    assert read_comma_statements("alpha beta gamma, unknown words here", read) is None
    assert read_comma_statements("alpha beta gamma, or delta eps zeta", read) is None
    assert read_comma_statements("alpha beta gamma, delta, alpha beta gamma", read) is None


def test_compound_liver_criterion_through_the_readers() -> None:
    drug = "Somavert (pegvisomant) 15 mg"
    assert read_criterion(LIVER, _facts(_labs(38, 31)), drug, "")[0] == "met"
    assert read_criterion(LIVER, _facts(_labs(232, 214)), drug, "")[0] == "not_met"
    # the frequency is not documented: one statement unread, so no verdict by code
    unmonitored = _facts("ALT 38 U/L, AST 31 U/L (upper limit 40).")
    assert read_criterion(LIVER, unmonitored, drug, "") is None


def test_reference_range_after_words_in_its_parentheses() -> None:
    facts = _facts("IGF-1 512 ng/mL (age- and sex-matched reference 88-237).")
    assert judge_range("IGF-1 above the upper limit of normal", facts)[0] == "met"
    facts = _facts("IGF-1 231 ng/mL (12/2025; reference 70-220).")
    assert judge_range("IGF-1 within the normal range", facts)[0] == "not_met"


def test_prescriber_as_subject() -> None:
    from pipeline.policy.prescriber_named import judge_prescriber_named

    seen = _facts("Endocrinology 01/15/2026 (Dr. Priya Raman, endocrinologist): hands larger.")
    assert judge_prescriber_named("Endocrinologist prescribes", seen)[0] == "met"
    assert judge_prescriber_named("A neurologist or psychiatrist prescribes", seen) is None
    # near cases: another specialist, or words that are no prescriber
    other = _facts("Seen by Dr. Lee, cardiologist.")
    assert judge_prescriber_named("Endocrinologist prescribes", other) is None
    assert judge_prescriber_named("Patient prescribes", seen) is None
    # "... or has been consulted": the same specialist in either role; another one is unread
    consulted = "An endocrinologist prescribes it or has been consulted."
    assert judge_prescriber_named(consulted, seen)[0] == "met"
    assert judge_prescriber_named(consulted, other) is None
