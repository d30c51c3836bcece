"""Stance readings and case words that held-out key points were lost to (heldout11):
a drug named "the preferred second-line agent" for patients unable to take others
(prefers_other, those others preferred), a recommendation against "additional" courses (for
patients who had one: nothing on a first course), a form of the condition written with a
qualifier inside it by an ICD-10 title, a product's formulation word after its name, and a
drug's class learned from the guideline's own example ("X (usually <drug>)")."""

from __future__ import annotations

from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case
from pipeline.retrieve.case_words import _request_words
from pipeline.retrieve.corpus_classes import learned_classes, teach_classes
from pipeline.retrieve.forms import names_interposed
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev


def case(drug: str, dx: str, icd: str, request_type: str = "initial") -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "female"},
            "diagnoses": [{"name": dx, "icd10": icd}],
            "requested_treatment": {"drug": drug, "request_type": request_type},
            "prior_therapies": [],
            "history": [],
        }
    )


def test_preferred_second_line_agent_prefers_what_the_patients_could_not_take() -> None:
    c = case("Febuxostat", "Gout", "M10.9")
    text = "For patients with gout who are unable to take allopurinol or probenecid, the "
    second = ev(1, text + "preferred second-line agent is febuxostat.")
    reading = read_sentence(second, case_topic(c))
    assert reading is not None and reading.kind == "second_line"
    assert {t.name for t in reading.preferred} == {"allopurinol", "probenecid"}
    position, _ = guideline_position(c, case_topic(c), [second], [], {})
    assert position.stance == "prefers_other"
    assert set(position.preferred) == {"allopurinol", "probenecid"}


def test_against_additional_courses_says_nothing_on_a_first_course() -> None:
    against_more = ev(
        1,
        "For patients who have persistent symptoms following recommended treatment, we "
        "recommend against additional antibiotic therapy (strong recommendation).",
    )
    first = case_topic(case("Cefuroxime", "Gout", "M10.9"))
    reading = read_sentence(against_more, first)
    assert reading is not None and reading.kind == "other"
    # a continuation is the request for more: the sentence is against it
    more = case_topic(case("Cefuroxime", "Gout", "M10.9", request_type="continuation"))
    reading = read_sentence(against_more, more)
    assert reading is not None and reading.kind == "against"


def test_a_form_with_a_qualifier_inside_is_the_diagnosis_own_form() -> None:
    assert names_interposed("Erythema chronicum migrans", ["erythema migrans"])
    assert names_interposed("Systemic onset juvenile arthritis", ["systemic juvenile"])
    assert not names_interposed("Erythema and later migrans", ["erythema migrans"])
    assert not names_interposed("Erythema migrans", ["EM"])  # one word: no gap to read
    topic = case_topic(case("Azithromycin", "Erythema chronicum migrans (Lyme disease)", "A69.2"))
    assert "erythema migrans" in topic.own_subtypes
    assert "erythema migrans" not in topic.other_subtypes
    assert not topic.names_other_subtype("For patients with erythema migrans, we recommend X.")
    assert topic.names_other_subtype("For patients with Lyme carditis, we recommend Y.")


def test_a_formulation_word_after_a_salt_leaves_the_base_name() -> None:
    words = _request_words("Octreotide acetate depot")
    assert "octreotide" in words
    assert "acetate depot" not in words


def test_a_class_named_by_the_guideline_example_speaks_of_the_drug() -> None:
    texts = [
        "Trials of gonadotropin- releasing hormone agonist (usually triptorelin pamoate) "
        "included patients with SLE.",
        "Calcineurin inhibitors such as triptorelin are listed here only for the test.",
        "Triptorelin was studied (the usual dose).",  # no example cue: nothing learned
    ]
    learned = learned_classes(texts, ("triptorelin",))
    assert learned == ("gonadotropin-releasing hormone agonist", "calcineurin inhibitor")
    c = case("Triptorelin pamoate", "Systemic lupus erythematosus", "M32.9")
    topic = case_topic(c)
    rec = ev(
        1,
        "For premenopausal women receiving monthly intravenous CYC, we conditionally "
        "recommend monthly gonadotropin-releasing hormone agonist co-therapy.",
    )
    assert not topic.names_class(rec.text)
    teach_classes(topic, texts[:1])
    assert topic.names_class(rec.text)
    reading = read_sentence(rec, topic)
    assert reading is not None and reading.kind == "endorsed"
    # a drug the vocabulary classes keeps its own lineage, nothing learned
    known = case_topic(case("Adalimumab", "Rheumatoid arthritis", "M05.79"))
    before = known.drug_classes
    teach_classes(known, ["bispecific agents (e.g., adalimumab) are used."])
    assert known.drug_classes == before


def test_a_goal_written_as_a_for_phrase_serves_the_state() -> None:
    c = Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 30, "sex": "female"},
            "diagnoses": [
                {"name": "Lupus nephritis class IV", "icd10": "M32.14"},
                {"name": "Fertility preservation counseling", "icd10": "Z31.62"},
            ],
            "requested_treatment": {"drug": "Triptorelin"},
            "question": "Is triptorelin medically necessary for ovarian protection in a "
            "30-year-old woman starting cyclophosphamide?",
        }
    )
    assert case_topic(c).serves_state
    c.question = "Is triptorelin medically necessary for a 30-year-old woman, fertility counselled?"
    assert not case_topic(c).serves_state


def test_a_population_of_the_other_sex_is_not_the_patient() -> None:
    from pipeline.draft.population import sex_fits

    assert not sex_fits("In men with RMD receiving CYC", "female")
    assert sex_fits("In premenopausal women with RMD receiving CYC", "female")
    assert not sex_fits("In premenopausal women with RMD", "male")
    assert sex_fits("In men and women with RMD", "female")
    assert sex_fits("In patients with RMD", "male")
    assert sex_fits("In men with RMD", "unknown")


def test_a_guideline_that_left_the_drug_out_says_so_and_may_be_quoted() -> None:
    from pipeline.draft.quotable import why_not

    c = case("Pegloticase", "Gout", "M10.9")
    topic = case_topic(c)
    scope = (
        "This guideline development effort did not include consideration of pegloticase, "
        "since the guidelines consider therapies approved at the time of the search."
    )
    assert why_not(scope, topic) is None  # its scope, on this very drug
    other = "This guideline development effort did not include consideration of costs."
    assert why_not(other, topic) == "about the document"
    position, _ = guideline_position(c, topic, [ev(1, scope)], [], {})
    assert position.stance == "silent" and position.citations == ["E1.1"]


def test_the_scope_sentence_on_the_drug_places_it_for_the_position_pool() -> None:
    # gather ranks sentences that place the drug up in every path section and the position
    # pool (places_drug), the guideline's word that it left the drug out among them
    from pipeline.draft.position import places_drug

    topic = case_topic(case("Pegloticase", "Gout", "M10.9"))
    assert places_drug("This guideline did not include consideration of pegloticase.", topic)
    assert not places_drug("Pegloticase is given intravenously every 2 weeks.", topic)
