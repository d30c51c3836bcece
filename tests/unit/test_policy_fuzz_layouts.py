"""Layout mechanisms the fuzzer (evals/policies/fuzz) found missing, on small printed
layouts: a generic document heading marked like a list item ("B. Coverage Criteria") over
numbered conditions whose lettered branches start again at "A."; a numbered heading right
under a paragraph over a list that starts again at 1; run-in branch statements
("Initial Authorization: X is approved when ...:") under a condition's title; "- AND -"
on a line of its own; checkbox markers; "New Starts" and "is approved when"."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.generic import generic_heading
from pipeline.policy.models import PolicyNode
from tests.unit.test_policy_sections import _compile


def _shape(node: PolicyNode) -> object:
    if node.op == "leaf":
        return node.text.split()[0]
    return (node.op, [_shape(c) for c in node.children])


def _branches(tree, name: str) -> dict[str, object]:  # noqa: ANN001
    ind = next(i for i in tree.indications if i.name.lower().startswith(name.lower()))
    return {b.request_type: _shape(b.node) for b in ind.branches}


MARKED_GENERIC = """
# Description
This policy says when Examplumab is covered.
# B. Coverage Criteria
# 1. Plaque psoriasis
A. Initial Approval Criteria: Examplumab is approved when all of the following are met:
     i. Member is 18 years of age or older;
     ii. One of the following:
          a. Body surface area of 10% or more;
          b. Involvement of the face or hands;
     iii. Prescribed by a dermatologist;
B. Reauthorization Criteria: Examplumab is approved when all of the following are met:
     i. Member has received Examplumab for 12 weeks;
     ii. Better skin scores than at baseline;
# 2. Psoriatic arthritis
A. Initial Approval Criteria: Examplumab is approved when all of the following are met:
     i. Member is 18 years of age or older;
     ii. Prescribed by a rheumatologist;
"""


def test_generic_marked_heading_holds_numbered_conditions(tmp_path: Path) -> None:
    tree = _compile(MARKED_GENERIC, tmp_path)
    names = [i.name for i in tree.indications]
    assert names == ["Plaque psoriasis", "Psoriatic arthritis"]
    assert _branches(tree, "Plaque") == {
        "initial": ("all_of", ["Member", ("any_of", ["Body", "Involvement"]), "Prescribed"]),
        "continuation": ("all_of", ["Member", "Better"]),
    }


NUMBERED_UNDER_PARAGRAPH = """
# Description
This policy says when Examplumab is covered.
2. Prior Authorization Criteria
# 1. Plaque psoriasis
Initial Authorization: Examplumab is approved when all of the following are met:
(i) Member is 18 years of age or older.
(ii) Prescribed by a dermatologist.
Renewal: Examplumab is approved when all of the following are met:
(i) Member has received Examplumab for 12 weeks.
(ii) Better skin scores than at baseline.
# 2. Psoriatic arthritis
New Starts: Examplumab is approved when all of the following are met:
(i) Member is 18 years of age or older.
(ii) Prescribed by a rheumatologist.
"""


def test_numbered_heading_over_a_list_that_starts_again_and_run_in_branches(tmp_path: Path) -> None:
    tree = _compile(NUMBERED_UNDER_PARAGRAPH, tmp_path)
    assert [i.name for i in tree.indications] == ["Plaque psoriasis", "Psoriatic arthritis"]
    assert _branches(tree, "Plaque") == {
        "initial": ("all_of", ["Member", "Prescribed"]),
        "continuation": ("all_of", ["Member", "Better"]),
    }
    assert _branches(tree, "Psoriatic") == {"initial": ("all_of", ["Member", "Prescribed"])}


DASH_CONNECTORS_AND_BOXES = """
# Asthma
# Initial Approval
Examplumab is approved when the following criteria are met:
(a) Diagnosis of severe asthma;
- AND -
(b) Patient has:
     [ ] Two exacerbations in the last year
     - OR -
     [ ] Daily oral corticosteroids
