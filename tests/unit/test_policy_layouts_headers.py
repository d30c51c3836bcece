"""Layouts of the ninth synthetic batch's tune files (issue 25), as small made-up PDFs: a
criteria sheet whose only logic is its column headers ("ALL required" | "AND at least ONE
of") with a review box titled for the continuation (header_columns.py); numbered
commissioning paragraphs "1.1 X is commissioned as an option for Y, only if:" with a
"Continue ... only if:" paragraph after them (only_if.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.header_columns import cell_logic
from pipeline.policy.only_if import statement_name
from tests.unit.test_policy_layouts_rows import _pdf, _shape
from tests.unit.test_policy_sections import _compile

L, R = 50.0, 320.0


def _sheet(tmp_path: Path) -> Path:
    use = [
        [(L, "ALL required"), (R, "AND at least ONE of")],
        "",
        [(L, "- Hematology has approved the order"), (R, "- Platelet count below 20 on two")],
        [(L, "  within one working day"), (R, "   counts a week apart")],
        [(L, "- Weight is written on the order"), (R, "- Bleeding that needed a transfusion")],
        [(L, ""), (R, "- Surgery planned within 14 days")],
        "",
        "Day-5 review: continue only if BOTH apply",
        "- Platelet count has risen above 50",
        "- A stop date is written on the order",
    ]
    return _pdf(
        tmp_path / "sheet.pdf",
        [
            [
                "Lakeside Hospital Restricted Medicine Sheet",
                "Each use below: every item on the left is needed, one item on the right is enough.",
                "",
                "Approved use 1: Immune thrombocytopenia",
                "",
                *use,
                "",
                "Approved use 2: Thrombocytopenia before surgery",
                "",
                [(L, "ALL required"), (R, "AND at least ONE of")],
                "",
                [(L, "- Surgeon has asked for it in writing"), (R, "- Platelet count below 50")],
                [(L, "- Hematology has approved the order"), (R, "- Earlier bleeding at surgery")],
                "",
                "NOT approved for",
                "- Use before a dental cleaning",
                "- Chronic liver disease without planned surgery",
            ]
        ],
    )


def test_column_headers_give_the_logic_and_a_review_box_continues(tmp_path: Path) -> None:
    tree = compile_policy(_sheet(tmp_path), source_id="s" * 64, title="Sheet")
    names = [i.name for i in tree.indications]
    assert names == ["Immune thrombocytopenia", "Thrombocytopenia before surgery"]
    itp, surgery = tree.indications
    initial, review = itp.branches
    assert (initial.request_type, review.request_type) == ("initial", "continuation")
    assert _shape(initial.node) == (
        "all_of",
        [
            "Hematology has approved the order within one working day",
            "Weight is written on the order",
            (
                "any_of",
                [
                    "Platelet count below 20 on two counts a week apart",
                    "Bleeding that needed a transfusion",
                    "Surgery planned within 14 days",
                ],
            ),
        ],
    )
    assert _shape(review.node) == (
        "all_of",
        ["Platelet count has risen above 50", "A stop date is written on the order"],
    )
    # a use with no review box answers any request
    assert [b.request_type for b in surgery.branches] == ["any"]
    assert len(surgery.branches[0].node.leaves()) == 4
    assert [e.text for e in tree.exclusions] == [
        "Use before a dental cleaning",
        "Chronic liver disease without planned surgery",
    ]


def test_a_header_cell_is_logic_only_when_it_says_nothing_else() -> None:
    assert cell_logic("ALL must apply") == ("all_of", 0)
    assert cell_logic("PLUS at least ONE of") == ("any_of", 1)
    assert cell_logic("Any two of the following") == ("at_least", 2)
    assert cell_logic("Must have ALL of:") == ("all_of", 0)
    assert cell_logic("Requires ONE of") == ("any_of", 1)
    assert cell_logic("Creatinine clearance (mL/min)") is None
    assert cell_logic("Dose") is None


COMMISSIONING = """
# Long-acting examplimab for grey river disease and for prevention
# 1 Recommendations
1.1 Examplimab, as an injection every 4 weeks, is commissioned as an option for treating grey river
       disease in adults, only if:
       - the disease has been stable on oral therapy for at least 6 months
       - the person has no active liver infection
       - treatment is started by a specialist in a commissioned service
1.2 Continue treatment only if, at each 6-monthly review:
       - the disease stays stable
       - no dose has been given more than 7 days late
1.3 Switch back to oral therapy if either condition in 1.2 is not met.
1.4 Examplimab every 8 weeks is commissioned as an option for grey river disease prophylaxis in
       people at high risk weighing at least 35 kg, only if:
       - a negative screening test was taken within 7 days before the first dose
       - oral prevention is not suitable for one of the following reasons:
            - kidney disease that rules out the oral drug
            - documented difficulty taking daily tablets
1.5 Continue prevention only if:
       - a screening test before each dose is negative
# 2 Not commissioned
This statement does not fund examplimab in the following circumstances:
- People whose disease is not stable
"""


def test_only_if_paragraphs_are_indications_continued_by_the_next(tmp_path: Path) -> None:
    tree = _compile(COMMISSIONING, tmp_path)
    names = [i.name for i in tree.indications]
    assert names == ["grey river disease", "grey river disease prophylaxis"]
    treat, prevent = tree.indications
    assert [b.request_type for b in treat.branches] == ["initial", "continuation"]
    assert [len(b.node.leaves()) for b in treat.branches] == [3, 2]
    assert treat.branches[1].node.op == "all_of"
    initial = prevent.branches[0].node
    assert initial.op == "all_of"
    assert [c.op for c in initial.children] == ["leaf", "any_of"]
    assert [b.request_type for b in prevent.branches] == ["initial", "continuation"]
    # "2 Not commissioned" lists the uses the statement does not fund
    assert [e.text for e in tree.exclusions] == ["People whose disease is not stable"]


def test_a_statement_is_named_by_what_it_is_an_option_for() -> None:
    text = "1.4 Drug X every 2 months is commissioned as an option for HIV pre-exposure prophylaxis (PrEP) in adults and young people, only if:"
    assert statement_name(text) == "HIV pre-exposure prophylaxis (PrEP)"
    assert statement_name("2.1 Drug Y is recommended for treating asthma, only if:") == "asthma"
