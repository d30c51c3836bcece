"""Criteria written as pseudo-code rules (rule_blocks.py, issue 25): made-up rule sets,
not the batch's wording: field tests that scope a rule (diagnosis, request type, drug, a
rule cited as approved before), conditions that are criteria joined by AND / OR, an
outcome that grants, refuses or pends, END / ELSE syntax, a "-- comment" after a logic
label; and prose with no rule left as it is."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.outline import Line
from pipeline.policy.rule_blocks import rule_block_lines
from tests.unit.test_policy_layouts_rows import _pdf


def _lines(texts: list[tuple[int, str]]) -> list[Line]:
    return [Line(1, indent, text) for indent, text in texts]


def _texts(lines: list[Line]) -> list[tuple[int, str]]:
    return [(x.indent, x.text) for x in rule_block_lines(lines)]


def test_field_tests_scope_the_rule_and_the_outcome_leads_its_lines() -> None:
    lines = _lines(
        [
            (0, "EDIT TX-7 ASTHMA, EOSINOPHILIC - NEW START"),
            (2, "IF product = tezepelumab"),
            (2, "AND dx == severe eosinophilic asthma"),
            (2, "AND auth_type = NEW START"),
            (2, "THEN AUTHORIZE 6 MONTHS WHEN AT LEAST 2 OF:"),
            (6, "[1] two or more bursts of oral steroids in a year"),
            (6, "[2] blood eosinophils of 150 cells/mcL or more"),
            (6, "[3] ONE OF: // controller used"),
            (10, "[3.1] high-dose inhaled steroid"),
            (10, "[3.2] long-acting beta agonist"),
            (6, "END ONE"),
            (4, "END"),
            (2, "ELSE ROUTE TO CLINICAL REVIEW"),
        ]
    )
    # the rule's title gives way to the condition its field test names
    assert _texts(lines) == [
        (0, "Severe eosinophilic asthma"),
        (
            2,
            "Initial request: Approve for 6 months for severe eosinophilic asthma when at least 2 of the following apply:",
        ),
        (6, "[1] two or more bursts of oral steroids in a year"),
        (6, "[2] blood eosinophils of 150 cells/mcL or more"),
        (6, "[3] controller used, one of the following:"),
        (10, "[3.1] high-dose inhaled steroid"),
        (10, "[3.2] long-acting beta agonist"),
    ]


def test_conditions_that_are_criteria_keep_their_connectors() -> None:
    lines = _lines(
        [
            (0, "WHEN member age at least 12 years"),
            (0, "AND FEV1 below 80% predicted"),
            (0, "OR two hospital stays for asthma this year"),
            (0, "THEN APPROVE 12 MONTHS"),
        ]
    )
    # AND binds before OR: any of (all of the first two, the third)
    assert _texts(lines) == [
        (0, "Approve for 12 months when any of the following apply:"),
        (4, "• all of the following:"),
        (8, "o member age at least 12 years"),
        (8, "o FEV1 below 80% predicted"),
        (4, "• two hospital stays for asthma this year"),
    ]


def test_a_renewal_rule_names_the_condition_of_the_rule_it_cites() -> None:
    lines = _lines(
        [
            (0, "RULE AB-1 GOUT"),
            (0, "IF diagnosis = chronic gout"),
            (0, "THEN APPROVE 3 MONTHS WHEN ALL OF:"),
            (4, "[1] uric acid above 6 mg/dL"),
            (4, "[2] allopurinol tried"),
            (0, "RULE AB-2"),
            (0, "IF rule AB-1 approved before"),
            (0, "THEN APPROVE 12 MONTHS WHEN ALL OF: -- keep going"),
            (4, "[1] uric acid below 6 mg/dL"),
            (4, "[2] fewer flares"),
        ]
    )
    out = _texts(lines)
    assert out[:2] == [
        (0, "Chronic gout"),
        (0, "Approve for 3 months for chronic gout when all of the following apply:"),
    ]
    # the renewal's title gives way too: the same condition, one heading over both rules
    assert out[4] == (
        0,
        "Renewal: Approve for 12 months for chronic gout when all of the following apply:",
    )


def test_a_refusing_rule_after_its_lines_and_a_pending_outcome() -> None:
    lines = _lines(
        [
            (0, "IF ANY OF:"),
            (4, "[N1] pregnancy"),
            (4, "[N2] use with another biologic"),
            (4, "END ANY"),
            (0, "THEN REJECT CLAIM"),
            (0, "IF plan = commercial"),
            (0, "THEN PEND FOR REVIEW"),
        ]
    )
    assert _texts(lines) == [
        (0, "Not covered when any of the following apply:"),
        (4, "[N1] pregnancy"),
        (4, "[N2] use with another biologic"),
        (0, "IF plan = commercial"),
        (0, "THEN PEND FOR REVIEW"),
    ]


def test_prose_with_no_rule_is_left_as_it_is() -> None:
    lines = _lines(
        [(0, "If the member is an adult, then approve for 6 months."), (0, "END OF DOCUMENT")]
    )
    assert rule_block_lines(lines) == lines


def test_a_rule_set_compiles_to_indications_and_exclusions(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "rules.pdf",
        [
            [
                "Tezepelumab (Tezspire) - pharmacy edit specification",
                "",
                "EDIT TX-7 SEVERE ASTHMA - NEW START",
                [(60, "IF product = tezepelumab")],
                [(60, "AND dx = severe eosinophilic asthma")],
                [(60, "AND auth_type = NEW START")],
                [(60, "THEN AUTHORIZE 6 MONTHS WHEN ALL OF:")],
                [(90, "[1] member is 12 years of age or older")],
                [(90, "[2] two or more asthma attacks needing oral steroids in the last year")],
                [(90, "[3] ANY OF: // controller used for 3 months")],
                [(120, "[3.1] high-dose inhaled corticosteroid")],
                [(120, "[3.2] inhaled corticosteroid with a long-acting beta agonist")],
                [(90, "END ANY")],
                [(80, "END ALL")],
                [(60, "ELSE ROUTE TO CLINICAL REVIEW")],
                "",
                "EDIT TX-8 SEVERE ASTHMA - CONTINUATION",
                [(60, "IF product = tezepelumab")],
                [(60, "AND edit TX-7 approved before")],
                [(60, "THEN AUTHORIZE 12 MONTHS WHEN ALL OF:")],
                [(90, "[1] fewer asthma attacks than before tezepelumab")],
                [(90, "[2] still using an inhaled controller")],
                [(80, "END ALL")],
                "",
                "EDIT TX-9 REJECT",
                [(60, "IF ANY OF:")],
                [(90, "[R1] used together with another asthma biologic")],
                [(90, "[R2] member younger than 12 years")],
                [(80, "END ANY")],
                [(60, "THEN REJECT")],
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="rules")
    got = [
        (b.request_type, b.approval, b.node.op, len(b.node.leaves()))
        for i in tree.indications
        for b in i.branches
    ]
    assert got == [("initial", "6 months", "all_of", 4), ("continuation", "12 months", "all_of", 2)]
    (ind,) = tree.indications
    assert "asthma" in ind.name.lower()
    groups = [c.op for c in ind.branches[0].node.children if c.op != "leaf"]
    assert groups == ["any_of"]
    assert [e.text for e in tree.exclusions] == [
        "used together with another asthma biologic",
        "member younger than 12 years",
    ]
