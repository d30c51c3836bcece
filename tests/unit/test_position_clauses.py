"""Clauses that change what a recommendation says of the drug (clauses.py), a class of
antibiotics in the vocabulary, and a diagnosis placed by its ICD-10 code (issue 26)."""

from __future__ import annotations

from pipeline.draft.clauses import after_stopping, graded_clause, new_members
from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic
from pipeline.terms import find_therapies
from tests.unit.test_position import case, ev


def test_a_table_row_is_read_without_its_grading_and_exception() -> None:
    row = (
        "4. Switch to a JAK inhibitor over switching to abatacept (PICO 12) Low (3, 4) "
        "Conditional recommendation based on low-quality evidence; may consider abatacept "
        "in patients with recurrent or serious infections."
    )
    assert graded_clause(row) == "4. Switch to a JAK inhibitor over switching to abatacept"
    c = case("Abatacept (Orencia)", "Rheumatoid arthritis", "M05.79")
    reading = read_sentence(ev(1, row), case_topic(c))
    # the exception's "in patients with recurrent infections" is no population: the row
    # puts the JAK inhibitor first for this case too
    assert reading is not None and reading.kind == "dispreferred" and not reading.population
    position, _ = guideline_position(c, case_topic(c), [ev(1, row)], [], {})
    assert position.stance == "prefers_other" and position.preferred == ["jak inhibitor"]


def test_a_different_member_of_a_tried_class_is_still_open() -> None:
    failed = [{"name": "Etanercept 50 mg weekly", "response": "secondary loss of response"}]
    c = case("Abatacept (Orencia)", "Rheumatoid arthritis", "M05.79", failed)
    topic = case_topic(c)
    text = "We conditionally recommend switching to another TNFi over switching to abatacept."
    reading = read_sentence(ev(1, text), topic)
    assert reading is not None and reading.fresh == {"tnf inhibitor"}
    position, _ = guideline_position(c, topic, [ev(1, text)], [], {})
    assert position.stance == "prefers_other" and position.preferred == ["tnf inhibitor"]
    # two drugs of the class already failed: "another" one is no longer what comes first
    two = [*failed, {"name": "Infliximab", "response": "no response"}]
    c2 = case("Abatacept (Orencia)", "Rheumatoid arthritis", "M05.79", two)
    position, _ = guideline_position(c2, case_topic(c2), [ev(1, text)], [], {})
    assert position.stance == "silent"
    # "a TNFi" (no new member) after a failed TNFi stays closed
    assert new_members("switch to a TNFi", find_therapies("TNFi")) == set()


def test_a_drug_named_only_as_what_is_stopped_is_not_placed() -> None:
    c = case("Teriparatide (Forteo)", "Glucocorticoid-induced osteoporosis", "M81.0")
    topic = case_topic(c)
    after = "Bisphosphonate therapy is recommended after discontinuation of teriparatide."
    these = "Teriparatide will need sequential therapy after these drugs are discontinued."
    assert after_stopping(after, topic) and after_stopping(these, topic)
    assert read_sentence(ev(1, after), topic).kind == "other"  # type: ignore[union-attr]
    endorse = "For adults with very high fracture risk, we conditionally recommend teriparatide."
    assert not after_stopping(endorse, topic)
    position, _ = guideline_position(c, topic, [ev(1, after), ev(2, endorse)], [], {})
    assert position.stance == "supports"


def test_against_more_antibiotics_places_an_antibiotic_request() -> None:
    prior = [{"name": "Doxycycline 100 mg twice daily (14 days)", "response": "rash resolved"}]
    c = case("Cefuroxime", "Lyme disease, unspecified", "A69.20", prior)
    topic = case_topic(c)
    assert topic.drug_lineage == ("cephalosporin", "antibiotic")
    assert [t.name for t in topic.prior_terms] == ["doxycycline"]
    text = (
        "For patients with ongoing nonspecific symptoms after treatment who lack objective "
        "evidence of reinfection, we recommend against additional antibiotic therapy."
    )
    position, _ = guideline_position(c, topic, [ev(1, text)], [], {})
    assert position.stance == "not_recommended"


def test_a_condition_named_in_a_coded_diagnosis_qualifier_is_not_the_case() -> None:
    c = Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "female"},
            "diagnoses": [
                {"name": "Psoriatic arthritis (peripheral polyarthritis)", "icd10": "L40.50"}
            ],
            "requested_treatment": {"drug": "Ustekinumab"},
        }
    )
    words = case_topic(c).condition_words
    assert "psoriatic arthritis" in words and "polyarthritis" not in words


def test_against_at_a_lower_tier_than_an_endorsement_does_not_decide() -> None:
    c = case("Teriparatide (Forteo)", "Glucocorticoid-induced osteoporosis", "M81.0")
    topic = case_topic(c)
    low = ev(1, "For adults with low fracture risk, we recommend against osteoporosis therapy.")
    high = ev(
        2, "For adults with very high fracture risk, we conditionally recommend teriparatide."
    )
    position, _ = guideline_position(c, topic, [low, high], [], {})
    assert position.stance == "supports"
    # alone, the one against still decides (nothing says the case is at another level)
    position, _ = guideline_position(c, topic, [low], [], {})
    assert position.stance == "not_recommended"


def test_against_combining_drugs_of_the_class_is_not_against_the_drug() -> None:
    c = case("Teriparatide (Forteo)", "Glucocorticoid-induced osteoporosis", "M81.0")
    topic = case_topic(c)
    for text in (
        "We conditionally recommend against using two different osteoporosis medications.",
        "We recommend against using multiple osteoporosis therapies at the same time.",
    ):
        assert read_sentence(ev(1, text), topic) is None or (
            read_sentence(ev(1, text), topic).kind != "against"  # type: ignore[union-attr]
        )
    alone = "We recommend against osteoporosis therapy for adults with low fracture risk."
    assert read_sentence(ev(1, alone), topic).kind == "against"  # type: ignore[union-attr]


def _after_one_tnfi() -> Case:
    failed = [{"name": "Etanercept", "response": "secondary loss of response"}]
    return case("Abatacept (Orencia)", "Psoriatic arthritis", "L40.50", failed)


def test_a_new_member_of_a_class_is_no_partner_of_the_comparator() -> None:
    c = _after_one_tnfi()
    text = (
        "In patients with active PsA despite TNFi monotherapy, switching to a different TNFi "
        "is recommended over switching to abatacept or adding MTX to the current TNFi."
    )
    reading = read_sentence(ev(1, text), case_topic(c))
    assert reading is not None and [t.name for t in reading.preferred] == ["tnf inhibitor"]
    position, _ = guideline_position(c, case_topic(c), [ev(1, text)], [], {})
    assert position.stance == "prefers_other"


def test_after_a_leading_population_a_comma_goes_on_listing_comparators() -> None:
    c = _after_one_tnfi()
    text = (
        "In patients with active PsA despite treatment with TNFi monotherapy, an IL-17i is "
        "recommended over an IL-12/23i, abatacept, or tofacitinib."
    )
    reading = read_sentence(ev(1, text), case_topic(c))
    assert reading is not None and reading.kind == "dispreferred"
    assert reading.population.endswith("TNFi monotherapy")
