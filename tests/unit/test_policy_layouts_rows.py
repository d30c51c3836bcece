"""Layouts of the seventh synthetic batch's report files (issue 25), as small made-up PDFs:
criteria written as one run-on paragraph joined by "; AND" (a "one of the following
applies: ...; OR ..." group inside the run) with a semicolon DENIAL CRITERIA paragraph; a
criteria table with one numbered criterion per row, whatever its columns are called, a row
holding a lettered sub-list and the table running over a page break with its header
repeated, under statements citing "all of the criteria in Table N"; step-tier bands
("TIER 2 CRITERIA: X") as indications of one class, with a renewal band naming the tiers
it continues."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy.compile import compile_policy
from pipeline.policy.inline_logic import expand_inline
from pipeline.policy.layout_text import raw_pages, running_lines
from pipeline.policy.models import PolicyNode
from pipeline.policy.outline import Item
from pipeline.policy.row_tables import read_row_tables
from pipeline.policy.runon import runon_parts, spread_runons

Cells = list[tuple[float, str]]  # (x in points, text) drawn on one line


def _pdf(path: Path, pages: list[list[str | Cells]]) -> Path:
    """A letter page per entry, a line every 14 points; a line of cells puts each text at
    its own x, as a table's columns are drawn."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        y = 60.0
        for line in lines:
            for x, text in [(50.0, line)] if isinstance(line, str) else line:
                if text:
                    pdf.text(x, y, text)
            y += 14
    pdf.output(str(path))
    return path


def _shape(node: PolicyNode) -> object:
    if node.op == "leaf":
        return node.text
    return (node.op, [_shape(c) for c in node.children])


# --- run-on paragraphs ------------------------------------------------------------------


def test_a_run_on_paragraph_is_its_criteria_with_a_mid_run_alternative_group() -> None:
    text = (
        "Member is 12 years of age or older; AND member has grey river disease confirmed by "
        "biopsy; AND one of the following applies: member failed a chelator for 3 months; OR "
        "member cannot take any chelator; AND prescribed by a hematologist."
    )
    parts = runon_parts(Item("para", "", text, 1, 0, ""))
    assert parts is not None
    assert [p.text for p in parts] == [
        "Member is 12 years of age or older",
        "member has grey river disease confirmed by biopsy",
        "one of the following applies:",
        "prescribed by a hematologist",
    ]
    group = parts[2]
    assert [c.text for c in group.children] == [
        "member failed a chelator for 3 months",
        "member cannot take any chelator",
    ]
    assert group.children[0].joined == "OR"
    assert [p.joined for p in parts[:-1]] == ["AND", "AND", "AND"]


def test_mixed_connectors_without_a_lead_in_leave_the_paragraph_whole() -> None:
    text = "Member is an adult; AND ferritin is high; OR liver iron is high; AND no toxicity"
    item = Item("para", "", text, 1, 0, "")
    assert runon_parts(item) is None
    assert spread_runons([item]) == [item]
    # one "; and" ends many a sentence: a run needs two connectors
    assert (
        runon_parts(Item("para", "", "Member is an adult; and has grey river disease", 1, 0, ""))
        is None
    )


def test_a_lead_in_over_the_whole_item_is_left_to_the_semicolon_reader() -> None:
    item = Item(
        "num",
        "1",
        "One of the following: member failed a chelator; or member cannot take one; or member is pregnant",
        1,
        0,
        "",
    )
    assert runon_parts(item) is None
    expand_inline(item)
    assert item.text == "One of the following:" and len(item.children) == 3


def test_a_run_on_item_among_others_becomes_a_group_of_its_criteria() -> None:
    item = Item(
        "num",
        "2",
        "Ferritin above 1000 ng/mL; AND liver iron above 7 mg/g; AND no cardiac iron overload",
        1,
        0,
        "",
    )
    expand_inline(item)
    assert [c.text for c in item.children] == [
        "Ferritin above 1000 ng/mL",
        "liver iron above 7 mg/g",
        "no cardiac iron overload",
    ]


