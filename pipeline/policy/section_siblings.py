"""Condition sections the compiler left joined: sibling groups under one all_of, each headed
by a condition and a request type ("Relapsing forms of MS (RMS) Initial authorization ..."
beside "Primary progressive MS (PPMS) Initial authorization ..."), are alternatives a case
meets at most one of; a criterion failed inside one of them denies nothing, so the decision
goes to a person instead of a denial."""

from __future__ import annotations

from pipeline.policy.branch_names import REQUEST_WORD
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.models import PolicyNode
from pipeline.policy.name_words import condition_words

_HEAD_CHARS = 160  # a section's heading sits at the start of its group's text


def _heading_condition(node: PolicyNode) -> frozenset[str]:
    """The condition words of a group's heading before its request-type word; empty where the
    group is a leaf or its text opens with no condition and request type."""
    if node.op == "leaf":
        return frozenset()
    head = node.text[:_HEAD_CHARS]
    m = REQUEST_WORD.search(head)
    if m is None or not names_condition(head[: m.start()]):
        return frozenset()
    return frozenset(condition_words(head[: m.start()]))


def _groups(node: PolicyNode) -> list[PolicyNode]:
    found = [node] if node.op == "all_of" else []
    for child in node.children:
        found.extend(_groups(child))
    return found


def sibling_section(root: PolicyNode, leaf_id: str | None) -> PolicyNode | None:
    """The condition section holding the leaf where it sits under one all_of beside a section
    headed by another condition; None where there is no such pair."""
    if leaf_id is None:
        return None
    for group in _groups(root):
        named = [(c, w) for c in group.children if (w := _heading_condition(c))]
        if len({w for _, w in named}) < 2:
            continue
        for child, _ in named:
            if any(leaf.id == leaf_id for leaf in child.leaves()):
                return child
    return None


def sibling_section_note(root: PolicyNode, leaf_id: str | None, what: str) -> str | None:
    """The rule a decision states instead of denying, where the failed criterion sits in one
    of two condition sections joined under one group."""
    section = sibling_section(root, leaf_id)
    if section is None:
        return None
    return (
        f"criterion not met: {what}; but it sits in the section "
        f"'{section.text[:80].strip()}', joined with another condition's section under one "
        "group: a person decides which applies"
    )
