"""A failed criterion that denies nothing (held_denials.py, section_siblings.py): one inside
one of two condition sections the compiler joined under one all_of goes to a person; one in
a single condition's tree, or in its initial and renewal sections, still denies."""

from __future__ import annotations

from pipeline.policy.held_denials import held_denial
from pipeline.policy.models import Branch, Judgment, PolicyNode


def _section(i: str, head: str, leaf: str) -> PolicyNode:
    return PolicyNode(
        id=i,
        op="all_of",
        text=head,
        page=1,
        children=[PolicyNode(id=f"{i}.1", text=leaf, page=1)],
    )


def _branch(first: str, second: str) -> Branch:
    root = PolicyNode(
        id="1",
        op="all_of",
        text="Coverage criteria",
        page=1,
        children=[
            _section("1.1", first, "Two relapses in the past year"),
            _section("1.2", second, "Disability score of 3.0 to 6.5"),
        ],
    )
    return Branch(request_type="any", node=root)


def _failed(node_id: str) -> Judgment:
    return Judgment(
        node_id=node_id,
        op="leaf",
        text="Disability score of 3.0 to 6.5",
        page=1,
        status="not_met",
        method="rule",
        reason="documented 2.5 fails between 3 and 6.5",
    )


def test_a_failure_in_one_of_two_condition_sections_goes_to_a_person() -> None:
    branch = _branch(
        "Relapsing myasthenic syndrome (RMS) Initial approval. All of the following:",
        "Progressive supranuclear palsy (PSP) Initial approval. All of the following:",
    )
    held = held_denial(branch, "initial", _failed("1.2.1"), "Disability score (page 1)")
    assert held is not None and "a person decides" in held and "Progressive" in held


def test_one_conditions_sections_and_plain_groups_still_deny() -> None:
    same = _branch(
        "Relapsing myasthenic syndrome Initial approval. All of the following:",
        "Relapsing myasthenic syndrome Renewal. All of the following:",
    )
    assert held_denial(same, "initial", _failed("1.2.1"), "x") is None
    plain = _branch("Disease activity shown by both:", "Hepatitis B screening shows one of:")
    assert held_denial(plain, "initial", _failed("1.2.1"), "x") is None
