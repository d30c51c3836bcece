"""What a case is about, in the sources' words: condition synonyms by ICD-10 block, the drug
by generic, brand and class, and section questions that name them (issue 26)."""

from __future__ import annotations

from pathlib import Path

from pipeline.cases import load_case
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic

ROOT = Path(__file__).resolve().parents[2]


def test_seed_topics_name_condition_and_drug() -> None:
    jia = case_topic(load_case(ROOT / "corpus" / "cases" / "ivig-jia.yaml"))
    assert jia.names_condition("children with polyarticular JIA")
    assert jia.names_condition("juvenile idiopathic arthritis")
    assert jia.names_drug("Intravenous immunoglobulin was given") and jia.names_drug("IVIG")
    assert not jia.names_drug("methotrexate")
    assert jia.names_other_condition(
        "IVIG should not be used routinely to treat GPA/MPA vasculitis."
    )
    # The subject decides: lupus named first is another disease, JIA named first is not.
    assert jia.names_other_condition("In lupus, unlike JIA, hydroxychloroquine is given.")
    assert not jia.names_other_condition("In JIA, unlike lupus, methotrexate is given.")
    # A form of the condition the case is not (no systemic features documented).
    assert jia.names_other_subtype("In systemic JIA with MAS, anakinra is preferred.")
    assert not jia.names_other_subtype("In polyarticular JIA, methotrexate is preferred.")


def test_questions_name_the_case() -> None:
    case = Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "female"},
            "diagnoses": [{"name": "Rheumatoid arthritis, seropositive", "icd10": "M05.79"}],
            "requested_treatment": {"drug": "Humira", "dose": "40 mg"},
            "prior_therapies": [{"name": "Methotrexate 20 mg weekly", "response": "failed"}],
        }
    )
    topic = case_topic(case)
    q = topic.questions()
    assert "adalimumab" in topic.drug and topic.names_class("TNF inhibitors and other bDMARDs")
    assert any("Rheumatoid arthritis" in x for x in q["rationale"])
    assert any("after Methotrexate 20 mg weekly" in x for x in q["path"])
    assert all("Humira" in x for x in q["dosing"])
    methotrexate = topic.prior_terms[0]
    assert methotrexate.name == "methotrexate" and topic.tried(methotrexate)


def test_unknown_names_fall_back_to_their_own_words() -> None:
    case = Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "female"},
            "diagnoses": [{"name": "Erdheim-Chester disease"}],
            "requested_treatment": {"drug": "Cobimetinib"},
        }
    )
    topic = case_topic(case)
    assert topic.names_condition("patients with erdheim-chester disease")
    assert topic.names_drug("cobimetinib 60 mg daily")


def _request(drug: str, dx: str, icd: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "female"},
            "diagnoses": [{"name": dx, "icd10": icd}],
            "requested_treatment": {"drug": drug},
        }
    )


def test_class_words_link_to_the_drug_through_the_vocabulary() -> None:
    """drug -> its class -> the class's other names and the broader classes above it; a
    broad word qualified by another class or drug is about that one."""
    ada = case_topic(_request("Humira", "Rheumatoid arthritis", "M05.79"))
    assert ada.names_class("TNFa blocking agents should not be used")
    assert ada.names_class("anti-TNF therapy") and ada.names_class("TNF-α inhibitors")
    assert ada.names_class("over bDMARD or tsDMARD monotherapy")
    assert ada.names_class("adding a biologic disease-modifying drug")
    assert not ada.names_class("a non-TNF inhibitor bDMARD")
    assert not ada.names_class("an IL-17 inhibitor was used")
    ust = case_topic(_request("Stelara", "Psoriatic arthritis", "L40.50"))
    assert ust.names_class("an IL-12/23i biologic") and ust.names_class("IL-12/23 inhibitors")
    assert not ust.names_class("a TNFi biologic is recommended over an IL-17i biologic")
    feb = case_topic(_request("Uloric", "Gout", "M1A.9"))
    assert not feb.names_class("allopurinol as the preferred first-line ULT agent")
    assert feb.names_class("over all other ULTs") and not feb.names_class("ultrasound")


def test_therapies_by_drug_or_class() -> None:
    from pipeline.retrieve.topic import find_therapies

    names = [t.name for t in find_therapies("TNFi or OSM over an IL-17i, with methotrexate")]
    assert names[0] == "methotrexate"
    assert {"tnf inhibitor", "oral small molecule", "il-17 inhibitor"} <= set(names)
    # methotrexate's own classes are not named again beside it
    assert [t.name for t in find_therapies("methotrexate, a csDMARD")] == ["methotrexate"]


def _case(name: str, icd10: str | None) -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 7, "sex": "male"},
            "diagnoses": [{"name": name, "icd10": icd10}],
            "requested_treatment": {"drug": "Kineret"},
        }
    )


def test_a_name_inside_a_longer_condition_name_is_not_that_condition() -> None:
    # ICD-10 M08.20's own title contains "rheumatoid arthritis": the case is juvenile
    # arthritis, and the adult disease's words and abbreviation must not become its topic.
    for icd10 in ("M08.20", None):
        topic = case_topic(_case("Juvenile rheumatoid arthritis with systemic onset", icd10))
        assert topic.names_condition("systemic juvenile idiopathic arthritis")
        assert not topic.names_condition("adults with RA and moderate disease activity")
        assert topic.names_other_condition("In patients with RA, methotrexate is preferred.")
    plain = case_topic(_case("Rheumatoid arthritis, seropositive", "M05.79"))
    assert plain.names_condition("patients with RA")


def test_a_form_of_the_condition_is_known_by_its_icd10_code() -> None:
    coded = case_topic(_case("Juvenile rheumatoid arthritis, unspecified site", "M08.20"))
    assert coded.document_fit("Guideline for systemic JIA and oligoarthritis") == "specific"
    assert not coded.names_other_subtype("In systemic JIA, anakinra is recommended.")
    assert coded.names_other_subtype("In oligoarthritis, intraarticular steroids are used.")
    poly = case_topic(_case("Juvenile rheumatoid polyarthritis (seronegative)", "M08.3"))
    assert poly.names_other_subtype("In systemic JIA, anakinra is recommended.")
    assert "M08.2" not in poly.other_subtypes + coded.own_subtypes


def test_a_population_of_many_conditions_takes_in_the_case() -> None:
    psa = Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 42, "sex": "female"},
            "diagnoses": [{"name": "Psoriatic arthritis", "icd10": "L40.50"}],
            "requested_treatment": {"drug": "Recombinant zoster vaccine (Shingrix)"},
        }
    )
    topic = case_topic(psa)
    assert topic.names_population("For patients with RMD aged >18 years on treatment")
    assert topic.names_population("patients with rheumatic and musculoskeletal diseases")
    assert not topic.names_condition("patients with RMD")  # not the condition itself
    lyme = case_topic(_case("Lyme arthritis", "A69.23"))
    assert not lyme.names_population("patients with RMD")


def test_a_class_named_with_a_shared_head_noun() -> None:
    # "IL-1 and IL-6 inhibitors": anakinra's class is named though "IL-1 inhibitor" is not
    # written out; a class that is not among the names is not.
    topic = case_topic(_case("Juvenile rheumatoid arthritis with systemic onset", "M08.20"))
    assert topic.names_class("IL-1 and IL-6 inhibitors are strongly recommended over csDMARDs")
    assert topic.names_class("IL-1 and/or IL-6 inhibitors")
    assert not topic.names_class("TNF or IL-17 inhibitors are recommended")
