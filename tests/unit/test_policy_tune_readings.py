"""Readings added on unseen policies (issue 25), each with the near case that must still
abstain: an indication named by an abbreviation its policy defines is scored written out
against an exclusion that shares words with the diagnosis; a diagnosis coded as a form of
its condition matches the form's indication; tests reported negative within a window
before the first dose; a measurement's change since baseline stated as a verb; and a
relative clause's denial of another thing does not deny the criterion's terms; a condition
with one of several positive tests (a titer asked decides)."""

from __future__ import annotations

import pytest

from pipeline.models import Case, CaseFact
from pipeline.policy.change_since import judge_change_since
from pipeline.policy.clause_polarity import agreeing
from pipeline.policy.criterion_terms import requirements
from pipeline.policy.decide import apply_policy
from pipeline.policy.match import indication_for
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree
from pipeline.policy.readers import read_criterion
from pipeline.policy.recency import judge_recency


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def _ind(iid: str, name: str, text: str, request_type: str = "initial") -> Indication:
    leaf = PolicyNode(id=f"{iid}.1", text="Prescribed by a specialist", page=1, verified=True)
    root = PolicyNode(id=iid, text=text, page=1, op="all_of", children=[leaf])
    return Indication(
        id=iid,
        name=name,
        text=text,
        page=1,
        request_type=request_type,
        branches=[Branch(request_type=request_type, node=root)],
    )


def _tree(indications: list[Indication], *excluded: str) -> PolicyTree:
    tree = PolicyTree.model_validate(
        {"source_id": "s" * 64, "file": "p.pdf", "title": "Zentrafib policy", "compiler": "test"}
    )
    tree.indications = indications
    tree.exclusions = [Exclusion(id=n, name=n, text=n, page=2, verified=True) for n in excluded]
    return tree


def _case(dx: str, icd10: str | None = None, request_type: str = "initial") -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": 40, "sex": "female"},
            "diagnoses": [{"name": dx, "icd10": icd10}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": request_type},
            "history": ["Seen by a specialist (rheumatologist)."],
        }
    )


# --- an abbreviation the policy defines, against an exclusion ----------------------------
_CNS = ("Severe active lupus of the central nervous system",)


def test_an_indication_named_by_its_abbreviation_outscores_a_near_exclusion() -> None:
    ind = _ind("A", "SLE", "Systemic lupus erythematosus (SLE) Authorization may be granted when:")
    tree = _tree([ind], *_CNS)
    d = apply_policy(
        _case("Systemic lupus erythematosus with organ or system involvement"), [tree], None
    )
    assert "resembles an exclusion" not in d.rule, d.rule
    assert d.indication == "SLE"
    # the near case: an indication whose name the policy never writes out still ties
    bare = _tree([_ind("A", "SLE", "Authorization may be granted when:")], *_CNS)
    near = apply_policy(
        _case("Systemic lupus erythematosus with organ or system involvement"), [bare], None
    )
    assert near.verdict == "insufficient_information"


# --- a diagnosis coded as a form of its condition ----------------------------------------
def test_a_diagnosis_coded_as_a_form_matches_the_forms_indication() -> None:
    sle = _ind("A", "SLE", "Systemic lupus erythematosus (SLE) when:", "continuation")
    ln = _ind("B", "lupus nephritis", "Active lupus nephritis when:", "continuation")
    tree = _tree([sle, ln])
    coded = _case("Glomerular disease in systemic lupus erythematosus", "M32.14", "continuation")
    ind, why = indication_for(coded, tree)
    assert ind is not None and ind.id == "B", why
    # another organ's code, or no code at all: the condition's own indication
    other = _case("Systemic lupus erythematosus with organ involvement", "M32.19", "continuation")
    assert indication_for(other, tree)[0].id == "A"
    uncoded = _case("Glomerular disease in systemic lupus erythematosus", None, "continuation")
    assert indication_for(uncoded, tree)[0].id == "A"


