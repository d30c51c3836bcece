"""The setting of a request read from the case's own words (surgery, pregnancy, fertility
preservation), not only from ICD-10 codes; the sections of a guideline whose heading names
the setting; a recommendation to keep the current course of a drug rather than change it,
read against a request for another course; a manifestation of the case's condition named
by it is on topic; a DOI cut from its prefix is no quotable text. Scripted cases only."""

from __future__ import annotations

from pipeline.draft.continued_course import against_change
from pipeline.draft.gather import fit_for, state_weight
from pipeline.draft.position import read_sentence
from pipeline.draft.quotable import why_not
from pipeline.models import Case
from pipeline.retrieve.case_words import manifestation_of
from pipeline.retrieve.states import case_states, names_setting, states
from pipeline.retrieve.topic import case_topic
from pipeline.terms import vocabulary
from tests.unit.test_position import ev


def _case(drug: str, diagnoses: list[tuple[str, str]], **extra: object) -> Case:
    data = {
        "case_id": "t",
        "patient": {"age": 60, "sex": "female"},
        "diagnoses": [{"name": n, "icd10": c} for n, c in diagnoses],
        "requested_treatment": {"drug": drug, "request_type": "initial"},
        "prior_therapies": [],
        "history": [],
    }
    data.update(extra)
    return Case.model_validate(data)


def operation_case(**extra: object) -> Case:
    """A dose of a drug asked for around an operation, by a patient already taking it."""
    return _case(
        "Methylprednisolone, perioperative high dose",
        [("Psoriatic arthritis", "L40.50"), ("Primary osteoarthritis of hip", "M16.11")],
        question="Is a perioperative high dose of methylprednisolone medically necessary for a "
        "58-year-old man with psoriatic arthritis on prednisone 7.5 mg daily, undergoing an "
        "elective total hip arthroplasty?",
        **{"prior_therapies": [{"name": "Prednisone 7.5 mg daily", "response": "ongoing"}]} | extra,
    )


def _names(found: tuple) -> set[str]:  # type: ignore[type-arg]
    return {s.name for s in found}


def test_a_setting_is_read_from_the_question_and_the_request_line() -> None:
    assert "surgery" in _names(case_states(operation_case()))
    assert "surgery" not in _names(case_states(operation_case(), by_words=False))
    # a past operation in a diagnosis's name is no setting of this request
    past = _case(
        "Mepolizumab (Nucala)",
        [("Chronic pansinusitis (nasal polyps, sinus surgery 2025)", "J32.4")],
        question="Is mepolizumab medically necessary for a 50-year-old with asthma?",
    )
    assert "surgery" not in _names(case_states(past))
    # fertility preservation said in words, with no Z31 code
    fertility = _case(
        "Leuprolide (Lupron Depot)",
        [("Systemic lupus erythematosus with organ involvement", "M32.19")],
        question="Is leuprolide medically necessary for ovarian protection in a 24-year-old "
        "woman starting cyclophosphamide?",
    )
    assert "fertility preservation" in _names(case_states(fertility))


def test_a_procedure_request_is_no_setting_of_itself() -> None:
    hip = _case(
        "Total hip arthroplasty",
        [("Primary osteoarthritis of hip", "M16.11")],
        question="Is an elective total hip arthroplasty medically necessary now?",
    )
    topic = case_topic(hip)
    assert topic.kind is not None and topic.kind.name == "procedure"
    assert not topic.states


def test_a_request_whose_line_names_its_setting_serves_it() -> None:
    topic = case_topic(operation_case())
    assert topic.serves_state
    questions = topic.questions()
    assert "around surgery" in questions["rationale"][0]
    assert "around surgery" in questions["evidence"][0]


def test_a_section_heading_on_the_setting_puts_its_sentences_on_it() -> None:
    surgery = tuple(s for s in states() if s.name == "surgery")
    text = "The risk of complications rose with each 10-mg increase in the daily dose."
    assert not names_setting(text, None, surgery)
    assert names_setting(text, "Glucocorticoid management around surgery", surgery)
    case = operation_case()
    topic = case_topic(case)
    under = state_weight(text, case, topic, True, "Perioperative glucocorticoids")
    bare = state_weight(text, case, topic, False, "")
    assert under > 0 > bare


KEEP = (
    "For patients with PsA undergoing THA who are receiving glucocorticoids, continuing their "
    "current daily dose of glucocorticoids rather than administering supraphysiologic doses "
    "of glucocorticoids on the day of surgery is conditionally recommended."
)


def test_keeping_the_current_course_over_a_new_one_is_against_the_request() -> None:
    topic = case_topic(operation_case())
    assert against_change(KEEP, topic)
    reading = read_sentence(ev(1, KEEP), topic)
    assert reading is not None and reading.kind == "against"
    # a patient not taking the drug asks for no change of a course
    naive = case_topic(operation_case(prior_therapies=[]))
    assert not against_change(KEEP, naive)
    # nor is the drug named on one side only
    assert not against_change(
        "Continuing the usual dose of methotrexate rather than withholding it is recommended.",
        topic,
    )


