"""More payer layouts, each drawn line by line at its own positions: criteria written as
prose sentences under condition headings, a table with a criteria column per branch,
condition sections headed by their ICD-10 codes with "TWO or more ... apply", numbered
indications with their own initial and continuation branches, and one continuation
section naming two conditions (issue 25)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy.compile import compile_policy
from pipeline.policy.models import PolicyNode, PolicyTree

# A page is its lines: (x in mm, text), or None for a blank line.
Page = list[tuple[float, str] | None]


def _compile(tmp_path: Path, pages: list[Page], header: str = "", footer: str = "") -> PolicyTree:
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", "", 9)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        if header:
            pdf.text(15, 12, header)
        y = 22.0
        for line in lines:
            if line is not None:
                pdf.text(line[0], y, line[1])
            y += 4.5
        if footer:
            pdf.text(15, 265, f"{footer} Page {number} of {len(pages)}")
    path = tmp_path / "policy.pdf"
    pdf.output(str(path))
    return compile_policy(path, source_id="s" * 64, title="Zentrafib Policy")


def _by_name(tree: PolicyTree, name: str):  # noqa: ANN202
    return next(i for i in tree.indications if i.name.lower() == name.lower())


def _branch(ind, kind: str) -> PolicyNode:  # noqa: ANN001
    return next(b.node for b in ind.branches if b.request_type == kind)


def _texts(node: PolicyNode) -> list[str]:
    return [leaf.text for leaf in node.leaves()]


PROSE_ONE: Page = [
    (15, "Indications and Limitations of Coverage"),
    None,
    (15, "Grey River Syndrome"),
    (
        15,
        "Zentrafib is considered medically necessary for the treatment of Grey River syndrome when all of the",
    ),
    (
        15,
        "following conditions are met. Criteria are met when the individual is 12 years of age or older and has a",
    ),
    (
        15,
        "confirmed diagnosis by skin biopsy. Coverage also requires that the drug is prescribed by a dermatologist,",
    ),
    (
        15,
        "and that a baseline blood count is on file; the dose is no more than 40 mg a day. In addition, the individual",
    ),
    (
        15,
        "must either have had an inadequate response to, or intolerance of, one topical steroid, or have lesions",
    ),
    (15, "on more than 10% of the body surface."),
    (15, "Blue Lake Disease"),
    (
        15,
        "Zentrafib is considered medically necessary for adults with Blue Lake disease when the individual meets",
    ),
    (
        15,
        "every requirement in this paragraph. This applies when the individual is 18 years of age or older, has",
    ),
    (
        15,
        "tried, or cannot take, both oral iron therapy and at least one course of vitamin B12, and zentrafib will",
    ),
    (
        15,
        "not be given with another biologic. The individual lives within reach of an infusion center.",
    ),
]
PROSE_TWO: Page = [
    (15, "Continuation of Therapy"),
    (
        15,
        "Continued treatment with zentrafib for Grey River syndrome is considered medically necessary when the",
    ),
    (
        15,
        "individual has been seen by the dermatologist within the past 6 months, shows fewer lesions than at",
    ),
    (
        15,
        "baseline, and has no serious infection. Treatment that has not helped by week 16 should be stopped.",
    ),
    (
        15,
        "For Blue Lake disease, continued treatment is considered medically necessary only if the hemoglobin has",
    ),
    (15, "risen by at least 1 g/dL."),
]


def test_criteria_written_as_prose_sentences(tmp_path: Path) -> None:
    tree = _compile(
        tmp_path,
        [PROSE_ONE, PROSE_TWO],
        header="MEDICAL POLICY BULLETIN     Fictional Health Plan",
        footer="Policy Bulletin Z-1 Zentrafib",
    )
    assert [i.name for i in tree.indications] == ["Grey River Syndrome", "Blue Lake Disease"]
    grey = _by_name(tree, "Grey River Syndrome")
    initial = _branch(grey, "initial")
    assert initial.op == "all_of"
    assert [c.op for c in initial.children] == ["leaf"] * 5 + ["any_of"]
    assert _texts(initial)[:5] == [
        "the individual is 12 years of age or older",
        "has a confirmed diagnosis by skin biopsy",
        "the drug is prescribed by a dermatologist",
        "a baseline blood count is on file",
        "the dose is no more than 40 mg a day",
    ]
    either = initial.children[5]
    assert [c.text.split(",")[0] for c in either.children] == [
        "have had an inadequate response to",
        "have lesions on more than 10% of the body surface",
    ]
    # the sentence after a statement that states its own criteria is a remark
    renewal = _branch(grey, "continuation")
    assert _texts(renewal) == [
        "the individual has been seen by the dermatologist within the past 6 months",
        "shows fewer lesions than at baseline",
        "has no serious infection",
    ]
    blue = _by_name(tree, "Blue Lake Disease")
    first = _branch(blue, "initial")
    both = first.children[1]
    assert both.op == "all_of" and [c.text for c in both.children] == [
        "oral iron therapy",
        "at least one course of vitamin B12",
    ]
    assert _texts(first)[-2:] == [
        "zentrafib will not be given with another biologic",
        "The individual lives within reach of an infusion center",
    ]
    assert _texts(_branch(blue, "continuation")) == ["the hemoglobin has risen by at least 1 g/dL"]
    assert all(
        leaf.verified for i in tree.indications for b in i.branches for leaf in b.node.leaves()
    )


@pytest.mark.parametrize(
    "titles",
    [
        ("Indication (ICD-10)", "Initial authorization (6 months)", "Reauthorization (12 months)"),
        ("Disease", "Initial Approval Criteria", "Subsequent Approval Criteria"),
    ],
)
def test_a_table_with_a_criteria_column_per_branch(
    tmp_path: Path, titles: tuple[str, str, str]
) -> None:
    head = list(zip((15, 60, 125), titles, strict=True))
    rows = [
        (
            "Grey River",
            "Approve when all of the following are",
            "Reauthorize when all of the following are",
        ),
        ("syndrome", "met:", "documented:"),
        ("(M35.81)", "-   Diagnosis by a dermatologist", "-   Fewer lesions than before treatment"),
        ("", "-   One of the following:", ""),
        ("", "     o   Lesions on the face", ""),
        ("", "     OR", ""),
        ("", "     o   Lesions on the hands", ""),
        None,
        ("Blue Lake", "Approve when all of the following are", "Not applicable (single course)."),
        ("disease", "met:", ""),
        ("(D59.9)", "-   Hemoglobin below 10 g/dL", ""),
        None,
        ("Not covered", "", ""),
    ]
    tmp = tmp_path / "t.pdf"
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", "", 9)
    pdf.add_page()
    pdf.text(15, 15, "Coverage criteria by indication")
    for x, t in head:
        pdf.text(x, 25, t)
    y = 32.0
    for row in rows:
        if row is not None:
            for x, cell in zip((15, 60, 125), row, strict=True):
                if cell:
                    pdf.text(x, y, cell)
        y += 4.5
    pdf.text(
        15,
        y + 2,
        "Zentrafib is not medically necessary for the following conditions, because studies have not shown any benefit:",
    )
    pdf.text(15, y + 7, "-   Red Ash fever")
    pdf.output(str(tmp))
    tree = compile_policy(tmp, source_id="s" * 64, title="Zentrafib Policy")
    assert [i.name for i in tree.indications] == ["Grey River syndrome", "Blue Lake disease"]
    grey, blue = tree.indications
    assert grey.icd10 == ["M35.81"] and blue.icd10 == ["D59.9"]
    first = _branch(grey, "initial")
    assert first.op == "all_of" and first.children[1].op == "any_of"
    assert _texts(first) == [
        "Diagnosis by a dermatologist",
        "Lesions on the face",
        "Lesions on the hands",
    ]
    assert _texts(_branch(grey, "continuation")) == ["Fewer lesions than before treatment"]
    # "Not applicable" states no criteria: no continuation branch
    assert [b.request_type for b in blue.branches] == ["initial"]


ICD_PAGE: Page = [
    (15, "How to use this guideline"),
    (
        15,
        "Find the diagnosis code in the headings below; the criteria under a heading apply to its codes.",
    ),
    None,
    (15, "M35.81"),
    (15, "Initial request - approve up to 12 months when ALL apply:"),
    (19, "1)   Member is 6 years of age or older"),
    (19, "2)   TWO or more of the following apply:"),
    (27, "a)   Lesions on the face"),
    (27, "b)   Lesions on the hands"),
    (27, "c)   Itching that wakes the member at night"),
    (19, "3)   Prescribed by a dermatologist"),
    (15, "Quantity: 40 mg a day."),
    (15, "Renewal request - approve up to 12 months when ALL apply:"),
    (19, "1)   Member has received zentrafib for at least 12 weeks"),
    (19, "2)   Fewer lesions than at baseline"),
    (15, "Renewal may be requested 2 weeks before the approval ends."),
]


def test_code_headed_sections_with_two_or_more_and_unheaded_renewal(tmp_path: Path) -> None:
    page = list(ICD_PAGE)
    page[3] = (15, "M35.81                        Grey River syndrome")
    page += [
        None,
        (15, "D59.9                         Blue Lake disease"),
        (
            15,
            "Zentrafib is not medically necessary for Blue Lake disease, because trials showed no benefit.",
        ),
        None,
        (15, "All other codes               Uses not listed above"),
        (
            15,
            "Zentrafib is considered experimental and investigational for every condition not listed above.",
        ),
    ]
    tree = _compile(tmp_path, [page])
    # a code heading over a paragraph that denies coverage: an exclusion by that name
    assert [(x.name, x.icd10, x.catch_all) for x in tree.exclusions] == [
        ("Blue Lake disease", ["D59.9"], False),
        ("any use not listed in the policy", [], True),
    ]
    (ind,) = tree.indications
    assert ind.name == "Grey River syndrome" and ind.icd10 == ["M35.81"]
    first = _branch(ind, "initial")
    assert first.children[1].op == "at_least" and first.children[1].n == 2
    # the quantity line at the margin is no words of criterion 3
    assert _texts(first)[-1] == "Prescribed by a dermatologist"
    assert [b.approval for b in ind.branches] == ["12 months", "12 months"]
    assert _texts(_branch(ind, "continuation")) == [
        "Member has received zentrafib for at least 12 weeks",
        "Fewer lesions than at baseline",
    ]


NUMBERED: Page = [
    (15, "Coverage of Zentrafib is recommended in those who meet one of the following criteria:"),
    (
        15,
        "1.   Grey River Syndrome. Approve for the duration noted if the patient meets ONE of the following (A or B):",
    ),
    (
        19,
        "A)   Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i and ii):",
    ),
    (24, "i.    Patient is 12 years of age or older; AND"),
    (24, "ii.   Patient has a diagnosis confirmed by biopsy"),
    (
        19,
        "B)   Patient is Currently Receiving Zentrafib. Approve for 1 year if the patient meets ALL of the following (i and ii):",
    ),
    (24, "i.    Patient has already received 6 months of therapy; AND"),
    (24, "ii.   Patient has responded to therapy"),
    (
        15,
        "2.   Blue Lake Disease. Approve for the duration noted if the patient meets ONE of the following (A or B):",
    ),
    (
        19,
        "A)   Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i and ii):",
    ),
    (24, "i.    Patient is 18 years of age or older; AND"),
    (24, "ii.   Patient has a hemoglobin below 10 g/dL"),
    (
        19,
        "B)   Patient is Currently Receiving Zentrafib. Approve for 1 year if the patient meets ALL of the following (i and ii):",
    ),
    (24, "i.    Patient has already received 6 months of therapy; AND"),
    (24, "ii.   Patient's hemoglobin has risen"),
]


def test_numbered_indications_with_their_own_branches(tmp_path: Path) -> None:
    tree = _compile(tmp_path, [NUMBERED])
    assert [i.name for i in tree.indications] == ["Grey River Syndrome", "Blue Lake Disease"]
    for ind in tree.indications:
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
        assert [b.approval for b in ind.branches] == ["6 months", "1 year"]
    assert _texts(_branch(tree.indications[1], "continuation")) == [
        "Patient has already received 6 months of therapy",
        "Patient's hemoglobin has risen",
    ]


PARTS: Page = [
    (
        15,
        "It is the policy of Fictional Health that Zentrafib is medically necessary when the following criteria are met:",
    ),
    (15, "I.   Initial Approval Criteria"),
    (19, "A.   Grey River Syndrome (must meet all):"),
    (24, "1.   Diagnosis of Grey River syndrome;"),
    (24, "2.   Age 12 years or older;"),
    (19, "B.   Blue Lake Disease (must meet all):"),
    (24, "1.   Diagnosis of Blue Lake disease;"),
    (24, "2.   Age 18 years or older;"),
    (15, "II.  Continued Approval"),
    (19, "A.   Grey River Syndrome and Blue Lake Disease (must meet all):"),
    (24, "1.   Member is responding to therapy;"),
    (24, "2.   Member has previously met initial approval criteria in Section I.A or I.B;"),
]


def test_one_continuation_naming_two_conditions_serves_both(tmp_path: Path) -> None:
    tree = _compile(tmp_path, [PARTS])
    assert [i.name for i in tree.indications] == ["Grey River Syndrome", "Blue Lake Disease"]
    for ind in tree.indications:
        renewal = _branch(ind, "continuation")
        assert _texts(renewal)[0].startswith("Member is responding to therapy")
    ids = [_branch(i, "continuation").id for i in tree.indications]
    assert len(set(ids)) == 2  # each indication's copy has ids of its own


def test_prose_under_a_heading_that_names_no_condition(tmp_path: Path) -> None:
    """One statement under "Coverage Criteria": the statement names the condition, and a
    statement that may be covered ("may be considered medically necessary") counts."""
    page: Page = [
        (15, "Coverage Criteria"),
        (
            15,
            "Zentrafib may be considered medically necessary for the treatment of Red Ash fever when the following",
        ),
        (
            15,
            "criteria are met. The member is 18 years of age or older; the fever has lasted at least 5 days, and the",
        ),
        (15, "drug is prescribed by an infectious disease specialist."),
    ]
    tree = _compile(tmp_path, [page])
    (ind,) = tree.indications
    assert ind.name == "Red Ash fever"
    assert _texts(ind.branches[0].node) == [
        "The member is 18 years of age or older",
        "the fever has lasted at least 5 days",
        "the drug is prescribed by an infectious disease specialist",
    ]


def test_prose_criteria_beside_a_listed_indication(tmp_path: Path) -> None:
    """One condition's criteria as a list, another's as sentences: both are read."""
    page: Page = [
        (15, "Grey River Syndrome"),
        (
            15,
            "Zentrafib is medically necessary for Grey River syndrome when ALL of the following are met:",
        ),
        (19, "1.   The member is 12 years of age or older; AND"),
        (19, "2.   The diagnosis is confirmed by biopsy"),
        None,
        (15, "Blue Lake Disease"),
        (
            15,
            "Zentrafib is considered medically necessary for Blue Lake disease when all of the following are met.",
        ),
        (15, "The member is 18 years of age or older and has a hemoglobin below 10 g/dL."),
    ]
    tree = _compile(tmp_path, [page])
    names = [i.name for i in tree.indications]
    assert len(names) == 2 and names[1] == "Blue Lake Disease"
    assert _texts(tree.indications[1].branches[0].node) == [
        "The member is 18 years of age or older",
        "has a hemoglobin below 10 g/dL",
    ]


def test_prose_continuation_under_a_condition_heading(tmp_path: Path) -> None:
    """ "Grey River Syndrome - Continued Therapy" over the renewal sentence: the condition's
    continuation branch, not a condition of its own."""
    page: Page = [
        (15, "Grey River Syndrome"),
        (
            15,
            "Zentrafib is considered medically necessary for Grey River syndrome when all of the following are met.",
        ),
        (15, "The member is 12 years of age or older and has a diagnosis confirmed by biopsy."),
        None,
        (15, "Grey River Syndrome - Continued Therapy"),
        (
            15,
            "Continued treatment with zentrafib for Grey River syndrome is considered medically necessary when the",
        ),
        (15, "member has fewer lesions than at baseline and has had no serious infection."),
    ]
    tree = _compile(tmp_path, [page])
    (ind,) = tree.indications
    assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
    assert _texts(_branch(ind, "continuation")) == [
        "the member has fewer lesions than at baseline",
        "has had no serious infection",
    ]


@pytest.mark.parametrize(
    ("heading", "name", "codes"),
    [
        ("L40.50 - L40.59 | Psoriatic arthritis", "Psoriatic arthritis", ["L40.50-L40.59"]),
        ("ICD-10: M35.81 - Grey River syndrome", "Grey River syndrome", ["M35.81"]),
        ("Blue Lake disease (D59.9)", "Blue Lake disease", ["D59.9"]),
        ("Grey River Syndrome", "Grey River Syndrome", []),
    ],
)
def test_a_condition_name_and_the_code_printed_with_it(
    heading: str, name: str, codes: list[str]
) -> None:
    from pipeline.policy.indications import coded_name

    assert coded_name(heading) == (name, codes)


LETTERED: Page = [
    (15, "COVERAGE CRITERIA"),
    None,
    (15, "A. GREY RIVER SYNDROME:"),
    (19, "1. Documented diagnosis of Grey River syndrome confirmed by biopsy"),
    (19, "AND"),
    (19, "2. Documentation of ONE of the following:"),
    (23, "a. Trial and failure of a topical steroid for 4 weeks"),
    (23, "OR"),
    (23, "b. Contraindication to all topical steroids"),
    None,
    (15, "CONTINUATION OF THERAPY:"),
    (15, "A. GREY RIVER SYNDROME:"),
    (19, "1. Adherence to therapy at least 85% of the time"),
    (19, "AND"),
    (19, "2. Documentation of fewer lesions than at baseline"),
]


def test_lettered_condition_names_under_criteria_and_continuation_headings(
    tmp_path: Path,
) -> None:
    """No statement grants coverage: "A. GREY RIVER SYNDROME:" names the condition (not the
    heading "COVERAGE CRITERIA" above it), and its list under "CONTINUATION OF THERAPY:"
    is that condition's continuation."""
    tree = _compile(tmp_path, [LETTERED])
    (ind,) = tree.indications
    assert ind.name == "GREY RIVER SYNDROME"
    assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
    first = _branch(ind, "initial")
    assert first.op == "all_of" and first.children[1].op == "any_of"
    assert _texts(_branch(ind, "continuation"))[0].startswith("Adherence to therapy")


