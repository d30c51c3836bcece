"""A renewal that cites the first approval's criteria by number ("the first-approval
criteria (1), (5) and (6) must still be met, plus each of the following:") has them judged
on the case (cited_criteria.py): a cited criterion not met denies, one not found leaves the
branch to a person; never approved past them."""

from __future__ import annotations

from pathlib import Path

from pipeline.models import Case
from pipeline.policy.cited_criteria import with_cited_criteria
from pipeline.policy.decide import apply_policy
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree

_RENEW = (
    "For a renewal of 12 months, the first-approval criteria (1) and (2) must still be met, "
    "plus each of the following:"
)


def _leaf(i: str, label: str, text: str, **kw: object) -> PolicyNode:
    return PolicyNode(id=i, label=label, text=text, page=1, **kw)


def _indication(notes: list[str]) -> Indication:
    initial = PolicyNode(
        id="L1.initial",
        text="We will approve testosterone for 6 months when your request shows each of these:",
        page=1,
        op="all_of",
        n=2,
        children=[
            _leaf(
                "L1.initial.1",
                "1",
                "The patient is 18 years of age or older.",
                kind="age",
                fields={"op": "≥", "years": 18},
            ),
            _leaf("L1.initial.2", "2", "Hematocrit below 50% before the first dose."),
        ],
    )
    renewal = PolicyNode(
        id="L1.continuation",
        text=_RENEW,
        page=1,
        op="all_of",
        n=1,
        notes=notes,
        children=[
            _leaf(
                "L1.continuation.a",
                "a",
                "The patient is 18 years of age or older.",
                kind="age",
                fields={"op": "≥", "years": 18},
            )
        ],
    )
    return Indication(
        id="L1",
        name="Low testosterone in adult men",
        text="Low testosterone in adult men",
        page=1,
        branches=[
            Branch(request_type="initial", node=initial),
            Branch(request_type="continuation", node=renewal),
        ],
    )


_NOTES = ["The patient is 18 years of age or older.", "Hematocrit below 50% before the first dose."]


def test_cited_criteria_become_items_of_the_renewal_with_ids_of_their_own() -> None:
    ind = _indication(_NOTES)
    root, why = with_cited_criteria(ind.branches[1].node, ind)
    assert why == ""
    assert [c.id for c in root.children] == [
        "L1.continuation.a",
        "L1.continuation.cited.L1.initial.1",
        "L1.continuation.cited.L1.initial.2",
    ]
    assert root.n == 3 and root.children[1].kind == "age"


def test_a_citation_not_found_is_for_a_person() -> None:
    ind = _indication(_NOTES[:1])  # criterion (2) was not kept
    root, why = with_cited_criteria(ind.branches[1].node, ind)
    assert "2" in why and len(root.children) == 1
    plain = _indication([])
    plain.branches[1].node.text = "For a renewal, each of the following:"
    assert with_cited_criteria(plain.branches[1].node, plain) == (plain.branches[1].node, "")


def _case(hematocrit: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c1",
            "question": "Renew testosterone cypionate?",
            "patient": {"age": 61, "sex": "male"},
            "diagnoses": [{"name": "Low testosterone in adult men"}],
            "requested_treatment": {
                "drug": "Testosterone cypionate",
                "request_type": "continuation",
            },
            "history": [f"Hematocrit {hematocrit} on 12/29/2025 before the first dose."],
        }
    )


def _tree(notes: list[str]) -> PolicyTree:
    return PolicyTree(
        source_id="s",
        title="Testosterone",
        compiler="c",
        file=str(Path("t.pdf")),
        indications=[_indication(notes)],
    )


def test_a_cited_criterion_not_met_denies_the_renewal() -> None:
    d = apply_policy(_case("55.6%"), [_tree(_NOTES)], None)
    assert d.verdict == "not_medically_necessary", d.rule


def test_an_unresolved_citation_never_approves() -> None:
    d = apply_policy(_case("44.8%"), [_tree(_NOTES[:1])], None)
    assert d.verdict == "insufficient_information" and "person" in d.rule
    met = apply_policy(_case("44.8%"), [_tree(_NOTES)], None)
    assert met.verdict == "medically_necessary", met.rule