CAPS = [
    [
        "STATE MEDICAID PHARMACY PROGRAM - PRIOR AUTHORIZATION CRITERIA",
        "ZORVIMAB INJECTION",
        "",
        "SECTION 1: GREY RIVER DISEASE (ICD-10 D75.1)",
        "",
        "INITIAL APPROVAL CRITERIA:",
        "Member is 12 years of age or older; AND member has grey river disease confirmed by liver biopsy; AND",
        "one of the following applies: member failed a chelator for at least 3 months; OR member cannot take",
        "any chelator; AND prescribed by or in consultation with a hematologist.",
        "APPROVAL DURATION: 6 MONTHS",
        "",
        "RENEWAL CRITERIA:",
        "Member met the initial approval criteria when zorvimab was started; AND ferritin has fallen by at least",
        "20% since the first dose; AND no grade 3 liver toxicity has occurred.",
        "APPROVAL DURATION: 12 MONTHS",
        "",
        "SECTION 2: BLUE LAKE SYNDROME (ICD-10 Q87.8)",
        "",
        "INITIAL APPROVAL CRITERIA:",
        "Member is 18 years of age or older; AND member has blue lake syndrome confirmed by genetic testing; AND",
        "member has had at least 2 transfusions in the past year.",
        "APPROVAL DURATION: 6 MONTHS",
        "",
        "DENIAL CRITERIA:",
        "Use together with another chelator; use for iron overload of any other cause; member is pregnant.",
        "",
        "REFERENCES",
        "1. Zorvimab prescribing information.",
    ]
]


def test_a_capitals_sheet_with_run_on_criteria_compiles_to_its_trees(tmp_path: Path) -> None:
    tree = compile_policy(_pdf(tmp_path / "caps.pdf", CAPS), source_id="s", title="t")
    grey, blue = tree.indications
    assert "GREY RIVER DISEASE" in grey.name.upper() and grey.icd10 == ["D75.1"]
    initial, renewal = grey.branches
    assert initial.request_type == "initial" and renewal.request_type == "continuation"
    assert initial.approval and initial.approval.startswith("6")
    assert _shape(initial.node)[0] == "all_of"  # type: ignore[index]
    kids = _shape(initial.node)[1]  # type: ignore[index]
    assert kids[0] == "Member is 12 years of age or older"
    assert kids[2] == (
        "any_of",
        [
            "member failed a chelator for at least 3 months",
            "member cannot take any chelator",
        ],
    )
    assert kids[3] == "prescribed by or in consultation with a hematologist"
    assert len(renewal.node.leaves()) == 3
    assert len(blue.branches[0].node.leaves()) == 3
    assert [x.text for x in tree.exclusions] == [
        "Use together with another chelator",
        "use for iron overload of any other cause",
        "member is pregnant",
    ]
    # "; AND" after each criterion states the logic: no problem reported for it
    assert not any("no combining logic" in p for p in tree.problems)


SECTIONS = [
    [
        "Zorvimab (Zorvix) Coverage Policy",
        "",
        "Coverage Criteria",
        "",
        "Grey River Disease",
        "",
        "Initial Authorization",
        "Member is 12 years of age or older; and member has grey river disease confirmed by liver biopsy; and",
        "member failed a chelator for at least 3 months; and prescribed by a hematologist.",
        "Approve for 6 months.",
        "",
        "Reauthorization",
        "Ferritin has fallen by at least 20% since the first dose; and no grade 3 liver toxicity has occurred;",
        "and the dose does not exceed 40 mg/kg per day.",
        "",
        "Blue Lake Syndrome",
        "",
        "Initial Authorization",
        "Member is 18 years of age or older; and blue lake syndrome confirmed by genetic testing; and at least",
        "2 transfusions in the past year.",
        "",
        "References",
        "1. Zorvimab prescribing information.",
    ]
]


def test_run_on_paragraphs_under_branch_headings_of_condition_sections(tmp_path: Path) -> None:
    # lower-case "; and", the approval sentence run into the paragraph's last line
    tree = compile_policy(_pdf(tmp_path / "sections.pdf", SECTIONS), source_id="s", title="t")
    grey, blue = tree.indications
    initial, renewal = grey.branches
    assert (initial.request_type, initial.approval) == ("initial", "6 months")
    assert _shape(initial.node) == (
        "all_of",
        [
            "Member is 12 years of age or older",
            "member has grey river disease confirmed by liver biopsy",
            "member failed a chelator for at least 3 months",
            "prescribed by a hematologist",
        ],
    )
    assert renewal.request_type == "continuation" and len(renewal.node.leaves()) == 3
    assert len(blue.branches[0].node.leaves()) == 3
    assert not tree.problems


