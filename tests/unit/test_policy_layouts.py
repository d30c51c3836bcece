"""The outline reader on layouts beyond the one it was first built on, its limits listed
rather than silent, and a declared policy that yields no indication refused at ingest."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.sources.corpus import render_pdf
from pipeline.sources.parse import parse_pdf
from tests.fakes import HashingEmbedder, InMemoryStore


def _compile(tmp_path: Path, body: str, title: str = "Zentrafib Policy"):  # noqa: ANN202
    path = tmp_path / "policy.pdf"
    render_pdf({"title": title}, body, path)
    return compile_policy(path, source_id="s" * 64, title=title), path


def test_many_near_identical_criteria_are_all_kept(tmp_path: Path) -> None:
    """Issue 27 #17: lines alike but for their digits, at the top and bottom of every page,
    were read as running headers and dropped (150 criteria compiled to 1, no problem)."""
    items = "\n".join(
        f"  - Patient has condition number {i} documented; AND" for i in range(1, 151)
    )
    body = f"# Covered indications\n\n1. Grey River syndrome. Approve for 6 months if the patient meets ALL of the following:\n{items}\n"
    tree, path = _compile(tmp_path, body)
    (ind,) = tree.indications
    leaves = ind.branches[0].node.leaves()
    assert len(leaves) == 150 and tree.problems == []
    assert all(leaf.verified for leaf in leaves)
    # The evidence text keeps them too (the same running-line rule).
    text = " ".join(p.text for p in parse_pdf(path))
    assert "condition number 150 documented" in text and "condition number 77 documented" in text


def test_a_declared_policy_with_no_indication_is_an_ingest_error(
    tmp_path: Path, session_settings
) -> None:
    from pipeline.executors import InlineExecutor
    from pipeline.runtime import Pipeline

    docs = tmp_path / "docs"
    render_pdf(
        {"title": "Newsletter"},
        "# News\n\nThe plan has a new address. Members may call the number on their card.\n",
        docs / "newsletter.pdf",
    )
    store = InMemoryStore(tmp_path / "store", HashingEmbedder())
    with Pipeline.open(session_settings, store=store) as pipeline:  # as `necessity ingest`
        report = pipeline.ingest([docs], executor=InlineExecutor(), policy=True)
    assert not report.failed  # the document is stored; nothing is lost
    (error,) = report.policy_errors
    assert "newsletter.pdf" in error and "no indication with criteria was found" in error


HEADED = """
# Facility-Based Sleep Study

Members may be eligible under the Plan for a facility-based sleep study when the following criteria are met:

- Conclusive diagnosis of sleep apnea as documented by a home test; AND
- Type II or Type III device is used. Examples include, but may not be limited to:
  o AccuSom
  o NightOwl

AND any of the following:

- Failure of an APAP treatment trial; OR
- History of central sleep apnea

# Repeat Sleep Study

Members may be eligible under the Plan for a repeat sleep study when the following criteria are met:

- Evaluation following surgery for sleep apnea

-OR-

- Reassessment after significant weight loss
"""


def test_headings_connector_lines_and_example_lists(tmp_path: Path) -> None:
    tree, _ = _compile(tmp_path, HEADED, "Sleep Studies")
    study, repeat = tree.indications
    assert (study.name, repeat.name) == ("Facility-Based Sleep Study", "Repeat Sleep Study")
    root = study.branches[0].node
    assert root.op == "all_of" and len(root.children) == 3
    device = root.children[1]
    assert device.op == "leaf" and "AccuSom" in device.notes[0]  # examples, not criteria
    anyof = root.children[2]
    assert anyof.op == "any_of" and [c.text for c in anyof.children] == [
        "Failure of an APAP treatment trial",
        "History of central sleep apnea",
    ]
    # "-OR-" alone on a line between items gives their logic.
    assert repeat.branches[0].node.op == "any_of"
    assert all(n.verified for b in study.branches for n in b.node.leaves())


LISTED = """
# Prior-Approval Requirements

Patient is 18 years of age or older

# Diagnoses

Patient must have ONE of the following:

1. Grey River syndrome including any of the following:
  a. Early grey river
  b. Late grey river
2. Blue Lake disease
  a. Received at least 2 prior lines of therapy

AND ONE of the following for Grey River syndrome ONLY:

a. Refractory to methotrexate
b. Relapsed after leflunomide

AND ALL of the following for ALL diagnoses:

