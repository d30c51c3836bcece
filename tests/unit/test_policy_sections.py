"""Condition sections read by what follows their headings (sections.py), on small printed
layouts: capital condition headings with "Initial approval criteria" / "Continuation of
therapy" sub-headings and AND / OR alone on a line; a section running across a page
break under its heading repeated with "(continued)" and a reauthorization section for
every condition; numbered yes/no steps; a form's "Diagnosis" / "Therapy Stage" boxes.
Document headings ("Coverage Policy", "Clinical Criteria", "Approval Criteria") are
never indications."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pipeline.policy.compile import compile_policy
from pipeline.policy.models import PolicyNode, PolicyTree


def _print(text: str, path: Path, columns: tuple[float, ...] = ()) -> None:
    """Each line printed as written (leading spaces as indentation); "# " sets a line
    apart, "%%" starts a new page under a running header. With ``columns`` (mm), "|"
    separates cells set at them, each indented by its own leading spaces."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=10)

    def page() -> None:
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, "Summit Plan Pharmacy Policy RX-100", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        pdf.ln(3)

    page()
    for line in text.strip("\n").splitlines():
        if line.strip() == "%%":
            page()
            continue
        body = line.lstrip()
        if body.startswith("# "):
            pdf.ln(3)
            body = body[2:]
        if columns:
            _cells(pdf, line[2:] if line.startswith("# ") else line, columns)
            continue
        pdf.set_x(10 + 2 * (len(line) - len(line.lstrip())))
        pdf.cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _cells(pdf: FPDF, line: str, columns: tuple[float, ...]) -> None:
    y = pdf.get_y()
    cells = line.split("|")
    cells = cells[:1] + [c[1:] if c.startswith(" ") else c for c in cells[1:]]
    for x, cell in zip(columns, cells, strict=False):
        body = cell.strip()
        if body:
            pdf.set_xy(x + 2 * (len(cell) - len(cell.lstrip())), y)
            pdf.cell(0, 5, body)
    pdf.set_xy(10, y + 5)


def _compile(text: str, tmp_path: Path) -> PolicyTree:
    path = tmp_path / "policy.pdf"
    _print(text, path)
    return compile_policy(path, source_id="s" * 64, title="Policy")


def _shape(node: PolicyNode) -> object:
    if node.op == "leaf":
        return node.text.split()[0]
    return (node.op, [_shape(c) for c in node.children])


CONNECTOR_LINES = """
# COVERAGE POLICY
Members must meet the criteria for the diagnosis requested. Chart notes must be submitted.
# A. PLAQUE PSORIASIS
Initial approval criteria
 1. Documented diagnosis of plaque psoriasis
 AND
 2. Member is 18 years of age or older
 AND
 3. Documentation of ONE of the following:
      a. Inadequate response to methotrexate
      OR
      b. Inadequate response to phototherapy
 AND
 4. Negative tuberculosis screening within 12 months
Continuation of therapy
 1. Member is currently receiving the drug
 AND
 2. Affected body surface area reduced from baseline
# B. ULCERATIVE COLITIS
Initial approval criteria
 1. Documented diagnosis of ulcerative colitis
 AND
 2. Prescribed by a gastroenterologist
Continuation of therapy
 1. Fewer bloody stools than at baseline
# CONTRAINDICATIONS / EXCLUSIONS
 1. Use together with another biologic
"""


def test_condition_headings_with_branch_subheadings_and_connector_lines(tmp_path: Path) -> None:
    tree = _compile(CONNECTOR_LINES, tmp_path)
    assert [i.name for i in tree.indications] == ["Plaque Psoriasis", "Ulcerative Colitis"]
    pso, uc = tree.indications
    assert [b.request_type for b in pso.branches] == ["initial", "continuation"]
    assert _shape(pso.branches[0].node) == (
        "all_of",
        ["Documented", "Member", ("any_of", ["Inadequate", "Inadequate"]), "Negative"],
    )
    assert [x.text for x in pso.branches[1].node.leaves()] == [
        "Member is currently receiving the drug",
        "Affected body surface area reduced from baseline",
    ]
    assert [b.request_type for b in uc.branches] == ["initial", "continuation"]
    assert tree.exclusions and "another biologic" in tree.exclusions[0].text


CONTINUED = """
# III. Clinical Criteria
Praluent is considered medically necessary when the member meets the criteria of one of sections A to B below.
# A. Heterozygous Familial Hypercholesterolemia (HeFH)
Approve when ALL of the following are met:
 1. Member is 10 years of age or older AND
 2. Statin therapy, shown by ONE of the following:
      a. High-intensity statin for at least 8 weeks OR
      b. Statin intolerance documented OR
%%
# A. Heterozygous Familial Hypercholesterolemia (HeFH) (continued)
      c. A contraindication to all statins AND
 3. Prescribed by a lipid specialist
# B. Homozygous Familial Hypercholesterolemia (HoFH)
Approve when ALL of the following are met:
 1. Genetic test showing two pathogenic variants AND
 2. Prescribed by a lipid specialist
# C. Reauthorization (all indications in sections A to B)
Reauthorize when ALL of the following are met:
 1. LDL-C lower than before treatment AND
 2. Member keeps taking a statin
# D. Not Medically Necessary
 1. Primary prevention without familial hypercholesterolemia
"""


