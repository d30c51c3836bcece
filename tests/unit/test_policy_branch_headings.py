"""A condition heading over branch headings (the UnitedHealthcare layout): "Marsh Fever"
→ "Initial Therapy" → a statement and its bullets → "Continuation of Therapy" set close
under the initial approval line → its statement and bullets. The indication is named by
the condition heading, with both branches."""

# ruff: noqa: E501  (the fixture policy is printed lines, as wide as a page)
from __future__ import annotations

import re
from pathlib import Path

from pipeline.policy.compile import compile_policy
from tests.unit.test_policy_parts import _print

BRANCHED = """
# Coverage Rationale

# Marsh Fever

# Initial Therapy
Quellimab is medically necessary for the treatment of marsh fever when all of the following criteria are met:
* Diagnosis of marsh fever; and
* Patient is 12 years of age or older; and
* One of the following:
     o Fever lasting at least 10 days; or
     o Two relapses in the past year
Initial authorization will be for no more than 6 months.
Continuation of Therapy
Quellimab is medically necessary for the continued treatment of marsh fever when all of the following criteria are met:
* Documentation of fewer fever days since the start of therapy; and
* Prescribed by an infectious disease specialist
Reauthorization will be for no more than 12 months.

# Copper Skin Syndrome

# Initial Therapy
Quellimab is medically necessary for the treatment of copper skin syndrome when all of the following criteria are met:
* Diagnosis of copper skin syndrome; and
* Prescribed by a dermatologist

# Continuation of Therapy
Quellimab is medically necessary for the continued treatment of copper skin syndrome when the following criterion is met:
* Documentation of a smaller lesion count
"""


def test_condition_heading_names_the_indication_with_both_branches(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    _print(BRANCHED, path)
    tree = compile_policy(path, source_id="s" * 64, title="Quellimab Policy")
    assert [ind.name for ind in tree.indications] == ["Marsh Fever", "Copper Skin Syndrome"]
    fever, skin = tree.indications
    for ind in tree.indications:
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
    first, renewal = fever.branches
    assert first.approval == "6 months" and renewal.approval == "12 months"
    # the approval line and the next heading are no criterion's words
    assert [re.sub(r";\s*(?:and|or)$", "", x.text) for x in first.node.leaves()] == [
        "Diagnosis of marsh fever",
        "Patient is 12 years of age or older",
        "Fever lasting at least 10 days",
        "Two relapses in the past year",
    ]
    assert len(renewal.node.leaves()) == 2
    assert [x.text for x in skin.branches[1].node.leaves()] == [
        "Documentation of a smaller lesion count"
    ]
