"""A ruled criteria table with two columns (the rows' names under a header the reader has
no word for, the criteria beside them): each cell in initial and renewal parts, numbered
and lettered items joined by connector lines, a row running on to the next page under its
repeated header, and a quantity-limit table that names no indication."""

from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy

HEADER = ("Section", "Approval Criteria")
PAGE_ONE = [
    ("Grey River", "Initial Review"),
    ("syndrome", "The drug is approved when ALL of the following are met:"),
    ("(Zentrafib)", "1.   The patient has a diagnosis of Grey River syndrome"),
    ("", "-AND-"),
    ("", "2.   ONE of the following:"),
    ("", "     A.   The patient has tried a first-line agent for 3 months"),
    ("", "     -OR-"),
    ("", "     B.   The patient cannot take any first-line agent"),
    ("", "Length of Approval: 3 months"),
    ("", "Renewal Review"),
    ("", "The drug is approved when ALL of the following are met:"),
    ("", "1.   The patient was approved for the drug by the plan before"),
    ("", "-AND-"),
    ("", "2.   The patient's symptoms have improved on the drug, with fewer attacks"),
]
PAGE_TWO = [
    ("", "     in each month since the drug was started"),
    ("", "Length of Approval: 12 months"),
    ("Blue Hollow", "Initial Review"),
    ("fever", "The drug is approved when ALL of the following are met:"),
    ("", "1.   The patient has a diagnosis of Blue Hollow fever"),
    # a part heading with "Criteria" beside a name with "products": a row, not a header
    ("Red Ash products", "Initial Approval Criteria:"),
    ("", "1.   The patient has a diagnosis of Red Ash fever"),
]
LIMITS = [
    ("All products", "A quantity above the limit is approved when ONE of the following is met:"),
    ("", "1.   The dose is a loading dose"),
]


def _table_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", "", 9)

    def lines(rows: list[tuple[str, str]], y: float) -> float:
        for name, criteria in rows:
            pdf.text(15, y, name)
            pdf.text(60, y, criteria)
            y += 5
        return y

    pdf.add_page()
    pdf.text(15, 20, "CLINICAL CRITERIA")
    lines([HEADER, *PAGE_ONE], 30)
    pdf.add_page()
    y = lines([HEADER, *PAGE_TWO], 30)
    pdf.text(15, y + 10, "QUANTITY LIMIT CRITERIA")
    lines([HEADER, *LIMITS], y + 20)
    pdf.output(str(path))


def test_a_two_column_table_with_parts_connectors_and_a_page_break(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    _table_pdf(path)
    tree = compile_policy(path, source_id="p" * 64, title="Zentrafib program")
    names = [i.name for i in tree.indications]
    assert names[0].startswith("Grey River syndrome") and names[1:] == [
        "Blue Hollow fever",
        "Red Ash products",
    ], names
    grey = tree.indications[0]
    initial, renewal = grey.branches
    assert initial.request_type == "initial" and initial.approval == "3 months"
    assert initial.node.op == "all_of" and len(initial.node.children) == 2
    either = initial.node.children[1]
    assert either.op == "any_of" and len(either.children) == 2
    # the renewal part runs on to the next page, under the repeated header
    assert renewal.request_type == "continuation" and renewal.approval == "12 months"
    assert [c.text for c in renewal.node.children] == [
        "The patient was approved for the drug by the plan before",
        "The patient's symptoms have improved on the drug, with fewer attacks in each month "
        "since the drug was started",
    ]  # the second split by the page break: read whole, and found across the two pages
    assert all(n.verified for i in tree.indications for b in i.branches for n in b.node.leaves())
