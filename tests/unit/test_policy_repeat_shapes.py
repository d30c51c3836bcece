"""Markers learned from the document's own repetition (repeat_shapes.py, issue 25): made-up
list styles no known marker style reads ("①", "Q3:", "§2", ">", "Step 4 -", "[+]", "2/"),
nested two levels, across a page break; and near cases that are no list (wrapped lines
starting with numbers, a single shaped line, counters that do not advance). And two
lead-ins side by side (tiles of a card) read a cell at a time (branch_columns.py), named by
the drug their titles share and the condition the card's title names (run_in_branches.py),
and a sentence-case numbered title set apart read as a heading (outline.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)

from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_columns import branch_columns
from pipeline.policy.compile import compile_policy
from pipeline.policy.list_labels import _marker
from pipeline.policy.outline import Item, Line, outline
from pipeline.policy.repeat_shapes import document_shapes, learned_markers, line_shape
from pipeline.policy.run_in_branches import document_condition, titled_subject
from tests.unit.test_policy_layouts_rows import _pdf, _shape


def _lines(rows: list[tuple[int, str]], page_break: int | None = None) -> list[Line]:
    """(indent, text) rows; a row text "" marks a blank line before the next row."""
    out: list[Line] = []
    blank = False
    page = 1
    for n, (indent, text) in enumerate(rows):
        if not text:
            blank = True
            continue
        start = n == page_break
        page += start
        out.append(Line(page, indent, text, blank_before=blank or start, page_start=start))
        blank = False
    return out


def _tree(items: list[Item]) -> list[object]:
    return [(it.label, it.text, _tree(it.children)) if it.children else it.text for it in items]


def test_shapes_abstract_counters_and_keep_glyphs() -> None:
    assert (line_shape("Q3) Patient is 18") or None).shape == "Q9)"
    assert line_shape("Q3) Patient is 18").counter == "3"
    assert line_shape("§2 Member has X").shape == "§9"
    assert line_shape("① Member has X").counter == "1"
    assert line_shape("Step 4 - Member has X").shape == "Step 9-"
    assert line_shape("2/ Member has X").shape == "9/"
    assert line_shape("[x] Member has X").counter == ""
    assert line_shape("> Member has X").shape == ">"
    assert line_shape("IC-2 Member has X").shape == "IC-9"
    # words and bare numbers are no markers
    assert line_shape("The member has X") is None
    assert line_shape("12 months of therapy") is None
    assert line_shape("1.67 times the upper limit") is None


def test_circled_numbers_with_arrow_children_nested_two_levels() -> None:
    lines = _lines(
        [
            (0, "Coverage is approved when all of the following are met:"),
            (2, "① Member is 18 years of age or older"),
            (2, "② Diagnosis of grey river disease confirmed by biopsy"),
            (2, "③ One of the following:"),
            (6, "► Failure of a chelator after 3 months"),
            (6, "► Intolerance to every chelator, documented in the"),
            (8, "chart by the prescriber"),
            (2, "④ Prescribed by a hematologist"),
        ]
    )
    learned = learned_markers(lines)
    assert sorted(learned) == [1, 2, 3, 7]  # "►" is a glyph the known styles read
    roots = outline(lines)
    assert _tree(roots) == [
        (
            "",
            "Coverage is approved when all of the following are met:",
            [
                "Member is 18 years of age or older",
                "Diagnosis of grey river disease confirmed by biopsy",
                (
                    "3",
                    "One of the following:",
                    [
                        "Failure of a chelator after 3 months",
                        "Intolerance to every chelator, documented in the chart by the prescriber",
                    ],
                ),
                "Prescribed by a hematologist",
            ],
        )
    ]


def test_question_tags_over_slash_numbers_across_a_page_break() -> None:
    lines = _lines(
        [
            (0, "Initial request, approve when all of these apply:"),
            (1, "Q1: Member has chronic grey river disease"),
            (1, "Q2: Any one of:"),
            (5, "1/ Hemoglobin below 9 g/dL on two tests"),
            (5, "2/ Two transfusions in the past year"),
            (1, "Q3: No other cause of anemia was found on"),
            (5, "workup"),
            (1, "Q4: Prescribed by a hematologist"),
        ],
        page_break=6,
    )
    roots = outline(lines)
    top = roots[0].children
    assert [c.label for c in top] == ["1", "2", "3", "4"]
    assert [c.text for c in top[1].children] == [
        "Hemoglobin below 9 g/dL on two tests",
        "Two transfusions in the past year",
    ]
    assert top[2].text == "No other cause of anemia was found on workup"
    assert top[3].page == 2


def test_steps_sections_boxes_and_chevrons() -> None:
    for first, second, third in [
        ("Step 1 - Member has X", "Step 2 - Member has Y", "Step 3 - Member has Z"),
        ("§1 Member has X", "§2 Member has Y", "§3 Member has Z"),
        ("[+] Member has X", "[+] Member has Y", "[+] Member has Z"),
        ("> Member has X", "> Member has Y", "> Member has Z"),
    ]:
        lines = _lines([(0, "Criteria:"), (1, first), (1, second), (1, third)])
        assert sorted(learned_markers(lines)) == [1, 2, 3], first
        assert [c.text for c in outline(lines)[0].children] == [
            "Member has X",
            "Member has Y",
            "Member has Z",
        ]


def test_no_list_without_repetition_a_lead_in_or_an_advancing_counter() -> None:
    # one shaped line only; counters that do not advance; no lead-in above them
    assert not learned_markers(_lines([(0, "Criteria:"), (1, "Q1: Member has X"), (1, "Text")]))
    assert not learned_markers(
        _lines([(0, "Criteria:"), (1, "Q3: Member has X"), (1, "Q7) Member has Y")])
    )
    assert not learned_markers(
        _lines([(0, "The member has X."), (1, "Q1: Member has X"), (1, "Q2) Member has Y")])
    )
    # the run ends at a new paragraph back at the margin: its shapes are no items
    lines = _lines(
        [
            (0, "Criteria:"),
            (1, "Q1: Member has X"),
            (1, "Q2: Member has Y"),
            (0, ""),
            (0, "Dosing is weight based and is reviewed each year by the plan pharmacist."),
            (1, "=> 5 mg/kg every 4 weeks"),
            (1, "=> 10 mg/kg every 8 weeks"),
        ]
    )
    assert sorted(learned_markers(lines)) == [1, 2]


def test_a_policy_with_learned_markers_compiles_its_tree(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "shapes.pdf",
        [
            [
                "Harbor Point Health - Drug review: velmarizumab",
                "",
                "Chronic grey river disease",
                "",
                "Velmarizumab is approved for 6 months when all of the following are met:",
                "Q1) Member is 18 years of age or older",
                "Q2) Diagnosis of chronic grey river disease confirmed by biopsy",
                "Q3) One of the following:",
                "      > Failure of a chelator after 3 months",
                "      > Intolerance to every chelator",
                "Q4) Prescribed by a hematologist",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="shapes")
    shapes = [_shape(b.node) for i in tree.indications for b in i.branches]
    assert (
        "all_of",
        [
            "Member is 18 years of age or older",
            "Diagnosis of chronic grey river disease confirmed by biopsy",
            ("any_of", ["Failure of a chelator after 3 months", "Intolerance to every chelator"]),
            "Prescribed by a hematologist",
        ],
    ) in shapes


def test_two_lead_ins_side_by_side_are_read_a_cell_at_a_time() -> None:
    def row(left: str, right: str) -> str:
        return f" {left}".ljust(52) + right

    page = [
        "Find the tile for the drug and the request; approve when every line of it is shown.",
        "",
        row("Velmarizumab - first", "Velmarizumab - again"),
        row(
            "NEW - approve 6 months if all are true:", "AGAIN - approve 12 months if both are true:"
        ),
        row(">  Member is 18 years of age or older", ">  Fewer flares than before the drug"),
        row(">  Grey river disease on biopsy", ">  No serious infusion reaction"),
        " >  Prescribed by a hematologist",
        "",
        "Dosing: 5 mg/kg every 4 weeks, rounded to whole vials, for every member on this card.",
    ]
    out = branch_columns([page])[0]
    texts = [" ".join(x.split()) for x in out if x.strip()]
    assert texts[1:8] == [
        "Velmarizumab - first",
        "NEW - approve 6 months if all are true:",
        "> Member is 18 years of age or older",
        "> Grey river disease on biopsy",
        "> Prescribed by a hematologist",
        "Velmarizumab - again",
        "AGAIN - approve 12 months if both are true:",
    ]
    assert texts[8:10] == ["> Fewer flares than before the drug", "> No serious infusion reaction"]


def test_learned_shapes_hold_for_every_reader_while_a_document_is_compiled() -> None:
    lines = _lines([(0, "Criteria:"), (1, "=> Member has X"), (1, "=> Member has Y")])
    assert _marker("=> Member has Z") is None
    with document_shapes(lines):
        assert _marker("=> Member has Z") == ("glyph", "=>", "Member has Z")
    assert _marker("=> Member has Z") is None


def test_a_tile_card_reads_one_indication_per_drug_from_its_tiles(tmp_path: Path) -> None:
    right = 330.0

    def tiles(drug: str, first: list[str], again: list[str]) -> list[str | list]:
        rows: list[str | list] = [
            [(50.0, f"{drug} - new"), (right, f"{drug} - again")],
            [
                (50.0, "NEW - approve 6 months if every line is true:"),
                (right, "AGAIN - approve 12 months if both lines are true:"),
            ],
        ]
        for k, text in enumerate(first):
            cells = [(50.0, f">   {text}")]
            if k < len(again):
                cells.append((right, f">   {again[k]}"))
            rows.append(cells)
        return [*rows, ""]

    path = _pdf(
        tmp_path / "tiles.pdf",
        [
            [
                "Harbor Point Health - Criteria card 4 | Grey river disease",
                "",
                "Find the tile for the drug and request. Approve only when the chart shows every line of it.",
                "",
                *tiles(
                    "VELMARIZUMAB (Velmo) IV",
                    [
                        "Grey river disease shown on biopsy",
                        "Age 18 years or older",
                        "Prescribed by a hematologist",
                    ],
                    ["Fewer flares than before", "No serious infusion reaction"],
                ),
                *tiles(
                    "ORVELIMAB (Orva) SC",
                    ["Grey river disease of any type", "Velmarizumab not tolerated"],
                    ["Fewer hospital days than before", "Taken as prescribed"],
                ),
                "Dosing reminder: velmarizumab 5 mg/kg IV every 4 weeks, rounded to whole vials for all members.",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="tiles")
    assert [i.name for i in tree.indications] == [
        "Grey river disease (VELMARIZUMAB / Velmo IV)",
        "Grey river disease (ORVELIMAB / Orva SC)",
    ]
    assert [_shape(b.node)[1] for b in tree.indications[0].branches] == [
        [
            "Grey river disease shown on biopsy",
            "Age 18 years or older",
            "Prescribed by a hematologist",
        ],
        ["Fewer flares than before", "No serious infusion reaction"],
    ]
    assert [len(b.node.leaves()) for b in tree.indications[1].branches] == [2, 2]


def test_titles_name_a_subject_before_their_dash_and_a_condition_in_their_parts() -> None:
    assert titled_subject("CRIZANLIZUMAB (Adakveo) IV - start") == "CRIZANLIZUMAB (Adakveo) IV"
    assert titled_subject("Velmarizumab - keep going") == "Velmarizumab"
    assert titled_subject("Velmarizumab") is None
    assert titled_subject("Rheumatoid arthritis - renewal") is None  # a condition's title
    card = [Line(1, 0, "Harbor Point Health - Criteria card 4 | Rheumatoid arthritis")]
    assert document_condition(card) == "Rheumatoid arthritis"


def test_a_sentence_case_numbered_title_set_apart_is_a_heading_a_list_item_is_not() -> None:
    lines = _lines(
        [
            (0, ""),
            (0, "1. Chronic grey river disease"),
            (0, ""),
            (1, "Recommendation 1.1"),
            (1, "Cover velmarizumab for 12 months when all of the following are documented:"),
            (2, "- Grey river disease shown on biopsy"),
            (2, "- Prescribed by a hematologist"),
        ]
    )
    roots = outline(lines)
    assert roots[0].above == ["Chronic grey river disease", "Recommendation 1.1"]
    items = outline(
        _lines([(0, "Criteria:"), (1, "1. Member has grey river disease"), (1, "2. Age 18")])
    )
    assert [c.label for c in items[0].children] == ["1", "2"]


def test_a_granting_lead_in_states_its_term() -> None:
    from pipeline.policy.grant_words import granted_term

    assert granted_term("NEW START - coverage for 4 months is authorized if any one applies:") == (
        "4 months"
    )
    assert granted_term("Approved for up to 12 months when all of the following:") == "12 months"
    assert granted_term("Two or more crises in the past 12 months") is None
    assert granted_term("Coverage will not be provided for 6 months after a transplant:") is None