# --- tests reported negative within a window before the first dose -----------------------
_WINDOW = (
    "a negative HIV-1 antigen/antibody test and a negative HIV-1 RNA test were taken within "
    "the 7 days before the first injection"
)


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        (
            "History: HIV tests 01/19/2026: fourth-generation antigen/antibody negative and "
            "HIV-1 RNA not detected; first injection booked 01/22/2026.",
            "met",
        ),
        (
            "History: Last HIV tests 12/09/2025 (antigen/antibody negative, HIV-1 RNA not "
            "detected); no HIV test has been taken since; first injection booked 01/22/2026.",
            "not_met",
        ),
        # a positive result inside the window is no "negative test": not read as met
        (
            "History: HIV tests 01/19/2026: antigen/antibody positive and HIV-1 RNA not "
            "detected; first injection booked 01/22/2026.",
            None,
        ),
        # one of the two tests not reported: nothing
        (
            "History: HIV tests 01/19/2026: HIV-1 RNA not detected; first injection booked "
            "01/22/2026.",
            None,
        ),
        # after the first dose: not before it
        (
            "History: First injection given 01/10/2026. HIV tests 01/19/2026: antigen/antibody "
            "negative and HIV-1 RNA not detected.",
            None,
        ),
    ],
)
def test_negative_tests_within_days_before_the_first_dose(fact: str, status: str | None) -> None:
    assert _status(judge_recency(_WINDOW, facts(fact))) == status


# --- a change since baseline, stated as a verb ---------------------------------------------
_FALLEN = (
    "Urine protein to creatinine ratio has fallen by at least 50% from baseline, or to below "
    "0.7 g/g"
)
_NOT_FALLEN = "Estimated GFR has not fallen by more than 20% from baseline"
_ANY_FALL = "Proteinuria has fallen from the pre-treatment urine protein-to-creatinine ratio."
_UPCR = "Urine protein-to-creatinine ratio 2.4 g/g"


@pytest.mark.parametrize(
    ("criterion", "fact", "status"),
    [
        (_FALLEN, "History: UPCR 3.2 g/g at baseline (07/2025); 0.9 g/g on 01/09/2026.", "met"),
        # not half, but below the alternative's bound
        (_FALLEN, "History: UPCR 1.0 g/g at baseline; 0.6 g/g on 01/09/2026.", "met"),
        # every later value fails both: not met whichever is current
        (
            _FALLEN,
            "History: Urine protein to creatinine ratio 3.2 g/g at baseline (07/2025); 2.9 g/g "
            "on 01/09/2026 and 3.0 g/g on 12/2025.",
            "not_met",
        ),
        # later values that read both ways: a person reads it
        (_FALLEN, "History: UPCR 3.2 g/g at baseline; 1.0 g/g on 12/2025 and 2.9 g/g later.", None),
        # no value marked as the baseline
        (_FALLEN, "History: UPCR 3.2 g/g in 07/2025; 0.9 g/g on 01/09/2026.", None),
        # the alternative's unit is not the fact's
        (_FALLEN, "History: UPCR 3200 mg/g at baseline; 2000 mg/g on 01/09/2026.", None),
        (_NOT_FALLEN, "History: eGFR 58 mL/min/1.73 m2 at baseline; 61 mL/min/1.73 m2 now.", "met"),
        (_NOT_FALLEN, "History: eGFR 60 mL/min at baseline; 45 mL/min now.", "not_met"),
        # no amount: any fall from the value before treatment, the measurement named after it
        (_ANY_FALL, f"History: {_UPCR} before iptacopan (05/2026); 1.1 g/g on 11/20/2026.", "met"),
        (
            _ANY_FALL,
            f"History: {_UPCR} before iptacopan (05/2026); 2.6 g/g on 11/20/2026, no lower than "
            "before treatment.",
            "not_met",
        ),
        (_ANY_FALL, f"History: {_UPCR} before treatment; 2.4 g/g on 11/20/2026.", "not_met"),
        # no value marked as before, or later values both ways: a person reads it
        (_ANY_FALL, f"History: {_UPCR} in 05/2026; 1.1 g/g on 11/20/2026.", None),
        (_ANY_FALL, f"History: {_UPCR} before treatment; 1.1 g/g in 08/2026; 2.6 g/g now.", None),
        # a measurement code does not know by name decides nothing
        (
            "Proteinuria has fallen by at least 50% from baseline",
            "History: proteinuria 3 g at baseline; 1 g now.",
            None,
        ),
    ],
)
def test_a_change_since_baseline_stated_as_a_verb(
    criterion: str, fact: str, status: str | None
) -> None:
    assert _status(judge_change_since(criterion, facts(fact))) == status


