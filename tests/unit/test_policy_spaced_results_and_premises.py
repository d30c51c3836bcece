"""Readers of repeated results in a window ("Two ... results of 5.1 mEq/L or higher at least 7
days apart in the last 60 days", "... on two occasions in the last 90 days"), of a criterion
premised on a drug the case never took, of an attestation's first-person statements, and
the choice of the branch headed by the requested product: each decides only where it is
sure, near cases abstain."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.attested_voice import third_person
from pipeline.policy.branch_drugs import branches_for_drug
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Branch, PolicyNode
from pipeline.policy.readers import read_criterion
from pipeline.policy.spaced_results import judge_spaced_results
from pipeline.policy.untaken_premise import judge_untaken_premise


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


_NOW = "History: Clinic visit 11/18/2026."
_TWO = (
    "Two serum widgetin results of 5.1 mEq/L or higher at least 7 days apart in the last "
    "60 days, not from hemolyzed samples"
)


def _spaced(text: str, *facts: str) -> str | None:
    found = judge_spaced_results(text, _facts(_NOW, *facts))
    return found[0] if found else None


def test_two_spaced_results_in_the_window_meet_it() -> None:
    both = "History: Widgetin 5.6 mEq/L on 10/02/2026 and 5.4 mEq/L on 10/23/2026 (non-hemolyzed)."
    assert _spaced(_TWO, both) == "met"
    # the hemolysis question unanswered: nothing decided
    assert _spaced(_TWO, both.replace(" (non-hemolyzed)", "")) is None
    # too close together, or one outside the window: not enough for met, and not a failure
    close = "History: Widgetin 5.6 mEq/L on 10/20/2026 and 5.4 mEq/L on 10/23/2026 (non-hemolyzed)."
    assert _spaced(_TWO, close) is None
    old = "History: Widgetin 5.6 mEq/L on 06/02/2026 and 5.4 mEq/L on 10/23/2026 (non-hemolyzed)."
    assert _spaced(_TWO, old) == "not_met"


def test_a_repeat_below_the_bound_fails_it_when_every_value_is_dated() -> None:
    low = "History: Widgetin 5.6 mEq/L on 10/02/2026; repeat 10/23/2026 was 4.8 mEq/L."
    assert _spaced(_TWO, low) == "not_met"
    # a value with no date of its own, or another test's value in the unit: a person reads it
    assert _spaced(_TWO, "History: Widgetin 5.6 mEq/L on 10/02/2026; repeat 4.8 mEq/L.") is None
    other = "History: Widgetin 5.6 mEq/L on 10/02/2026 and sodium 140 mEq/L on 10/23/2026."
    assert _spaced(_TWO, other) is None
    # a value in the unit in a fact that does not name the measurement may be its repeat
    assert _spaced(_TWO, low, "History: Repeat 10/30/2026: 5.4 mEq/L.") is None


_OCCASIONS = "Serum widgetin of 5.5 mEq/L or higher on two occasions in the last 90 days"


def test_a_count_of_occasions_is_not_read_from_one_value() -> None:
    one = _facts(_NOW, "History: Widgetin 5.6 mEq/L on 10/02/2026.")
    assert judge_measure(_OCCASIONS, one) is None
    two = "History: Widgetin 5.8 mEq/L on 09/15/2026 and 5.7 mEq/L on 10/20/2026."
    assert _spaced(_OCCASIONS, two) == "met"
    mixed = "History: Widgetin 5.6 mEq/L on 09/15/2026 and 5.4 mEq/L on 10/20/2026."
    assert _spaced(_OCCASIONS, mixed) == "not_met"


_PREMISE = "gadgetol was taken for 4 weeks or more without widgetin falling to 5.0 or lower"


def test_a_criterion_premised_on_a_drug_never_taken_is_not_met() -> None:
    never = _facts("History: Has never taken gadgetol; the doctor chose another binder first.")
    found = judge_untaken_premise(_PREMISE, never, "Otherdrug 10 g")
    assert found is not None and found[0] == "not_met"
    caused = "gadgetol caused constipation or another effect that stopped it"
    assert judge_untaken_premise(caused, never, "Otherdrug 10 g") is not None
    # an item a patient meets without use, a stem that allows it, the requested drug
    assert judge_untaken_premise("gadgetol cannot be used", never, "Otherdrug") is None
    stem = "At least one of these has failed or cannot be used:"
    assert judge_untaken_premise(_PREMISE, never, "Otherdrug", stem) is None
    assert judge_untaken_premise(_PREMISE, never, "Gadgetol 10 g") is None
    # a clause that goes on to a use after all
    later = _facts("History: Had never taken gadgetol until 06/2026.")
    assert judge_untaken_premise(_PREMISE, later, "Otherdrug") is None
    # "not used since": used before all the same
    since = _facts("History: Has not used gadgetol since 2020.")
    assert judge_untaken_premise(_PREMISE, since, "Otherdrug") is None


def test_an_attestation_reads_as_the_criterion_it_attests() -> None:
    assert third_person("My patient is 12 years of age or older.") == (
        "The patient is 12 years of age or older."
    )
    assert third_person("I attest that my member has it.") == "I attest that the member has it."
    facts = _facts("Patient: 34-year-old male.", "Diagnosis: Nonsegmental vitiligo (ICD-10 L80).")
    text = third_person("My patient is 12 years of age or older and has nonsegmental vitiligo.")
    found = read_criterion(text, facts, "Cream", "")
    assert found is not None and found[0] == "met"
    young = _facts("Patient: 10-year-old male.", "Diagnosis: Nonsegmental vitiligo (ICD-10 L80).")
    found = read_criterion(text, young, "Cream", "")
    assert found is not None and found[0] == "not_met"


def _branch(text: str) -> Branch:
    return Branch(request_type="initial", node=PolicyNode(id="x", text=text, page=1))


def test_the_branch_headed_by_the_requested_product() -> None:
    first = _branch("Gadgetol - initial review. Approve 6 months when every row is Met.")
    second = _branch("Widget sorbent - initial review. Approve 6 months when every row is Met.")
    scope = "Binders: Gadgetol (Brandone) and Widget Sorbent"
    assert branches_for_drug([first, second], "Brandone (gadgetol) 8.4 g", scope) == [first]
    assert branches_for_drug([first, second], "Sorbo (widget sorbent) 10 g", scope) == [second]
    # a head the scope does not list as a product, or no head naming the drug: all stay
    adults = _branch("Children - initial review. Approve 6 months.")
    assert branches_for_drug([first, adults], "Brandone (gadgetol)", scope) == [first, adults]
    assert branches_for_drug([first, second], "Thirdone 5 mg", scope) == [first, second]
