"""Judge readings of kinds of criterion any policy prints: a use together asked absent with
an adverb ("is still not used with"), a list of what must not be given alongside, a "Use
with ..." exclusion, a percent change from baseline, how long a condition has lasted from
its stated onset, a screening test's result written after its window, and a specialty
named for a visit that did not happen. Each reads met and not met where the record says
so, and nothing where it cannot be sure."""

from __future__ import annotations

from pipeline.cases import case_facts
from pipeline.models import Case, CaseFact
from pipeline.policy.alongside_absence import judge_alongside_absent
from pipeline.policy.baseline_percent import judge_baseline_percent
from pipeline.policy.criterion_terms import is_absence, requirements
from pipeline.policy.durations import judge_duration
from pipeline.policy.judge import judge_by_rule
from pipeline.policy.models import Exclusion, PolicyNode
from pipeline.policy.readers import read_criterion
from pipeline.policy.screening import judge_screening
from pipeline.policy.use_together import situation


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(found: tuple | None) -> str | None:
    return found[0] if found else None


# --- "is still not used with": an absence, its adverb no term -------------------------------
def test_an_adverb_between_the_verb_and_not_keeps_an_absence() -> None:
    asked = "Zorvimab is still not used with another interleukin inhibitor"
    assert is_absence(asked)
    assert is_absence("The member will currently not receive a second anticoagulant")
    assert not any("still" in g for g in requirements(asked))
    # "has not responded": a failure, still no absence
    assert not is_absence("Disease has still not responded to methotrexate")
    absent = facts("History: No other interleukin inhibitor; no biologic since 2023.")
    assert _status(read_criterion(asked, absent, "zorvimab", "")) == "met"
    # a record that names one alongside is no absence
    given = facts("History: Zorvimab continued together with an interleukin inhibitor.")
    assert _status(read_criterion(asked, given, "zorvimab", "")) != "met"


# --- what must not be given alongside, the list first --------------------------------------
_LIST = "No maintenance plasma exchange or corticosteroid above 20 mg of prednisone a day alongside"


def test_a_list_given_alongside_reads_each_item_absent_or_stopped() -> None:
    absent = facts("History: Plasma exchange stopped 03/2025; none since. No corticosteroid.")
    assert _status(judge_alongside_absent(_LIST, absent, "zorvimab")) == "met"
    # one item not spoken of: nothing
    partial = facts("History: Plasma exchange stopped 03/2025.")
    assert judge_alongside_absent(_LIST, partial, "zorvimab") is None
    # a corticosteroid given alongside may be under the amount the criterion allows
    alongside = facts(
        "History: Plasma exchange stopped 03/2025. Prednisone 5 mg daily continues alongside."
    )
    assert judge_alongside_absent(_LIST, alongside, "zorvimab") is None
    # with no amount, one given alongside fails it
    plain = "No plasma exchange or corticosteroid alongside"
    assert _status(judge_alongside_absent(plain, alongside, "zorvimab")) == "not_met"
    # a criterion of another shape is not read here
    assert judge_alongside_absent("No corticosteroid use in the past year", absent) is None


def test_a_use_with_exclusion_reads_a_kind_stated_absent_for_its_narrower_item() -> None:
    text = "Use with another JAK inhibitor, a biologic DMARD or a potent immunosuppressant"
    ex = Exclusion(id="X1", name=text, text=text, page=2)
    absent = facts(
        "History: No other JAK inhibitor, no biologic since etanercept was stopped in 2023, "
        "and no other immunosuppressant."
    )
    j = situation(ex, absent, "tofacitinib")
    assert j is not None and j.status == "not_met"  # the exclusion does not apply
    # one of them not spoken of: the model is asked (and a person decides on its word)
    assert situation(ex, facts("History: No other JAK inhibitor."), "tofacitinib") is None


# --- a percent change from baseline --------------------------------------------------------
_LOSS = "Weight loss of at least 5% of baseline body weight"
_FALL = "For a patient still growing, a fall of at least 5% in baseline body mass index"


