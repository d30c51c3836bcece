"""A measurement now held against its baseline, read by code from a fact that gives it under
an earlier and a later label (labelled_readings.py); a prescriber criterion in plain words
("A prescription from a X") read as one (fields.classify)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.fields import classify
from pipeline.policy.labelled_readings import judge_labelled_readings


def _fact(text: str) -> list[CaseFact]:
    return [CaseFact(id="F3", text=f"History: {text}")]


SAME = "Walking stage the same or lower than at baseline"
WITHIN = "Gait index or GI within 5 points of the baseline value"


def test_a_stage_the_same_or_lower_than_at_baseline() -> None:
    steady = _fact("Baseline 03/2025: walking stage II, gait index 20. Now: walking stage II.")
    assert judge_labelled_readings(SAME, steady)[0] == "met"
    worse = _fact("Baseline 03/2025: walking stage IIa. Currently 03/2026: walking stage IIIb.")
    assert judge_labelled_readings(SAME, worse)[0] == "not_met"
    better = _fact("Baseline 03/2025: walking stage IV. Now: walking stage III.")
    assert judge_labelled_readings(SAME, better)[0] == "met"


def test_within_points_of_baseline_reads_the_first_alternative_the_fact_gives() -> None:
    near = _fact("Baseline 03/2025: GI 20, walking stage II. Now 03/2026: GI 24.")
    status, cited, why = judge_labelled_readings(WITHIN, near)
    assert (status, cited) == ("met", ["F3"]) and "4" in why
    far = _fact("Baseline 03/2025: gait index 20. Now 03/2026: gait index 31.")
    assert judge_labelled_readings(WITHIN, far)[0] == "not_met"


def test_no_labels_or_one_reading_decides_nothing() -> None:
    assert judge_labelled_readings(SAME, _fact("Walking stage II, unchanged.")) is None
    one = _fact("Baseline 03/2025: walking stage II. Now 03/2026: walks a mile.")
    assert judge_labelled_readings(SAME, one) is None
    assert judge_labelled_readings("Walking stage II or lower", one) is None


def test_a_prescription_from_a_specialist_is_a_prescriber_criterion() -> None:
    kind, fields = classify("A prescription from a rheumatologist or a pain clinic physician", [])
    assert kind == "prescriber" and "rheumatologist" in fields["specialties"]
    assert classify("The member has a prescription from the clinic", [])[0] != "prescriber"


def test_a_score_at_least_n_points_below_the_score_before() -> None:
    from pipeline.policy.comparison import judge_comparison

    asked = "Fatigue Severity Scale score at least 4 points below the score before the drug"
    fell = _fact("Fatigue Severity Scale: 40 before the drug (02/2025); 30 on 02/10/2026.")
    assert judge_comparison(asked, fell)[0] == "met"
    barely = _fact("Fatigue Severity Scale: 40 before the drug (02/2025); 38 on 02/10/2026.")
    assert judge_comparison(asked, barely)[0] == "not_met"
    assert judge_comparison(asked, _fact("Fatigue Severity Scale 38 on 02/10/2026.")) is None


def test_no_sedative_or_other_cns_depressant_being_taken() -> None:
    from pipeline.policy.current_use import judge_current_use

    asked = "No hypnotic, benzodiazepine or other CNS depressant is being taken"
    on_one = [CaseFact(id="F2", text="Current medicines: lisinopril, eszopiclone 2 mg nightly.")]
    assert judge_current_use(asked, on_one)[0] == "not_met"
    on_none = _fact("No sleeping pills, benzodiazepines or opioids.")
    assert judge_current_use(asked, on_none)[0] == "met"
    assert judge_current_use(asked, _fact("Sleeps well.")) is None
