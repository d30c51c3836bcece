"""Rules-library exports whose tree is explicit (hierarchy_tables.py, hierarchy_tree.py), as
small made-up PDFs: a parent column (columns in another order, keys "R-3.1.a", a "2 OF"
group, a logic cell wrapped inside its word, the table running over a page break with its
header repeated and a running footer, a NONE row over the denied uses); a level column
with "Initial" / "Renewal" rows naming no subject and OR connectors on a blank group;
dotted keys under a drug row whose groups are the request types; indentation alone. A
code list ("Code | Description") is no export."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy.compile import compile_policy
from pipeline.policy.hierarchy_tables import logic_of, read_hierarchy_tables
from pipeline.policy.hierarchy_tree import _subject
from pipeline.policy.models import PolicyNode, PolicyTree
from tests.unit.test_policy_layouts_rows import _pdf


def _shape(node: PolicyNode) -> object:
    if node.op == "leaf":
        return node.text
    op = f"{node.op}({node.n})" if node.op == "at_least" else node.op
    return (op, [_shape(c) for c in node.children])


def _branches(tree: PolicyTree) -> list[tuple[str, str, str | None, object]]:
    return [
        (ind.name, b.request_type, b.approval, _shape(b.node))
        for ind in tree.indications
        for b in ind.branches
    ]


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("ALL", ("all_of", 1)),
        ("AND", ("all_of", 1)),
        ("Any of", ("any_of", 1)),
        ("OR", ("any_of", 1)),
        ("2 OF", ("at_least", 2)),
        ("at least 3", ("at_least", 3)),
        ("Two or more", ("at_least", 2)),
        ("1 of 3", ("any_of", 1)),
        ("NON E", ("none", 1)),
        ("-", ("leaf", 1)),
        ("", ("leaf", 1)),
        ("WEIGHTED", None),
    ],
)
def test_logic_cells_read_as_operators(cell: str, want: tuple[str, int] | None) -> None:
    assert logic_of(cell) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Zetamab - new request (6 months)", ("Zetamab", "initial", "6 months")),
        (
            "Orvelin (Orvix), reauthorization, 12 months",
            ("Orvelin (Orvix)", "continuation", "12 months"),
        ),
        ("Renewal: Orvelin", ("Orvelin", "continuation", None)),
        ("Initial authorization, 3 months", (None, "initial", "3 months")),
        ("Orvelin for plaque psoriasis", ("Orvelin for plaque psoriasis", None, None)),
    ],
)
def test_a_top_level_rows_text_gives_subject_request_type_and_period(
    text: str, want: tuple[str | None, str | None, str | None]
) -> None:
    assert _subject(text) == want


# ID | Criterion | Parent | Operator: the text column second; two pages, header repeated
_X = [50.0, 110.0, 390.0, 470.0]
HEADER = list(zip(_X, ["ID", "Criterion", "Parent", "Operator"], strict=True))


def _row(*cells: str) -> list[tuple[float, str]]:
    return list(zip(_X, cells, strict=False))


PARENT_EXPORT = [
    [
        "NORTHWIND HEALTH UM CRITERIA EXPORT RPT-22",
        "Active criteria set for hereditary angioedema therapies (zetamab). Each rule names its parent.",
        "",
        HEADER,
        _row("R-1", "Zetamab - new request (6 months)", "-", "AND"),
        _row("R-1.a", "Member is 12 years of age or older", "R-1", "-"),
        _row("R-1.b", "Two or more swelling attacks a month on", "R-1", "-"),
        _row("", "a diary kept for 3 months"),
        _row("R-1.c", "Earlier prophylaxis tried", "R-1", "2 OF"),
        _row("R-1.c.1", "Danazol for at least 8 weeks", "R-1.c", "-"),
        _row("R-1.c.2", "Berotralstat for at least 8 weeks", "R-1.c", "-"),
        _row("R-1.c.3", "A C1 inhibitor for at least 8 weeks", "R-1.c", "-"),
        _row("R-1.d", "Prescribed by an allergist or immunologist", "R-1", "-"),
        "",
        "RPT-22 run 2026-01-04 page 1",
    ],
    [
        HEADER,
        _row("R-2", "Zetamab - renewal (12 months)", "-", "ALL"),
        _row("R-2.a", "Attacks fell by half or more on zetamab", "R-2", "-"),
        _row("R-2.b", "No anaphylaxis after any dose", "R-2", "-"),
        _row("R-9", "Uses not covered", "-", "NON"),
        _row("", "", "", "E"),
        _row("R-9.a", "Zetamab with another prophylactic drug", "R-9", "-"),
        _row("R-9.b", "Treatment of an acute attack", "R-9", "-"),
        "",
        "Rule owner: pharmacy team. Printed copies are uncontrolled.",
        "RPT-22 run 2026-01-04 page 2",
    ],
]


@pytest.mark.parametrize("repeated", [True, False])
def test_a_parent_column_export_over_two_pages_is_read_into_its_tree(
    tmp_path: Path, repeated: bool
) -> None:
    # the header repeated on page 2, or the rows going straight on there
    pages = PARENT_EXPORT if repeated else [PARENT_EXPORT[0], PARENT_EXPORT[1][1:]]
    tree = compile_policy(_pdf(tmp_path / "export.pdf", pages), source_id="s", title="t")
    name = "Hereditary angioedema"  # a single brand after a condition is dropped
    assert _branches(tree) == [
        (
            name,
            "initial",
            "6 months",
            (
                "all_of",
                [
                    "Member is 12 years of age or older",
                    "Two or more swelling attacks a month on a diary kept for 3 months",
                    (
                        "at_least(2)",
                        [
                            "Danazol for at least 8 weeks",
                            "Berotralstat for at least 8 weeks",
                            "A C1 inhibitor for at least 8 weeks",
                        ],
                    ),
                    "Prescribed by an allergist or immunologist",
                ],
            ),
        ),
        (
            name,
            "continuation",
            "12 months",
            (
                "all_of",
                ["Attacks fell by half or more on zetamab", "No anaphylaxis after any dose"],
            ),
        ),
    ]
    assert [e.text for e in tree.exclusions] == [
        "Zetamab with another prophylactic drug",
        "Treatment of an acute attack",
    ]
    assert all(n.verified for ind in tree.indications for b in ind.branches for n in b.node.nodes())


# Seq | Level | Logic | Description: the tree by levels; the request types name no drug
_L = [50.0, 90.0, 130.0, 180.0]
LEVEL_EXPORT = [
    [
        "Criteria set for the treatment of chronic spontaneous urticaria.",
        "",
        list(zip(_L, ["Seq", "Level", "Logic", "Description"], strict=True)),
        list(zip(_L, ["10", "1", "ALL", "Initial authorization, 6 months"], strict=True)),
        list(zip(_L, ["20", "2", "-", "Adult member, 18 years or older"], strict=True)),
        list(zip(_L, ["30", "2", "", "Antihistamine response"], strict=True)),
        list(
            zip(
                _L, ["40", "3", "OR", "Hives persist on a fourfold antihistamine dose"], strict=True
            )
        ),
        list(zip(_L, ["50", "3", "", "Antihistamines are not tolerated"], strict=True)),
        list(zip(_L, ["60", "1", "ALL", "Reauthorization, 12 months"], strict=True)),
        list(
            zip(_L, ["70", "2", "-", "Urticaria activity score fell since the start"], strict=True)
        ),
        list(
            zip(_L, ["80", "2", "-", "Hives still need the drug to stay controlled"], strict=True)
        ),
    ]
]


def test_a_level_column_export_with_connectors_on_a_blank_group(tmp_path: Path) -> None:
    tree = compile_policy(_pdf(tmp_path / "levels.pdf", LEVEL_EXPORT), source_id="s", title="t")
    assert [(i.name, len(i.branches)) for i in tree.indications] == [
        ("Chronic spontaneous urticaria", 2)
    ]
    (_, kind, approval, shape), renewal = _branches(tree)
    assert (kind, approval) == ("initial", "6 months")
    assert shape == (
        "all_of",
        [
            "Adult member, 18 years or older",
            (
                "any_of",
                [
                    "Hives persist on a fourfold antihistamine dose",
                    "Antihistamines are not tolerated",
                ],
            ),
        ],
    )
    assert renewal[1:3] == ("continuation", "12 months")


# Rule No. | Logic | Rule Text: dotted keys only; a drug row over its request-type groups
_D = [50.0, 110.0, 160.0]
DOTTED_EXPORT = [
    [
        "Orvelin (Orvix) criteria set for plaque psoriasis therapies",
        "",
        list(zip(_D, ["Rule No.", "Logic", "Rule Text"], strict=True)),
        list(zip(_D, ["1", "", "Orvelin for plaque psoriasis"], strict=True)),
        list(zip(_D, ["1.1", "ALL", "Initial request, 4 months"], strict=True)),
        list(zip(_D, ["1.1.1", "-", "Plaques cover 10 percent or more of the body"], strict=True)),
        list(zip(_D, ["1.1.2", "ANY", "Earlier systemic treatment"], strict=True)),
        list(zip(_D, ["1.1.2.1", "-", "Methotrexate for 12 weeks"], strict=True)),
        list(zip(_D, ["1.1.2.2", "-", "Ciclosporin for 12 weeks"], strict=True)),
        list(zip(_D, ["1.2", "ALL", "Renewal, 12 months"], strict=True)),
        list(zip(_D, ["1.2.1", "-", "Body area affected fell by 75 percent"], strict=True)),
        list(zip(_D, ["1.2.2", "-", "No serious infection on treatment"], strict=True)),
    ]
]


def test_dotted_keys_under_a_drug_row_whose_groups_are_request_types(tmp_path: Path) -> None:
    tree = compile_policy(_pdf(tmp_path / "dotted.pdf", DOTTED_EXPORT), source_id="s", title="t")
    assert [
        (i.name, [(b.request_type, b.approval) for b in i.branches]) for i in tree.indications
    ] == [
        ("Orvelin for plaque psoriasis", [("initial", "4 months"), ("continuation", "12 months")])
    ]
    first, renewal = (_shape(b.node) for b in tree.indications[0].branches)
    assert first == (
        "all_of",
        [
            "Plaques cover 10 percent or more of the body",
            ("any_of", ["Methotrexate for 12 weeks", "Ciclosporin for 12 weeks"]),
        ],
    )
    assert renewal == (
        "all_of",
        ["Body area affected fell by 75 percent", "No serious infection on treatment"],
    )


# Key | Operator | Text: flat keys, the tree only by the text's indentation
_I = [50.0, 100.0, 160.0]
INDENT_EXPORT = [
    [
        "Criteria set for psoriatic arthritis therapies.",
        "",
        list(zip(_I, ["Key", "Operator", "Text"], strict=True)),
        list(zip(_I, ["K1", "ALL", "Urolase - initial request (6 months)"], strict=True)),
        [(50.0, "K2"), (100.0, "-"), (172.0, "Serum urate above 6 mg/dL")],
        [(50.0, "K3"), (100.0, "ANY"), (172.0, "Oral urate lowering failed")],
        [(50.0, "K4"), (100.0, "-"), (184.0, "Allopurinol at the highest dose tolerated")],
        [(50.0, "K5"), (100.0, "-"), (184.0, "Febuxostat at the highest dose tolerated")],
        [(50.0, "K6"), (100.0, "-"), (172.0, "Three or more flares in the past year")],
    ]
]


def test_indentation_alone_nests_the_rows(tmp_path: Path) -> None:
    tree = compile_policy(_pdf(tmp_path / "indent.pdf", INDENT_EXPORT), source_id="s", title="t")
    (ind,) = tree.indications
    (branch,) = ind.branches
    assert (ind.name, branch.request_type, branch.approval) == (
        "Psoriatic arthritis",
        "initial",
        "6 months",
    )
    urate, failed, flares = branch.node.children
    assert (branch.node.op, urate.text, flares.text) == (
        "all_of",
        "Serum urate above 6 mg/dL",
        "Three or more flares in the past year",
    )
    assert _shape(failed) == (
        "any_of",
        ["Allopurinol at the highest dose tolerated", "Febuxostat at the highest dose tolerated"],
    )


def test_a_code_list_is_no_rules_export(tmp_path: Path) -> None:
    codes = [
        [
            list(zip(_D, ["Code", "", "Description"], strict=True)),
            list(zip(_D, ["J1234", "", "Injection, zetamab, 1 mg"], strict=True)),
            list(zip(_D, ["J1234.1", "", "Injection, zetamab, 10 mg"], strict=True)),
            list(zip(_D, ["J1235", "", "Injection, orvelin, 5 mg"], strict=True)),
        ]
    ]
    pdf = _pdf(tmp_path / "codes.pdf", codes)
    assert read_hierarchy_tables(pdf, set()) == []


def test_a_none_row_inside_a_request_type_lists_exclusions(tmp_path: Path) -> None:
    x = [50.0, 120.0, 190.0, 250.0]
    rows = [
        ("Rule", "Parent", "Logic", "Text"),
        ("MS-1", "", "ALL", "Natalumab - initial authorization, 6 months"),
        ("MS-1.1", "MS-1", "-", "Relapsing form of multiple sclerosis"),
        ("MS-1.2", "MS-1", "NONE", "None of the following"),
        ("MS-1.2.1", "MS-1.2", "-", "Active serious infection"),
        ("MS-1.3", "MS-1", "-", "Not used with another disease modifying drug"),
        ("MS-2", "", "ANY", "Natalumab - renewal, 12 months"),
        ("MS-2.1", "MS-2", "-", "No relapse in the past year"),
        ("MS-2.2", "MS-2", "-", "Stable disability score"),
    ]
    lines = ["Criteria set for multiple sclerosis therapies.", ""]
    pdf = _pdf(tmp_path / "ms.pdf", [[*lines, *(list(zip(x, r, strict=True)) for r in rows)]])
    tree = compile_policy(pdf, source_id="s", title="t")
    (ind,) = tree.indications
    first, renewal = ind.branches
    assert [c.text for c in first.node.children] == [
        "Relapsing form of multiple sclerosis",
        "Not used with another disease modifying drug",
    ]
    assert (renewal.request_type, renewal.node.op) == ("continuation", "any_of")
    assert [e.text for e in tree.exclusions] == ["Active serious infection"]
    assert any("(NONE) inside a request type" in p for p in tree.problems)