def _weights(later_kg: str, later_bmi: str) -> list[CaseFact]:
    return facts(
        "History: Baseline 02/01/2026: weight 120.0 kg, height 170 cm, BMI 41.5 kg/m2. "
        f"03/02/2027: weight {later_kg} kg, BMI {later_bmi} kg/m2."
    )


def test_a_percent_change_from_baseline_is_read_from_the_baseline_and_a_later_reading() -> None:
    assert _status(judge_baseline_percent(_LOSS, _weights("112.0", "38.8"))) == "met"  # 6.7%
    assert _status(judge_baseline_percent(_LOSS, _weights("117.0", "40.5"))) == "not_met"
    # a condition before it: short of the bound fails it, past it decides nothing
    assert _status(judge_baseline_percent(_FALL, _weights("117.0", "40.5"))) == "not_met"
    assert judge_baseline_percent(_FALL, _weights("112.0", "38.8")) is None
    gain = "An increase of at least 10% from baseline in the walk distance"
    walks = facts("History: Baseline: walk distance 300 m. 03/2027: walk distance 340 m.")
    assert _status(judge_baseline_percent(gain, walks)) == "met"


def test_a_percent_change_with_no_sure_pair_of_readings_decides_nothing() -> None:
    no_base = facts("History: 03/02/2027: weight 112.0 kg.")
    assert judge_baseline_percent(_LOSS, no_base) is None
    two_later = facts(
        "History: Baseline: weight 120.0 kg. 01/2027: weight 112.0 kg.",
        "History: 03/2027: weight 118.0 kg.",
    )
    assert judge_baseline_percent(_LOSS, two_later) is None
    units = facts("History: Baseline: weight 264 lb. 03/2027: weight 112.0 kg.")
    assert judge_baseline_percent(_LOSS, units) is None
    # a percent that is no change from baseline is not read here
    assert judge_baseline_percent("Body fat of at least 30%", _weights("112", "38")) is None


# --- how long a condition has lasted, from its stated onset ---------------------------------
_LASTED = "The current flare of chronic urticaria has lasted at least 6 weeks"


def _onset(written: str) -> list[CaseFact]:
    return facts(
        f"History: Allergy note 03/10/2027: widespread hives and itching; {written}.",
        "History: Clinic visit 03/10/2027.",
    )


def test_a_duration_is_read_from_the_onset_its_sentence_names() -> None:
    assert _status(judge_duration(_LASTED, _onset("this flare began 12/2026"))) == "met"
    assert _status(judge_duration(_LASTED, _onset("this flare began 03/2027"))) == "not_met"
    # a diagnosis may be a re-diagnosis: a short span from one decides nothing
    assert judge_duration(_LASTED, _onset("this flare diagnosed 03/2027")) is None
    # a therapy begun is no onset of the condition
    assert judge_duration(_LASTED, _onset("this flare treatment began 03/2027")) is None
    # a negation after the date is about something else
    read = judge_duration(_LASTED, _onset("this flare began 12/2026 and has not settled"))
    assert _status(read) == "met"


def test_an_onset_word_with_no_date_of_its_own_is_no_short_span() -> None:
    # "symptom onset" as a time of day, under the note's own date: that date is no onset,
    # so the record's 4 weeks are not denied from it
    crit = "Symptom log for at least 4 weeks shows hives worse at night"
    note = facts(
        "History: Allergy clinic 03/10/2027: 5-week symptom log; hive onset shifts later "
        "each evening and itching wakes her at night."
    )
    assert judge_duration(crit, note) is None
    # an onset dated in the clause itself still decides
    assert _status(judge_duration(_LASTED, _onset("this flare began 03/2027"))) == "not_met"


# --- a screening result written after its window -------------------------------------------
def test_a_screening_result_written_after_the_window_is_the_one_asked() -> None:
    asked = "A tuberculosis test within the last 12 months is negative, or latent TB was treated"
    today = CaseFact(id="F9", text="History: Clinic visit 03/10/2027.")
    negative = CaseFact(id="F1", text="History: Interferon-gamma release assay 01/2027 negative.")
    positive = CaseFact(id="F1", text="History: Interferon-gamma release assay 01/2027 positive.")
    assert _status(judge_screening(asked, [negative, today])) == "met"
    assert _status(judge_screening(asked, [positive, today])) != "met"
    # the alternative's words are not the result asked
    other = "A tuberculosis test within the last 12 months, or a positive test treated"
    assert _status(judge_screening(other, [positive, today])) != "met"