# --- one criterion per row --------------------------------------------------------------

HEAD: Cells = [(50, "#"), (80, "Requirement"), (330, "Evidence to send")]
ROWS = [
    [
        "Policy Statement",
        "I. Zorvimab may be considered medically necessary for grey river disease when all of the criteria in",
        "Table 1 are met.",
        "II. Continued zorvimab for grey river disease may be considered medically necessary when all of the",
        "criteria in Table 2 are met.",
        "III. Zorvimab is considered investigational for all other uses.",
        "",
        "Table 1. Grey river disease: initial request (approval: 6 months)",
        HEAD,
        [(50, "1"), (80, "Member is 12 years of age or older"), (330, "Date of birth")],
        [
            (50, "2"),
            (80, "Diagnosis of grey river disease confirmed by a"),
            (330, "Biopsy report with the date"),
        ],
        [(80, "liver biopsy read by a pathologist")],
        [
            (50, "3"),
            (80, "One of the following within the last 60 days:"),
            (330, "Laboratory report"),
        ],
        [(95, "a."), (110, "Ferritin above 1000 ng/mL")],
        [(95, "b."), (110, "Liver iron above 7 mg/g dry weight")],
        "This plan's criteria are reviewed every year.",
    ],
    [
        HEAD,
        [(50, "4"), (80, "Prescribed by a hematologist"), (330, "Prescriber specialty")],
        "",
        "Table 2. Grey river disease: renewal (approval: 12 months)",
        HEAD,
        [
            (50, "1"),
            (80, "Ferritin has fallen by at least 20% since the start"),
            (330, "Laboratory reports"),
        ],
        [(50, "2"), (80, "No grade 3 liver toxicity has occurred"), (330, "Progress notes")],
        "",
        "References",
        "This plan's criteria are reviewed every year.",
    ],
]


def test_a_row_table_is_read_from_its_cells_across_a_page_break(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "rows.pdf", ROWS)
    # the footer between the pages is running text: the table goes on past it
    first, second = read_row_tables(pdf, running_lines(raw_pages(pdf)))
    assert first.number == "1" and first.approval == "6 months"
    assert [r.label for r in first.rows] == ["1", "2", "3", "4"]  # row 4 after the break
    # the wrapped cell is one criterion, the evidence column is left out
    assert (
        first.rows[1].text
        == "Diagnosis of grey river disease confirmed by a liver biopsy read by a pathologist"
    )
    assert [c.text for c in first.rows[2].children] == [
        "Ferritin above 1000 ng/mL",
        "Liver iron above 7 mg/g dry weight",
    ]
    assert second.number == "2" and len(second.rows) == 2


def test_statements_citing_row_tables_take_them_as_their_branches(tmp_path: Path) -> None:
    tree = compile_policy(_pdf(tmp_path / "rows.pdf", ROWS), source_id="s", title="t")
    (grey,) = [i for i in tree.indications if "grey river" in i.name.lower()]
    kinds = {b.request_type: b for b in grey.branches}
    assert set(kinds) == {"initial", "continuation"}
    initial = kinds["initial"]
    assert initial.approval == "6 months"
    op, kids = _shape(initial.node)  # type: ignore[misc]
    assert op == "all_of" and len(kids) == 4
    assert kids[2] == (
        "any_of",
        ["Ferritin above 1000 ng/mL", "Liver iron above 7 mg/g dry weight"],
    )
    assert kids[3] == "Prescribed by a hematologist"
    assert [x.text for x in kinds["continuation"].node.leaves()] == [
        "Ferritin has fallen by at least 20% since the start",
        "No grade 3 liver toxicity has occurred",
    ]
    # the continuation statement joined its condition: no indication of its own
    assert not any(i.name.lower().startswith("continued") for i in tree.indications)


# --- step tiers -------------------------------------------------------------------------

