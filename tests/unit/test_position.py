"""The guidelines' position on the request, read from recommendation sentences by code
(issue 26): not recommended, another therapy preferred, endorsed after failures, silent."""

from __future__ import annotations

from pathlib import Path

from pipeline.cases import load_case
from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case, Evidence
from pipeline.retrieve.topic import case_topic

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def ev(i: int, text: str) -> Evidence:
    return Evidence(
        id=f"E{i}.1",
        passage=f"E{i}",
        chunk_id=f"c{i}",
        source_id="g",
        file="g.pdf",
        page=1,
        text=text,
        title="Guideline",
    )


def case(drug: str, dx: str, icd: str, prior: list[dict] | None = None, history=None) -> Case:  # noqa: ANN001
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "male"},
            "diagnoses": [{"name": dx, "icd10": icd}],
            "requested_treatment": {"drug": drug},
            "prior_therapies": prior or [],
            "history": history or [],
        }
    )


def test_not_recommended_with_the_preferred_therapy_and_documentation() -> None:
    c = load_case(CASES / "ivig-jia.yaml")
    topic = case_topic(c)
    not_rec = ev(
        1,
        "Intravenous immune globulin (IVIG) is not among the therapies the "
        "guideline recommends for polyarticular JIA.",
    )
    first = ev(
        2,
        "Methotrexate is the preferred first drug, conditionally recommended over "
        "leflunomide and over sulfasalazine.",
    )
    trial = ev(3, "An adequate trial of methotrexate lasts about 3 months at an appropriate dose.")
    escalate = ev(
        4,
        "When the response to methotrexate is inadequate, adding a biologic "
        "disease-modifying drug is conditionally recommended.",
    )
    mas = ev(
        5,
        "In the 2021 guideline for systemic JIA, IVIG is mentioned only as one option "
        "for macrophage activation syndrome that does not respond to biologic therapy.",
    )
    position, docs = guideline_position(c, topic, [not_rec, mas], [first, escalate, trial], {})
    assert position.stance == "not_recommended"
    assert position.citations[0] == "E1.1" and "E2.1" in position.citations
    assert position.preferred == ["methotrexate"]
    assert docs[0].startswith("Trial of methotrexate") and "about 3 months" in docs[0]
    assert any("biologic" in d for d in docs)
    assert any("macrophage activation syndrome" in d for d in docs)


def test_another_therapy_preferred_over_the_drug() -> None:
    c = case(
        "Febuxostat (Uloric)",
        "Chronic tophaceous gout",
        "M1A.9",
        [{"name": "Colchicine", "response": "tolerated"}],
    )
    topic = case_topic(c)
    s = ev(
        1,
        "Treatment with allopurinol as the preferred first-line agent, over all other "
        "ULTs, is strongly recommended for all patients, including those with CKD.",
    )
    low = ev(
        2,
        "For allopurinol and febuxostat, we strongly recommend starting at a low dose "
        "with subsequent dose titration to target over starting at a higher dose.",
    )
    cvd = ev(
        3,
        "Switching to an alternative oral ULT agent is conditionally recommended for "
        "patients taking febuxostat with a history of CVD.",
    )
    assert read_sentence(cvd, topic).kind == "other"  # about patients already on it
    position, docs = guideline_position(c, topic, [s, low, cvd], [s], {})
    assert position.stance == "prefers_other" and position.preferred == ["allopurinol"]
    assert "allopurinol" in position.summary and docs[0].startswith("Trial of allopurinol")


