"""A requested service (a scan, a surgery, a non-drug therapy) read like a requested drug
(issue 26): its names from the vocabulary's services, its kind from its name or its CPT
code, questions of its own, and the guideline's position from the recommendation sentences
that name it."""

from __future__ import annotations

from pipeline.draft.alternatives import (
    governs_request,
    patients_for,
    reason_against,
    service_alternatives,
    trial_text,
)
from pipeline.draft.gather import fit_for
from pipeline.draft.position import guideline_position
from pipeline.draft.quotable import why_not
from pipeline.draft.ranking import fits
from pipeline.draft.sections import SECTIONS
from pipeline.models import Case
from pipeline.retrieve.requests import cpt_kind, request_kind
from pipeline.retrieve.topic import case_topic
from pipeline.terms import find_service
from tests.unit.test_position import case, ev


def scan_case() -> Case:
    c = case(
        "High-resolution computed tomography of the chest without contrast (CPT 71250)",
        "Progressive systemic sclerosis (diffuse cutaneous)",
        "M34.0",
    )
    c.question = "Is a chest CT medically necessary to screen for interstitial lung disease?"
    return c


def manipulation_case() -> Case:
    return case(
        "Chiropractic spinal manipulative treatment, lumbar region (CPT 98940)",
        "Rheumatoid arthritis, multiple sites",
        "M06.09",
        prior=[{"name": "Methotrexate 15 mg weekly", "response": "low disease activity"}],
    )


def test_cpt_code_gives_the_kind_of_a_request_its_name_does_not() -> None:
    assert cpt_kind("Something (CPT 71250)") == "testing"
    assert cpt_kind("Something, CPT code 27130") == "procedure"
    assert cpt_kind("Something (CPT 98941)") == "therapy"
    assert cpt_kind("Abatacept (Orencia)") is None
    assert request_kind("Unnamed study of the chest (CPT 71250)").name == "testing"
    assert request_kind("Unnamed surgery code (CPT 27130)").name == "procedure"
    # a non-drug therapy of the condition is asked about like a drug: no kind
    assert request_kind("Manipulation (CPT 98941)") is None
    assert request_kind("Physical therapy visits", "therapy") is None


def test_a_service_by_the_names_the_sources_use() -> None:
    assert find_service("High-resolution computed tomography of the chest").name == (
        "high-resolution computed tomography"
    )
    assert find_service("Chiropractic spinal manipulative treatment").name == "chiropractic therapy"
    assert find_service("Abatacept") is None
    topic = case_topic(scan_case())
    assert topic.kind is not None and topic.kind.name == "testing"
    assert topic.names_drug("we conditionally recommend screening with HRCT chest")
    assert not any("71250" in w for w in topic.drug_words)  # a code is no name
    assert "computed tomography" in topic.drug_words  # the head, not "without contrast"
    assert "without contrast" not in topic.drug_words
    # the condition the question names as the request's target is no other disease
    assert not topic.names_other_condition("people at risk of interstitial lung disease")
    assert topic.names_condition("patients with SSc")


def test_questions_name_the_service_and_its_alternatives() -> None:
    topic = case_topic(manipulation_case())
    assert topic.kind is None and topic.service is not None
    questions = topic.questions()
    assert all("CPT" not in q for qs in questions.values() for q in qs)
    assert any("chiropractic" in q for q in questions["position"])
    # where a non-drug therapy stands: among the condition's other non-drug therapies
    assert any("physical therapy" in q and "exercise" in q for q in questions["path"])
    scan = case_topic(scan_case()).questions()
    assert any("screen for interstitial lung disease" in q for q in scan["rationale"])


