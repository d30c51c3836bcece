"""Markers learned from the document's own repetition (repeat_shapes.py, issue 25): made-up
list styles no known marker style reads ("①", "Q3:", "§2", ">", "Step 4 -", "[+]", "2/"),
nested two levels, across a page break; and near cases that are no list (wrapped lines
starting with numbers, a single shaped line, counters that do not advance)."""

from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.outline import Item, Line, outline
from pipeline.policy.repeat_shapes import learned_markers, line_shape
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