# --- a specialty named for a visit that did not happen -------------------------------------
def test_a_specialty_named_for_a_declined_referral_is_not_the_prescribers() -> None:
    node = PolicyNode(
        id="1.f",
        text="Prescribed by a rheumatologist",
        page=1,
        kind="prescriber",
        fields={"specialties": ["rheumatologist"]},
    )

    def case(note: str) -> Case:
        return Case.model_validate(
            {
                "case_id": "ra",
                "patient": {"age": 50, "sex": "female"},
                "diagnoses": [{"name": "Rheumatoid arthritis", "icd10": "M06.9"}],
                "requested_treatment": {"drug": "Tofacitinib", "request_type": "initial"},
                "history": [note],
            }
        )

    declined = case("Family medicine note: rheumatology referral declined by the patient.")
    j = judge_by_rule(node, declined, case_facts(declined), "")
    assert j is not None and j.status != "met"
    seen = case("Rheumatology note (Dr. Vale, rheumatologist): erosive disease.")
    j = judge_by_rule(node, seen, case_facts(seen), "")
    assert j is not None and j.status == "met"


# --- a denial of another thing that shares a word ------------------------------------------
def test_a_model_met_stands_where_the_denied_clause_only_shares_a_word_said_plainly() -> None:
    from pipeline.policy.judge import check_model_judgment
    from pipeline.policy.models import Judgment

    node = PolicyNode(
        id="1.a",
        text="Diagnosis of generalized anxiety disorder with panic attacks, assessed by a "
        "psychiatrist",
        page=1,
    )

    def check(note: str) -> str:
        fact = CaseFact(id="F1", text=note)
        j = Judgment(node_id="1.a", text=node.text, page=1, status="met", facts=["F1"])
        return check_model_judgment(j, node, {"F1": fact}).status

    plain = (
        "History: Psychiatry note (Dr. Lee, psychiatrist): generalized anxiety disorder, "
        "severe; weekly panic attacks; no eating disorder, no psychosis."
    )
    assert check(plain) == "met"
    # the denial is of the criterion's own thing: refused
    denied = (
        "History: Psychiatry note (Dr. Lee, psychiatrist): weekly panic attacks; no "
        "generalized anxiety disorder."
    )
    assert check(denied) == "not_documented"


# --- a level to be maintained: the latest reading, its date a label before it --------------
def test_a_level_maintained_is_judged_on_the_latest_reading_dated_by_its_label() -> None:
    from pipeline.policy.measures import judge_measure

    asked = "Serum ferritin (below 500 ng/mL) maintained on chelation"
    history = "History: Review 03/2024: ferritin 380 ng/mL on deferasirox."

    def read(latest: str) -> tuple | None:
        return judge_measure(asked, facts(history, f"History: Ferritin 02/10/2027: {latest}."))

    assert _status(read("1,450 ng/mL")) == "not_met"
    assert _status(read("420 ng/mL")) == "met"
    # no date for one reading: they disagree and nothing is decided
    undated = facts("History: Ferritin 380 ng/mL on deferasirox.", "History: Ferritin 1,450 ng/mL.")
    assert judge_measure(asked, undated) is None
    # a level not asked as kept or current: readings that disagree decide nothing
    plain = "Serum ferritin below 500 ng/mL"
    assert (
        judge_measure(plain, facts(history, "History: Ferritin 02/10/2027: 1,450 ng/mL.")) is None
    )