def test_a_service_advised_against_prefers_its_endorsed_siblings() -> None:
    c = manipulation_case()
    topic = case_topic(c)
    sentences = [
        ev(1, "We conditionally recommend against use of chiropractic therapy for RA."),
        ev(2, "We conditionally recommend that individuals with RA take part in physical therapy."),
        ev(3, "We conditionally recommend against use of electrotherapy modalities."),
    ]
    position, requests = guideline_position(c, topic, sentences, [])
    assert position.stance == "not_recommended"
    assert position.preferred == ["physical therapy"]  # not the RA's first-line drug
    assert "E2.1" in position.citations
    assert requests[0].startswith("Trial of physical therapy")
    alternatives = service_alternatives(sentences, topic)
    assert [t.name for t, _ in alternatives] == ["physical therapy"]


def test_a_recommended_scan_is_supported_by_the_sentence_that_governs_it() -> None:
    c = scan_case()
    topic = case_topic(c)
    beside = ev(1, "Two cohort studies contributed evidence for this recommendation on HRCT.")
    governing = ev(
        2, "For people at increased risk, we conditionally recommend screening with HRCT chest."
    )
    assert governs_request(governing.text, topic)
    assert not governs_request(beside.text, topic)
    position, _ = guideline_position(c, topic, [beside, governing], [])
    assert position.stance == "supports"
    assert position.citations[0] == "E2.1"


def test_a_test_asks_for_results_not_a_trial() -> None:
    assert trial_text(find_service("pulmonary function tests")).startswith("Results of")
    assert trial_text(find_service("physical therapy")).startswith("Trial of")


def test_a_kind_document_about_another_disease_is_not_the_requests_own() -> None:
    topic = case_topic(scan_case())
    assert fit_for(topic, "Guideline for the Screening and Treatment of Lupus Nephritis") != (
        "specific"
    )
    assert fit_for(topic, "Screening for ILD in Systemic Autoimmune Rheumatic Diseases") == (
        "specific"
    )


def test_a_biologic_after_a_conventional_dmard_the_case_has_not_tried() -> None:
    c = case(
        "Abatacept (Orencia)",
        "Pauciarticular juvenile rheumatoid arthritis, right knee",
        "M08.461",
        prior=[{"name": "Naproxen 10 mg/kg twice daily", "response": "partial"}],
    )
    topic = case_topic(c)
    sentence = ev(
        1,
        "Biologic DMARDs are strongly recommended if there is inadequate response to or "
        "intolerance of NSAIDs and at least 1 csDMARD.",
    )
    position, _ = guideline_position(c, topic, [sentence], [])
    assert position.stance == "prefers_other"
    assert position.preferred == ["csdmard"]


def test_the_drug_path_is_beside_a_non_drug_therapy() -> None:
    topic = case_topic(manipulation_case())
    assert topic.beside_service("Methotrexate is conditionally recommended over leflunomide.")
    assert not topic.beside_service("Continuation of all DMARDs is conditionally recommended.")
    assert topic.beside_service("Continuation of all DMARDs is recommended.", classes=True)
    # the request itself, or a sibling therapy, is on its path
    assert not topic.beside_service("We recommend physical therapy beside methotrexate.")
    assert topic.names_sibling("We strongly recommend consistent engagement in exercise.")
    # a drug request has no such test
    drug = case_topic(case("Abatacept", "Rheumatoid arthritis", "M06.9"))
    assert not drug.beside_service("Methotrexate is conditionally recommended.")


def test_recommendations_for_patients_who_already_have_the_target() -> None:
    topic = case_topic(scan_case())
    assert [t.name for t in topic.targets] == ["interstitial lung disease"]
    assert topic.for_target_patients("For people with SARD-ILD, we recommend monitoring.")
    assert topic.for_target_patients("In patients with interstitial lung disease, ...")
    assert not topic.for_target_patients(
        "For people at increased risk of developing ILD, we recommend screening with HRCT."
    )


