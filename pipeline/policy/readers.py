"""The code readers of a criterion, in order, and a criterion of two statements joined by
", and" read as both ("Anemia is caused by myelosuppressive chemotherapy, and at least 2
more months of chemotherapy are planned"): met where code reads every part met, not met
where it reads a part not met; otherwise nothing (the model is asked the whole)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.adherence import judge_adherence
from pipeline.policy.adherence_share import judge_adherence_share
from pipeline.policy.age_phrases import judge_age_phrase
from pipeline.policy.alongside_absence import judge_alongside_absent
from pipeline.policy.alternative_considered import judge_alternative_considered
from pipeline.policy.and_parts import read_and_parts
from pipeline.policy.approval import judge_approval
from pipeline.policy.baseline_percent import judge_baseline_percent
from pipeline.policy.bound_with_symptoms import judge_bound_with_symptoms
from pipeline.policy.broader_absence import judge_broader_absence
from pipeline.policy.care_setting import judge_treated_by
from pipeline.policy.change_amount import judge_change_amount
from pipeline.policy.change_since import judge_change_since
from pipeline.policy.class_failure import judge_class_failure, resolve_classes
from pipeline.policy.class_stage import judge_class_stage
from pipeline.policy.combined_trial import judge_combined_trial
from pipeline.policy.comma_statements import read_comma_statements
from pipeline.policy.comparison import judge_comparison
from pipeline.policy.confirmed_on_test import judge_confirmed_on_test
from pipeline.policy.counted_levels import judge_counted_levels
from pipeline.policy.current_therapy import judge_current_therapy
from pipeline.policy.current_use import judge_current_use
from pipeline.policy.dated_event_count import judge_dated_events
from pipeline.policy.defined_by_test import judge_defined_by_test
from pipeline.policy.documented_condition import judge_documented_condition
from pipeline.policy.donor_serostatus import judge_donor_serostatus
from pipeline.policy.dose_day_window import judge_dose_day_window
from pipeline.policy.dose_gap import judge_dose_gap
from pipeline.policy.dose_limit import judge_dose_limit
from pipeline.policy.dosing_interval import judge_dosing_interval
from pipeline.policy.durations import judge_duration
from pipeline.policy.elevated_by_reference import judge_elevated_by_reference
from pipeline.policy.event_recency import judge_event_recency
from pipeline.policy.finding_examples import judge_finding_examples
from pipeline.policy.form_absence import judge_form_absent
from pipeline.policy.frequency_change import judge_frequency_change
from pipeline.policy.gene_confirmed import judge_gene_confirmed
from pipeline.policy.genetic_variants import judge_genetic_variant
from pipeline.policy.gestation import judge_gestation
from pipeline.policy.history import judge_history_absent
from pipeline.policy.icd_categories import judge_category
from pipeline.policy.imaging_findings import judge_imaging_findings
from pipeline.policy.improved_since import judge_improved_since
from pipeline.policy.interval import judge_interval
from pipeline.policy.labelled_readings import judge_labelled_readings
from pipeline.policy.listed_options import judge_listed_form
from pipeline.policy.lowest_in_window import judge_lowest_in_window
from pipeline.policy.measured_before_start import judge_measured_before_start
from pipeline.policy.measures import judge_measure
from pipeline.policy.menstrual_status import judge_menstrual_status
from pipeline.policy.models import Found
from pipeline.policy.monitoring_frequency import judge_monitoring_frequency
from pipeline.policy.monitoring_schedule import judge_monitoring
from pipeline.policy.negative_workup import judge_negative_workup
from pipeline.policy.onset_window import judge_onset_window
from pipeline.policy.or_parts import read_or_parts
from pipeline.policy.paired_change import judge_paired_change
from pipeline.policy.parenthetical_bound import judge_parenthetical_bound
from pipeline.policy.percent_from_before import judge_percent_from_before
from pipeline.policy.polarity import (
    judge_absent_condition,
    judge_concomitant,
    judge_contrast,
    judge_head_absent,
)
from pipeline.policy.positive_test import judge_positive_test
from pipeline.policy.prescriber_named import judge_prescriber_named
from pipeline.policy.prior_use import judge_never_received
from pipeline.policy.provision_denied import judge_provision_denied
from pipeline.policy.purpose import judge_purpose
from pipeline.policy.recency import judge_recency
from pipeline.policy.reference_range import judge_range
from pipeline.policy.refill_regularity import judge_refill_regularity
from pipeline.policy.regimen_class import judge_regimen_class
from pipeline.policy.rems import judge_rems
from pipeline.policy.repeated_readings import judge_repeated_readings
from pipeline.policy.requested_form import judge_requested_form
from pipeline.policy.response_on_drug import judge_response_on_drug
from pipeline.policy.restated import (
    judge_never_taken,
    judge_never_used_within_limit,
    judge_restated,
)
from pipeline.policy.results_on_file import judge_results_on_file
from pipeline.policy.score_improvement import judge_score_improvement
from pipeline.policy.screening import judge_screening
from pipeline.policy.section_met_at_start import judge_section_met_at_start
from pipeline.policy.serology import judge_serology
from pipeline.policy.short_course import judge_short_course
from pipeline.policy.smoke_free import judge_smoke_free
from pipeline.policy.snellen import judge_snellen
from pipeline.policy.spaced_results import judge_spaced_results
from pipeline.policy.specialist_request import judge_specialist_request
from pipeline.policy.stable_since import judge_stable_since
from pipeline.policy.start_after_last_dose import judge_start_after_last_dose
from pipeline.policy.start_reading_compare import judge_start_reading
from pipeline.policy.start_setting import judge_start_setting
from pipeline.policy.stated_reduction import judge_stated_reduction
from pipeline.policy.still_in_use import judge_still_in_use
from pipeline.policy.surgery_ruled_out import judge_surgery_ruled_out
from pipeline.policy.susceptibility import judge_susceptibility
from pipeline.policy.symptom_examples import judge_symptom_examples
from pipeline.policy.symptom_score_change import judge_symptom_score_change
from pipeline.policy.symptom_span import judge_symptom_span
from pipeline.policy.taken_with import judge_taken_with
from pipeline.policy.timed_alternatives import judge_timed_alternatives
from pipeline.policy.total_time_limit import judge_total_time
from pipeline.policy.trial_without_change import judge_trial_without_change
from pipeline.policy.trials import judge_lines, judge_trial
from pipeline.policy.uln_multiples import judge_uln_multiple
from pipeline.policy.unit_named import judge_unit_named
from pipeline.policy.unless_clause import read_unless
from pipeline.policy.untaken_premise import judge_untaken_premise
from pipeline.policy.untried_without_harm import judge_untried_without_harm
from pipeline.policy.use_denied import judge_use_denied
from pipeline.policy.used_with import judge_used_with
from pipeline.policy.weekly_days import judge_weekly_days
from pipeline.policy.weight_loss_share import judge_weight_loss_share
from pipeline.policy.window_counts import judge_window_count
from pipeline.policy.workup_not_done import judge_workup_done, judge_workup_not_done

# ", or by two disease-causing variants": an alternative with no number, which the
# measurement rule does not read, so a value out of bound is no failure of the criterion
_OTHER_WAY = re.compile(r",\s+or\s+(?![^,;]*\d)\w", re.I)


def _measure(text: str, facts: list[CaseFact], drug: str, context: str) -> Found | None:
    found = judge_measure(text, facts, drug, context)
    if found is not None and found[0] == "not_met" and _OTHER_WAY.search(text):
        return None
    return found


def _read_whole(text: str, facts: list[CaseFact], drug: str, context: str) -> Found | None:
    readers = (
        lambda: judge_weekly_days(text, facts),
        lambda: judge_stated_reduction(text, facts),
        lambda: judge_percent_from_before(text, facts),
        lambda: judge_symptom_score_change(text, facts),
        lambda: judge_donor_serostatus(text, facts),
        lambda: judge_dose_day_window(text, facts, drug),
        lambda: judge_short_course(text, facts),
        lambda: judge_symptom_span(text, facts),
        lambda: judge_combined_trial(text, facts),
        lambda: judge_trial_without_change(text, facts, context),
        lambda: judge_trial(text, facts, drug, context),
        lambda: judge_lines(text, facts),
        lambda: judge_window_count(text, facts),
        lambda: judge_dated_events(text, facts),
        lambda: judge_class_stage(text, facts),
        lambda: judge_dose_limit(text, facts, drug),
        lambda: judge_dose_gap(text, facts),
        lambda: judge_dosing_interval(text, facts),
        lambda: judge_change_amount(text, facts),
        lambda: judge_baseline_percent(text, facts),
        lambda: judge_paired_change(text, facts),
        lambda: judge_start_reading(text, facts),
        lambda: judge_adherence_share(text, facts),
        lambda: judge_refill_regularity(text, facts),
        lambda: judge_frequency_change(text, facts),
        lambda: judge_change_since(text, facts),
        lambda: judge_stable_since(text, facts),
        lambda: judge_improved_since(text, facts, drug),
        lambda: judge_response_on_drug(text, facts, drug),
        lambda: judge_class_failure(text, facts),
        lambda: judge_regimen_class(text, facts),
        lambda: judge_labelled_readings(text, facts),
        lambda: judge_score_improvement(text, facts),
        lambda: judge_snellen(text, facts),
        lambda: judge_repeated_readings(text, facts),
        lambda: judge_spaced_results(text, facts),
        lambda: judge_uln_multiple(text, facts),
        lambda: judge_counted_levels(text, facts),
        lambda: judge_timed_alternatives(text, facts),
        lambda: _measure(text, facts, drug, context),
        lambda: judge_bound_with_symptoms(text, facts),
        lambda: judge_lowest_in_window(text, facts),
        lambda: judge_elevated_by_reference(text, facts),
        lambda: judge_range(text, facts),
        lambda: judge_monitoring(text, facts),
        lambda: judge_recency(text, facts),
        lambda: judge_event_recency(text, facts),
        lambda: judge_results_on_file(text, facts),
        lambda: judge_measured_before_start(text, facts),
        lambda: judge_interval(text, facts, drug),
        lambda: judge_start_after_last_dose(text, facts),
        lambda: judge_monitoring_frequency(text, facts),
        lambda: judge_imaging_findings(text, facts),
        lambda: judge_duration(text, facts),
        lambda: judge_onset_window(text, facts),
        lambda: judge_comparison(text, facts),
        lambda: judge_still_in_use(text, facts),
        lambda: judge_alternative_considered(text, facts),
        lambda: judge_workup_not_done(text, facts),
        lambda: judge_workup_done(text, facts),
        lambda: judge_provision_denied(text, facts),
        lambda: judge_untried_without_harm(text, facts),
        lambda: judge_surgery_ruled_out(text, facts),
        lambda: judge_restated(text, facts, drug),
        lambda: judge_use_denied(text, facts, drug),
        lambda: judge_category(text, facts),
        lambda: judge_absent_condition(text, facts, drug),
        lambda: judge_form_absent(text, facts),
        lambda: judge_contrast(text, facts),
        lambda: judge_concomitant(text, facts, drug),
        lambda: judge_taken_with(text, facts, drug),
        lambda: judge_alongside_absent(text, facts, drug),
        lambda: judge_used_with(text, facts, drug),
        lambda: judge_current_use(text, facts, drug),
        lambda: judge_current_therapy(text, facts, drug),
        lambda: judge_never_received(text, facts, drug),
        lambda: judge_history_absent(text, facts),
        lambda: judge_positive_test(text, facts),
        lambda: judge_genetic_variant(text, facts),
        lambda: judge_gene_confirmed(text, facts),
        lambda: judge_serology(
            text, facts, lambda head: read_criterion(head, facts, drug, context)
        ),
        lambda: judge_defined_by_test(text, facts),
        lambda: judge_confirmed_on_test(text, facts),
        lambda: judge_negative_workup(text, facts),
        lambda: judge_documented_condition(text, facts),
        lambda: judge_listed_form(text, facts),
        lambda: judge_broader_absence(text, facts),
        lambda: judge_susceptibility(text, facts),
        lambda: judge_approval(text, facts),
        lambda: judge_section_met_at_start(text, facts),
        lambda: judge_adherence(text, facts),
        lambda: judge_gestation(text, facts),
        lambda: judge_screening(text, facts),
        lambda: judge_rems(text, facts),
        lambda: judge_never_taken(text, facts),
        lambda: judge_untaken_premise(text, facts, drug, context),
        lambda: judge_never_used_within_limit(text, facts, drug),
        lambda: judge_head_absent(text, facts),
        lambda: judge_start_setting(text, facts, drug),
        lambda: judge_treated_by(text, facts),
        lambda: judge_specialist_request(text, facts),
        lambda: judge_prescriber_named(text, facts),
        lambda: judge_unit_named(text, facts),
        lambda: judge_requested_form(text, facts),
        lambda: judge_purpose(text, facts),
        lambda: judge_symptom_examples(text, facts),
        lambda: judge_menstrual_status(text, facts),
        lambda: judge_finding_examples(text, facts),
        lambda: judge_total_time(text, facts, drug),
        lambda: judge_smoke_free(text, facts),
        lambda: judge_age_phrase(text, facts),
        lambda: judge_weight_loss_share(text, facts),
        lambda: judge_parenthetical_bound(
            text, lambda inner: _read_whole(inner, facts, drug, context)
        ),
    )
    for read in readers:
        found = read()
        if found is not None:
            return found
    return None


# ", and" between two statements, each with words of its own (not "A, B, and C")
_AND = re.compile(r",\s+and\s+(?=(?:\w+\s+){2,})", re.I)
# ", with" before a second statement ("a scan read as grade 2 or 3, with serum and urine
# immunofixation ... showing no monoclonal protein"): both asked, but "with" may only
# qualify the first, so a part read as not met denies nothing
_WITH = re.compile(r",\s+with\s+(?=(?:\w+\s+){2,})", re.I)


def read_criterion(text: str, facts: list[CaseFact], drug: str, context: str) -> Found | None:
    """(status, cited facts, reason) where code can read the criterion, or its parts."""
    found = (
        _read_whole(text, facts, drug, context)
        or read_or_parts(text, lambda p: _read_whole(p, facts, drug, context))
        or read_unless(text, facts, lambda p: _read_whole(p, facts, drug, context))
        or _read_parts(text, facts, drug, context)
    )
    if found is not None:
        return found
    # "She is 18 or older and has not gone through menopause": a bare "and", both parts read
    return read_and_parts(text, lambda p: _read_whole(p, facts, drug, context))


def _read_parts(text: str, facts: list[CaseFact], drug: str, context: str) -> Found | None:
    joint = _AND if _AND.search(text) else _WITH
    parts = [p.strip() for p in joint.split(text) if p.strip()]
    if len(parts) != 2 or any(len(p.split()) < 3 for p in parts):
        return read_comma_statements(text, lambda p: _read_whole(p, facts, drug, context))
    parts = resolve_classes(parts)  # "..., and no failure on either class"
    read = [_read_whole(p, facts, drug, context) for p in parts]
    failed = next((r for r in read if r is not None and r[0] == "not_met"), None)
    if failed and joint is _WITH:
        return None
    if failed:
        return "not_met", failed[1], f"one part not met: {failed[2]}"
    if all(r is not None and r[0] == "met" for r in read):
        cited = list(dict.fromkeys(i for r in read if r for i in r[1]))[:3]
        return "met", cited, "; ".join(r[2] for r in read if r)
    return None
