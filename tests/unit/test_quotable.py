"""What may be quoted in a clinical section (issue 26): recommendations and findings on the
case; never headings, captions, reference entries, method/panel lines, research agendas,
a document's account of itself, disclaimers, or another disease's sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cases import load_case
from pipeline.draft.quotable import why_not
from pipeline.retrieve.topic import case_topic

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


@pytest.fixture(scope="module")
def jia():  # noqa: ANN201
    return case_topic(load_case(CASES / "ivig-jia.yaml"))


@pytest.fixture(scope="module")
def sle():  # noqa: ANN201
    return case_topic(load_case(CASES / "ivig-sle.yaml"))


@pytest.mark.parametrize(
    "text",
    [
        "Methotrexate is the preferred first drug, conditionally recommended over leflunomide.",
        "Intravenous immune globulin (IVIG) is not among the therapies the guideline "
        "recommends for polyarticular JIA.",
        "When the response to methotrexate is inadequate, adding a biologic disease-modifying "
        "drug is conditionally recommended.",
    ],
)
def test_recommendations_on_the_case_may_be_quoted(jia, text: str) -> None:  # noqa: ANN001
    assert why_not(text, jia) is None


@pytest.mark.parametrize(
    ("text", "heading", "reason"),
    [
        (
            "Place of IVIG About this summary This is a short summary, written in our own "
            "words, of published recommendations for treating systemic lupus.",
            "Place of IVIG",
            "heading",
        ),
        (
            "Table 2. Recommendations for the initial treatment of children with JIA.",
            None,
            "caption",
        ),
        (
            "Ringold S, Angeles-Han ST, Beukelman T. 2019 guideline for JIA with methotrexate. "
            "Arthritis Care Res 2019;71:717-34.",
            None,
            None,  # a reference entry, whatever rule names it first
        ),
        (
            "A Voting Panel including clinicians and patients achieved consensus on the "
            "direction of each recommendation for JIA.",
            None,
            "method or panel",
        ),
        (
            "Further research is needed on the role of methotrexate in children with JIA.",
            None,
            "research agenda",
        ),
        (
            "It is a sample for the Necessity pipeline; read the original guideline for "
            "clinical use in JIA.",
            None,
            "about the document",
        ),
        (
            "Although many recommendations are conditional, the inclusion of caregivers and "
            "patients strengthens the relevance of the guideline for JIA.",
            None,
            "about the document",
        ),
        (
            "This information does not replace clinical judgment in the treatment of JIA "
            "with methotrexate.",
            None,
            "disclaimer",
        ),
        (
            "Prior authorization is required for intravenous immune globulin (IVIG) and "
            "subcutaneous immune globulin (SCIG).",
            None,
            "administrative",
        ),
        (
            "In children with JIA, should methotrexate be recommended over leflunomide as "
            "initial therapy?",
            None,
            "a question, not a finding",
        ),
        (
            "Hydroxychloroquine is recommended for every patient with systemic lupus "
            "erythematosus unless it is contraindicated.",
            None,
            "another disease, no word on this drug",
        ),
    ],
)
def test_what_is_never_quoted(jia, text: str, heading: str | None, reason: str | None) -> None:  # noqa: ANN001
    got = why_not(text, jia, heading)
    if reason is None and "Ringold" in text:
        assert got is not None
    else:
        assert got == reason


def test_another_disease_without_the_drug_is_refused(sle) -> None:  # noqa: ANN001
    text = (
        "In general, testing for aPL should be performed in patients with suspected APS or "
        "a history of thrombosis."
    )
    assert why_not(text, sle) == "another disease, no word on this drug"
    # ... but a sentence on this drug stays quotable, wherever it comes from.
    assert (
        why_not(
            "IVIG should not be used routinely to treat GPA/MPA in adults with vasculitis.", sle
        )
        is None
    )


def test_a_drug_document_need_not_name_the_drug(sle) -> None:  # noqa: ANN001
    text = (
        "For autoimmune indications the usual dose is up to 2 g/kg per course, divided over "
        "2 to 5 days."
    )
    assert why_not(text, sle) is not None
    assert why_not(text, sle, drug_document=True) is None


def test_sentences_about_a_recommendation_are_refused(jia) -> None:  # noqa: ANN001
    for text in (
        "The recommendation is conditional because methotrexate may not suit every child with JIA.",
        "The strength of the following recommendation is conditional for all biologics in JIA.",
    ):
        assert why_not(text, jia) == "about a recommendation"


def test_a_recommendation_line_without_a_full_stop_is_a_sentence() -> None:
    from pipeline.draft.quotable import complete_sentence

    assert complete_sentence(
        "Methotrexate monotherapy is strongly recommended over bDMARD or tsDMARD monotherapy "
        "for DMARD-naive patients with moderate-to-high disease activity"
    )
    # Without a recommendation verb, a line with no full stop is still a fragment.
    assert not complete_sentence("Methotrexate monotherapy for DMARD-naive patients with disease")


def test_table_tails_and_reference_tags_are_trimmed_to_a_verbatim_prefix() -> None:
    from pipeline.draft.quotable import trimmed

    row = "We strongly recommend treatment with NSAIDs over no treatment with NSAIDs.† Low 2"
    assert trimmed(row) == row[: row.index("†")]
    tagged = (
        "In adults with active AS despite NSAIDs, we strongly recommend treatment with TNFi "
        "over no treatment with TNFi (PICO 6)."
    )
    assert trimmed(tagged) == tagged[: tagged.index(" (PICO")]
    assert trimmed("A finding stated in this plain sentence here (Table 2).").endswith("(Table 2).")


def test_a_recommendation_number_and_picos_tag_at_its_head_are_trimmed() -> None:
    from pipeline.draft.quotable import trimmed

    tagged = (
        "Recommendation 8: (PICOs 10–11) The panel strongly recommends against the use of "
        "TNFa blocking agents for treatment of PMR."
    )
    cut = trimmed(tagged)
    assert cut == tagged[tagged.index("The panel") :]  # a verbatim part of it


def test_a_short_all_capitals_label_is_the_statement_own_not_a_heading(sle) -> None:  # noqa: ANN001
    label = (
        "MONITORING: In people with LN who have not achieved complete renal response, we "
        "strongly recommend quantifying proteinuria at least every 3 months."
    )
    assert why_not(label, sle) is None
    # a long one is a heading carrying a population the reader cannot check
    heading = (
        "IN PEOPLE WITH ACTIVE/NEW ONSET/FLARE OF PURE CLASS V: ...With proteinuria we "
        "conditionally recommend treatment with hydroxychloroquine for lupus."
    )
    assert why_not(heading, sle) == "heading"
    assert why_not("Place Of IVIG About This summary is short and plain text here.", sle)


def test_a_cited_works_title_is_known_by_the_journal_after_it() -> None:
    from pipeline.draft.gather import _JOURNAL

    entry = (
        "arthritis: safety and preliminary efficacy results of a randomized multicenter "
        "study. Clin Rheumatol 2009;28:129–37. 39. Rypdal V, Arnstad ED"
    )
    assert _JOURNAL.match(entry, entry.index("study.") + len("study."))
    prose = "Anakinra is recommended. IL-1 inhibitors were studied in 2009 in 40 children."
    assert not _JOURNAL.match(prose, prose.index(".") + 1)
