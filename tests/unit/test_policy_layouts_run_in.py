"""Layouts of the eleventh synthetic batch's tune files (issue 25), as small made-up PDFs and
lines: a two-column article whose bold run-in sentences ("Initial approval (4 months). We
approve ... when the patient:") name the branch and duration over glyph items, with a
sidebar of exclusions set off by a wide gutter; a slide deck with one slide per drug and
request type under a title naming the condition (run_in_branches.py, columns.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.columns import reading_order
from pipeline.policy.compile import compile_policy
from pipeline.policy.list_labels import _marker
from pipeline.policy.logic_notes import terse_logic
from pipeline.policy.outline import Line
from pipeline.policy.run_in_branches import document_condition, run_in_indications
from pipeline.policy.verbatim import PageText
from tests.unit.test_policy_layouts_rows import _pdf, _shape

L, R, IN, SUB = 40.0, 330.0, 52.0, 66.0


def _article(tmp_path: Path) -> Path:
    """Page 1: an intro paragraph on the left beside the second condition's lists on the
    right; page 2: notes on the left beside a sidebar of uses not covered."""
    left = [
        "Restless legs syndrome and narcolepsy both disturb sleep,",
        "and the two drugs reviewed this season cost more than",
        "most members expect. Our sleep specialists helped us write",
        "the criteria below so a request shows what a reviewer needs.",
        "Restless legs syndrome",
        "Initial approval (4 months). We approve halvorine for",
        "restless legs syndrome when the patient:",
        (IN, "» is 21 years of age or older;"),
        (IN, "» has a ferritin level above 75 ng/mL drawn in the"),
        (IN + 8, "last 3 months;"),
        (IN, "» has tried a dopamine agonist, namely either:"),
        (SUB, "· pramipexole for at least 6 weeks;"),
        (SUB, "· ropinirole for at least 6 weeks."),
        "The scale below is the IRLS, scored 0 to 40 by the patient.",
        "Renewal (6 months at a time). We go on approving it for",
        "restless legs syndrome when the patient:",
        (IN, "» has an IRLS score lower than at the first request."),
    ]
    right = [
        "Narcolepsy",
        "Initial approval (2 months). We approve halvorine for",
        "narcolepsy when the patient:",
        (R + 12, "» has a sleep latency test with a mean under 8 minutes;"),
        (R + 12, "» has tried modafinil for at least 4 weeks."),
        "Renewal (12 months at a time). We go on approving it",
        "for narcolepsy when the patient:",
        (R + 12, "» has fewer sleep attacks a week than before;"),
        (R + 12, "» has a blood pressure under 140/90 mmHg."),
        "Continued on page 2",
    ]
    rows = []
    for k in range(max(len(left), len(right))):
        cells: list[tuple[float, str]] = []
        if k < len(left):
            a = left[k]
            cells.append(a if isinstance(a, tuple) else (L, a))
        if k < len(right):
            b = right[k]
            cells.append(b if isinstance(b, tuple) else (R, b))
        rows.append(cells)
    page2_left = [
        "Sleep drugs (continued from page 1)",
        "How to ask",
        "Send the request on the portal with the last two visit notes",
        "and the sleep study report, or fax them to our pharmacy",
        "team with the request form for this drug class attached.",
        "Answers come in two working days; urgent requests sooner",
        "Questions",
        "Call the pharmacy line on weekdays from 8 to 6.",
    ]
    side = [
        (R + 20, "Uses we do not cover"),
        (R + 26, "x  Halvorine with another stimulant or with"),
        (R + 40, "a second wake-promoting drug"),
        (R + 26, "x  Sleep trouble that comes from shift work alone"),
        (R + 26, "x  Members who are under 21 years of age"),
        (R + 26, "x  Insomnia without either condition or a"),
        (R + 40, "sleep study that confirms it"),
    ]
    page2 = [
        [(L, page2_left[k]), side[k]] if k < len(side) else [(L, page2_left[k])]
        for k in range(len(page2_left))
    ]
    return _pdf(
        tmp_path / "article.pdf",
        [["Sleep News | Spring issue", *rows], ["Sleep News | Spring issue", *page2]],
    )


def test_run_in_sentences_in_two_columns_are_branches_with_durations(tmp_path: Path) -> None:
    tree = compile_policy(_article(tmp_path), source_id="x", title="Sleep drugs")
    names = [i.name for i in tree.indications]
    assert names == ["Restless legs syndrome", "Narcolepsy"]
    rls, narco = tree.indications
    assert [(b.request_type, b.approval) for b in rls.branches] == [
        ("initial", "4 months"),
        ("continuation", "6 months"),
    ]
    op, items = _shape(rls.branches[0].node)
    assert op == "all_of" and len(items) == 3
    # "namely either:" states the sub-list's logic; the note under the list is no item
    assert items[2] == (
        "any_of",
        ["pramipexole for at least 6 weeks;", "ropinirole for at least 6 weeks."],
    )
    assert [(b.request_type, b.approval) for b in narco.branches] == [
        ("initial", "2 months"),
        ("continuation", "12 months"),
    ]
    assert len(narco.branches[1].node.leaves()) == 2
    # the sidebar beside page 2's notes: its "x" items are the exclusions
    assert [e.text for e in tree.exclusions] == [
        "Halvorine with another stimulant or with a second wake-promoting drug",
        "Sleep trouble that comes from shift work alone",
        "Members who are under 21 years of age",
        "Insomnia without either condition or a sleep study that confirms it",
    ]


def _deck(tmp_path: Path) -> Path:
    footer = "Lakeview Health | Formulary update | Slide"
    return _pdf(
        tmp_path / "deck.pdf",
        [
            ["Narcolepsy medicines: 2027 review", "Pharmacy committee, May 2027", f"{footer} 1"],
            [
                "Halvorine (Halvex) - new start",
                "Halvorine, new start (3 months). Approve if ALL:",
                "-  Age 16 or older",
                "-  Sleep study confirms the diagnosis",
                "-  Prior stimulant - ONE of:",
                [(80.0, "o  Modafinil tried for 4 weeks")],
                [(80.0, "o  Modafinil not tolerated")],
                f"{footer} 2",
            ],
            [
                "Halvorine (Halvex) - continuation",
                "Halvorine, continuation (12 months). Approve if ALL:",
                "-  Fewer sleep attacks than at the start",
                "Hint: attach the sleep diary",
                f"{footer} 3",
            ],
            [
                "Drowsamine - new start",
                "Drowsamine, first request (6 months). Approve if ALL:",
                "-  Halvorine failed or was not tolerated",
                f"{footer} 4",
            ],
            ["Not covered", "x  Two wake-promoting drugs together", f"{footer} 5"],
        ],
    )


def test_one_slide_per_drug_and_request_type_under_the_decks_condition(tmp_path: Path) -> None:
    tree = compile_policy(_deck(tmp_path), source_id="x", title="Deck")
    names = [i.name for i in tree.indications]
    # the slide titles name drugs: the deck's title gives the condition
    assert names[0] == "Narcolepsy (Halvorine / Halvex)"
    first, second = tree.indications
    # a lone brand-like word after a condition is dropped from the name (condition_name);
    # the section keeps the drug the slide was titled by
    assert names[1] == "Narcolepsy" and second.section == "Narcolepsy (Drowsamine)"
    assert [(b.request_type, b.approval, b.node.page) for b in first.branches] == [
        ("initial", "3 months", 2),
        ("continuation", "12 months", 3),
    ]
    assert _shape(first.branches[0].node)[1][2] == (
        "any_of",
        ["Modafinil tried for 4 weeks", "Modafinil not tolerated"],
    )
    # the hint under the renewal list is no criterion
    assert [n.text for n in first.branches[1].node.leaves()] == [
        "Fewer sleep attacks than at the start"
    ]
    assert [b.request_type for b in second.branches] == ["initial"]
    assert [e.text for e in tree.exclusions] == ["Two wake-promoting drugs together"]


def test_a_list_runs_on_past_a_jump_line_and_a_lone_lead_in_is_no_reading() -> None:
    lines = [
        Line(1, 0, "Gaucher disease"),
        Line(1, 0, "First authorization (6 months). We approve it when the patient:"),
        Line(1, 2, "» has low enzyme activity;"),
        Line(1, 0, "Continued on page 3"),
        Line(3, 0, "Enzyme therapy (continued from page 1)"),
        Line(3, 2, "» has an enlarged spleen."),
        Line(3, 0, "Reauthorization (1 year). We keep approving it when the patient:"),
        Line(3, 2, "» has a smaller spleen than at the start."),
    ]
    pages = PageText([" ".join(x.text for x in lines if x.page == p) for p in (1, 2, 3)])
    read = run_in_indications(lines, pages, [])
    assert read is not None
    (ind,) = read[0]
    assert ind.name == "Gaucher disease"
    assert [len(b.node.leaves()) for b in ind.branches] == [2, 1]
    assert read[1] == set(range(len(lines)))
    # one run-in sentence, or one with no duration, is read by the other readers
    assert run_in_indications(lines[:3], pages, []) is None
    plain = [
        Line(1, 0, "Initial approval. We approve it when:"),
        Line(1, 2, "» one"),
        Line(1, 0, "Renewal. Approve when:"),
        Line(1, 2, "» two"),
    ]
    assert run_in_indications(plain, pages, []) is None


def test_a_title_gives_the_condition_and_crosses_are_bullets() -> None:
    assert (
        document_condition([Line(1, 0, "Gaucher disease therapies: 2026 criteria")])
        == "Gaucher disease"
    )
    assert document_condition([Line(1, 0, "Quarterly update")]) is None
    assert _marker("x Two drugs at once") == ("cross", "x", "Two drugs at once")
    assert _marker("x-ray of the chest") is None and _marker("x 2 weeks") is None
    assert terse_logic("has tried a drug, meaning either:", 2) == ("any_of", 1)
    assert terse_logic("has tried a drug, namely one of:", 3) == ("any_of", 1)


def test_a_sidebar_beside_short_left_lines_is_read_after_its_column() -> None:
    left = [
        "Notes on dosing",
        "The dose starts low and rises each week until the effect is",
        "enough; members on strong inhibitors stay at the low dose and",
        "a higher dose needs a CYP2D6 genotype first.",
        "How to ask",
        "Use the portal or the fax form for this drug class, with notes",
        "attached.",
    ]
    side = [
        "What is not covered",
        "x  Use with a second drug of the class",
        "x  Use in children under 12 years",
        "x  Use without a confirmed diagnosis",
        "   from a specialist visit",
        "x  Use in pregnancy or while nursing",
        "x  Use for sleep trouble from shift work",
    ]
    raw = [f"{a:<66}{'':14}{b}".rstrip() for a, b in zip(left, side, strict=True)]
    out = [x.strip() for x in reading_order(raw) if x.strip()]
    assert out[: len(left)] == left
    assert out[len(left)] == "What is not covered"
    # a label column is no sidebar: short labels beside their text stay one line each
    labels = [f"{'Age':<20}{'18 years of age or older and under 65 at the request':<60}"] * 8
    assert reading_order(labels) == labels
