"""Layouts of charts: a benefits chart's halves the extraction stacks set side by side
again (stacked_halves.py), the chart's "Limitations, Exceptions" column read as its
criteria (table.py), and its row of uses the plan does not cover read as exclusions
(refused_rows.py)."""

# ruff: noqa: E501  (the fixture pages are printed lines, as wide as a page)
from __future__ import annotations

from pipeline.policy.layout_text import Line
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.refused_rows import refused_rows
from pipeline.policy.stacked_halves import rejoin_stacked_halves
from pipeline.policy.table import chart_header as _header
from pipeline.policy.table import read_tables


def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    blank = True
    for raw in text.splitlines():
        if not raw.strip():
            blank = True
            continue
        indent = len(raw) - len(raw.lstrip())
        out.append(Line(1, indent, raw.strip(), blank, not out, False))
        blank = False
    return out


CHART = [
    [
        "Common Medical        Services You May Need           What You Pay      Limitations, Exceptions, & Other Important Information",
        "Event",
        "If you need drugs     Specialty drug: examplimab      40% coinsurance   Prior authorization required; all must be documented:",
        "to treat an illness   for examplosis                                    -    Age 18 or older.",
        "                                                                        -    A failed trial of drug A.",
    ],
    [
        "Common Medical        Services You May Need           What You Pay",
        "Event",
        "",
        "If you need drugs     Examplimab for examplosis,      40% coinsurance",
        "to treat an illness   renewal",
        "",
        "If you need drugs     Examplimab: uses this plan      Not covered",
        "to treat an illness   does not cover",
        "",
        "",
        "Limitations, Exceptions, & Other Important Information",
        "Renewal 12 months when both are documented:",
        "-    Fewer flares than before.",
        "-    Still taking drug A.",
        "Examplimab is not covered for:",
        "-    Cosmetic use.",
        "",
        "",
        "A sentence running across the whole page after the chart ends it for good, here.",
    ],
]


def test_stacked_halves_of_a_chart_are_set_side_by_side_row_by_row() -> None:
    pages = rejoin_stacked_halves(CHART, _header)
    assert pages[0] == CHART[0]
    page = pages[1]
    renewal = next(x for x in page if "Examplimab for examplosis," in x)
    assert renewal.endswith("Renewal 12 months when both are documented:")
    assert renewal.index("Renewal 12") == CHART[0][0].index("Limitations")
    excluded = next(x for x in page if "Examplimab: uses" in x)
    assert excluded.endswith("Examplimab is not covered for:")
    assert page[-1].startswith("A sentence running across")
    rows, _ = read_tables(pages)
    assert [r.subject.split(",")[0] for r in rows] == [
        "Specialty drug: examplimab for examplosis",
        "Examplimab for examplosis",
        "Examplimab: uses this plan does not cover",
    ]
    assert [x.text for x in rows[1].lines][1:] == [
        "- Fewer flares than before.",
        "- Still taking drug A.",
    ]


def test_halves_with_unequal_rows_are_left_as_printed() -> None:
    page = [*CHART[1][:8], "", "", *CHART[1][10:14]]  # one right row fewer
    assert rejoin_stacked_halves([CHART[0], page], _header)[1] == page


def test_a_tag_is_no_criteria_column_and_a_benefits_chart_limitations_column_is() -> None:
    assert _header("Labels                  pa-criteria, drug-x, committee-2025", 1) is None
    found = _header(CHART[0][0], 1)
    assert found is not None
    assert found.starts[found.criteria] == CHART[0][0].index("Limitations")


def _row(ind_id: str, name: str, stem: str, leaves: list[str]) -> Indication:
    kids = [PolicyNode(id=f"{ind_id}.{k}", text=t, page=1) for k, t in enumerate(leaves, 1)]
    lead = PolicyNode(id=f"{ind_id}.0", text=stem, page=1, op="all_of", children=kids)
    root = PolicyNode(id=ind_id, text=name, page=1, op="all_of", children=[lead])
    return Indication(id=ind_id, name=name, text=name, page=1, branches=[Branch(node=root)])


def test_a_table_row_that_refuses_lists_exclusions_not_criteria() -> None:
    grants = _row("T1", "Examplimab for examplosis", "All must be documented:", ["Age 18"])
    by_name = _row("T2", "Examplimab: uses this plan does not cover", "For:", ["Cosmetic use."])
    by_lead = _row("T3", "Examplimab", "Examplimab is not covered for:", ["Asthma.", "Acne."])
    kept, refused = refused_rows([grants, by_name, by_lead])
    assert kept == [grants]
    assert [x.text for x in refused] == ["Cosmetic use.", "Asthma.", "Acne."]
    # a criterion that mentions what is not covered is no refusing lead-in
    inside = _row("T4", "Examplimab", "All of:", ["Drug B is not covered for the member"])
    assert refused_rows([inside]) == ([inside], [])
    # outside a table (a statement's own indication) nothing is read as a row
    statement = _row("2", "Examplimab: not covered", "X is not covered for:", ["Asthma."])
    assert refused_rows([statement]) == ([statement], [])
