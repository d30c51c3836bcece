"""Blocks under conditions named only by ICD-10 code and description (coded_condition_blocks.py):
a documentation template whose logic and length are bracketed reviewer notes, pick-list
tokens after every item, a later note its renewal; a points scorecard whose rule ("all 2 R
lines score and the total is 6 or more") is the only logic, its condition named in a sheet
heading or in a sentence; and notes naming sub-items by letter after their item's number."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.indications import coded_name
from pipeline.policy.logic_notes import note_logic, spell_sub_labels
from tests.unit.test_policy_sections import _compile, _print, _shape

TEMPLATE = """
Template editor - printed view
Name: .PAWIDGET Owner: PA POOL
# Widgetmab PA review - @NAME@, @AGE@
Diagnosis on request: {DX PICK:30001}
L40.50 Arthropathic psoriasis, unspecified (psoriatic arthritis)
[Approve 6 months only if every item is YES; for item 3, a or b is enough]
 1. Member is 18 or older. {YES/NO:30002}
 2. Active joint disease documented by a rheumatologist. {YES/NO:30002}
 3. Methotrexate:
    a. taken for at least 3 months without response {YES/NO:30002}
    b. not tolerated or unsafe for this member {YES/NO:30002}
# [Renewal, 12 months: both items YES]
 1. Fewer tender joints than before widgetmab. {YES/NO:30002}
 2. No serious infection since the last approval. {YES/NO:30002}
# M45.9 Ankylosing spondylitis of unspecified sites in spine
[Approve 12 months only if every item is YES]
 1. Sacroiliitis on imaging. {YES/NO:30002}
 2. Back pain for at least 3 months. {YES/NO:30002}
# [Not covered - if any is YES, route to pharmacist for denial]
 - Used together with another biologic {YES/NO:30002}
"""


def test_a_template_names_conditions_by_code_and_takes_its_logic_from_bracketed_notes(
    tmp_path: Path,
) -> None:
    tree = _compile(TEMPLATE, tmp_path)
    names = [ind.name for ind in tree.indications]
    assert names[0].startswith("Arthropathic psoriasis") and "spondylitis" in names[1]
    assert tree.indications[0].icd10 == ["L40.50"]
    first = tree.indications[0]
    assert [(b.request_type, b.approval) for b in first.branches] == [
        ("initial", "6 months"),
        ("continuation", "12 months"),
    ]
    assert _shape(first.branches[0].node) == (
        "all_of",
        ["Member", "Active", ("any_of", ["taken", "not"])],
    )
    # the pick-list is the form's, not the criterion's
    assert first.branches[0].node.children[0].text == "Member is 18 or older."
    assert [b.request_type for b in tree.indications[1].branches] == ["initial"]
    assert not any("no combining logic" in p for p in tree.problems)
    assert any("another biologic" in x.text for x in tree.exclusions)


SCORECARD = """
Plan - Rare Disease Drug Scorecards
How to score: lines of type R are required; lines of type O add points toward the total.
# Sheet A - E75.22 Gaucher disease (type 1, non-neuronopathic)
Approve 12 months when all 2 R lines score (total 4).
# Line|Finding|Type|Points
# 1|Enzyme activity is low in white blood cells.|R|2
2|A metabolic specialist prescribes it.|R|2
# Sheet A2 - Gaucher renewal. Approve 12 months when all 2 R lines score.
# Line|Finding|Type|Points
1|Spleen volume fell on treatment.|R|2
2|Platelets were checked in the last 6 months.|R|2
# Sheet B - for members with Fabry disease (ICD-10-CM E75.21)
Approve 12 months when all 2 R lines score and the total is 6 or more.
# Line|Finding|Type|Points
# 1|Age 16 or older.|R|2
2|Alpha-galactosidase activity is low or a GLA variant is found.|R|2
# 3|Kidney protein loss on a urine test.|O|1
4|Thickened heart wall on echocardiogram.|O|1
5|Nerve pain in the hands or feet.|O|1
# Not scored - never approved
   N1 Use with another enzyme therapy.
"""


def test_a_scorecard_rule_reads_as_required_lines_and_an_at_least_group(tmp_path: Path) -> None:
    _print(SCORECARD, tmp_path / "card.pdf", columns=(10, 25, 160, 175))
    tree = compile_policy(tmp_path / "card.pdf", source_id="s" * 64, title="Policy")
    gaucher, fabry = tree.indications
    assert "Gaucher" in gaucher.name and gaucher.icd10 == ["E75.22"]
    assert fabry.name.lower().startswith("fabry") and fabry.icd10 == ["E75.21"]
    assert [b.request_type for b in gaucher.branches] == ["initial", "continuation"]
    # the type and points cells are no words of the criterion, the TOTAL row no criterion
    assert [c.text for c in gaucher.branches[0].node.children] == [
        "Enzyme activity is low in white blood cells.",
        "A metabolic specialist prescribes it.",
    ]
    # 2 + 2 points required, 6 needed: 2 of the 3 one-point lines
    node = fabry.branches[0].node
    assert (node.op, node.n) == ("all_of", 3)
    group = node.children[-1]
    assert (group.op, group.n, len(group.children)) == ("at_least", 2, 3)


def test_coded_names_and_sub_items_named_by_letter() -> None:
    assert coded_name("Fabry disease (ICD-10-CM E75.21)") == ("Fabry disease", ["E75.21"])
    assert spell_sub_labels("for item 4, a or b is enough") == "for item 4, 4a or 4b is enough"
    note = "Approve 6 months only if every item is YES; for item 4, a or b is enough"
    assert note_logic([note], ["1", "2", "3", "4", "5"]) == {"4": ("any_of", 1)}
    # a lone article is no sub-item
    assert spell_sub_labels("for a member with a rash") == "for a member with a rash"
