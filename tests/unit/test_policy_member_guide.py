"""A member guide in plain words (grant_words.py, grant_lead_ins.py, lead_in_sentences.py,
reading_choice.py, wording.py; issue 25): made-up sections, not the batch's wording: each
condition named only by a yes / no question heading ("Do you have X?", an abbreviation
spelled out in brackets), "we can say yes ... when" as the grant, a renewal sentence naming
the condition inside it, "tried one of these ...:" as alternatives; and near cases (a
question naming no condition, a condition's name that is no granting sentence)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.grant_titles import _title_name
from pipeline.policy.grant_words import grant_words
from pipeline.policy.reading_choice import named_by_condition
from tests.unit.test_policy_layouts_rows import _pdf, _shape


def test_plain_words_grant_and_questions_name_the_condition() -> None:
    assert grant_words("We can say yes for 12 months when all of these are true:")
    assert _title_name("Do you have plaque psoriasis?") == "plaque psoriasis"
    # the spelled name first where only it reads as a condition (the abbreviation after it)
    assert (
        _title_name("Do you have HS (hidradenitis suppurativa)?") == "hidradenitis suppurativa (HS)"
    )
    # a question about the plan names no condition
    assert _title_name("Does the plan cover the pen?") is None


def test_a_granting_sentence_is_no_condition_name() -> None:
    assert named_by_condition("Plaque psoriasis")
    assert not named_by_condition(
        "To keep getting Bimzelx for plaque psoriasis, we approve 12 more months when both are true"
    )


def test_a_member_guide_compiles_one_indication_per_question(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "guide.pdf",
        [
            [
                "Bimzelx (bimekizumab) for skin conditions - what our plan pays for",
                "Your doctor sends us a request and we check it against the points below.",
                "Do you have plaque psoriasis?",
                "We can say yes for 16 weeks when all of these are true:",
                "* You are 18 years old or older.",
                "* Psoriasis covers at least 10% of your body.",
                "* You have already used one of these on your skin for 3 months, and it did not work well enough:",
                "    - a strong steroid cream",
                "    - a vitamin D cream",
                "* A skin doctor (dermatologist) is asking for it.",
                "To keep getting Bimzelx for plaque psoriasis after 16 weeks, we approve 12 more months",
                "when both of these are true:",
                "* Your skin is clearer than before Bimzelx.",
                "* Your skin doctor still sees you every year.",
                "Do you have HS (hidradenitis suppurativa)?",
                "For HS we can say yes for 16 weeks when all of these are true:",
                "* You are 18 years old or older.",
                "* You have painful lumps in at least 2 body areas.",
                "* A skin doctor is asking for it.",
                "To keep getting Bimzelx for HS after 16 weeks, we approve 12 more months when:",
                "* You have fewer painful lumps than before.",
                "* You have not needed surgery for HS since you started.",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="guide")
    names = [i.name.lower() for i in tree.indications]
    assert len(names) == 2
    assert "plaque psoriasis" in names[0] and "hidradenitis" in names[1] or "hs" in names[1]
    psoriasis = tree.indications[0]
    assert [b.request_type for b in psoriasis.branches] == ["initial", "continuation"]
    alternatives = [c for c in psoriasis.branches[0].node.children if c.op != "leaf"]
    assert [_shape(c) for c in alternatives] == [
        ("any_of", ["a strong steroid cream", "a vitamin D cream"])
    ]
    hs = tree.indications[1]
    assert [len(b.node.leaves()) for b in hs.branches] == [3, 2]
