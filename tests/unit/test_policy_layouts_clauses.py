"""Layout readings added for the fuzzer's new dimensions: decimal clauses (1.1, 1.1.1)
whose logic cites clause numbers, and pages set in two columns."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pipeline.policy.columns import reading_order, split_column
from pipeline.policy.compile import compile_policy
from pipeline.policy.list_labels import _marker, clause_fits, next_label
from pipeline.policy.wording import _OF_THE_FOLLOWING


def test_decimal_clause_markers_and_their_order() -> None:
    assert _marker("1.1   The member is 2 years of age or older") == (
        "dec1",
        "1.1",
        "The member is 2 years of age or older",
    )
    assert _marker("3.4.2 The member was trained")[:2] == ("dec2", "3.4.2")
    assert next_label("1.2", "1.3") and not next_label("1.2", "2.3")
    # a clause number goes on from an open clause; a number that starts a line does not
    assert clause_fits(["1"], "1.1") and clause_fits(["1", "1.2"], "1.3")
    assert not clause_fits(["1"], "1.5")


def test_logic_by_clause_numbers() -> None:
    for text, word in [
        ("when all of the criteria in 1.1 through 1.5 are met:", "all"),
        ("confirmed by one of the criteria in 1.1.1 or 1.1.2:", "one"),
        ("At least two of the criteria in 3.4.1 through 3.4.3 are met:", "two"),
        ("when both of the criteria in 2.1 and 2.2 are met:", "both"),
    ]:
        m = _OF_THE_FOLLOWING.search(text)
        assert m is not None and (m.group(2) or "").lower() == word, text


def _decimal_pdf(path: Path) -> None:
    pdf = FPDF(format="letter", unit="mm")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    rows = [
        (0, "", "Policy Statement"),
        (0, "", "Hereditary angioedema"),
        (
            0,
            "1.",
            "Drug X may be considered medically necessary for hereditary angioedema "
            "when all of the criteria in 1.1 through 1.3 are met:",
        ),
        (1, "1.1", "The member is 12 years of age or older"),
        (1, "1.2", "At least two of the criteria in 1.2.1 through 1.2.3 are met:"),
        (2, "1.2.1", "A C4 level below the lower limit of normal"),
        (2, "1.2.2", "A C1-INH functional level below 50% of normal"),
        (2, "1.2.3", "A pathogenic variant in the SERPING1 gene"),
        (1, "1.3", "Prescribed by an allergist or immunologist"),
    ]
    for level, label, text in rows:
        if not label:
            pdf.ln(3)
        x = 20 + 6 * level
        pdf.set_x(x)
        if label:
            pdf.cell(14, 5, label)
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_decimal_clauses_compile_to_their_tree(tmp_path: Path) -> None:
    pdf = tmp_path / "decimal.pdf"
    _decimal_pdf(pdf)
    tree = compile_policy(pdf, source_id="d" * 64, title="decimal")
    [ind] = [i for i in tree.indications if i.branches]
    root = ind.branches[0].node
    assert root.op == "all_of" and len(root.children) == 3
    group = root.children[1]
    assert group.op == "at_least" and group.n == 2 and len(group.children) == 3
    assert group.children[2].text.startswith("A pathogenic variant")


LEFT = [
    "A. Plaque psoriasis",
    "1. Patient has a diagnosis of plaque",
    "   psoriasis confirmed by a dermatologist",
    "2. Patient is 6 years of age or older and",
    "   weighs at least 20 kg at the request",
    "3. Prescribed by or in consultation with",
    "   a dermatologist for this condition",
    "4. Otezla will not be used together with",
]
RIGHT = [
    "B. Psoriatic arthritis",
    "1. Patient has a diagnosis of active",
    "   psoriatic arthritis per the records",
    "2. Patient is 18 years of age or older",
    "3. Prescribed by or in consultation with",
    "   a rheumatologist or dermatologist",
    "4. Otezla will not be used together with",
    "   a biologic drug or a Janus kinase",
]


def test_two_column_page_reads_left_column_first() -> None:
    lines = ["Apremilast - Drug Coverage Policy, a title across the whole page width here"]
    lines += [f"{left:<46}      {right}" for left, right in zip(LEFT, RIGHT, strict=True)]
    assert split_column(lines) is not None
    text = [x.strip() for x in reading_order(lines) if x.strip()]
    assert text[0].startswith("Apremilast")
    assert text[1:9] == [x.strip() for x in LEFT]
    assert text[9:] == [x.strip() for x in RIGHT]


def test_table_with_a_bullet_column_is_not_split() -> None:
    rows = [
        f"{'Anabolic steroid':<26}{'Oxandrolone':<20}•    Must provide documentation of loss",
        f"{'':<26}{'':<20}•    Initial authorizations will be for 30 days",
        f"{'Antimycobacterial':<26}{'Priftin':<20}•    Must be prescribed by a specialist",
    ] * 4
    assert split_column(rows) is None


def test_inline_enumerated_criteria() -> None:
    from pipeline.policy.inline_lists import split_inline

    either = split_inline(
        "Either (a) IgG below the lower limit of normal, or (b) failure to make "
        "protective antibodies after a vaccine"
    )
    assert either is not None
    lead, parts, word = either
    assert (lead, word) == ("Either", "OR")
    assert [label for label, _ in parts] == ["a", "b"]
    assert parts[0][1] == "IgG below the lower limit of normal"
    listed = split_inline(
        "One of the following: (1) a platelet count below 150,000; (2) signs of "
        "hemolysis on the smear; or (3) acute kidney injury or organ damage"
    )
    assert listed is not None and listed[2] == "" and len(listed[1]) == 3
    anded = split_inline(
        "The member has (i) a confirmed diagnosis of CIDP and (ii) weakness for 8 weeks"
    )
    assert anded is not None and anded[2] == "AND"
    # references to labels, or labels out of order, are no list
    assert split_inline("The member meets criteria (a) and (b) above") is None
    assert split_inline("Dose as in (b) below and then (c) once more a week") is None
    # no logic said: left whole
    assert split_inline("The member has (a) one thing here; (b) another thing there") is None


def test_run_in_condition_statement() -> None:
    from pipeline.policy.wording import run_in_condition

    assert run_in_condition("Asthma (Initial Approval): Dupilumab is approved when") == (
        "Asthma",
        "initial",
    )
    assert run_in_condition("Atopic Dermatitis (Continuation of Therapy): X is approved") == (
        "Atopic Dermatitis",
        "continuation",
    )
    assert run_in_condition("Asthma (moderate to severe): the member has") is None


def test_a_grid_label_wrapping_beside_its_criteria() -> None:
    from pipeline.policy.layout_text import layout_lines

    page = [
        "Diagnosis                    Approval criteria",
        "",
        "Paroxysmal                   Initial Request: X is approved when the following",
        "nocturnal                    criteria are met (must meet all):",
        "hemoglobinuria               a)  Diagnosis of paroxysmal nocturnal hemoglobinuria",
        "(PNH)                            by flow cytometry",
        "                             b)  Patient is 1 month of age or older.",
    ]
    lines = layout_lines([page])
    texts = [x.text for x in lines]
    assert "Paroxysmal nocturnal hemoglobinuria (PNH)" in texts
    assert "criteria are met (must meet all):" in texts  # the label's words are not in the criteria
    assert not any("nocturnal met" in x for x in texts)


def test_paragraphs_that_each_grant_coverage_are_alternatives() -> None:
    from pipeline.policy.groups import _group_op
    from pipeline.policy.outline import Item

    def item(text: str, label: str = "") -> Item:
        return Item("num" if label else "upperdot", label, text, 1, 0, "")

    title = item("Crohn's disease")
    title.children = [
        item("Authorization of 16 weeks may be granted for members who received it before.", "1"),
        item("Authorization of 16 weeks may be granted for members with Crohn's disease when", "2"),
    ]
    assert _group_op(title)[:2] == ("any_of", 1)
    # an initial and a renewal statement are two branches, not two ways to qualify
    title.children = [
        item("Initial Authorization: X is approved when all of the following are met:", "1"),
        item("Renewal: X is approved when all of the following are met:", "2"),
    ]
    assert _group_op(title)[0] == "all_of"