a. Absence of active infection
b. Prescriber agrees to monitor the patient
"""


def test_a_list_of_diagnoses_with_shared_and_specific_criteria(tmp_path: Path) -> None:
    tree, _ = _compile(tmp_path, LISTED, "Zentrafib")
    grey, blue = tree.indications
    assert grey.name == "Grey River syndrome" and blue.name == "Blue Lake disease"
    assert grey.branches[0].request_type == "initial"  # under "Prior-Approval Requirements"
    g = grey.branches[0].node
    assert g.op == "all_of"
    assert [c.op for c in g.children] == ["leaf", "any_of", "any_of", "all_of"]
    assert g.children[0].kind == "age"
    b = blue.branches[0].node
    texts = [c.text for c in b.children]
    assert texts[:3] == [
        "Patient is 18 years of age or older",
        "Blue Lake disease",
        "Received at least 2 prior lines of therapy",
    ]
    assert b.children[3].op == "all_of" and len(b.children) == 4  # not Grey River's group
    assert all(n.verified for i in tree.indications for n in i.branches[0].node.leaves())


def _table_pdf(path: Path) -> None:
    """A drug list printed as a table: class, drug and criteria columns."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter", orientation="L")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    rows = [
        ("Therapeutic Class", "Drug Name", "Clinical Criteria"),
        ("Anabolic steroid", "Zentrolone", "- Must provide documentation of weight loss"),
        ("", "", "- Must be prescribed by an endocrinologist"),
        ("", "", "- Initial authorizations will be for 30 days"),
        ("", "", "- Subsequent authorizations require documentation of weight gain"),
        ("Retinoid", "Bexarol", "Capsules"),
        ("Activator", "", "- Must be prescribed by an oncologist"),
        ("", "", "Gel"),
        ("", "", "- Must have had an inadequate response to topical steroids; OR"),
        ("", "", "- Must have a contraindication to topical steroids"),
    ]
    y = 30.0
    for klass, drug, criteria in rows:
        pdf.text(15, y, klass)
        pdf.text(75, y, drug)
        pdf.text(135, y, criteria)
        y += 6
    pdf.output(str(path))


def test_a_criteria_table_gives_one_indication_per_row(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    _table_pdf(path)
    tree = compile_policy(path, source_id="t" * 64, title="Drug list")
    names = [i.name for i in tree.indications]
    assert names == ["Zentrolone", "Bexarol Capsules", "Bexarol Gel"], names
    zentrolone = tree.indications[0]
    initial, renewal = zentrolone.branches
    assert initial.approval == "30 days" and [c.text for c in initial.node.children] == [
        "Must provide documentation of weight loss",
        "Must be prescribed by an endocrinologist",
    ]
    assert renewal.request_type == "continuation" and len(renewal.node.children) == 1
    gel = tree.indications[2].branches[0].node
    assert gel.op == "any_of"  # each item but the last ends in "OR"
    assert any("criteria table" in p for p in tree.problems)  # the logic it assumed, listed
    assert all(n.verified for i in tree.indications for b in i.branches for n in b.node.leaves())


BY_HEADINGS = """
# Background

Zentrafib is a monoclonal antibody.

# Atopic Dermatitis

# Initial Authorization

1. Patient is 12 years of age or older; AND
2. The medication is prescribed by or in consultation with a dermatologist

# Reauthorization

1. Patient has responded to therapy as determined by the prescriber
"""


def test_headings_name_indications_where_no_statement_does(tmp_path: Path) -> None:
    tree, _ = _compile(tmp_path, BY_HEADINGS)
    (ind,) = tree.indications
    assert ind.name == "Atopic Dermatitis"
    initial, renewal = ind.branches
    assert (initial.request_type, renewal.request_type) == ("initial", "continuation")
    assert initial.node.op == "all_of" and [c.kind for c in initial.node.children] == [
        "age",
        "prescriber",
    ]
    assert any("no combining logic stated" in p for p in tree.problems)


def test_label_column_headings_and_no_exclusions_from_a_disclaimer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    rows = [
        [(15, "Disclaimer")],
        [(15, "Contract language, including specific inclusions/exclusions, takes precedence:")],
        [(20, "- Heart monitoring")],
        [(20, "- Eye movement")],
        [],
        [(15, "Coverage"), (70, "Members may be eligible under the Plan for a sleep study when")],
        [(15, "Determination"), (70, "ALL of the following criteria are met:")],
        [(75, "- Loud snoring; AND")],
        [(75, "- Witnessed apnea")],
        [],
        [(15, "Coverage"), (70, "Members may NOT be eligible under the Plan for the following:")],
        [(15, "Limitations"), (75, "- Insomnia")],
        [(75, "- Restless legs syndrome")],
    ]
    y = 25.0
    for row in rows:
        for x, text in row:
            pdf.text(x, y, text)
        y += 5 if row else 9
    path = tmp_path / "sleep.pdf"
    pdf.output(str(path))
    tree = compile_policy(path, source_id="z" * 64, title="Sleep Studies")
    (ind,) = tree.indications
    assert ind.name == "Coverage Determination" and len(ind.branches[0].node.leaves()) == 2
    assert [x.name for x in tree.exclusions] == ["Insomnia", "Restless legs syndrome"]
