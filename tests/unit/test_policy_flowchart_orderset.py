"""Layouts of synthetic14's kind, on other drugs, plans and wordings (issue 25): a pathway
flowchart whose boxes are joined by "Yes" arrows with "No" arrows to a stop at the right
(flowchart_answers.py), and an order-set print with one panel per orderable, a restriction
banner over "P1 ... P3" prompts, "( )" radio lines and a refusing stop list (the granting
lead-ins' panel titles, request types from a title's tail, the condition from a labelled
title's subject, refusing titles over learned glyph markers)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_names import branch_heading_kind
from pipeline.policy.compile import compile_policy
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.flowchart_answers import flowchart_boxes
from pipeline.policy.grant_words import grant_words
from pipeline.policy.layout_text import Line
from pipeline.policy.repeat_shapes import line_shape
from pipeline.policy.run_in_branches import document_condition, titled_subject
from pipeline.policy.steps import is_step_block
from tests.unit.test_policy_layouts_rows import _pdf, _shape

L, BOX, ANSWER, STOP = 50.0, 90.0, 300.0, 470.0


def _tree(path: Path):
    return compile_policy(path, source_id="x", title=path.stem)


def _box(text: str, stop: bool = True) -> list[tuple[float, str]]:
    return [(BOX, text), *([(ANSWER + 120, "No"), (STOP, "Deny")] if stop else [])]


def test_a_flowchart_reads_each_box_with_a_stop_arrow_as_a_criterion(tmp_path: Path) -> None:
    go_on = [(ANSWER, "Yes")]
    path = _pdf(
        tmp_path / "flow.pdf",
        [
            [
                "Ashgrove Health - Care Route R-12: ustekinumab",
                "",
                "Route 1 - psoriasis",
                "",
                [(BOX, "ROUTE 1 - moderate plaque psoriasis, initial course. Approval: 16")],
                [(BOX, "weeks when each box below is answered Yes.")],
                "",
                go_on,
                _box("Plaque psoriasis on 10% or more of the body surface"),
                "",
                go_on,
                [(BOX, "Prior treatment, with one of:")],
                _box("- phototherapy for 12 weeks"),
                [(BOX, "- methotrexate for 3 months")],
                "",
                go_on,
                _box("Tuberculosis test negative in the last 12 months"),
                "",
                go_on,
                [(BOX, "APPROVE 16 weeks")],
                "",
                "Route 1R - continued course",
                "",
                [(BOX, "ROUTE 1R - continued course of ustekinumab. Approval: 12 more")],
                [(BOX, "months when each box below is answered Yes.")],
                "",
                go_on,
                _box("PASI improved by 75% or more since the start"),
                "",
                go_on,
                _box("No serious infection since the last dose"),
                "",
                go_on,
                [(BOX, "APPROVE 12 more months")],
                "",
                "Outside every route (not covered)",
                "X   Use together with another biologic for psoriasis.",
                "X   Active tuberculosis that is not treated.",
            ]
        ],
    )
    tree = _tree(path)
    assert [i.name for i in tree.indications] == ["Moderate plaque psoriasis"]
    (ind,) = tree.indications
    assert [(b.request_type, b.approval) for b in ind.branches] == [
        ("initial", "16 weeks"),
        ("continuation", "12 months"),
    ]
    assert _shape(ind.branches[0].node) == (
        "all_of",
        [
            "Plaque psoriasis on 10% or more of the body surface",
            ("any_of", ["phototherapy for 12 weeks", "methotrexate for 3 months"]),
            "Tuberculosis test negative in the last 12 months",
        ],
    )
    assert _shape(ind.branches[1].node) == (
        "all_of",
        [
            "PASI improved by 75% or more since the start",
            "No serious infection since the last dose",
        ],
    )
    assert [e.text for e in tree.exclusions] == [
        "Use together with another biologic for psoriasis.",
        "Active tuberculosis that is not treated.",
    ]


def test_flowchart_boxes_leave_a_page_without_stop_arrows_as_printed() -> None:
    lines = [
        Line(1, 0, "Is the member 18 or older?", True),
        Line(1, 20, "YES", True),
        Line(1, 0, "Approve for 6 months", True),
    ]
    assert flowchart_boxes(lines) == lines
    boxed = flowchart_boxes(
        [
            Line(1, 4, "Start: approve 3 months when every box is Yes.", True),
            Line(1, 30, "Yes", True),
            Line(1, 4, "Member is 18 or olderNO NOT APPROVED"),
            Line(1, 30, "Yes", True),
            Line(1, 4, "Prescribed by a cardiologist, who documents   No - Stop", True),
            Line(1, 4, "the dose"),
        ]
    )
    assert [(x.indent, x.text) for x in boxed] == [
        (4, "Start: approve 3 months when every box is Yes."),
        (4, "• Member is 18 or older"),
        (4, "• Prescribed by a cardiologist, who documents"),
        (4, "the dose"),
    ]


def test_an_order_set_reads_one_indication_per_orderable_and_its_stop_list(
    tmp_path: Path,
) -> None:
    prompt, radio = 60.0, 100.0
    path = _pdf(
        tmp_path / "orders.pdf",
        [
            [
                "Printed from CareOrders 4.1   user: RX-01   2026-03-02",
                "",
                "PROTOCOL: Adult Infusion Suite - Multiple Sclerosis, Disease-Modifying Infusions",
                "The orderables below are limited. Pharmacy releases an order only when the prompts",
                "are answered in the order comment.",
                "",
                [(L + 8, "natalizumab (Tysabri) 300 mg IV - first infusion")],
                "LIMITED - Release the FIRST infusion (approval 6 months) only if each prompt is answered yes:",
                [
                    (L + 4, "P1"),
                    (prompt + 40, "Relapsing multiple sclerosis confirmed by a neurologist"),
                ],
                [(L + 4, "P2"), (prompt + 40, "JC virus antibody status documented, by one of:")],
                [
                    (radio + 20, "( )"),
                    (radio + 50, "a negative antibody test in the last 6 months"),
                ],
                [(radio + 20, "( )"), (radio + 50, "an index value below 0.9 on file")],
                [
                    (L + 4, "P3"),
                    (prompt + 40, "No other disease-modifying therapy in the last 4 weeks"),
                ],
                "",
                [(L + 8, "natalizumab (Tysabri) - maintenance infusion")],
                "LIMITED - Release MAINTENANCE infusions (approval 12 months) only if both prompts are yes:",
                [
                    (L + 4, "P1"),
                    (prompt + 40, "No new gadolinium-enhancing lesions on the last MRI"),
                ],
                [
                    (L + 4, "P2"),
                    (prompt + 40, "Infusion given every 4 weeks, with no gap over 8 weeks"),
                ],
                "",
                [(L + 8, "DO NOT RELEASE - the order is rejected when any of these applies")],
                "!!   Progressive multifocal leukoencephalopathy at any time.",
                "!!   Use with an immunosuppressant other than corticosteroids.",
            ]
        ],
    )
    tree = _tree(path)
    (ind,) = tree.indications
    assert ind.name.startswith("Multiple Sclerosis (natalizumab")
    assert [(b.request_type, b.approval) for b in ind.branches] == [
        ("initial", "6 months"),
        ("continuation", "12 months"),
    ]
    assert _shape(ind.branches[0].node) == (
        "all_of",
        [
            "Relapsing multiple sclerosis confirmed by a neurologist",
            (
                "any_of",
                [
                    "a negative antibody test in the last 6 months",
                    "an index value below 0.9 on file",
                ],
            ),
            "No other disease-modifying therapy in the last 4 weeks",
        ],
    )
    assert [e.text for e in tree.exclusions] == [
        "Progressive multifocal leukoencephalopathy at any time.",
        "Use with an immunosuppressant other than corticosteroids.",
    ]


def test_the_general_words_these_layouts_widen() -> None:
    # a formulation names no condition and grants nothing
    assert not names_condition("naltrexone extended-release (Vivitrol) 380 mg IM")
    assert not grant_words("buprenorphine extended-release 300 mg subcut - first injection")
    assert grant_words("The order is released when both prompts are answered")
    # a title's tail names its request type
    assert branch_heading_kind("maintenance injection") == "continuation"
    assert branch_heading_kind("first infusion") == "initial"
    assert branch_heading_kind("300 mg subcut") is None
    # a part label and its number is no subject
    assert titled_subject("Route 2 - retreatment") is None
    assert titled_subject("CRIZANLIZUMAB (Adakveo) IV - start") == "CRIZANLIZUMAB (Adakveo) IV"
    # a capitals label before a title's subject
    title = "ORDER SET: Ward 4 / ICU - Alcohol Withdrawal, Infusions"
    assert document_condition([Line(1, 0, title)]) == "Alcohol Withdrawal"
    # glyphs: a lone letter, an empty box printed with its space
    assert line_shape("X Pregnancy is planned").shape == "X"  # type: ignore[union-attr]
    assert line_shape("( ) a negative test").shape == "()"  # type: ignore[union-attr]
    assert line_shape("A negative test") is None


def test_prompts_over_a_list_are_no_yes_no_steps() -> None:
    prompts = [
        Line(1, 1, "Q1 Diagnosis documented"),
        Line(1, 1, "Q2 Confirmed by one of:"),
        Line(1, 8, "- a biopsy"),
        Line(1, 8, "- an MRI"),
    ]
    assert not is_step_block(prompts)
    routed = [
        Line(1, 0, "Step 1 Is the diagnosis documented?"),
        Line(1, 0, "[ ] Yes (Go to Step 2) [ ] No (Deny)"),
        Line(1, 0, "Step 2 Is it confirmed?"),
        Line(1, 4, "- by a biopsy"),
    ]
    assert is_step_block(routed)