def test_continued_heading_joins_the_list_and_shared_reauthorization(tmp_path: Path) -> None:
    tree = _compile(CONTINUED, tmp_path)
    # the "Clinical Criteria" statement is the document's, not an indication
    names = [i.name for i in tree.indications]
    assert names == [
        "Heterozygous Familial Hypercholesterolemia (HeFH)",
        "Homozygous Familial Hypercholesterolemia (HoFH)",
    ]
    hefh = tree.indications[0]
    initial = hefh.branches[0].node
    assert _shape(initial) == (
        "all_of",
        ["Member", ("any_of", ["High-intensity", "Statin", "A"]), "Prescribed"],
    )
    assert initial.leaves()[3].page == 2  # the list runs on after the page break
    for ind in tree.indications:
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
        assert [x.text for x in ind.branches[1].node.leaves()] == [
            "LDL-C lower than before treatment",
            "Member keeps taking a statin",
        ]


STEPS = """
# Clinical Criteria Logic
# Hepatic Encephalopathy - Initial Request
 Step 1 Is the client 18 years of age or older?
          [ ] Yes (Go to Step 2) [ ] No (Deny)
 Step 2 Has the client received lactulose for at least 30 days?
          [ ] Yes (Go to Step 4) [ ] No (Go to Step 3)
 Step 3 Does the prescriber document an intolerance to lactulose?
          [ ] Yes (Go to Step 4) [ ] No (Deny)
 Step 4 Is the requested quantity 60 tablets or fewer?
          [ ] Yes (Approve - 180 days) [ ] No (Deny)
# Hepatic Encephalopathy - Renewal Request
 Step 1 Has the client received rifaximin on 150 of the last 180 days?
          [ ] Yes (Go to Step 2) [ ] No (Review as an initial request)
 Step 2 Does the prescriber document a benefit?
# Travelers' Diarrhea
 Step 1 Is the client 12 years of age or older?
          [ ] Yes (Go to Step 2) [ ] No (Deny)
 Step 2 Is the client free of fever and of blood in the stool?
# References
 1. Prescribing information.
"""


def test_yes_no_steps_route_their_logic(tmp_path: Path) -> None:
    tree = _compile(STEPS, tmp_path)
    assert [i.name for i in tree.indications] == ["Hepatic Encephalopathy", "Travelers' Diarrhea"]
    he, td = tree.indications
    first, renewal = he.branches
    assert (first.request_type, renewal.request_type) == ("initial", "continuation")
    # a "No" that goes on to the next step whose "Yes" joins this one's: either answers
    assert _shape(first.node) == ("all_of", ["Is", ("any_of", ["Has", "Does"]), "Is"])
    assert first.node.leaves()[0].text == "Is the client 18 years of age or older?"
    assert first.approval == "180 days"
    assert len(renewal.node.leaves()) == 2
    assert [len(b.node.leaves()) for b in td.branches] == [2]


BOXES = """
# 2. Criteria
# Product Name: Somatropin
# Diagnosis
                                   Turner Syndrome
# Approval Length
                                   12 month(s)
# Therapy Stage
                                   Initial Authorization
# Approval Criteria
 * Diagnosis of Turner syndrome confirmed by karyotype AND
 * At least two of the following:
      o Height below the 5th percentile
      o Height velocity below the 25th percentile
      o Bone age delayed by 2 years
 * Prescribed by a pediatric endocrinologist
# Product Name: Somatropin
# Diagnosis
                                   Turner Syndrome
# Therapy Stage
                                   Reauthorization
# Approval Criteria
 * Epiphyses remain open AND
 * Height velocity of at least 2.5 cm per year
# Product Name: Somatropin
# Diagnosis
                                   Prader-Willi Syndrome
# Therapy Stage
                                   Initial Authorization
# Approval Criteria
 * Diagnosis of Prader-Willi syndrome confirmed by genetic testing AND
 * Prescribed by an endocrinologist
# 3. Exclusions
 * Idiopathic short stature
# 4. Endnotes
 1. Stimulation test cut-offs depend on the assay.
"""


def test_form_boxes_name_condition_and_stage(tmp_path: Path) -> None:
    tree = _compile(BOXES, tmp_path)
    assert [i.name for i in tree.indications] == ["Turner Syndrome", "Prader-Willi Syndrome"]
    turner = tree.indications[0]
    # the same diagnosis opening two boxes is one indication with both stages
    assert [b.request_type for b in turner.branches] == ["initial", "continuation"]
    assert turner.branches[0].approval == "12 month(s)"
    root = turner.branches[0].node
    assert root.op == "all_of"
    (two,) = [c for c in root.children if c.children]
    assert (two.op, two.n, len(two.children)) == ("at_least", 2, 3)
    # the exclusions and endnotes after the boxes are no criteria
    leaves = [x.text for i in tree.indications for b in i.branches for x in b.node.leaves()]
    assert not any(x.startswith(("Idiopathic", "Stimulation")) for x in leaves)


