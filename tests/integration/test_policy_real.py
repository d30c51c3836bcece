"""Real payer policies (../shared/autoauth, Cigna, MIT) compiled end to end, and the
development cases decided by the compiled tree with rules alone (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cases import load_case
from pipeline.policy.compile import PageText, compile_policy
from pipeline.policy.decide import apply_policy
from pipeline.policy.models import PolicyNode, PolicyTree
from pipeline.sources.parse import parse_pdf
from tests.conftest import SHARED

AUTOAUTH = SHARED / "autoauth"
pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def trees() -> dict[str, PolicyTree]:
    if not (AUTOAUTH / "policies").exists():
        pytest.skip(f"../shared is absent ({AUTOAUTH} not found); it holds the payer policies")
    return {
        name: compile_policy(AUTOAUTH / "policies" / f"{name}.pdf", source_id=name, title=title)
        for name, title in [
            ("001", "Inflammatory Conditions - Adalimumab Products Prior Authorization Policy"),
            ("002", "Antiseizure Medications - Epidiolex Prior Authorization Policy"),
        ]
    }


def _nodes(node: PolicyNode) -> list[PolicyNode]:
    return [node, *(x for c in node.children for x in _nodes(c))]


def test_adalimumab_policy_tree(trees: dict[str, PolicyTree]) -> None:
    tree = trees["001"]
    names = [i.name for i in tree.indications]
    assert len(names) == 14 and names[1] == "Crohn’s Disease" and names[-1].startswith("Spondylo")
    crohn = tree.indications[1]
    assert [b.request_type for b in crohn.branches] == ["initial", "continuation"]
    initial = crohn.branches[0].node
    assert initial.op == "all_of" and [c.label for c in initial.children] == ["i", "ii", "iii"]
    steps = initial.children[1]
    assert steps.op == "any_of" and [c.label for c in steps.children] == ["a", "b", "c", "d"]
    assert steps.children[3].page == 6  # the list runs on across the page break
    assert initial.children[2].fields["specialties"] == ["gastroenterologist"]
    assert any(x.catch_all for x in tree.exclusions)
    assert {x.name for x in tree.exclusions if not x.catch_all} >= {"Polymyalgia Rheumatica (PMR)"}


def test_epidiolex_policy_tree(trees: dict[str, PolicyTree]) -> None:
    tree = trees["002"]
    assert [i.name for i in tree.indications][:3] == [
        "Dravet Syndrome",
        "Lennox-Gastaut Syndrome",
        "Tuberous Sclerosis Complex",
    ]
    lgs = tree.indications[1].branches[0].node
    tried = lgs.children[1]
    assert tried.kind == "prior_therapy" and tried.fields["count"] == 2
    assert "vigabatrin" in tried.fields["drugs"]
    assert tree.problems == []


def test_every_criterion_is_on_its_page(trees: dict[str, PolicyTree]) -> None:
    for name, tree in trees.items():
        pages = PageText([p.text for p in parse_pdf(Path(tree.file))])
        nodes = [n for i in tree.indications for b in i.branches for n in _nodes(b.node)]
        assert nodes
        for node in nodes:
            assert node.verified and pages.find(node.text, node.page), (name, node.id)


@pytest.mark.parametrize(
    ("case_id", "verdict"),
    [
        ("aa-001-z29", "medically_necessary"),
        ("aa-001-q93", "not_medically_necessary"),
        ("aa-002-x19", "not_medically_necessary"),
    ],
)
def test_development_cases_by_rules_alone(
    trees: dict[str, PolicyTree], case_id: str, verdict: str
) -> None:
    """These three turn on numbers and lists (age, prescriber specialty, count of prior
    drugs the policy names), so the rules decide them without a model."""
    case = load_case(AUTOAUTH / "cases-yaml" / f"{case_id}.yaml")
    decision = apply_policy(case, list(trees.values()), None)
    assert decision.verdict == verdict, decision.rule
    assert all(j.method in {"rule", "tree", "none"} for j in decision.judgments)
