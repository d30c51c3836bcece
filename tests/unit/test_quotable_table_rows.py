"""A recommendation table's rows read as sentences (issue 26): the cells a text layer runs
into a row's statement (the table's header, the row before's grade and PICO numbers, the
row's own grade after a statement with no full stop) are cut, the statement kept verbatim;
an imperative row ("Treat with X over Y") counts as a graded recommendation."""

from __future__ import annotations

from pipeline.draft.graded import RECOMMENDATION
from pipeline.draft.population import population_of
from pipeline.draft.quotable import table_row, trimmed, why_not
from pipeline.draft.ranking import GRADED
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic

GOUT = case_topic(
    Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 54, "sex": "male"},
            "diagnoses": [{"name": "Gout", "icd10": "M10.9"}],
            "requested_treatment": {"drug": "Colchicine"},
        }
    )
)

ROW = "For adults ≥40 years with high fracture risk, we conditionally recommend X over Y."


def test_the_row_before_grade_and_numbers_are_cut() -> None:
    assert trimmed(f"Low 1.13c-1.20c 49-50 {ROW}") == ROW
    assert trimmed(f"Very low 1.16c, 1.21c, 1.28c 50 {ROW}") == ROW
    assert trimmed(f"32 High† {ROW}") == ROW
    assert trimmed(f"Recommendation PICO question Certainty of evidence {ROW}") == ROW
    # the population the reader parses is the statement's own again
    assert population_of(trimmed(f"32 High† {ROW}")).startswith("For adults")


def test_a_statement_without_full_stop_loses_its_grade_cells() -> None:
    text = (
        "For adults beginning chronic GC treatment, we conditionally recommend optimizing "
        "calcium and vitamin D in addition to lifestyle modifications Low or very low 1.1a,b,c, 6-8"
    )
    assert trimmed(text).endswith("in addition to lifestyle modifications")


def test_prose_and_numbered_items_stay_as_they_are() -> None:
    numbered = "5. For adults with very high fracture risk, anabolic agents are recommended."
    assert table_row(numbered) == numbered  # a list item's own number is no cell
    prose = "High doses of methotrexate are recommended for patients with active disease."
    assert table_row(prose) == prose
    no_statement = "Low 12 For adults with gout, serum urate was measured every month."
    assert table_row(no_statement) == no_statement  # no recommendation in it: left alone


def test_an_imperative_table_row_is_a_graded_recommendation() -> None:
    assert GRADED.search("Treat with a TNFi biologic over an IL-17i biologic")
    assert RECOMMENDATION.search("2. Treat with a TNFi biologic over an OSM (MTX, SSZ)")
    assert not GRADED.search("Treatment with a TNFi biologic was studied over 12 weeks")


def test_a_summary_ellipses_are_no_part_of_its_statement() -> None:
    text = "...We conditionally recommend pulse steroids tapered to 5 mg/day by 6 months. ..."
    assert trimmed(text) == (
        "We conditionally recommend pulse steroids tapered to 5 mg/day by 6 months."
    )


def test_a_row_population_before_a_past_tense_we_recommended() -> None:
    row = "Adults <40 years with MODERATE fracture risk, we conditionally recommended oral BP."
    assert population_of(row) == "Adults <40 years with MODERATE fracture risk"


def test_a_numbered_recommendation_is_no_reference_entry() -> None:
    assert why_not(
        "3. Smith AB. Gout in older men and in women over ten years: a cohort study.",
        GOUT,
    ) == ("reference entry")
    item = "8. Include in decision-making that sequential OP treatment is recommended for gout."
    assert why_not(item, GOUT) is None


def test_a_short_imperative_row_with_its_grade_cells_is_its_statement() -> None:
    """ "5. Switch to X over Y (PICO 76) Low (62-66) Conditional ...": the statement, even
    at seven words or ending on an abbreviation, is quotable; its grade cells are cut."""
    row = (
        "5. Switch to a TNFi biologic over ustekinumab (PICO 71) Low (62-66, 72-78) "
        "Conditional recommendation based on low- quality evidence; may consider it."
    )
    assert trimmed(row) == "Switch to a TNFi biologic over ustekinumab"
    assert why_not(trimmed(row), GOUT, drug_document=True) is None
    caps = "Switch to a TNFi biologic over a different OSM (PICO 23) Moderate (62-66) Conditional"
    assert trimmed(caps) == "Switch to a TNFi biologic over a different OSM"
    assert why_not("Switch to a TNFi", GOUT, drug_document=True) == "not a complete sentence"


def test_a_long_pico_tag_at_a_recommendations_end_is_trimmed() -> None:
    """A tag listing many PICO questions is the guideline's apparatus, not a method line."""
    text = (
        "In patients with gout and moderate kidney disease, we conditionally recommend against "
        "colchicine at full dose except in those intolerant of other agents, due to possible harms "
        "(PICO 1.6b, 1.10b, 1.12b, 1.16b, 1.20b, 1.24b, 1.28b, 1.32b)."
    )
    cut = trimmed(text)
    assert cut.endswith("due to possible harms") and "PICO" not in cut
    assert why_not(cut, GOUT, drug_document=True) is None
