"""The model compiler's checks on real payer layouts (issue 25, item 6): a proposal that
copies the policy exactly (here, the rules compiler's own verified nodes, as a perfect
model would answer) loses nothing and is flagged nowhere, so what the checks drop from a
real model's proposal is the model's error, not the layout's."""

from __future__ import annotations

import pytest

from pipeline.policy.compile import compile_policy
from pipeline.policy.model_check import ProposedTree, checked_tree
from pipeline.policy.models import PolicyNode
from pipeline.policy.verbatim import PageText
from pipeline.sources.parse import parse_pdf
from tests.conftest import SHARED

pytestmark = pytest.mark.shared
# Three publishers, three layouts: nested lettered lists, a condition-section policy with
# renewal branches, a CMS LCD in prose.
POLICIES = [
    "cigna-infliximab-iv-ip0660",
    "anthem-dupixent-cc0029",
    "medicare-lcd-L33822-glucose-monitors",
]


def _proposed(node: PolicyNode) -> dict:
    return {
        "op": node.op,
        "n": node.n,
        "text": node.text,
        "page": node.page,
        "children": [_proposed(c) for c in node.children],
    }


def _count(node: PolicyNode) -> int:
    return 1 + sum(_count(c) for c in node.children)


@pytest.mark.parametrize("name", POLICIES)
def test_a_verbatim_proposal_passes_the_checks_whole(name: str) -> None:
    pdf = SHARED / "policies" / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip(f"../shared is absent ({pdf} not found); it holds the payer policies")
    rules = compile_policy(pdf, source_id="r" * 64, title=name)
    kept = [i for i in rules.indications if all(_all_verified(b.node) for b in i.branches)]
    assert kept, "the rules compiler verified no whole indication"
    proposal = ProposedTree.model_validate(
        {
            "indications": [
                {
                    "name": i.name,
                    "text": i.text,
                    "page": i.page,
                    "icd10": i.icd10,
                    "branches": [
                        {
                            "request_type": b.request_type,
                            "approval": b.approval or "",
                            "node": _proposed(b.node),
                        }
                        for b in i.branches
                    ],
                }
                for i in kept
            ],
            "exclusions": [
                {"name": x.name, "text": x.text, "page": x.page, "catch_all": x.catch_all}
                for x in rules.exclusions
                if x.verified
            ],
        }
    )
    pages = PageText([p.text for p in parse_pdf(pdf)])
    tree = checked_tree(
        [proposal], pages, source_id="r" * 64, file=str(pdf), title=name, compiler="model:copy"
    )
    assert not tree.problems, tree.problems
    assert len(tree.indications) == len(kept)
    assert sum(_count(b.node) for i in tree.indications for b in i.branches) == sum(
        _count(b.node) for i in kept for b in i.branches
    )


def _all_verified(node: PolicyNode) -> bool:
    return node.verified and all(_all_verified(c) for c in node.children)
