"""More payer layouts (issue 25): a criteria table whose header is centred over its
column and whose names are centred on their rows (state drug lists), coverage stated in prose (CMS LCDs), unmarked items under a
lead-in, and branches named by their patient."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.table import read_tables
from pipeline.sources.corpus import render_pdf

CENTRED = [
    "   Medication      PDL                      Prior Authorization Criteria                  Qty. Limits",
    "                                                        Agents for Dependency",
    "                          Initial Criteria:",
    "                            •   Must be ≥ 18 years of age; AND",
    "                            •   Patient is not pregnant; AND",
    "   Zorbiline®      P        •   Patient has tried clonidine; AND",
    "                            •   Prescriber attests to a treatment plan.",
    "                          Renewal Criteria:",
    "                            •   Patient continues to meet initial criteria",
    "   Varnex® inj     P",
    "   quelbutal       NP     See Zorbiline® prior authorization criteria; AND",
    "                            •   Trial and failure of preferred Zorbiline®",
]


def test_a_table_with_names_centred_on_their_rows() -> None:
    rows, _ = read_tables([CENTRED])
    by_name = {r.subject: [x.text for x in r.lines] for r in rows}
    assert by_name["Zorbiline®"][0] == "Initial Criteria:"
    assert "• Patient continues to meet initial criteria" in by_name["Zorbiline®"]
    assert by_name["Varnex® inj"] == []  # listed beside no criteria
    assert by_name["quelbutal"][0].startswith("See Zorbiline®")
    assert all("Agents for Dependency" not in " ".join(v) for v in by_name.values())
    assert all("NP" not in v[0] for v in by_name.values() if v)  # the PDL code kept apart


def test_prose_coverage_sentences_are_indications(tmp_path: Path) -> None:
    body = (
        "# Coverage Indications, Limitations, and/or Medical Necessity\n\n"
        "Widget monitors with special features (codes E9998, E9999) are covered when the basic "
        "coverage criteria are met and the treating practitioner certifies that the beneficiary "
        "has a severe visual impairment.\n"
    )
    path = tmp_path / "lcd.pdf"
    render_pdf({"title": "Widget Monitors LCD"}, body, path)
    tree = compile_policy(path, source_id="s" * 64, title="Widget Monitors LCD")
    (ind,) = tree.indications
    assert ind.name.startswith("Widget monitors with special features")
    leaves = ind.branches[0].node.leaves()
    assert [x.text for x in leaves] == [
        "the basic coverage criteria are met",
        "the treating practitioner certifies that the beneficiary has a severe visual impairment",
    ]
    assert all(x.verified for x in leaves)


def test_unmarked_items_one_the_following_and_patient_branches(tmp_path: Path) -> None:
    body = """
# Criteria

1. Grey River syndrome. Approve for the duration noted if the patient meets ONE of the following (A or B):
   A. Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i and ii):
      i. Patient has a baseline score from ONE the following assessments:
         a. Hammersmith scale
         b. Upper limb module
      ii. The medication is prescribed by a neurologist
   B. Patient has already received one course of zentrafib. Approve for 1 year if the patient meets ALL of the following (i and ii):
      i. Patient responded to therapy
      ii. The medication is prescribed by a neurologist
"""
    path = tmp_path / "p.pdf"
    render_pdf({"title": "Zentrafib"}, body, path)
    tree = compile_policy(path, source_id="s" * 64, title="Zentrafib")
    (ind,) = tree.indications
    kinds = {b.request_type: b for b in ind.branches}
    assert set(kinds) == {"initial", "continuation"}
    scale = kinds["initial"].node.children[0]
    assert scale.op == "any_of" and len(scale.children) == 2
    first = kinds["continuation"].node.leaves()[0]
    assert first.text == "Patient responded to therapy"