# --- a relative clause's denial is about another thing -----------------------------------
def test_a_denial_in_a_relative_clause_about_another_thing_does_not_deny() -> None:
    criterion = "the person is at substantial risk of acquiring HIV through sex"
    groups = requirements(criterion)
    stated = facts(
        "History: Clinic: partner living with HIV who is not virologically suppressed. "
        "Assessed as at substantial risk of HIV through sex."
    )
    assert agreeing(criterion, groups, 3, stated) == stated
    # the denial that is about the criterion's own terms still denies
    denied = facts("History: Clinic: partner who is not at substantial risk of HIV through sex.")
    assert agreeing(criterion, groups, 3, denied) == []
    plain = facts("History: Clinic: not at substantial risk of HIV through sex.")
    assert agreeing(criterion, groups, 3, plain) == []


# --- a condition with one of several positive tests ---------------------------------------
_SEROLOGY = (
    "Member has active systemic lupus erythematosus with a positive ANA (titer of 1:80 or "
    "more) or a positive anti-double-stranded DNA antibody"
)
_SLE = "Diagnosis: Systemic lupus erythematosus with organ or system involvement (ICD-10 M32.19)."


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        ("History: ANA 1:640 homogeneous; anti-dsDNA 118 IU/mL (positive).", "met"),
        ("History: ANA 1:40; anti-dsDNA 30 IU/mL (positive).", "met"),
        # the titer decides, not the word "positive" beside it
        (
            "History: ANA 1:40 (below the laboratory's positive cut-off of 1:80); anti-dsDNA "
            "4 IU/mL (negative); anti-Smith negative.",
            "not_met",
        ),
        # a titer asked and none written; one test not mentioned: nothing
        ("History: ANA positive; anti-dsDNA negative.", None),
        ("History: anti-dsDNA 4 IU/mL (negative).", None),
        # a test stated both ways
        ("History: ANA 1:40 in 2019; ANA 1:320 in 2025; anti-dsDNA negative.", None),
    ],
)
def test_a_condition_with_one_of_several_positive_tests(fact: str, status: str | None) -> None:
    assert _status(read_criterion(_SEROLOGY, facts(_SLE, fact), "Benlysta", "")) == status


def test_the_positive_test_needs_the_condition_before_with() -> None:
    other = "Diagnosis: Rheumatoid arthritis (ICD-10 M06.9)."
    found = read_criterion(_SEROLOGY, facts(other, "History: ANA 1:640."), "Benlysta", "")
    assert _status(found) is None


def test_a_titer_bound_is_no_value_for_the_measurement_rules() -> None:
    # "1:80 or more" is a dilution: the anti-dsDNA value after it is no reading of it
    found = judge_measure(_SEROLOGY, facts(_SLE, "History: ANA 1:40; anti-dsDNA 118 IU/mL."))
    assert found is None


# --- a kind of therapy in use now, with the policy's examples -----------------------------
_CURRENT = (
    "Member is currently receiving standard lupus therapy, such as hydroxychloroquine, a "
    "glucocorticoid, azathioprine, methotrexate or mycophenolate"
)


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        (
            "History: On hydroxychloroquine 300 mg daily and prednisone 10 mg daily since 2024; "
            "methotrexate 15 mg weekly since 03/2025.",
            "met",
        ),
        ("History: Medication list 01/07/2026: hydroxychloroquine 200 mg, vitamin D.", "met"),
        # stopped, in the past, or denied: nothing (and never a denial: another drug may be
        # the kind asked)
        ("History: Hydroxychloroquine stopped in 2024 for retinal toxicity.", None),
        ("History: Previously on hydroxychloroquine since 2019.", None),
        ("History: No hydroxychloroquine since 2024.", None),
        ("History: On belimumab since 2024.", None),
    ],
)
def test_a_kind_of_therapy_in_use_now(fact: str, status: str | None) -> None:
    found = read_criterion(_CURRENT, facts("Patient: 67-year-old female.", fact), "Benlysta", "")
    assert _status(found) == status