# --- "no larger than": at most -------------------------------------------------------------
def test_a_size_no_larger_than_a_bound_is_at_most_the_bound() -> None:
    from pipeline.policy.measures import judge_measure

    note = facts(
        "History: Angiography 02/2027: membrane under the fovea, lesion about 3 disc areas."
    )
    assert _status(judge_measure("The lesion is no larger than 12 disc areas", note)) == "met"
    assert _status(judge_measure("The lesion is no larger than 2 disc areas", note)) == "not_met"
    assert _status(judge_measure("The lesion is larger than 2 disc areas", note)) == "met"
    # a limit on a change is no change asked
    limit = "Weight gain no larger than 5% from baseline body weight"
    assert judge_baseline_percent(limit, _weights("130.0", "45.0")) is None


def test_a_prescriber_named_with_a_role_in_one_bracket_is_stated() -> None:
    from pipeline.policy.care_setting import states_prescriber

    note = (
        "History: Family medicine note 02/2027 (Dr. Ana Ruiz, family physician; prescriber of "
        "the request): joint pain. Rheumatology referral pending."
    )
    assert states_prescriber(CaseFact(id="F1", text=note))
    # a bracket naming a clinician with no prescriber's role states none
    other = "History: Clinic note (Dr. Ana Ruiz, family physician; seen twice): joint pain."
    assert not states_prescriber(CaseFact(id="F1", text=other))


# --- variants of named genes ----------------------------------------------------------------
def test_a_variant_of_a_named_gene_is_read_with_its_class_and_copies() -> None:
    from pipeline.policy.genetic_variants import judge_genetic_variant

    asked = (
        "Genetic testing shows biallelic variants of the ABCA4 or RPE65 gene interpreted as "
        "pathogenic or likely pathogenic"
    )

    def read(note: str, criterion: str = asked) -> str | None:
        return _status(judge_genetic_variant(criterion, facts(f"History: {note}")))

    assert read("Panel 2026: RPE65 c.11+5G>A homozygous, classified pathogenic.") == "met"
    assert read("Panel 2026: RPE65 compound heterozygous, both likely pathogenic.") == "met"
    # one copy, a variant of uncertain significance, a benign one, or a denial: nothing
    assert read("Panel 2026: RPE65 heterozygous variant, pathogenic.") is None
    assert read("Panel 2026: RPE65 homozygous variant of uncertain significance.") is None
    assert read("Panel 2026: RPE65 homozygous, likely benign.") is None
    assert read("Panel 2026: no ABCA4 or RPE65 variant found.") is None
    # another gene: nothing
    assert read("Panel 2026: CEP290 homozygous, pathogenic.") is None
    # a germline variant asked: a tumor's is none
    germline = "A pathogenic germline PALB2 mutation"
    assert read("Tumor sequencing: PALB2 frameshift, pathogenic.", germline) is None
    assert read("Germline panel: PALB2 frameshift, pathogenic.", germline) == "met"
    # a second statement besides the variant: not read here
    assert read("Germline panel: PALB2 pathogenic.", germline + " and prior platinum") is None


# --- improvement shown by scores lower than at baseline --------------------------------------
def test_improvement_by_named_scores_reads_them_under_earlier_and_later_labels() -> None:
    from pipeline.policy.score_improvement import judge_score_improvement

    asked = "Improvement, such as a lower PASI or BSA score than at baseline"

    def read(now: str) -> str | None:
        note = f"History: Before ustekinumab (03/2026): PASI 18, BSA 22%. Today: {now}."
        return _status(judge_score_improvement(asked, facts(note)))

    assert read("PASI 4, BSA 3%") == "met"
    assert read("PASI 19, BSA 25%") == "not_met"
    assert read("PASI 4, BSA 25%") is None  # one better, one worse: a person reads it
    assert read("PASI 19") is None  # one score not read: the other may show improvement
    # no earlier label: nothing
    plain = facts("History: PASI 18 in 2026; PASI 4 on 02/2027.")
    assert judge_score_improvement(asked, plain) is None
    # a criterion asking no improvement against baseline is not read here
    assert judge_score_improvement("A PASI score of 10 or more", plain) is None


