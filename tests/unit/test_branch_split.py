"""A condition's initial and renewal lists printed as titled groups of one list are split
into its branches (a form's "Initial request (approval: 12 months) Patient must meet ALL of
the following:" over its checkboxes, then "Renewal request ...")."""

from __future__ import annotations

from pipeline.policy.branch_split import split_branches
from pipeline.policy.models import Branch, Indication, PolicyNode


def _group(i: str, text: str, *leaves: str) -> PolicyNode:
    kids = [PolicyNode(id=f"{i}.{k}", text=t, page=1) for k, t in enumerate(leaves)]
    return PolicyNode(id=i, text=text, page=1, op="all_of", n=len(kids), children=kids)


def _indication(*children: PolicyNode) -> Indication:
    root = PolicyNode(
        id="A",
        text="SECTION A: TYPE 2 DIABETES",
        page=1,
        op="all_of",
        n=len(children),
        children=list(children),
    )
    return Indication(
        id="A",
        name="Type 2 diabetes",
        text="SECTION A",
        page=1,
        branches=[Branch(request_type="any", node=root)],
    )


def test_titled_request_groups_become_branches_with_their_approval() -> None:
    ind = _indication(
        _group(
            "A.1",
            "[ ] Initial request (approval: 12 months) Patient must meet ALL of the following:",
            "Patient is 18 years of age or older",
            "HbA1c of 7% or higher",
        ),
        _group(
            "A.2",
            "Renewal request (approval: 6 months) Patient must meet ALL of the following:",
            "HbA1c has decreased from baseline",
        ),
    )
    assert split_branches(ind)
    assert [(b.request_type, b.approval) for b in ind.branches] == [
        ("initial", "12 months"),
        ("continuation", "6 months"),
    ]
    assert [len(b.node.leaves()) for b in ind.branches] == [2, 1]


def test_a_list_with_an_untitled_item_or_one_kind_only_stays_whole() -> None:
    shared = PolicyNode(id="A.3", text="Patient will not use another GLP-1 agonist", page=1)
    mixed = _indication(
        _group("A.1", "Initial request: all of the following:", "Age 18 or older"),
        _group("A.2", "Renewal request: all of the following:", "HbA1c decreased"),
        shared,
    )
    one_kind = _indication(
        _group("A.1", "Initial therapy with a biologic: all of:", "Age 18 or older"),
        _group("A.2", "Initial therapy with a JAK inhibitor: all of:", "Age 18 or older"),
    )
    assert not split_branches(mixed) and len(mixed.branches) == 1
    assert not split_branches(one_kind) and one_kind.branches[0].request_type == "any"