def test_a_manifestation_named_by_the_condition_is_on_topic() -> None:
    _, conditions = vocabulary()
    by_name = {c.name: c for c in conditions}
    sle, ra = by_name["systemic lupus erythematosus"], by_name["rheumatoid arthritis"]
    assert manifestation_of(by_name["neuropsychiatric lupus"], [sle])
    # a synonym holding the name is no form of it ("juvenile rheumatoid arthritis" is JIA)
    assert not manifestation_of(by_name["juvenile idiopathic arthritis"], [ra])
    topic = case_topic(
        _case("Immune globulin (Gamunex-C)", [("Systemic lupus erythematosus", "M32.9")])
    )
    text = (
        "For severe neuropsychiatric lupus, glucocorticoids with an immunosuppressant are the "
        "usual treatment, and IVIG has been used in severe cases that do not respond."
    )
    assert not topic.names_other_condition(text)
    assert topic.names_other_condition("In rheumatoid arthritis, methotrexate is first-line.")


def test_a_doi_cut_from_its_prefix_is_a_reference_entry() -> None:
    topic = case_topic(operation_case())
    for text in [
        "The full evidence report is online at 1002/art.41191/ abstract) for glucocorticoids.",
        "See 10.1136/annrheumdis-2019-216655 for the glucocorticoid recommendations in full.",
    ]:
        assert why_not(text, topic) == "reference entry"
    kept = "Glucocorticoids at 5 mg/day were continued through surgery in 2/3 of cases."
    assert why_not(kept, topic) is None


def test_the_setting_guideline_is_the_own_guideline_of_a_request_made_for_it() -> None:
    title = "Guideline for the Perioperative Management of Antirheumatic Medication"
    assert fit_for(case_topic(operation_case()), title) == "specific"
    # a patient coded for a comorbid state (no request made for it): the title is off
    kidney = _case(
        "Febuxostat (Uloric)", [("Gout", "M10.9"), ("Chronic kidney disease, stage 3", "N18.3")]
    )
    assert fit_for(case_topic(kidney), "Guideline for chronic kidney disease") == "off"


def test_a_request_is_not_shortened_to_a_kind_of_every_item() -> None:
    from pipeline.retrieve.case_words import _request_words

    rsv = _request_words("Respiratory syncytial virus vaccine, adjuvanted recombinant (Arexvy)")
    assert "virus vaccine" not in rsv and "rsv vaccine" in rsv
    assert "influenza vaccine" in _request_words("Inactivated influenza virus vaccine")
    assert "pneumococcal vaccine" in _request_words("Pneumococcal conjugate vaccine (PCV20)")
    assert "zoster vaccine" in _request_words("Recombinant zoster vaccine (Shingrix)")


SWITCH = (
    "Switching to a bDMARD or tsDMARD of a different class is conditionally recommended over "
    "switching to a bDMARD or tsDMARD belonging to the same class for patients taking a bDMARD "
    "or tsDMARD who are not at target."
)


def _ra(drug: str, *prior: str) -> Case:
    """An RA case asking for ``drug`` after the ``prior`` therapies (partial response)."""
    tried = [{"name": p, "response": "partial response"} for p in prior]
    return _case(drug, [("Rheumatoid arthritis, multiple sites", "M06.09")], prior_therapies=tried)


def test_another_class_over_the_same_is_preferred_to_a_second_drug_of_the_class() -> None:
    second = _ra("Golimumab (Simponi)", "Etanercept 50 mg weekly with methotrexate")
    reading = read_sentence(ev(1, SWITCH), case_topic(second))
    assert reading is not None and reading.kind == "dispreferred"
    assert [t.name for t in reading.preferred] == ["a bDMARD or tsDMARD of a different class"]
    # a first drug of its class: no same-class switch, the sentence is about others
    first = _ra("Golimumab (Simponi)", "Methotrexate 20 mg weekly")
    found = read_sentence(ev(1, SWITCH), case_topic(first))
    assert found is None or found.kind != "dispreferred"


def test_a_population_on_the_drugs_class_is_the_case_that_took_a_drug_of_it() -> None:
    from pipeline.draft.population import after_untried

    topic = case_topic(_ra("Certolizumab pegol (Cimzia)", "Adalimumab 40 mg with methotrexate"))
    taking = "for patients taking a bDMARD or tsDMARD who are not at target"
    assert not after_untried(taking, topic)  # adalimumab is a bDMARD: this patient
    assert after_untried("for patients taking certolizumab", topic)  # on the drug itself
    naive = case_topic(_case("Certolizumab pegol (Cimzia)", [("Rheumatoid arthritis", "M06.09")]))
    assert after_untried(taking, naive)


def test_current_therapies_leave_out_ended_and_untaken_courses() -> None:
    case = _ra("Respiratory syncytial virus vaccine (Arexvy)", "Methotrexate 15 mg weekly")
    case.prior_therapies[0].response = "ongoing"
    case.history = [
        "2019 rheumatology. Etanercept 2020 to 2022 and abatacept stopped for loss of response.",
        "2023 rituximab every 6 months since; tocilizumab discussed but not chosen.",
    ]
    assert case_topic(case).current == ("methotrexate", "rituximab")


def test_a_table_rows_imperative_statement_is_quoted_without_its_grade() -> None:
    from pipeline.draft.quotable import trimmed

    row = (
        "2. Treat with a TNFi biologic over an IL-17i biologic (PICO 14) Very low Conditional "
        "recommendation based on very- low- quality evidence; may consider an IL- 17i biologic "
        "if the patient has severe psoriasis."
    )
    assert trimmed(row) == "Treat with a TNFi biologic over an IL-17i biologic"
    topic = case_topic(_case("Ixekizumab (Taltz)", [("Psoriatic arthritis", "L40.50")]))
    reading = read_sentence(ev(1, trimmed(row)), topic)
    assert reading is not None and reading.kind == "dispreferred"