def test_the_reason_a_recommendation_against_gives_is_asked_for() -> None:
    c = manipulation_case()
    topic = case_topic(c)
    against = ev(
        1,
        "We conditionally recommend against chiropractic therapy because of the risk of "
        "atlantoaxial instability in these patients.",
    )
    assert reason_against([against]) == (
        "Findings bearing on the guideline's reason against it: risk of atlantoaxial "
        "instability in these patients",
        against,
    )
    _, requests = guideline_position(c, topic, [against], [])
    assert any("atlantoaxial" in r for r in requests)
    assert any(r.startswith("Current therapies and doses: methotrexate") for r in requests)


def test_pauciarticular_jia_is_the_oligoarticular_form() -> None:
    topic = case_topic(
        case("Abatacept", "Pauciarticular juvenile rheumatoid arthritis, knee", "M08.461")
    )
    assert topic.document_fit("Therapeutic Approaches for Oligoarthritis and Systemic JIA") == (
        "specific"
    )
    # a heading on another form keeps its sentences out of the path (gather.py)
    assert topic.names_other_subtype("Systemic JIA without MAS: initial therapy (Table 5)")
    assert not topic.names_other_subtype("Oligoarthritis: initial therapy")


def test_another_test_for_the_same_purpose_is_an_alternative_not_beside() -> None:
    spec = {s.key: s for s in SECTIONS}
    topic = case_topic(scan_case())
    against = "For people at increased risk, we conditionally recommend against chest radiography."
    assert fits(against, spec["rationale"], topic, True, False)
    # the target in a modifier names this request's purpose, not another test
    at_presentation = "We suggest that most people with SSc should have ILD screening tests."
    assert not topic.names_other_item(at_presentation)
    # a finding about patients with the target is no recommendation for them
    finding = "Patients with ILD can have normal PFTs."
    assert fits(finding, spec["rationale"], topic, True, False)
    assert not fits(
        "For people with SARD-ILD, we conditionally recommend monitoring with HRCT chest.",
        spec["rationale"],
        topic,
        True,
        False,
    )
    # a sibling non-drug therapy is a therapy a clinical section may quote
    therapy = case_topic(manipulation_case())
    assert why_not("We conditionally recommend use of massage therapy over none.", therapy) is None


def test_a_class_put_first_is_asked_for_by_its_preferred_drug() -> None:
    c = case(
        "Abatacept (Orencia)",
        "Pauciarticular juvenile rheumatoid arthritis, right knee",
        "M08.461",
        prior=[{"name": "Naproxen 10 mg/kg twice daily", "response": "partial"}],
    )
    topic = case_topic(c)
    sentences = [
        ev(
            1,
            "Biologic DMARDs are strongly recommended if there is inadequate response to "
            "NSAIDs and at least 1 csDMARD.",
        ),
        ev(2, "MTX is conditionally recommended as a preferred agent over LEF."),
    ]
    position, requests = guideline_position(c, topic, sentences, [])
    assert position.stance == "prefers_other"
    assert "E2.1" in position.citations
    assert requests[0].startswith("Trial of methotrexate (the preferred csdmard)")
    assert not any(r.startswith("Trial of csdmard") for r in requests)
    # the endorsement's requirement the case did try: its response
    assert any(r.startswith("Response to nsaid") for r in requests)


def test_the_patients_a_sentence_keeps_the_drug_for() -> None:
    topic = case_topic(case("Abatacept", "Juvenile idiopathic arthritis", "M08.0"))
    first = ev(1, "Starting a biologic first may be considered for children with erosions.")
    later = ev(2, "A second biologic may be considered for patients despite treatment with a TNFi.")
    assert patients_for(topic, [later]) is None
    assert patients_for(topic, [later, first]) == (
        "Whether the patient is one of children with erosions",
        first,
    )


def test_against_delaying_the_request_is_for_it() -> None:
    c = manipulation_case()
    topic = case_topic(c)
    delay = ev(1, "We conditionally recommend against delaying chiropractic therapy for RA.")
    position, _ = guideline_position(c, topic, [delay], [])
    assert position.stance == "supports"