# --- a start within some time of an earlier therapy's last dose -------------------------------
def test_a_start_within_a_time_of_the_last_dose_reads_the_gap_the_note_states() -> None:
    from pipeline.policy.start_after_last_dose import judge_start_after_last_dose

    asked = "Niraparib starts within 8 weeks of the last dose of platinum chemotherapy"

    def read(note: str, criterion: str = asked) -> str | None:
        return _status(judge_start_after_last_dose(criterion, facts(f"History: {note}")))

    assert (
        read("Plan: niraparib starting 03/01/2027, 6 weeks 2 days after the last cisplatin dose.")
        == "met"
    )
    assert (
        read(
            "Plan (no PARP before): first dose 05/01/2027, 14 weeks after the last cisplatin dose."
        )
        == "not_met"
    )
    # the last dose of another thing, or no start named: nothing
    assert (
        read("Plan: niraparib starting 03/2027, 6 weeks after the last bevacizumab dose.") is None
    )
    assert read("Scan 6 weeks after the last cisplatin dose: no disease.") is None
    # another way offered: a long gap denies nothing
    other = asked + ", or the delay was for surgery"
    assert (
        read("Plan: first dose 05/01/2027, 14 weeks after the last cisplatin dose.", other) is None
    )


# --- the criteria of a section met when the drug was started --------------------------------
def test_a_section_met_at_the_start_is_read_from_an_approval_under_that_section() -> None:
    from pipeline.policy.section_met_at_start import judge_section_met_at_start

    asked = "The member met the criteria in Section 2 or Section 3 when the drug was started"

    def read(note: str) -> str | None:
        return _status(judge_section_met_at_start(asked, facts(f"History: {note}")))

    assert read("The plan approved the drug under Section 3 on 02/2026 (letter on file).") == "met"
    # another section, a denial, or nothing on file: the model is asked
    assert read("The plan approved the drug under Section 1 on 02/2026.") is None
    assert read("Request under Section 3 not approved in 02/2026.") is None
    assert read("Started the drug 02/2026.") is None
    # no section in the record: the plan's earlier approval stands for it
    assert read("The drug was previously approved by the plan in 02/2026.") == "met"


# --- a range asked as the second of two statements ----------------------------------------
def test_a_range_asked_after_another_statement_is_read_for_its_failure_on_the_latest() -> None:
    from pipeline.policy.reference_range import judge_range

    asked = (
        "Serum calcium has risen since the start of treatment and is not below the lower "
        "limit of normal"
    )
    old = "History: Calcium 7.0 mg/dL on 06/15/2025, before treatment (reference 8.6 to 10.3)."

    def read(latest: str) -> str | None:
        now = f"History: Calcium 02/10/2027: {latest} mg/dL (reference for age 8.6 to 10.3 mg/dL)."
        return _status(judge_range(asked, facts(old, now)))

    assert read("7.9") == "not_met"  # the latest below the range: fails whatever else
    assert read("9.4") is None  # in range: whether it fell is not read here
    # the same range asked alone reads every reading: they disagree, nothing decided
    alone = "Serum calcium is not below the lower limit of normal"
    latest = "History: Calcium 02/10/2027: 9.4 mg/dL (reference for age 8.6 to 10.3 mg/dL)."
    assert judge_range(alone, facts(old, latest)) is None
    assert _status(judge_range(alone, facts(latest))) == "met"


# --- how often the drug is given -----------------------------------------------------------
def test_a_limit_on_how_often_reads_the_requests_one_interval() -> None:
    from pipeline.policy.dosing_interval import judge_dosing_interval

    def read(
        schedule: str, criterion: str = "Doses no more often than every 2 weeks"
    ) -> str | None:
        request = f"Requested (continuation): Drugumab 100 mg, subcutaneous, {schedule}, 6 months."
        return _status(judge_dosing_interval(criterion, facts(request, "History: Seen.")))

    assert read("every 4 weeks") == "met"
    assert read("every 1 week") == "not_met"
    assert read("every 2 weeks for 3 doses, then every 4 weeks") is None  # two intervals
    assert read("weekly") is None  # no interval written as "every N"
    loading = "Doses no more often than every 8 weeks after the first 3 monthly doses"
    assert read("every 12 weeks", loading) == "met"
    assert read("every 4 weeks", loading) is None  # may be the first doses
