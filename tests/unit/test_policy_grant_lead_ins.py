"""The last-resort reading (grant_lead_ins.py, issue 25): made-up layouts no specific reader
knows, where the compiler found no indication or a weaker single one before: prose
paragraphs each ending in a colon over unmarked lines, a bordered box per branch, a numbered
question list, a table with one criterion per cell. And near cases that must not be read
as criteria: a "Background:" paragraph, a "References:" list, a refusing lead-in."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.grant_lead_ins import _logic, grant_lead_in_indications
from pipeline.policy.outline import Line
from pipeline.policy.reading_choice import adds_criteria
from pipeline.policy.verbatim import PageText
from tests.unit.test_policy_layouts_rows import _pdf, _shape

L, IN, CELL2 = 50.0, 64.0, 320.0


def _read(path: Path) -> list[tuple[str, list[tuple[str, str | None, str, int, int]]]]:
    tree = compile_policy(path, source_id="x", title=path.stem)
    return [
        (
            i.name,
            [
                (b.request_type, b.approval, b.node.op, b.node.n, len(b.node.leaves()))
                for b in i.branches
            ],
        )
        for i in tree.indications
    ]


def test_prose_paragraphs_ending_in_a_colon_over_unmarked_lines(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "prose.pdf",
        [
            [
                "Northfield Health Plan",
                "Drug review: velmarizumab",
                "",
                "Velmarizumab is a monoclonal antibody given by infusion every four weeks.",
                "",
                "Chronic spontaneous urticaria",
                "For a first request, we approve velmarizumab for 6 months for chronic spontaneous",
                "urticaria when all of the following are true:",
                "The member is 12 years of age or older",
                "Hives have recurred on most days for at least 6 weeks, even",
                "while the member took an antihistamine",
                "The member has taken a second-generation antihistamine at four times the label dose",
                "",
                "For a renewal, we approve velmarizumab for 12 months when both of these are true:",
                "The member had fewer hives since the drug was started",
                "The member still needs the drug to control hives",
                "",
                "Background:",
                "Urticaria affects one person in five at some time in their lives and most cases",
                "resolve without treatment within weeks.",
                "",
                "References:",
                "1. Smith J. Chronic urticaria. J Allergy 2020;12:1-9.",
                "2. Jones K. Antihistamine dosing. Derm Rev 2021;4:22-30.",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="prose")
    assert _read(path) == [
        (
            "Chronic spontaneous urticaria",
            [
                ("initial", "6 months", "all_of", 3, 3),
                ("continuation", "12 months", "all_of", 2, 2),
            ],
        )
    ]
    first = tree.indications[0].branches[0].node
    # a line starting in lower case runs on the item above it
    assert _shape(first)[1][1] == (  # type: ignore[index]
        "Hives have recurred on most days for at least 6 weeks, even while the member took an antihistamine"
    )
    assert all(leaf.verified for leaf in first.leaves())
    # the background paragraph and the references are no criteria
    texts = " ".join(
        leaf.text for i in tree.indications for b in i.branches for leaf in b.node.leaves()
    )
    assert "Urticaria affects" not in texts and "Smith J" not in texts


def _boxes(path: Path) -> Path:
    """A bordered box around each branch's sentence and its "> " items."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    y = 60.0
    pdf.text(L, y, "Coverage note  |  Tolvorin (oral)")
    y += 28
    pdf.text(L, y, "Pulmonary arterial hypertension")
    y += 28
    boxes = [
        (
            "NEW START - coverage for 4 months is authorized if any one of these applies:",
            [
                "> right heart catheterization shows a mean pulmonary pressure above 20 mmHg",
                "> the member already takes tolvorin from a hospital stay",
            ],
        ),
        (
            "CONTINUATION - coverage for 12 months is authorized if all of these apply:",
            [
                "> the six-minute walk distance is stable or better",
                "> no liver enzyme rise above three times normal",
            ],
        ),
    ]
    for lead, items in boxes:
        top = y - 12
        pdf.text(L, y, lead)
        for item in items:
            y += 14
            pdf.text(IN, y, item)
        pdf.rect(L - 6, top, 480, y - top + 8)
        y += 36
    pdf.text(L, y, "Questions: call the pharmacy help desk.")
    pdf.output(str(path))
    return path


def test_a_bordered_box_per_branch(tmp_path: Path) -> None:
    assert _read(_boxes(tmp_path / "boxes.pdf")) == [
        (
            "Pulmonary arterial hypertension",
            [
                ("initial", "4 months", "any_of", 1, 2),
                ("continuation", "12 months", "all_of", 2, 2),
            ],
        )
    ]


def test_a_numbered_question_list_at_least_two_yes(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "questions.pdf",
        [
            [
                "Prior authorization worksheet",
                "Ostravir tablets",
                "",
                "Chronic hepatitis C",
                "Ostravir is medically necessary for initial therapy when at least two of the answers below are yes:",
                "1. Is the HCV RNA level detectable within the last 6 months?",
                "2. Is the member free of decompensated cirrhosis?",
                "3. Has the member finished the readiness counseling visit?",
                "",
                "Send the completed worksheet to the plan by fax.",
            ]
        ],
    )
    assert _read(path) == [("Chronic hepatitis C", [("initial", None, "at_least", 2, 3)])]


