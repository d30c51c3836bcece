"""Criteria in a Part D prior authorization field table: run-in statements in the
"Required Medical Information" cell, their numbered criteria with their connectors, an
item's own "(a) ... or (b)" list, branches by the run-in, exclusions by sentence."""

from __future__ import annotations

from pipeline.policy.field_tables import field_table_tree
from pipeline.policy.verbatim import PageText

PAGE = [
    "Group: EXAMPLAZUMAB",
    "PA Criteria                     Criteria Details",
    "Drug Name(s)                    EXAMPLA",
    "Exclusion Criteria              Use for cosmetic purposes. Use with another agent of",
    "                                the same class.",
    "Required Medical Information    Chronic widget disease, initial therapy: (1) diagnosis of",
    "                                chronic widget disease confirmed by biopsy AND (2) one of",
    "                                the following: (a) an inadequate response to methotrexate,",
    "                                or (b) intolerance of methotrexate.",
    "                                Chronic widget disease, continuation: (1) a documented",
    "                                response to therapy.",
    "Age Restrictions                18 years of age or older",
    "Coverage Duration               12 months",
]


def test_a_field_table_cell_states_each_branch_of_its_conditions() -> None:
    pages = PageText([" ".join(line.strip() for line in PAGE)])
    problems: list[str] = []
    indications, exclusions = field_table_tree([PAGE], pages, problems)
    assert [i.name for i in indications] == ["Chronic widget disease"]
    initial, renewal = indications[0].branches
    assert (initial.request_type, renewal.request_type) == ("initial", "continuation")
    assert initial.node.op == "all_of" and len(initial.node.children) == 2
    either = initial.node.children[1]
    assert either.op == "any_of" and [c.text for c in either.children] == [
        "an inadequate response to methotrexate",
        "intolerance of methotrexate",
    ]
    assert [leaf.text for leaf in renewal.node.leaves()] == ["a documented response to therapy"]
    assert [e.text for e in exclusions] == [
        "Use for cosmetic purposes",
        "Use with another agent of the same class",
    ]
    assert not problems  # every criterion found verbatim on its page


def test_a_document_without_a_criteria_field_states_nothing() -> None:
    page = ["Coverage Duration               12 months", "Age Restrictions    18 or older"]
    assert field_table_tree([page], PageText([" ".join(page)]), []) == ([], [])


def test_a_part_d_document_compiles_to_its_drug_groups_conditions() -> None:
    """The sixth synthetic batch's Part D file (our own generated PDF): every statement of
    both drug groups, the groups' drug names in the scope, no outline problems left over."""
    from pathlib import Path

    from pipeline.policy.compile import compile_policy

    pdf = Path(__file__).parents[2] / "evals/policies/synthetic6/synth6-partd-thrombopoietin.pdf"
    tree = compile_policy(pdf, source_id="s", title="t")
    names = [i.name for i in tree.indications]
    # "ITP", as the document defines it, spelled out (section_names.spell_out)
    assert names[0] == "Chronic or persistent immune thrombocytopenia (ITP)" and len(names) == 4
    assert [b.request_type for b in tree.indications[0].branches] == ["initial", "continuation"]
    assert "MULPLETA" in tree.scope and not tree.exclusions  # two groups: no unscoped exclusion
    assert not tree.problems
