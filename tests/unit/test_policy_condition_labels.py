"""Conditions named where no heading stands alone (condition_labels.py), on small printed
layouts: bold run-in labels under roman branch sections ("I. Criteria for initial
approval" / "II. Criteria for reauthorization") with an "All other conditions" run-in;
sentence-case numbered condition names over "Initial approval" with connectors printed
before the markers ("AND 2.", "OR b."); a "Medical Criterion for X:" lead-in with no
logic words, its logic at the items' ends; roman exclusion parts."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.outline import Line, outline
from tests.unit.test_policy_sections import _compile, _shape

RUN_IN = """
# COVERAGE GUIDELINES
The plan may cover the drug when the criteria below for the member's condition are met.
# I. Criteria for initial approval
Plaque psoriasis: The member must meet all of the following criteria:
 1. The member has moderate to severe plaque psoriasis
 2. The member meets one of these prior therapies:
      a. methotrexate for at least 3 months
      b. phototherapy for at least 12 sessions
Ankylosing spondylitis: The member must meet all of the following criteria:
 1. The member has active ankylosing spondylitis
 2. The member tried two NSAIDs for at least 4 weeks each
# II. Criteria for reauthorization
Plaque psoriasis: The member must meet all of the following criteria:
 1. The affected body surface area is smaller than before treatment
 2. The member will not use another biologic drug
All other conditions in section I: The member must meet all of the following criteria:
 1. The prescriber documents a clinical response
# III. Limitations
The plan does not cover the drug in the following situations:
 1. Use with another biologic drug
"""


def test_run_in_labels_under_roman_branch_sections(tmp_path: Path) -> None:
    tree = _compile(RUN_IN, tmp_path)
    assert [i.name for i in tree.indications] == ["Plaque psoriasis", "Ankylosing spondylitis"]
    pso, axspa = tree.indications
    assert [b.request_type for b in pso.branches] == ["initial", "continuation"]
    assert _shape(pso.branches[0].node) == (
        "all_of",
        ["The", ("any_of", ["methotrexate", "phototherapy"])],
    )
    assert [x.text.split()[1] for x in pso.branches[1].node.leaves()] == ["affected", "member"]
    # "All other conditions in section I": the continuation of the condition with none
    assert [b.request_type for b in axspa.branches] == ["initial", "continuation"]
    assert [x.text for x in axspa.branches[1].node.leaves()] == [
        "The prescriber documents a clinical response"
    ]


NUMBERED_PLAIN = """
# Criteria
# 1. Plaque psoriasis
Initial approval
    1. Patient has a diagnosis of plaque psoriasis
 AND 2. Patient has one of the following:
          a. Psoriasis covering 3% or more of body surface area
       OR b. A PASI score of 10 or more
 AND 3. Prescribed by a dermatologist
Initial approval: 6 months
Continuation of therapy
    1. Patient has been taking the drug for 4 months
 AND 2. Fewer plaques than before treatment
# 2. Psoriatic arthritis
Initial approval
    1. Patient has a diagnosis of psoriatic arthritis
 AND 2. Prescribed by a rheumatologist
"""


def test_sentence_case_numbered_conditions_and_leading_connectors(tmp_path: Path) -> None:
    tree = _compile(NUMBERED_PLAIN, tmp_path)
    assert [i.name for i in tree.indications] == ["Plaque psoriasis", "Psoriatic arthritis"]
    pso, psa = tree.indications
    assert [b.request_type for b in pso.branches] == ["initial", "continuation"]
    assert _shape(pso.branches[0].node) == (
        "all_of",
        ["Patient", ("any_of", ["Psoriasis", "A"]), "Prescribed"],
    )
    assert _shape(pso.branches[1].node) == ("all_of", ["Patient", "Fewer"])
    assert [b.request_type for b in psa.branches] == ["initial"]


def test_connector_before_marker_joins_the_sibling_above() -> None:
    lines = [
        Line(1, 8, "1. Patient is an adult"),
        Line(1, 2, "OR 2. Patient is a child over 40 kg"),
    ]
    first, second = outline(lines)
    assert (first.text, first.joined) == ("Patient is an adult", "OR")
    assert (second.label, second.text) == ("2", "Patient is a child over 40 kg")


CRITERION_LABEL = """
# POLICY:
Teriparatide is medically appropriate for the conditions below when each Medical Criterion is met.
# I. Postmenopausal Osteoporosis
Medical Criterion for postmenopausal osteoporosis:
 A. the member is a postmenopausal woman with osteoporosis; and
 B. the member is at high risk of fracture, as documented by:
      1. a T-score of -2.5 or lower; or
      2. a prior fragility fracture; and
 C. the member will not take denosumab at the same time.
Medical Criterion for continuation of therapy:
 A. the member was approved under this policy; and
 B. the member has had no new fracture.
# II. Not Medically Necessary
Teriparatide is not medically necessary for the following:
 1. Prevention of osteoporosis with normal bone mass
"""


def test_criterion_label_names_the_condition_and_roman_exclusions(tmp_path: Path) -> None:
    tree = _compile(CRITERION_LABEL, tmp_path)
    assert [i.name for i in tree.indications] == ["Postmenopausal Osteoporosis"]
    (pmo,) = tree.indications
    assert [b.request_type for b in pmo.branches] == ["initial", "continuation"]
    assert _shape(pmo.branches[0].node) == ("all_of", ["the", ("any_of", ["a", "a"]), "the"])
    assert len(pmo.branches[1].node.leaves()) == 2
    assert [x.text for x in tree.exclusions] == ["Prevention of osteoporosis with normal bone mass"]
