"""Readers for criterion kinds first met on unseen policies: a scale's abbreviation written
out in the note, an event dated inside or outside a window, something that goes on or
stopped, something that was not prescribed; each with the near cases that must decide
nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.adherence_share import judge_adherence_share
from pipeline.policy.alternative_considered import judge_alternative_considered
from pipeline.policy.event_recency import judge_event_recency
from pipeline.policy.frequency_change import judge_frequency_change
from pipeline.policy.judge import check_model_judgment
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Judgment, PolicyNode
from pipeline.policy.paired_change import judge_paired_change
from pipeline.policy.provision_denied import judge_provision_denied
from pipeline.policy.restated import judge_restated
from pipeline.policy.spelled_abbreviations import mentions, spelled_spans
from pipeline.policy.still_in_use import judge_still_in_use
from pipeline.policy.symptom_span import judge_symptom_span
from pipeline.policy.timed_alternatives import judge_timed_alternatives
from pipeline.policy.trial_without_change import judge_trial_without_change
from pipeline.policy.unit_phrase_conflict import unit_phrase_fails
from pipeline.policy.workup_not_done import judge_workup_done, judge_workup_not_done


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_an_abbreviation_is_found_spelled_out() -> None:
    assert mentions("HAM-D", "Hamilton depression rating (17-item) 28")
    assert mentions("PHQ-9", "Patient Health Questionnaire 9 score 14")
    # one inner letter a long abbreviation's note leaves out
    assert mentions("EPDS", "Edinburgh postnatal scale 23")
    assert not mentions("HAM-D", "Hamilton anxiety rating 20")  # another scale
    assert not mentions("EPDS", "every patient dose")  # small words spell nothing
    assert not spelled_spans("MADRS", "Montgomery scale 30")  # two letters missing


def test_a_score_named_by_its_abbreviation_is_read_from_the_written_out_name() -> None:
    text = "Severe anxiety, with a GAD-A score of 15 or more, or a PSWQ of 60 or more"
    worry = "Penn State Worry Questionnaire"
    met = _facts(f"History: Generalised anxiety assessment (7-item) 18; {worry} 66.")
    low = _facts(f"History: Generalised anxiety assessment (7-item) 9; {worry} 41.")
    assert _status(judge_measure(text, met)) == "met"
    assert _status(judge_measure(text, low)) == "not_met"
    # one alternative met and the other not: the rules do not decide between them
    mixed = _facts(f"History: Generalised anxiety assessment 18; {worry} 41.")
    assert judge_measure(text, mixed) is None
    # the item count joined to its word ("7-item") is no reading of the score
    only = _facts("History: Generalised anxiety assessment (7-item) 18.")
    assert _status(judge_measure("GAD-A score of 15 or more", only)) == "met"


def test_an_event_dated_inside_or_outside_the_window() -> None:
    text = "Surgery was within the last 3 months"
    seen = "History: Clinic visit 04/20/2026."
    inside = _facts(seen, "History: Surgery (knee replacement) on 03/02/2026.")
    outside = _facts(seen, "History: Surgery 09/15/2025; recovered since.")
    ago = _facts("History: Surgery about 7 months ago.")
    assert _status(judge_event_recency(text, inside)) == "met"
    assert _status(judge_event_recency(text, outside)) == "not_met"
    assert _status(judge_event_recency(text, ago)) == "not_met"
    # near the window's edge, undated, or another event: nothing
    edge = _facts(seen, "History: Surgery 01/25/2026.")
    assert judge_event_recency(text, edge) is None
    assert judge_event_recency(text, _facts(seen, "History: Surgery was uneventful.")) is None
    assert judge_event_recency(text, _facts(seen, "History: Biopsy 03/02/2026.")) is None
    # two dated mentions on both sides of the window: nothing
    both = _facts(seen, "History: Surgery 03/02/2026.", "History: Surgery 06/2025.")
    assert judge_event_recency(text, both) is None


def test_something_that_goes_on_or_stopped() -> None:
    text = "Member is still taking an opioid daily"
    going = _facts("History: hydromorphone 4 mg three times daily continues, refilled monthly.")
    stopped = _facts("History: morphine was tapered and stopped on 01/05/2026; no opioid since.")
    assert _status(judge_still_in_use(text, going)) == "met"  # a drug of the class named
    assert _status(judge_still_in_use(text, stopped)) == "not_met"
    # goes on, but not said to be daily; or both said: nothing
    weekly = _facts("History: fentanyl patch continues.")
    assert judge_still_in_use(text, weekly) is None
    assert judge_still_in_use(text, going + _facts("History: morphine stopped 02/2026.")) is None
    diet = "Ketogenic diet is still being followed"
    kept = _facts("History: Dietitian 03/2026: she keeps to her ketogenic diet.")
    quit_ = _facts("History: Dietitian 03/2026: the family stopped the ketogenic diet in 02/2026.")
    assert _status(judge_still_in_use(diet, kept)) == "met"
    assert _status(judge_still_in_use(diet, quit_)) == "not_met"
    assert judge_still_in_use(diet, _facts("History: Diet reviewed.")) is None


def test_a_thing_stated_not_prescribed() -> None:
    text = "Rescue naloxone kit prescribed and the carer trained to use it"
    none = _facts("History: No rescue naloxone kit has been prescribed; to discuss next visit.")
    not_yet = _facts("History: The rescue naloxone kit has not yet been prescribed.")
    assert _status(judge_provision_denied(text, none)) == "not_met"
    assert _status(judge_provision_denied(text, not_yet)) == "not_met"
    # the thing named in part, something else not prescribed, or the thing prescribed
    assert judge_provision_denied(text, _facts("History: No kit has been prescribed.")) is None
    other = _facts("History: Naloxone kit prescribed; no spacer has been prescribed.")
    assert judge_provision_denied(text, other) is None
    assert judge_provision_denied(text, _facts("History: Rescue naloxone kit prescribed.")) is None


def test_a_site_states_the_center_a_criterion_asks() -> None:
    text = "The infusion will be given at a certified center with continuous pulse oximetry"
    fact = _facts(
        "History: Infusion to run on the ward, a REMS-certified site, with continuous pulse "
        "oximetry."
    )
    assert _status(judge_restated(text, fact)) == "met"
    bare = _facts("History: Infusion on the ward with pulse oximetry.")
    assert judge_restated(text, bare) is None


def test_a_measurement_moved_by_a_percent_from_before_treatment() -> None:
    text = "Shuttle walk distance has risen by at least 10% from the pre-treatment value"
    up = _facts("History: Shuttle walk: 300 m before treatment (05/2025) and 345 m on 01/10/2026.")
    flat = _facts(
        "History: Shuttle walk: 300 m before treatment (05/2025) and 312 m on 01/10/2026."
    )
    assert _status(judge_paired_change(text, up)) == "met"
    assert _status(judge_paired_change(text, flat)) == "not_met"
    # no reading marked as before, or later readings on both sides: nothing
    assert judge_paired_change(text, _facts("History: Shuttle walk 300 m and 345 m.")) is None
    both = _facts("History: Shuttle walk 300 m before treatment, 345 m in 11/2025 and 305 m now.")
    assert judge_paired_change(text, both) is None
    fell = "Blood tyrosine fell by at least 30% from baseline during the trial"
    drop = _facts("History: Tyrosine 620 umol/L before the trial and 380 umol/L after 4 weeks.")
    assert _status(judge_paired_change(fell, drop)) == "met"


def test_a_models_met_on_an_alternative_must_hold_each_of_its_bounds() -> None:
    text = "Ferritin below 100 ng/mL, or 100 to 299 ng/mL with transferrin saturation below 20%"
    node = PolicyNode(id="a", text=text, page=1, verified=True)
    high = {"F1": CaseFact(id="F1", text="History: Labs: ferritin 188 ng/mL, saturation 27%.")}
    low = {"F1": CaseFact(id="F1", text="History: Labs: ferritin 188 ng/mL, saturation 16%.")}
    said = Judgment(node_id="a", text=text, page=1, status="met", facts=["F1"], method="model")
    assert check_model_judgment(said, node, high).status == "not_documented"
    assert check_model_judgment(said, node, low).status == "met"


def test_a_share_of_doses_dispensed_against_its_bound() -> None:
    text = "Patient is adherent to treatment, with at least 80% of prescribed doses dispensed"
    every = _facts("History: Dispensing record: all 12 monthly supplies collected on time.")
    counted = _facts("History: Pharmacy: 7 of 12 monthly supplies collected.")
    share = _facts("History: Refill record shows 92% of prescribed doses dispensed.")
    assert _status(judge_adherence_share(text, every)) == "met"
    assert _status(judge_adherence_share(text, counted)) == "not_met"
    assert _status(judge_adherence_share(text, share)) == "met"
    # not all, nothing counted, or counts on both sides: nothing
    assert judge_adherence_share(text, _facts("History: Not all supplies collected.")) is None
    assert judge_adherence_share(text, _facts("History: Seen in clinic, doing well.")) is None
    assert judge_adherence_share(text, counted + share) is None


def test_a_count_that_became_more_frequent() -> None:
    text = "Bowel movements have become more frequent on the drug"
    up = _facts("History: Since 09/2025: bowel movements went from one a week to four a week.")
    down = _facts("History: bowel movements went from three a week to two or three a week.")
    assert _status(judge_frequency_change(text, up)) == "met"
    assert _status(judge_frequency_change(text, down)) == "not_met"
    # another unit, or another thing counted: nothing
    odd = _facts("History: bowel movements went from one a week to one a day.")
    assert judge_frequency_change(text, odd) is None
    other = _facts("History: headaches went from one a week to four a week.")
    assert judge_frequency_change(text, other) is None


def test_measurement_alternatives_read_at_a_named_time() -> None:
    text = (
        "Ferritin below 100 ng/mL, or 100 to 299 ng/mL with transferrin saturation below 20%, "
        "at the week 24 check"
    )
    old = "History: Before the first course ferritin was 42 ng/mL."
    low = _facts(old, "History: Week 24 labs: ferritin 74 ng/mL, transferrin saturation 16%.")
    mid = _facts(old, "History: Week 24 labs: ferritin 188 ng/mL, transferrin saturation 12%.")
    high = _facts(old, "History: Week 24 labs: ferritin 188 ng/mL, transferrin saturation 27%.")
    assert _status(judge_timed_alternatives(text, low)) == "met"
    assert _status(judge_timed_alternatives(text, mid)) == "met"  # the second alternative
    assert _status(judge_timed_alternatives(text, high)) == "not_met"  # the old 42 is not read
    # no fact names the time, or the saturation not given: nothing
    assert judge_timed_alternatives(text, _facts(old)) is None
    part = _facts("History: Week 24 labs: ferritin 188 ng/mL.")
    assert judge_timed_alternatives(text, part) is None


def test_a_drug_tried_long_enough_without_the_change_asked() -> None:
    text = "tried for at least 4 weeks without a 30% fall in tyrosine"
    stem = "Zentrafib was:"
    flat = _facts("History: Zentrafib 20 mg/kg daily for 6 weeks in 2023: tyrosine 900 -> 860.")
    fell = _facts("History: Zentrafib daily for 4 weeks: tyrosine fell (42% fall).")
    short = _facts("History: Zentrafib daily for 2 weeks: tyrosine 900 -> 880.")
    assert _status(judge_trial_without_change(text, flat, stem)) == "met"
    assert _status(judge_trial_without_change(text, fell, stem)) == "not_met"
    # a shorter trial, no drug named, or dates read as a change: nothing
    assert judge_trial_without_change(text, short, stem) is None
    assert judge_trial_without_change(text, flat, "One of the following:") is None
    dated = _facts("History: Zentrafib from 10/2025 to 12/2025 (8 weeks); tyrosine unchanged.")
    assert judge_trial_without_change(text, dated, stem) is None


def test_findings_stated_with_no_work_up_done() -> None:
    text = "Warning signs such as night sweats or weight loss have been evaluated, with a CT scan"
    both = _facts("History: Night sweats since 01/2026; no CT scan or other work-up has been done.")
    assert _status(judge_workup_not_done(text, both)) == "not_met"
    # one test not done (another may have evaluated them), no finding present, or none denied
    one = _facts("History: Night sweats since 01/2026; no CT scan has been done.")
    assert judge_workup_not_done(text, one) is None
    absent = _facts("History: No night sweats; no CT scan or other work-up has been done.")
    assert judge_workup_not_done(text, absent) is None
    assert judge_workup_not_done(text, _facts("History: Night sweats; CT scan normal.")) is None


def test_another_treatment_weighed_with_the_reason_it_does_not_suit() -> None:
    text = "Home infusion has been considered and the reason it is not suitable is recorded"
    said = _facts("History: Home infusion discussed: she cannot keep the line dry at work.")
    assert _status(judge_alternative_considered(text, said)) == "met"
    # weighed without a reason, a reason without weighing, not weighed, or another treatment
    assert judge_alternative_considered(text, _facts("History: Home infusion discussed.")) is None
    assert judge_alternative_considered(text, _facts("History: She cannot attend.")) is None
    never = _facts("History: Home infusion not considered because she cannot attend.")
    assert judge_alternative_considered(text, never) is None
    other = _facts("History: Clinic infusion discussed: she cannot attend.")
    assert judge_alternative_considered(text, other) is None


def test_a_hedged_absence_restated_by_a_plain_one() -> None:
    text = "No known or suspected mechanical bowel obstruction"
    plain = _facts("History: No history of bowel obstruction; x-ray shows no obstruction.")
    assert _status(judge_restated(text, plain)) == "met"
    suspected = _facts("History: Suspected bowel obstruction on CT 01/2026.")
    assert judge_restated(text, suspected) is None


def test_the_named_test_of_an_evaluation_with_its_result() -> None:
    text = "Warning signs such as night sweats have been evaluated, with endoscopy if indicated"
    done = _facts("History: Endoscopy 11/2025: normal, no mass; no night sweats since.")
    assert _status(judge_workup_done(text, done)) == "met"
    # the test not done, or named without a result: nothing
    assert (
        judge_workup_done(text, _facts("History: No endoscopy yet; endoscopy normal in 2019."))
        is None
    )
    assert judge_workup_done(text, _facts("History: Endoscopy booked for 05/2026.")) is None


def test_symptoms_lasting_a_span_with_a_count_below_its_bound() -> None:
    text = (
        "Symptoms have been present for at least 3 months, with fewer than three spontaneous "
        "bowel movements a week or abdominal pain relieved by defecation"
    )
    long_ = _facts("History: two bowel movements a week and straining for about 8 months.")
    assert _status(judge_symptom_span(text, long_)) == "met"
    # too short, too many, or no span given: nothing (another form may hold)
    short = _facts("History: two bowel movements a week for about 2 months.")
    many = _facts("History: four bowel movements a week for about 8 months.")
    bare = _facts("History: two bowel movements a week.")
    assert judge_symptom_span(text, short) is None
    assert judge_symptom_span(text, many) is None
    assert judge_symptom_span(text, bare) is None


def test_a_models_met_on_a_dose_rate_another_fact_exceeds_is_not_taken() -> None:
    text = "Dose is no more than 4 mg/kg per week"
    node = PolicyNode(id="d", text=text, page=1, verified=True)
    asked = "Requested (initial): Zentrafib 2 mg/kg twice a week (4 mg/kg per week)."
    request = CaseFact(id="F1", text=asked)
    said = Judgment(node_id="d", text=text, page=1, status="met", facts=["F1"], method="model")
    plan = CaseFact(id="F2", text="History: The team plans 6 mg/kg per week from the start.")
    same = CaseFact(id="F2", text="History: Weight 9 kg; 4 mg/kg per week in total.")
    assert check_model_judgment(said, node, {"F1": request, "F2": plan}).status == "not_documented"
    assert check_model_judgment(said, node, {"F1": request, "F2": same}).status == "met"
    assert not unit_phrase_fails("Dose is no more than 4 mg per week", [plan])  # another unit