def test_a_table_with_one_criterion_per_cell_in_reading_order(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "cells.pdf",
        [
            [
                "Plan formulary criteria",
                "Dravelix injection",
                "",
                "Severe eosinophilic asthma",
                "Members are eligible for dravelix (initial authorization, 6 months) when they meet one of the criteria below:",
                [
                    (L, "Blood eosinophils 300 cells/uL or more"),
                    (CELL2, "Two exacerbations needing steroids"),
                ],
                [
                    (L, "Daily oral steroid use for asthma"),
                    (CELL2, "FEV1 below 80 percent predicted"),
                ],
                "",
                "Approved uses are reviewed each year by the pharmacy committee.",
            ]
        ],
    )
    assert _read(path) == [
        ("Severe eosinophilic asthma", [("initial", "6 months", "any_of", 1, 4)])
    ]
    tree = compile_policy(path, source_id="x", title="cells")
    assert [leaf.text for leaf in tree.indications[0].branches[0].node.leaves()] == [
        "Blood eosinophils 300 cells/uL or more",
        "Two exacerbations needing steroids",
        "Daily oral steroid use for asthma",
        "FEV1 below 80 percent predicted",
    ]


def _lines(texts: list[str]) -> list[Line]:
    return [Line(1, 0, t, blank_before=t.endswith(":") and k > 0) for k, t in enumerate(texts)]


def test_background_references_and_refusals_are_no_lead_ins() -> None:
    lines = _lines(
        [
            "Background:",
            "Psoriasis is common and affects the skin and joints",
            "Most members respond to creams",
            "References:",
            "1. Smith J. Psoriasis. J Derm 2020;1:1-9.",
            "2. Jones K. Creams. Derm Rev 2021;4:22-30.",
            "The plan does not cover lumorex for psoriasis when any of these apply:",
            "The member is under 18",
            "The member has an active infection",
        ]
    )
    pages = PageText(["\n".join(x.text for x in lines)])
    assert grant_lead_in_indications(lines, [[x.text for x in lines]], pages, []) is None


def test_a_lead_in_stating_no_logic_is_a_listed_problem() -> None:
    lines = _lines(
        [
            "Plaque psoriasis",
            "We approve lumorex for plaque psoriasis when the member meets these criteria:",
            "The member is 18 years of age or older",
            "The member tried a topical steroid",
        ]
    )
    pages = PageText(["\n".join(x.text for x in lines)])
    problems: list[str] = []
    read = grant_lead_in_indications(lines, [[x.text for x in lines]], pages, problems)
    assert read is not None
    (ind,) = read[0]
    assert ind.name == "Plaque psoriasis" and ind.branches[0].node.op == "all_of"
    assert any("states no logic" in p for p in problems)
    assert read[1] == {1, 2, 3}


def test_marked_items_set_apart_by_gaps_go_on_to_the_next_paragraph() -> None:
    texts = [
        "Migraine prevention",
        "Renewal: coverage is approved for 12 months when all of the following apply:",
        "• Fewer headache days a month than before the drug",
        "• No medication overuse headache",
        "Send the request by fax.",
    ]
    lines = [Line(1, 0, t, blank_before=k >= 3) for k, t in enumerate(texts)]
    pages = PageText(["\n".join(texts)])
    read = grant_lead_in_indications(lines, [texts], pages, [])
    assert read is not None
    (ind,) = read[0]
    (branch,) = ind.branches
    assert (ind.name, branch.request_type, branch.approval) == (
        "Migraine prevention",
        "continuation",
        "12 months",
    )
    assert [leaf.text for leaf in branch.node.leaves()] == [
        "Fewer headache days a month than before the drug",
        "No medication overuse headache",
    ]


def test_a_not_inside_the_criteria_is_no_refusal() -> None:
    texts = [
        "Rheumatoid arthritis",
        "We approve lumorex when the member has not responded to methotrexate and meets both of these:",
        "The member is 18 years of age or older",
        "Prescribed by a rheumatologist",
    ]
    lines = [Line(1, 0, t) for t in texts]
    read = grant_lead_in_indications(lines, [texts], PageText(["\n".join(texts)]), [])
    assert read is not None and read[0][0].name == "Rheumatoid arthritis"
    for refusal in (
        "Lumorex is not medically necessary for rheumatoid arthritis when any of these apply:",
        "The plan will not cover lumorex when either of these applies:",
    ):
        lines[1] = Line(1, 0, refusal)
        assert grant_lead_in_indications(lines, [texts], PageText(["\n".join(texts)]), []) is None


def test_the_logic_is_the_lead_ins_words_nearest_the_colon() -> None:
    assert _logic("approved after at least 6 months of therapy when all of these apply:") == (
        "all_of",
        0,
    )
    assert _logic("eligible when two or more of the following are present:") == ("at_least", 2)
    assert _logic("covered for any member who meets all of the following:") == ("all_of", 0)
    assert _logic("authorized if either of these applies:") == ("any_of", 1)
    assert _logic("Approve if ALL:") == ("all_of", 0)
    assert _logic("approved when the member meets these criteria:") is None


def test_a_reading_that_only_renames_is_no_better() -> None:
    from pipeline.policy.models import Branch, Indication, PolicyNode

    def ind(name: str, kind: str, leaves: int) -> Indication:
        node = PolicyNode(
            id="1",
            text="x",
            page=1,
            op="all_of",
            children=[PolicyNode(id=f"1.{k}", text="y", page=1) for k in range(leaves)],
        )
        branch = Branch(request_type=kind, node=node)  # type: ignore[arg-type]
        return Indication(id="1", name=name, text=name, page=1, branches=[branch])

    had = [ind("Coverage Determination", "any", 2)]
    assert not adds_criteria([ind("Sleep apnea", "any", 2)], had)
    assert adds_criteria([ind("Sleep apnea", "initial", 2)], had)
    assert adds_criteria([ind("Sleep apnea", "any", 3)], had)
    assert adds_criteria([ind("Sleep apnea", "any", 1)], [])
