"""Fixes a person makes to a policy tree before confirming it: a node's text, page, logic
and n; drop, add, move up or down, or into another group; an indication's or exclusion's
name, codes and text. Pure functions on a copy of the tree; whether each text is on its
page is checked when the tree is confirmed (confirm.check_tree), and shown on the page."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.policy import fields as F
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree

ACTIONS = ("save", "drop", "add", "up", "down", "move")
OPS = ("leaf", "all_of", "any_of", "at_least")


class EditError(ValueError):
    """A fix that cannot be made (no such node, a group left without logic...)."""


@dataclass
class Edit:
    action: str
    target: str  # a node's place (node_path), or "indication:<index>", "exclusion:<index>"
    text: str | None = None
    page: int | None = None
    op: str | None = None
    n: int | None = None
    name: str | None = None
    icd10: str | None = None  # comma-separated
    into: str | None = None  # for move: the group that receives the node


def node_path(ind: int, branch: int, *children: int) -> str:
    """A node's place in the tree: indication, branch and child indexes ("2.0.1.3").
    Places, not ids, name nodes: a policy's own numbering can repeat ids."""
    return ".".join(str(i) for i in (ind, branch, *children))


def _siblings(tree: PolicyTree, path: str) -> tuple[list, int]:
    """The list holding the node at ``path`` (its parent's children, or the indication's
    branches for a branch's root) and its index there."""
    try:
        steps = [int(x) for x in path.split(".")]
        if len(steps) < 2 or min(steps) < 0:
            raise ValueError
        ind = tree.indications[steps[0]]
        holder: list = ind.branches
        index = steps[1]
        node = ind.branches[index].node
        for step in steps[2:]:
            holder, index = node.children, step
            node = node.children[step]
    except (ValueError, IndexError):
        raise EditError(f"no node at {path!r} in this policy (reload the page)") from None
    return holder, index


def find_node(tree: PolicyTree, path: str) -> PolicyNode:
    holder, i = _siblings(tree, path)
    item = holder[i]
    return item.node if isinstance(item, Branch) else item


def _all_ids(tree: PolicyTree) -> set[str]:
    ids: set[str] = set()
    for ind in tree.indications:
        for b in ind.branches:
            stack = [b.node]
            while stack:
                node = stack.pop()
                ids.add(node.id)
                stack.extend(node.children)
    return ids


def classify(text: str, notes: list[str]) -> tuple[str, dict]:
    """A criterion's kind and numbers read from its words, as the compiler reads them: a
    pointer to other criteria ("met the initial criteria (A)") first, where the compiler
    has references (pipeline/policy/references.py), then age, counts, specialties."""
    kind, extracted = F.classify(text, notes)
    try:
        from pipeline.policy.references import reference_fields
    except ImportError:  # a compiler without references
        return kind, extracted
    ref = reference_fields(text)
    return ("reference", ref) if ref is not None else (kind, extracted)


def resolve_references(tree: PolicyTree) -> list[str]:
    """Point each reference at the criteria it names, where the compiler has references."""
    try:
        from pipeline.policy.references import resolve
    except ImportError:
        return []
    return resolve(tree)


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def apply_edit(tree: PolicyTree, edit: Edit) -> PolicyTree:
    """A copy of the tree with the fix made."""
    if edit.action not in ACTIONS:
        raise EditError(f"unknown action {edit.action!r}: one of {', '.join(ACTIONS)}")
    tree = tree.model_copy(deep=True)
    kind, _, ref = edit.target.partition(":")
    if kind == "indication" and ref:
        _edit_indication(tree, ref, edit)
    elif kind == "exclusion" and ref:
        _edit_exclusion(tree, ref, edit)
    else:
        _edit_node(tree, edit.target, edit)
    return tree