def test_endorsed_after_failures_the_case_documents() -> None:
    nsaids = [
        {"name": "Naproxen 500 mg twice daily", "response": "inadequate response"},
        {"name": "Celecoxib", "response": "inadequate response"},
    ]
    c = case("Adalimumab (Humira)", "Ankylosing spondylitis", "M45.8", nsaids)
    topic = case_topic(c)
    tnfi = ev(
        1,
        "In adults with active AS despite treatment with NSAIDs, we strongly recommend "
        "treatment with TNFi over no treatment with TNFi.",
    )
    biosimilar = ev(
        2,
        "In adults with active AS despite treatment with the first TNFi used, we "
        "strongly recommend against switching to a biosimilar of the first TNFi.",
    )
    position, _ = guideline_position(c, topic, [tnfi, biosimilar], [], {})
    assert position.stance == "supports" and position.citations[0] == "E1.1"
    # The same endorsement without the NSAID trials on record: NSAIDs come first.
    bare = case("Adalimumab (Humira)", "Ankylosing spondylitis", "M45.8")
    position, docs = guideline_position(bare, case_topic(bare), [tnfi], [], {})
    assert position.stance == "prefers_other" and position.preferred == ["nsaid"]


def test_biologic_after_methotrexate_prefers_methotrexate_first() -> None:
    c = case("Adalimumab (Humira)", "Rheumatoid arthritis", "M05.79")
    topic = case_topic(c)
    add = ev(
        1,
        "Addition of a bDMARD or tsDMARD is conditionally recommended over triple therapy "
        "for patients taking maximally tolerated doses of methotrexate who are not at "
        "target.",
    )
    position, _ = guideline_position(c, topic, [add], [], {})
    assert position.stance == "prefers_other" and position.preferred == ["methotrexate"]


def test_silent_when_no_recommendation_names_the_drug() -> None:
    c = case("Adalimumab (Humira)", "Rheumatoid arthritis", "M05.79")
    other = ev(
        1,
        "Methotrexate is strongly recommended over hydroxychloroquine or sulfasalazine "
        "for DMARD-naive patients.",
    )
    position, docs = guideline_position(c, case_topic(c), [other], [other], {})
    assert position.stance == "silent" and position.citations == [] and docs == []


def test_continuation_after_generic_failures_is_supported() -> None:
    c = load_case(CASES / "ivig-sle.yaml")
    topic = case_topic(c)
    added = ev(
        1,
        "Intravenous immune globulin (IVIG) may be added in the acute phase when the "
        "response to high-dose glucocorticoids is inadequate.",
    )
    second = ev(2, "IVIG is not a first-line therapy for SLE.")
    hcq = ev(
        3,
        "Hydroxychloroquine is recommended for every patient with SLE unless it is "
        "contraindicated.",
    )
    position, docs = guideline_position(c, topic, [added, second], [hcq], {})
    assert position.stance == "supports"
    assert any("hydroxychloroquine" in d for d in docs)
    assert any(d.startswith("Objective measures of response") for d in docs)


def test_a_combination_advised_against_is_not_against_the_drug() -> None:
    c = case("Adalimumab (Humira)", "Ankylosing spondylitis", "M45.8")
    topic = case_topic(c)
    combo = ev(
        1,
        "Co-administration of low-dose methotrexate with TNFi is not recommended in "
        "adults with active AS.",
    )
    added = ev(
        2,
        "We conditionally recommend against the addition of sulfasalazine or "
        "methotrexate to TNFi in cases of nonresponse to TNFi.",
    )
    for sentence in (combo, added):
        reading = read_sentence(sentence, topic)
        assert reading is None or reading.kind != "against"
    alone = ev(3, "TNFi is not recommended for adults with inactive AS.")
    assert read_sentence(alone, topic).kind == "against"


def test_a_recommendation_for_other_patients_does_not_place_the_drug() -> None:
    c = case(
        "Febuxostat (Uloric)",
        "Chronic tophaceous gout",
        "M1A.9",
        history=["Three flares a year; no history of cardiovascular disease."],
    )
    topic = case_topic(c)
    asymptomatic = ev(
        1,
        "We conditionally recommend against initiating any ULT, including febuxostat, in "
        "patients with asymptomatic hyperuricemia.",
    )
    position, _ = guideline_position(c, topic, [asymptomatic], [], {})
    assert position.stance == "silent"


