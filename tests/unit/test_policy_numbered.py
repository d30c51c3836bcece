"""Numbered sections and numbered indications (the Kaiser layout): "2. Criteria for Use" /
a statement covering "one of the indications (1) through (3)" / "(1) <condition>" over
"(a)" / "(i)" / "(A)" criteria, "at least two of the following" inside "one of the
following", and one continuation section for every indication."""

# ruff: noqa: E501  (the fixture policy is printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from tests.unit.test_policy_parts import _print

NUMBERED = """
# 1. Background
Quellimab blocks the fictional lumen pathway. It is taken by mouth once daily.
# 2. Criteria for Use
Quellimab is approved for members who meet the criteria for one of the indications (1) through (3) below.
(1) Granite lung disease
     All of the following:
     (a) Diagnosis of granite lung disease
     (b) Member is 12 years of age or older
(2) Copper skin syndrome
     All of the following:
     (a) Diagnosis of copper skin syndrome established by one of the following:
          (i) A positive copper patch test
          (ii) At least two of the following features:
               (A) Copper-coloured plaques
               (B) Itch lasting over 6 weeks
               (C) A family history of the syndrome
     (b) Prescribed by a dermatologist
(3) Marsh fever
     All of the following:
     (a) Fever lasting at least 10 days
     (b) Stool culture negative
     (c) Blood count done
     (d) Liver tests done
     (e) Chest film done
     (f) Urine test done
     (g) Member is not pregnant
     (h) Member weighs at least 40 kg
     (i) Prescribed by an infectious disease specialist
Initial approval: 6 months.
# 3. Continuation Criteria
Quellimab may be continued for members already receiving it when all of the following are documented:
     (a) The member met the criteria for the indication in section 2 when quellimab was started
     (b) No severe liver injury
Renewal approval: 12 months.
# 4. Exclusions
Quellimab is not approved for:
(1) Use with another lumen blocker
# 5. References
1. Quellimab prescribing information. Revised 2025.
"""


def test_numbered_items_are_indications_sharing_one_continuation(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    _print(NUMBERED, path)
    tree = compile_policy(path, source_id="s" * 64, title="Quellimab Policy")
    assert [ind.name for ind in tree.indications] == [
        "Granite lung disease",
        "Copper skin syndrome",
        "Marsh fever",
    ]
    for ind in tree.indications:
        first, renewal = ind.branches
        assert (first.request_type, first.approval) == ("initial", "6 months")
        assert (renewal.request_type, renewal.approval) == ("continuation", "12 months")
        assert [x.text for x in renewal.node.leaves()][-1] == "No severe liver injury"
    skin = tree.indications[1].branches[0].node
    assert skin.op == "all_of"
    diagnosis = skin.children[0]
    assert diagnosis.op == "any_of" and len(diagnosis.children) == 2
    features = diagnosis.children[1]
    assert (features.op, features.n, len(features.children)) == ("at_least", 2, 3)
    # "(i)" after "(h)" is the ninth letter, no roman one: a sibling of "(h)"
    fever = tree.indications[2].branches[0].node
    assert fever.op == "all_of" and len(fever.children) == 9
    assert fever.children[-1].text == "Prescribed by an infectious disease specialist"
    assert [x.name for x in tree.exclusions] == ["Use with another lumen blocker"]
