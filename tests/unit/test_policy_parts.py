"""A policy laid out in parts (the Centene / Envolve layout): "I. Initial Approval
Criteria" / "II. Continued Therapy" / "III. ... NOT authorized", lettered conditions in
each, their logic printed after their names ("(must meet all)", "(a or b)")."""

# ruff: noqa: E501  (the fixture policy is printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pipeline.policy.compile import compile_policy

PARTS = """
# Policy/Criteria

It is the policy of plans served by Harbor Vale Health that Quellimab is medically
necessary when the following criteria are met:

I. Initial Approval Criteria
   A. Granite Lung Disease (must meet all):
        1. Diagnosis of granite lung disease;
        2. Age 12 years or older;
        3. Failure of one of the following (a or b):
             a. Oral tervastin;
             b. Inhaled corlamide;
        Approval duration: 6 months
   B. Copper Skin Syndrome (must meet all):
        1. Diagnosis of copper skin syndrome;
        2. Prescribed by a dermatologist;
        Approval duration: 3 months
II. Continued Therapy
   A. Copper Skin Syndrome, Adult (must meet one):
        1. Lesion count has fallen since the start of therapy;
        2. Itch score has fallen by half;
        Approval duration: 12 months
   B. All Indications in Section I (must meet all):
        1. Member is responding positively to therapy;
        2. Dose does not exceed 300 mg every 4 weeks;
III. Diagnoses/Indications for which coverage is NOT authorized:
   A. Treatment of acute flares;
   B. Use with another biologic for the same disease;
"""


def _print(text: str, path: Path) -> None:
    """Each line printed as written, its leading spaces kept as indentation."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.strip("\n").splitlines():
        body = line.lstrip()
        if body.startswith("# "):
            pdf.ln(3)
            body = body[2:]
        pdf.set_x(10 + 2 * (len(line) - len(line.lstrip())))
        pdf.cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_parts_give_lettered_conditions_paired_by_name(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    _print(PARTS, path)
    tree = compile_policy(path, source_id="s" * 64, title="Quellimab Policy")
    names = [ind.name for ind in tree.indications]
    # the opening "It is the policy ..." sentence is no indication
    assert names == ["Granite Lung Disease", "Copper Skin Syndrome"]
    lung, skin = tree.indications
    kinds = {ind.name: [b.request_type for b in ind.branches] for ind in tree.indications}
    assert kinds == {n: ["initial", "continuation"] for n in names}
    first = lung.branches[0]
    assert first.node.op == "all_of" and first.approval == "6 months"
    (either,) = [c for c in first.node.children if c.children]
    assert either.op == "any_of" and [c.text for c in either.children] == [
        "Oral tervastin;",
        "Inhaled corlamide;",
    ]
    # the condition's own continuation, by name; the one "for all indications" otherwise
    assert skin.branches[1].node.op == "any_of"
    assert [x.text for x in skin.branches[1].node.leaves()] == [
        "Lesion count has fallen since the start of therapy;",
        "Itch score has fallen by half;",
    ]
    assert skin.branches[1].approval == "12 months"
    assert [x.text for x in lung.branches[1].node.leaves()] == [
        "Member is responding positively to therapy;",
        "Dose does not exceed 300 mg every 4 weeks;",
    ]
    assert {x.text for x in tree.exclusions} == {
        "Treatment of acute flares;",
        "Use with another biologic for the same disease;",
    }
    assert all(
        leaf.verified for ind in tree.indications for b in ind.branches for leaf in b.node.leaves()
    )


def test_parts_at_the_margin_without_an_opening_statement(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    _print("# Criteria\n" + PARTS.split("met:\n", 1)[1], path)
    tree = compile_policy(path, source_id="s" * 64, title="Quellimab Policy")
    assert [ind.name for ind in tree.indications] == [
        "Granite Lung Disease",
        "Copper Skin Syndrome",
    ]
    assert all(len(ind.branches) == 2 for ind in tree.indications)
    assert len(tree.exclusions) == 2
