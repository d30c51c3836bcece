"""A bound negated right before it, imaging that must show no growth, readings written
after a parenthesis or "fell to a lowest value of", and a comparison with the value at
the start of a drug: read by code where sure, None otherwise."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.analytes import readings_of
from pipeline.policy.comparison import judge_comparison
from pipeline.policy.imaging_findings import judge_imaging_findings
from pipeline.policy.measures import judge_measure
from pipeline.policy.negated_bounds import negated_op

GH = "Growth hormone not suppressed below 1 ng/mL after a 75 g oral glucose load"
MRI = "Pituitary MRI in the last 12 months shows no tumor growth"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=f"History: {t}") for i, t in enumerate(texts, 1)]


def test_negated_bound_turns_the_comparison() -> None:
    def op(text: str, word: str, written: str) -> str | None:
        return negated_op(text, text.index(word), written)

    assert op("GH not suppressed below 1", "below", "<") == ">="
    assert op("platelets not reduced below 50", "below", "<") == ">="
    # "must not be above 7": the bound's own negation turns it ("7 or less")
    assert op("GH must not be above 7", "above", ">") == "<="
    # a denial before another statement's words is measures.py's reading of absence
    assert op("does not have renal impairment (CrCl below 30)", "below", "<") == "<"
    assert op("GH below 1", "below", "<") == "<"
    assert op("GH not between 1 and 2", "between", "between") is None
    # a multiple of a normal limit is no value: nobody reads it as one
    assert op("ALT under 5 times normal", "under", "<") is None


def test_negated_growth_hormone_bound() -> None:
    high = _facts("Oral glucose tolerance test, 75 g, 03/2025: lowest growth hormone 3.4 ng/mL.")
    low = _facts("OGTT 75 g: growth hormone fell to a lowest value of 0.4 ng/mL at 90 minutes.")
    assert judge_measure(GH, high)[0] == "met"
    assert judge_measure(GH, low)[0] == "not_met"
    # without the negation the same reading fails: the bound is read as written
    assert judge_measure("Growth hormone below 1 ng/mL", high)[0] == "not_met"
    # no growth hormone reading: nothing decided
    assert judge_measure(GH, _facts("Oral glucose tolerance test done 03/2025.")) is None


def test_bridge_reads_past_a_parenthesis_and_a_nadir() -> None:
    clause = "IGF-1 on 10/07/2025 (17 weeks after surgery): 398 ng/mL"
    assert [v for v, _ in readings_of("IGF-1", clause)] == [398.0]
    assert [v for v, _ in readings_of("growth hormone", "GH fell to 0.4 ng/mL")] == [0.4]
    # "growth hormone-releasing hormone" is another test
    assert readings_of("growth hormone", "growth hormone-releasing hormone 12 pg/mL") == []


def test_imaging_in_window_shows_no_growth() -> None:
    today = "Endocrinology 01/08/2026: seen."
    stable = _facts(today, "Pituitary MRI 11/18/2025: residual tumor 6 mm, unchanged from 05/2025.")
    grown = _facts(today, "Pituitary MRI 11/18/2025: residual tumor grew to 9 mm.")
    assert judge_imaging_findings(MRI, stable)[0] == "met"
    assert judge_imaging_findings(MRI, grown)[0] == "not_met"
    # near cases that must abstain: too old, undated, no word on growth, another study
    old = _facts(today, "Pituitary MRI 11/18/2023: residual tumor unchanged.")
    assert judge_imaging_findings(MRI, old) is None
    assert judge_imaging_findings(MRI, _facts(today, "Pituitary MRI: tumor unchanged.")) is None
    assert judge_imaging_findings(MRI, _facts(today, "Pituitary MRI 11/18/2025: 6 mm.")) is None
    assert judge_imaging_findings(MRI, _facts(today, "Chest CT 11/18/2025: stable.")) is None


def test_comparison_with_the_start_and_a_has_phrase() -> None:
    igf = _facts(
        "Pegvisomant after octreotide left IGF-1 high.",
        "IGF-1 410 ng/mL when pegvisomant was started (06/2025; reference 70-220) and 231 "
        "ng/mL on 12/29/2025.",
    )
    assert judge_comparison("IGF-1 lower than at the start of pegvisomant", igf)[0] == "met"
    chorea = _facts(
        "UHDRS Total Maximal Chorea score 14 at baseline (12/2024) and 15 on 01/09/2026."
    )
    asks = "has a Total Maximal Chorea score lower than the baseline score;"
    assert judge_comparison(asks, chorea)[0] == "not_met"
    # one value only, or no mark of which came first: nothing decided
    assert judge_comparison(asks, _facts("Total Maximal Chorea score 8 on 01/09/2026.")) is None
    assert judge_comparison(asks, _facts("Total Maximal Chorea score 14 and 8.")) is None