# --- an earlier failure on a drug class ruled out -----------------------------------------
_CLASS_FAILURE = (
    "there is no known or suspected resistance to integrase inhibitors or non-nucleoside "
    "reverse transcriptase inhibitors, and no earlier virological failure on either class"
)


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        # efavirenz is an NNRTI: "either class" is the classes the first part names
        (
            "History: Virological failure on efavirenz/emtricitabine/tenofovir in 2018; "
            "re-suppressed after the switch in 2019.",
            "not_met",
        ),
        (
            "History: Baseline genotype: no resistance mutations. Never had virological "
            "failure on any regimen.",
            "met",
        ),
        # a failure on a drug of neither class, or one denied: nothing from here
        ("History: Virological failure on darunavir in 2018.", None),
        ("History: No virological failure on efavirenz.", None),
    ],
)
def test_an_earlier_failure_on_a_drug_class(fact: str, status: str | None) -> None:
    found = read_criterion(_CLASS_FAILURE, facts("Patient: 42-year-old male.", fact), "X", "")
    assert _status(found) == status


def test_either_class_needs_two_classes_named_before_it() -> None:
    text = "there is no resistance to efavirenz, and no earlier virological failure on either class"
    found = read_criterion(text, facts("History: Virological failure on efavirenz."), "X", "")
    assert _status(found) is None


def test_a_failure_ruled_out_is_no_trial_asked() -> None:
    from pipeline.policy.trials import judge_trial

    failed = facts("History: Virological failure on efavirenz in 2018.")
    assert judge_trial("there is no resistance to efavirenz", failed) is None
    assert judge_trial("Inadequate response to efavirenz", failed) is not None


# --- a named condition denied by another of its names --------------------------------------
_CNS_ABSENT = "Member does not have severe active central nervous system lupus"


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        ("History: No seizures, psychosis or other neuropsychiatric lupus; MRI normal.", "met"),
        ("History: No CNS lupus.", "met"),
        # named without a denial, or not named: nothing
        ("History: Neuropsychiatric lupus with seizures in 2024, now quiet.", None),
        ("History: No seizures.", None),
    ],
)
def test_a_named_condition_denied_by_another_of_its_names(fact: str, status: str | None) -> None:
    found = read_criterion(_CNS_ABSENT, facts(_SLE, fact), "Benlysta", "")
    assert _status(found) == status


def test_a_condition_criterion_asking_more_than_the_absence_is_not_read_here() -> None:
    from pipeline.policy.form_absence import judge_form_absent

    more = "Member does not have central nervous system lupus needing cyclophosphamide"
    assert judge_form_absent(more, facts("History: No CNS lupus.")) is None
    assert judge_form_absent(_CNS_ABSENT, facts("History: No CNS lupus.")) is not None


# --- a difficulty taking a medicine despite adherence support ------------------------------
_ADHERENCE = "documented difficulty taking daily or event-based tablets despite adherence support"


@pytest.mark.parametrize(
    ("fact", "status"),
    [
        (
            "History: Oral tenofovir/emtricitabine PrEP 2024-2025: repeatedly missed doses "
            "despite reminders, app support and adherence counselling.",
            "met",
        ),
        ("Prior therapy: Oral PrEP 2024-2025; response: poor adherence despite support.", "met"),
        # denied, without support, or about injections where tablets are asked: nothing
        ("History: Oral PrEP 2024-2025: no missed doses despite a busy schedule.", None),
        ("History: Oral PrEP: missed doses.", None),
        ("History: Injections missed doses despite reminders.", None),
    ],
)
def test_a_difficulty_taking_a_medicine_despite_support(fact: str, status: str | None) -> None:
    found = read_criterion(_ADHERENCE, facts("Patient: 29-year-old female.", fact), "X", "")
    assert _status(found) == status