TIERS = [
    [
        "State Preferred Drug List - Clinical Criteria",
        "Iron Chelators: Tiers and Clinical Criteria",
        "Tier 1 chelators pay without prior authorization. Tier 2 and Tier 3 need prior authorization.",
        "",
        "TIER 2 CRITERIA: GREY RIVER DISEASE",
        "A Tier 2 drug is approved when the member meets all of the following:",
        "   1.   Grey river disease confirmed by liver biopsy",
        "   2.   One of the following:",
        "          a.   A Tier 1 chelator was taken for at least 8 weeks without response",
        "          b.   Every Tier 1 chelator is contraindicated or was not tolerated",
        "   3.   Prescribed by a hematologist",
        "Approval: 6 months.",
        "",
        "TIER 3 CRITERIA: GREY RIVER DISEASE",
        "A Tier 3 drug is approved when the member meets all of the following:",
        "   1.   The member meets Tier 2 criteria 1 and 3",
        "   2.   Ferritin above 2000 ng/mL despite a Tier 2 drug for 3 months",
        "",
        "BLUE LAKE CRITERIA: ZORVIMAB",
        "Zorvimab is approved for blue lake syndrome when the member meets all of the following:",
        "   1.   Blue lake syndrome confirmed by genetic testing",
        "   2.   At least 2 transfusions in the past year",
        "",
        "CONTINUATION CRITERIA",
        "Continuation (Tier 2 and Tier 3): approve for 12 months when all of the following are met:",
        "   1.   Ferritin has fallen since the last approval",
        "   2.   No grade 3 liver toxicity",
        "",
        "NOT COVERED",
        "   -   Two chelators at the same time",
    ]
]

_TITLE_CASE = {
    "TIER 2 CRITERIA: GREY RIVER DISEASE": "Tier 2 Criteria: Grey River Disease",
    "TIER 3 CRITERIA: GREY RIVER DISEASE": "Tier 3 Criteria: Grey River Disease",
    "BLUE LAKE CRITERIA: ZORVIMAB": "Blue Lake Criteria: Zorvimab",
    "CONTINUATION CRITERIA": "Continuation Criteria",
    "NOT COVERED": "Not Covered",
}


@pytest.mark.parametrize("titled", [False, True])
def test_step_tier_bands_are_indications_with_the_renewal_they_name(
    tmp_path: Path, titled: bool
) -> None:
    # the bands in capitals ("TIER 2 CRITERIA: ...") or in title case ("Tier 2 Criteria: ...")
    pages = [[_TITLE_CASE.get(x, x) if titled else x for x in TIERS[0]]]
    tree = compile_policy(_pdf(tmp_path / "tiers.pdf", pages), source_id="s", title="t")
    names = [i.name for i in tree.indications]
    assert names == ["Grey River Disease: Tier 2", "Grey River Disease: Tier 3", "Blue Lake"]
    tier2, tier3, blue = tree.indications
    assert [b.request_type for b in tier2.branches] == ["initial", "continuation"]
    assert [b.request_type for b in tier3.branches] == ["initial", "continuation"]
    assert tier2.branches[1].approval == "12 months"
    # the renewal band names Tier 2 and Tier 3 only
    assert [b.request_type for b in blue.branches] == ["any"]
    op, kids = _shape(tier2.branches[0].node)  # type: ignore[misc]
    assert op == "all_of" and len(kids) == 3 and kids[1][0] == "any_of"
    assert _shape(tier3.branches[0].node)[1][0] == "The member meets Tier 2 criteria 1 and 3"  # type: ignore[index]
    assert [x.text for x in tree.exclusions] == ["Two chelators at the same time"]


def test_bands_naming_only_branches_are_not_step_tiers(tmp_path: Path) -> None:
    # the capitals sheet's "INITIAL APPROVAL CRITERIA:" bands: the section reader's
    tree = compile_policy(_pdf(tmp_path / "caps.pdf", CAPS), source_id="s", title="t")
    assert not any(i.id.startswith("B") for i in tree.indications)


def test_a_band_named_by_its_letters_is_named_by_the_criterion_that_spells_them() -> None:
    from pipeline.policy.step_tiers import spelled_out

    criteria = [
        "Zorvimab is approved for CTEPH when",
        "Chronic thromboembolic pulmonary hypertension (WHO Group 4) shown by a scan",
    ]
    assert spelled_out("CTEPH", criteria) == "Chronic thromboembolic pulmonary hypertension"
    assert (
        spelled_out("ACD", ["Anemia of chronic disease with a ferritin above 100"])
        == "Anemia of chronic disease"
    )
    # words whose initials are not the abbreviation's letters spell nothing
    assert spelled_out("PAH", ["Prescribed by a hematologist"]) is None
    assert spelled_out("Blue Lake", ["Blue lake syndrome confirmed"]) is None