- AND -
(c) Prescribed by a pulmonologist
"""


def test_dash_connector_lines_and_checkbox_markers(tmp_path: Path) -> None:
    tree = _compile(DASH_CONNECTORS_AND_BOXES, tmp_path)
    assert _branches(tree, "Asthma") == {
        "initial": ("all_of", ["Diagnosis", ("any_of", ["Two", "Daily"]), "Prescribed"])
    }


def test_generic_headings_name_no_condition() -> None:
    for text in ("Coverage Criteria", "POLICY:", "Prior Authorization Criteria", "Endnotes"):
        assert generic_heading(text)
    for text in ("Plaque psoriasis", "Acute Lymphoblastic Leukemia"):
        assert not generic_heading(text)


FLAT_RUN_IN = """
# Migraine prevention
# Initial Authorization: Examplumab is approved when all of the following are met:
a) Diagnosis of chronic migraine;
-AND-
b) Prescribed by a neurologist;
Approval duration: 6 months
Renewal Criteria: Examplumab is approved when all of the following are met:
a) Fewer migraine days than at baseline;
-AND-
b) No use with another CGRP antagonist;
Approval duration: 12 months
"""


def test_renewal_statement_at_the_margin_of_a_flat_list(tmp_path: Path) -> None:
    """The renewal statement and its list set at the initial list's margin: a statement
    of its own (that condition's continuation), not the initial list's last words."""
    tree = _compile(FLAT_RUN_IN, tmp_path)
    assert [i.name for i in tree.indications] == ["Migraine prevention"]
    assert _branches(tree, "Migraine") == {
        "initial": ("all_of", ["Diagnosis", "Prescribed"]),
        "continuation": ("all_of", ["Fewer", "No"]),
    }


TITLE_OVER_BRANCH_HEADING = """
# Rheumatoid arthritis
# Initial Authorization Criteria
Examplumab is approved when all of the following are met:
A. Member is 18 years of age or older
B. Prescribed by a rheumatologist
Length of authorization: 6 months
Giant cell arteritis (ICD-10: M31.5-M31.6)
# Initial Authorization Criteria
Examplumab is approved when all of the following are met:
A. Member is 50 years of age or older
B. Temporal artery biopsy showing vasculitis
"""


def test_condition_title_set_close_over_a_branch_heading(tmp_path: Path) -> None:
    """A condition's title with no space above it, over its branch heading set apart,
    is a heading (no words of the list before); "Length of authorization: 6 months"
    is an approval line, not a title."""
    tree = _compile(TITLE_OVER_BRANCH_HEADING, tmp_path)
    names = [i.name for i in tree.indications]
    assert len(names) == 2 and names[1].startswith("Giant cell arteritis")
    assert _branches(tree, "Giant") == {"initial": ("all_of", ["Member", "Temporal"])}
    ra = _branches(tree, "Rheumatoid")
    assert ra == {"initial": ("all_of", ["Member", "Prescribed"])}


PARTS_WITH_RUN_IN = """
# Part 1: Initial Request
# I. Atopic Dermatitis
Initial Request: Examplumab is approved when all of the following are met:
     (i) Diagnosis of moderate-to-severe atopic dermatitis
     (ii) Prescribed by a dermatologist
# II. Asthma
Initial Request: Examplumab is approved when all of the following are met:
     (i) Diagnosis of severe asthma
     (ii) Prescribed by a pulmonologist
# Part 2: Renewal Criteria
# I. Atopic Dermatitis
Renewal Criteria: Examplumab is approved when all of the following are met:
     (i) Less itch than at baseline
     (ii) No use with another biologic
"""


def test_roman_condition_titles_over_run_in_branch_statements(tmp_path: Path) -> None:
    """Roman condition titles over run-in branch statements, under the initial part and
    again under the renewal part: each condition named without its branch's label, each
    branch with its own list (one indication per section, as the sections print them)."""
    tree = _compile(PARTS_WITH_RUN_IN, tmp_path)
    assert [i.name for i in tree.indications] == [
        "Atopic Dermatitis",
        "Asthma",
        "Atopic Dermatitis",
    ]
    kinds = {
        b.request_type: _shape(b.node)
        for i in tree.indications
        if i.name == "Atopic Dermatitis"
        for b in i.branches
    }
    assert kinds == {
        "initial": ("all_of", ["Diagnosis", "Prescribed"]),
        "continuation": ("all_of", ["Less", "No"]),
    }


MARKED_HEADING_AFTER_BULLETS = """
# FDA-Approved Indications
- Rheumatoid arthritis
- Crohn's disease
B. Endnotes
# 1. Rheumatoid arthritis
New Starts: Examplumab is approved when all of the following are met:
(1) Diagnosis of rheumatoid arthritis
(2) Prescribed by a rheumatologist
# 2. Crohn's disease
New Starts: Examplumab is approved when all of the following are met:
(1) Diagnosis of Crohn's disease
(2) Prescribed by a gastroenterologist
"""


def test_marked_document_heading_after_a_bullet_list(tmp_path: Path) -> None:
    """ "B. Endnotes" right under a bullet list is a document heading, not the last
    bullet's sub-item, and the conditions under it are read."""
    tree = _compile(MARKED_HEADING_AFTER_BULLETS, tmp_path)
    assert [i.name for i in tree.indications] == ["Rheumatoid arthritis", "Crohn's disease"]
    assert _branches(tree, "Crohn") == {"initial": ("all_of", ["Diagnosis", "Prescribed"])}


def test_a_roman_part_after_a_list_is_no_sub_item() -> None:
    """ "II. Continuation of Therapy" right after a numbered list (its "I." read as a
    heading above): a part at the root, not the last criterion's sub-item."""
    from pipeline.policy.layout_text import Line
    from pipeline.policy.outline import outline

    lines = [
        Line(1, 0, "1. Member is 18 years of age or older", True),
        Line(1, 0, "2. Prescribed by a dermatologist"),
        Line(1, 0, "II. Continuation of Therapy", True),
        Line(1, 0, "A. Psoriasis"),
    ]
    roots = outline(lines)
    assert [r.text for r in roots] == [
        "Member is 18 years of age or older",
        "Prescribed by a dermatologist",
        "Continuation of Therapy",
    ]
    assert [c.text for c in roots[2].children] == ["Psoriasis"]
