"""A population the record confirms by denying symptoms ("asymptomatic" where the record says
"without signs of" or "never had a flare"), a recommendation against the drug's whole class
for it, and a summary's capitals population labels and ellipses (issue 26)."""

from __future__ import annotations

from pipeline.draft.population import population_fits
from pipeline.draft.position import guideline_position
from pipeline.draft.quotable import ellipsis_spans, population_label
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev


def case(dx: str, history: list[str]) -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 50, "sex": "male"},
            "diagnoses": [
                {"name": dx, "icd10": "E79.0"},
                {"name": "Chronic kidney disease, stage 3a", "icd10": "N18.31"},
            ],
            "requested_treatment": {"drug": "Allopurinol", "request_type": "initial"},
            "history": history,
        }
    )


SYMPTOM_FREE = case(
    "Hyperuricemia without signs of inflammatory arthritis", ["Never had a gout flare."]
)
UNSAID = case("Hyperuricemia", ["Serum urate 9.1 mg/dL."])
AGAINST = (
    "For patients with asymptomatic hyperuricemia, we conditionally recommend against "
    "initiating any pharmacologic ULT (allopurinol, febuxostat) over no ULT."
)
FOR_CKD = (
    "The choice of either allopurinol or febuxostat over probenecid is strongly recommended "
    "for patients with moderate-to-severe CKD (stage >=3)."
)
SWITCH = (
    "Switching to pegloticase over continuing current ULT is strongly recommended for "
    "patients with gout for whom XOI treatment has failed."
)
ALONGSIDE = (
    "When initiating ULT, concomitant antiinflammatory prophylaxis therapy for at least 3 "
    "months is strongly recommended."
)


def test_asymptomatic_is_on_a_record_that_denies_the_symptoms() -> None:
    population = "for patients with asymptomatic hyperuricemia"
    assert population_fits(population, SYMPTOM_FREE, case_topic(SYMPTOM_FREE))
    assert not population_fits(population, UNSAID, case_topic(UNSAID))


def test_against_the_class_for_the_confirmed_population_is_not_recommended() -> None:
    topic = case_topic(SYMPTOM_FREE)
    sentences = [ev(1, FOR_CKD), ev(2, AGAINST)]
    pos, _ = guideline_position(SYMPTOM_FREE, topic, sentences, [ev(3, SWITCH), ev(4, ALONGSIDE)])
    assert pos.stance == "not_recommended"
    assert "E2.1" in pos.citations
    # a later line (switching) and what goes beside the drug (prophylaxis) are no
    # alternatives, nor other members of a class advised against as a whole
    assert pos.preferred == []


def test_the_record_unsaid_keeps_the_population_out() -> None:
    topic = case_topic(UNSAID)
    pos, _ = guideline_position(UNSAID, topic, [ev(1, FOR_CKD), ev(2, AGAINST)], [])
    assert pos.stance != "not_recommended"


def test_a_capitals_population_label_is_cut_from_its_statement() -> None:
    label, text = population_label(
        "IN PEOPLE WITH ACTIVE CLASS V: ...With proteinuria >=1 g/g we conditionally "
        "recommend a triple regimen."
    )
    assert label == "in people with active class v"
    assert text.startswith("With proteinuria")
    assert population_label("In people with LN, we recommend X.") == (
        "",
        "In people with LN, we recommend X.",
    )


def test_a_summary_ellipsis_between_statements_splits_them() -> None:
    text = "If not on HCQ, we recommend HCQ, unless contraindicated. ...With proteinuria, add X."
    parts = [text[a:b] for a, b in ellipsis_spans(text, [(0, len(text))])]
    assert parts == [
        "If not on HCQ, we recommend HCQ, unless contraindicated.",
        "With proteinuria, add X.",
    ]
