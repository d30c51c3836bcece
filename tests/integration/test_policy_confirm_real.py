"""Confirmation on a real payer policy (../shared/policies): the compiler's tree of a
32-page Cigna policy is confirmed as it is (every node found on its page by the same search
the compiler uses), and a fix whose words sit on another page is refused with that page."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.policy.compile import compile_policy
from pipeline.policy.confirm import ConfirmError, check_tree
from pipeline.policy.edit import Edit, apply_edit
from tests.conftest import SHARED

POLICY = SHARED / "policies" / "cigna-rituximab-iv-non-oncology-ip0319.pdf"
pytestmark = pytest.mark.shared


def test_a_real_policy_confirms_as_compiled_and_refuses_words_from_another_page() -> None:
    if not POLICY.exists():
        pytest.skip(f"../shared is absent ({POLICY} not found); it holds the payer policies")
    sid = hashlib.sha256(POLICY.read_bytes()).hexdigest()
    tree = compile_policy(POLICY, source_id=sid, title=POLICY.stem)
    checked, _ = check_tree(tree, str(POLICY))
    leaves = [leaf for i in checked.indications for b in i.branches for leaf in b.node.leaves()]
    assert len(leaves) > 50 and all(leaf.verified for leaf in leaves)
    # the earliest indication and the criterion printed farthest from it
    at, first = min(enumerate(checked.indications), key=lambda x: x[1].page)
    far = max(leaves, key=lambda leaf: leaf.page)
    assert far.page - first.page > 2
    moved = apply_edit(tree, Edit("save", f"{at}.0.0", text=far.text, page=first.page))
    with pytest.raises(ConfirmError) as caught:
        check_tree(moved, str(POLICY))
    assert f"is not on page {first.page} of {POLICY.name}" in str(caught.value)