def _edit_node(tree: PolicyTree, path: str, edit: Edit) -> None:
    holder, i = _siblings(tree, path)
    item = holder[i]
    node = item.node if isinstance(item, Branch) else item
    node_id = node.id
    if edit.action == "save":
        if edit.text is not None:
            if not _clean(edit.text):
                raise EditError("the text cannot be empty: drop the node instead")
            node.text = _clean(edit.text) or node.text
        if edit.page is not None:
            node.page = edit.page
        if edit.op is not None:
            if edit.op not in OPS:
                raise EditError(f"logic must be one of {', '.join(OPS)}")
            if edit.op == "leaf" and node.children:
                raise EditError(f"{node_id} has items under it: drop or move them first")
            node.op = edit.op  # type: ignore[assignment]
        if edit.n is not None:
            node.n = edit.n
        if node.op == "at_least" and not 1 <= node.n <= max(1, len(node.children)):
            raise EditError(f"at least {node.n} of {len(node.children)} items cannot be met")
        node.verified = False  # until found on its page again
        if node.op == "leaf":
            node.kind, node.fields = classify(node.text, node.notes)  # type: ignore[assignment]
    elif edit.action == "drop":
        holder.pop(i)
    elif edit.action in ("up", "down"):
        j = i - 1 if edit.action == "up" else i + 1
        if not 0 <= j < len(holder):
            raise EditError(f"{node_id} is already {'first' if j < 0 else 'last'}")
        holder[i], holder[j] = holder[j], holder[i]
    elif edit.action == "add":
        if node.op == "leaf":
            raise EditError(
                f"{node_id} is a criterion: give it a logic (ALL / ONE / AT LEAST) first"
            )
        text = _clean(edit.text)
        if not text:
            raise EditError("a new criterion needs its text as printed in the policy")
        taken = _all_ids(tree)
        k = 1
        while f"{node.id}.+{k}" in taken:
            k += 1
        kind, extracted = classify(text, [])
        node.children.append(
            PolicyNode(
                id=f"{node.id}.+{k}",
                text=text,
                page=edit.page or node.page,
                kind=kind,
                fields=extracted,
            )
        )
    elif edit.action == "move":
        if not edit.into:
            raise EditError("move needs the group that receives the node")
        if isinstance(item, Branch):
            raise EditError(f"{node_id} is a branch of its indication and cannot be moved")
        target = find_node(tree, edit.into)
        if target.op == "leaf":
            raise EditError(f"{target.id} is a criterion, not a group")
        inside = [node]
        while inside:
            n = inside.pop()
            if n is target:
                raise EditError(f"{target.id} is inside {node_id}")
            inside.extend(n.children)
        holder.pop(i)
        target.children.append(node)


def _codes(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()]


def _index(ref: str, items: list, what: str) -> int:
    if not ref.isdigit() or int(ref) >= len(items):
        raise EditError(f"no {what} at {ref!r} in this policy (reload the page)")
    return int(ref)


def _save_named(item: Indication | Exclusion, edit: Edit) -> None:
    """An indication's or exclusion's name, text, page and codes, where the edit gives them."""
    item.name = _clean(edit.name) or item.name
    item.text = _clean(edit.text) or item.text
    item.page = edit.page or item.page
    codes = _codes(edit.icd10)
    if codes is not None:
        item.icd10 = codes


def _edit_indication(tree: PolicyTree, ref: str, edit: Edit) -> None:
    i = _index(ref, tree.indications, "indication")
    ind = tree.indications[i]
    if edit.action == "drop":
        tree.indications.pop(i)
    elif edit.action == "save":
        _save_named(ind, edit)
    elif edit.action in ("up", "down"):
        j = i - 1 if edit.action == "up" else i + 1
        if not 0 <= j < len(tree.indications):
            raise EditError(f"indication {ind.id} is already {'first' if j < 0 else 'last'}")
        tree.indications[i], tree.indications[j] = tree.indications[j], tree.indications[i]
    else:
        raise EditError(f"an indication can be saved, dropped or moved, not {edit.action!r}")


def _edit_exclusion(tree: PolicyTree, ref: str, edit: Edit) -> None:
    if edit.action == "add" and ref == "new":
        text = _clean(edit.text)
        if not text or not edit.page:
            raise EditError("a new exclusion needs its text as printed and its page")
        taken = {x.id for x in tree.exclusions}
        k = len(tree.exclusions) + 1
        while f"x{k}" in taken:
            k += 1
        tree.exclusions.append(
            Exclusion(
                id=f"x{k}",
                name=_clean(edit.name) or text[:80],
                text=text,
                page=edit.page,
                icd10=_codes(edit.icd10) or F.icd10_codes(text),
            )
        )
        return
    i = _index(ref, tree.exclusions, "exclusion")
    ex = tree.exclusions[i]
    if edit.action == "drop":
        tree.exclusions.pop(i)
    elif edit.action == "save":
        _save_named(ex, edit)
        ex.verified = False
    else:
        raise EditError(f"an exclusion can be saved or dropped, not {edit.action!r}")