NUMBERED_QUESTIONS = """
# Clinical Criteria Logic
# Irritable Bowel Syndrome with Diarrhea - First Course
 1. Is the client 18 years of age or older?                 Yes: go to 2    No: deny
 2. Has the client had a trial of loperamide?               Yes: go to 4    No: go to 3
 3. Has the client had a trial of an antispasmodic?         Yes: go to 4    No: deny
 4. Is the request for one 14-day course?                   Yes: approve 14 days    No: deny
# Irritable Bowel Syndrome with Diarrhea - Retreatment
 1. Did the symptoms come back after a first course?        Yes: go to 2    No: deny
 2. Has the client received fewer than 3 courses?           Yes: approve 14 days    No: deny
# References
 1. Prescribing information.
"""


def test_numbered_questions_with_answers_beside_them(tmp_path: Path) -> None:
    tree = _compile(NUMBERED_QUESTIONS, tmp_path)
    (ibs,) = tree.indications
    assert ibs.name == "Irritable Bowel Syndrome with Diarrhea"
    first, retreat = ibs.branches
    assert (first.request_type, retreat.request_type) == ("initial", "continuation")
    assert _shape(first.node) == ("all_of", ["Is", ("any_of", ["Has", "Has"]), "Is"])
    assert first.node.leaves()[0].text == "Is the client 18 years of age or older?"
    assert first.approval == "14 days"
    assert len(retreat.node.leaves()) == 2


NESTED_BULLETS = """
# Atopic Dermatitis
# Initial Authorization
Approve when ALL of the following are met:
 * Diagnosis of moderate to severe atopic dermatitis
 * ONE of the following:
        * Inadequate response to a topical corticosteroid
        * Inadequate response to a topical calcineurin inhibitor
 * Prescribed by a dermatologist
# Reauthorization
Approve when ALL of the following are met:
 * Improvement in body surface area affected
 * Prescribed by a dermatologist
"""


def test_one_bullet_glyph_at_two_indentations_is_two_levels(tmp_path: Path) -> None:
    tree = _compile(NESTED_BULLETS, tmp_path)
    (ad,) = tree.indications
    assert ad.name == "Atopic Dermatitis"
    assert _shape(ad.branches[0].node) == (
        "all_of",
        ["Diagnosis", ("any_of", ["Inadequate", "Inadequate"]), "Prescribed"],
    )
    assert [b.request_type for b in ad.branches] == ["initial", "continuation"]


def test_any_pictographic_bullet_is_a_list_marker() -> None:
    from pipeline.policy.outline import _marker

    assert _marker("➢ Member is 18 years of age or older") == (
        "glyph",
        "➢",
        "Member is 18 years of age or older",
    )
    assert _marker("≥ 18 years") is None  # a sign of comparison is no bullet


DASHED = """
# Clinical Criteria
# Rheumatoid Arthritis
Initial Authorization:
 1. Diagnosis of moderately to severely active rheumatoid arthritis
 -AND-
 2. Inadequate response to ONE of the following:
      a. Methotrexate for 3 months
      -OR-
      b. Leflunomide for 3 months
 -AND-
 3. Prescribed by a rheumatologist
# Ankylosing Spondylitis
ICD-10: M45.9
Initial Authorization:
 1. Diagnosis of active ankylosing spondylitis
 -AND-
 2. Inadequate response to two NSAIDs
# Reauthorization (all indications)
 1. Documented response to therapy
 -AND-
 2. No serious infection since the last approval
# Diagnosis: Psoriatic Arthritis
# Therapy Stage: Initial Authorization
 1. Diagnosis of active psoriatic arthritis
 -AND-
 2. Prescribed by a rheumatologist
"""


def test_dashed_connectors_colon_branch_headings_and_labelled_values(tmp_path: Path) -> None:
    tree = _compile(DASHED, tmp_path)
    names = [i.name for i in tree.indications]
    assert names == ["Rheumatoid Arthritis", "Ankylosing Spondylitis", "Psoriatic Arthritis"]
    ra, spa, psa = tree.indications
    assert _shape(ra.branches[0].node) == (
        "all_of",
        ["Diagnosis", ("any_of", ["Methotrexate", "Leflunomide"]), "Prescribed"],
    )
    # the reauthorization "for all indications" is a branch of each condition before it
    for ind in (ra, spa):
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
        assert [x.text for x in ind.branches[1].node.leaves()] == [
            "Documented response to therapy",
            "No serious infection since the last approval",
        ]
    assert [b.request_type for b in psa.branches] == ["initial"]
    assert spa.icd10 == ["M45.9"]  # the codes printed under the heading are its codes