PART_NOTES: Page = [
    (15, "I. Criteria for Initial Approval"),
    None,
    (15, "A. Grey River Syndrome"),
    (
        15,
        "Fictional Health considers zentrafib medically necessary for Grey River syndrome when ALL of the following are met:",
    ),
    (19, "1.   Member is 12 years of age or older"),
    (19, "2.   The diagnosis is confirmed by biopsy"),
    (15, "Authorization of 12 months may be granted."),
    None,
    (15, "B. Blue Lake Disease"),
    (
        15,
        "Fictional Health considers zentrafib medically necessary for Blue Lake disease when ALL of the following are met:",
    ),
    (19, "1.   Member is 18 years of age or older"),
    (19, "2.   Hemoglobin is below 10 g/dL"),
    (15, "Authorization of 6 months may be granted."),
]


def test_a_line_back_at_the_margin_under_a_part_is_a_note(tmp_path: Path) -> None:
    """ "Authorization of 12 months may be granted." left of the list, under a condition of
    a part: a note on that condition's statement (its approval), not the last criterion's
    words, and the part still holds the next condition."""
    tree = _compile(tmp_path, [PART_NOTES])
    assert len(tree.indications) == 2
    for ind, months in zip(tree.indications, ("12 months", "6 months"), strict=True):
        (branch,) = ind.branches
        assert branch.request_type == "initial" and branch.approval == months
        assert not branch.node.leaves()[-1].text.endswith("granted.")