def test_population_fits_reads_qualifiers_age_and_negation() -> None:
    from pipeline.draft.population import population_fits

    c = case(
        "Ustekinumab",
        "Psoriatic arthritis",
        "L40.50",
        history=["Mild psoriasis. No inflammatory bowel disease, no serious infections."],
    )
    topic = case_topic(c)
    assert population_fits("in patients with active PsA", c, topic)
    assert population_fits("for patients with moderate-to-severe disease", c, topic)
    assert not population_fits("in patients with severe psoriasis", c, topic)
    assert not population_fits("in patients who have concomitant IBD", c, topic)
    assert not population_fits("in patients with recurrent infections", c, topic)
    assert not population_fits("in children with active disease", c, topic)
    pregnant = case("Ustekinumab", "Psoriatic arthritis", "L40.50", history=["Pregnant, 12 weeks."])
    assert population_fits("in pregnant patients", pregnant, case_topic(pregnant))


def test_a_passive_against_is_about_its_subject_not_the_patients_after_it() -> None:
    c = case("Febuxostat (Uloric)", "Chronic tophaceous gout", "M1A.9")
    topic = case_topic(c)
    pegloticase = ev(
        1,
        "Switching to pegloticase over continuing current ULT is strongly recommended "
        "against for patients with gout for whom XOI treatment has failed.",
    )
    reading = read_sentence(pegloticase, topic)
    assert reading is None or reading.kind != "against"


def test_a_first_flare_population_is_not_a_case_with_frequent_flares() -> None:
    from pipeline.draft.population import population_fits

    c = case("Febuxostat", "Chronic tophaceous gout", "M1A.9", history=["Three flares a year."])
    topic = case_topic(c)
    assert not population_fits(
        "in patients with gout experiencing their first gout flare", c, topic
    )
    assert population_fits("in patients with frequent gout flares", c, topic)
    asked_first = case(
        "Febuxostat",
        "Gout",
        "M1A.9",
        history=["Is it the first urate-lowering therapy? Three flares."],
    )
    assert not population_fits(
        "in patients with their first gout flare", asked_first, case_topic(asked_first)
    )


def test_class_placed_below_another_therapy_names_that_therapy() -> None:
    """A recommendation on the drug's class (not the drug) places the drug; the preferred
    can be a class ("a TNF inhibitor over an IL-17 inhibitor")."""
    c = case("Adalimumab (Humira)", "Rheumatoid arthritis", "M05.79")
    mono = ev(
        1,
        "Methotrexate monotherapy is strongly recommended over bDMARD or tsDMARD monotherapy "
        "for DMARD-naive patients with moderate-to-high disease activity.",
    )
    position, docs = guideline_position(c, case_topic(c), [mono], [mono], {})
    assert position.stance == "prefers_other" and position.preferred == ["methotrexate"]
    sec = case("Cosentyx", "Ankylosing spondylitis", "M45.9")
    tnfi = ev(2, "We conditionally recommend treatment with a TNFi biologic over an IL-17i.")
    position, docs = guideline_position(sec, case_topic(sec), [tnfi], [tnfi], {})
    assert position.stance == "prefers_other" and position.preferred == ["tnf inhibitor"]
    assert docs[0].startswith("Trial of tnf inhibitor")


def test_an_escalation_is_no_first_line() -> None:
    from pipeline.draft.position import first_line

    c = case("Adalimumab (Humira)", "Rheumatoid arthritis", "M05.79")
    add = ev(1, "When the response to methotrexate is inadequate, adding a bDMARD is recommended.")
    first = ev(2, "Methotrexate is strongly recommended over hydroxychloroquine for RA.")
    assert [t.name for t, _ in first_line([add, first], case_topic(c))] == ["methotrexate"]


def test_an_escalation_names_its_earlier_drugs_not_its_class() -> None:
    from pipeline.draft.position import first_line

    c = load_case(CASES / "ivig-sle.yaml")
    step = ev(
        1,
        "When disease does not respond to hydroxychloroquine, an immunosuppressant should be "
        "added: methotrexate, azathioprine or mycophenolate mofetil.",
    )
    names = [t.name for t, _ in first_line([step], case_topic(c))]
    assert "methotrexate" in names and "azathioprine" in names
    assert "immunosuppressant" not in names
