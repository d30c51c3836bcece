"""The condition's own graded recommendations listed by code (issue 26): graded, from the
condition's own guideline, on a therapy, for this case's population; the ones placing the
drug first; later lines under the path; near-repeats once; capped. And which document is
the condition's own: the guideline on the diagnosis's form beats the general one."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cases import load_case
from pipeline.draft.graded import listed_recommendations
from pipeline.draft.ranking import Sentence
from pipeline.models import Case, Chunk
from pipeline.retrieve.topic import case_topic

ROOT = Path(__file__).resolve().parents[2]
RA = ROOT / "evals" / "keypoints" / "heldout-cases" / "ra-adalimumab-first.yaml"


def _sentence(
    text: str, source: str = "ra-guideline", score: float = 0.0
) -> tuple[float, Sentence]:
    chunk = Chunk(
        id=f"{source}:{abs(hash(text))}",
        source_id=source,
        file=f"{source}.pdf",
        page=1,
        page_label="1",
        section=None,
        start=0,
        end=len(text),
        text=text,
        tokens=len(text.split()),
    )
    return score, Sentence(chunk, 1, text, 0.0)


@pytest.fixture(scope="module")
def ra() -> Case:
    return load_case(RA)


def _own(sent: Sentence) -> bool:
    return sent.chunk.source_id == "ra-guideline"


PLACES = (
    "Methotrexate monotherapy is strongly recommended over bDMARD or tsDMARD monotherapy for "
    "DMARD-naive patients with moderate-to-high disease activity."
)
HCQ = (
    "Methotrexate is strongly recommended over hydroxychloroquine or sulfasalazine for "
    "DMARD-naive patients with moderate-to-high disease activity."
)
ADD = (
    "Addition of a bDMARD or tsDMARD is conditionally recommended over triple therapy for "
    "patients taking maximally tolerated doses of methotrexate who are not at target."
)
HEART = (
    "In patients with heart failure, we conditionally recommend a non-TNFi bDMARD over a "
    "TNF inhibitor."
)


def test_graded_recommendations_on_the_path_are_listed_best_first(ra: Case) -> None:
    topic = case_topic(ra)
    scored = [
        _sentence(HCQ, score=3.0),  # ranked higher by the pool, but places no drug
        _sentence(PLACES, score=1.0),
        _sentence(ADD, score=2.0),
        # not graded: talk about the drug, not the guideline's recommendation
        _sentence("Methotrexate is an effective drug for rheumatoid arthritis in trials.", score=9),
        # another guideline's recommendation (not the condition's own)
        _sentence(
            "We conditionally recommend methotrexate over leflunomide for these patients.",
            source="other-guideline",
            score=9,
        ),
        # a recommendation on no therapy: beside a drug request
        _sentence(
            "We strongly recommend a consistent exercise program for people with RA.", score=9
        ),
        # for other patients than this case (a comorbidity the record does not show)
        _sentence(HEART, score=9),
    ]
    listed = listed_recommendations(scored, ra, topic, _own)
    assert [s.text for s in listed["rationale"]] == [PLACES, HCQ]
    assert [s.text for s in listed["path"]] == [ADD]  # a later line: the path's
    # the drug's recommendation for other patients (a comorbidity the record does not
    # show): where it has a role, or when not to use it
    assert [s.text for s in listed["role"]] == [HEART]


def test_near_repeats_once_and_capped(ra: Case) -> None:
    topic = case_topic(ra)
    numbered = "1. " + PLACES  # the text's numbered copy of the table's row
    scored = [_sentence(PLACES, score=2.0), _sentence(numbered, score=1.0)]
    scored += [
        _sentence(f"Methotrexate is conditionally recommended over {other} for {who}.", score=0.5)
        for other, who in [
            ("leflunomide", "DMARD-naive patients with low disease activity"),
            ("sulfasalazine", "patients with early arthritis of the hands"),
            ("azathioprine", "older adults starting their first csDMARD"),
            ("cyclosporine", "women who have completed their families"),
        ]
    ]
    listed = listed_recommendations(scored, ra, topic, _own, caps={"rationale": 3, "path": 1})
    texts = [s.text for s in listed["rationale"]]
    assert texts[0] == PLACES and numbered not in texts
    assert len(texts) == 3


def test_the_guideline_on_the_diagnosis_form_is_the_condition_own() -> None:
    ln = case_topic(load_case(ROOT / "evals/keypoints/heldout2-cases/ln-belimumab-after-dual.yaml"))
    assert ln.document_fit("2024 ACR Guideline for the Treatment of Lupus Nephritis") == "specific"
    assert ln.document_fit("Summary: Management of Systemic Lupus Erythematosus") == "general"
    assert ln.document_fit("2021 ACR Guideline for the Treatment of Rheumatoid Arthritis") == "off"
    jia = case_topic(load_case(ROOT / "corpus/cases/ivig-jia.yaml"))
    assert jia.document_fit(
        "Summary: Treatment of Polyarticular Juvenile Idiopathic Arthritis"
    ) == ("specific")
    assert (
        jia.document_fit(
            "2021 Guideline for the Treatment of Juvenile Idiopathic Arthritis: Oligoarthritis, "
            "Temporomandibular Joint Arthritis, and Systemic Juvenile Idiopathic Arthritis"
        )
        == "other_form"
    )
    sle = case_topic(load_case(ROOT / "corpus/cases/ivig-sle.yaml"))
    assert sle.document_fit("Guideline for the Management of Lupus Nephritis") == "other_form"
    assert sle.document_fit("Summary: Management of Systemic Lupus Erythematosus") == "general"


def test_another_disease_as_a_qualifier_is_no_other_subject() -> None:
    from pipeline.draft.graded import other_subject

    gout = case_topic(load_case(ROOT / "evals/keypoints/heldout-cases/gout-febuxostat-first.yaml"))
    qualifier = (
        "Starting treatment with low-dose allopurinol (lower in patients with rheumatoid "
        "arthritis) with subsequent dose titration is strongly recommended."
    )
    subject = "In patients with rheumatoid arthritis, we recommend allopurinol over febuxostat."
    assert gout.names_other_condition(qualifier) and not other_subject(qualifier, gout)
    assert other_subject(subject, gout)


def test_recommendations_for_all_patients_or_after_what_was_tried_come_first() -> None:
    from pipeline.draft.graded import _for_all

    gout = case_topic(load_case(ROOT / "evals/keypoints/heldout-cases/gout-febuxostat-first.yaml"))
    assert _for_all("", gout) and _for_all("for all patients with gout", gout)
    assert not _for_all("For patients with radiographic damage (any modality)", gout)
    axspa = case_topic(
        load_case(ROOT / "evals/keypoints/heldout-cases/axspa-adalimumab-after-nsaids.yaml")
    )
    assert _for_all("In adults with active AS despite treatment with NSAIDs", axspa)


def test_for_a_first_request_patients_already_on_the_drug_are_not_listed() -> None:
    from pipeline.draft.graded import _already_on

    axspa = case_topic(
        load_case(ROOT / "evals/keypoints/heldout-cases/axspa-adalimumab-after-nsaids.yaml")
    )
    assert _already_on("In adults with stable AS receiving an originator TNFi", axspa)
    assert not _already_on("In adults with active AS despite treatment with the first TNFi", axspa)
    assert not _already_on("In adults with active AS despite treatment with NSAIDs", axspa)
