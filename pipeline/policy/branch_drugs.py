"""Branches of one indication for one request type that are headed by different products
("Patiromer - initial review ...", "Sodium zirconium cyclosilicate - initial review ..."),
as a policy for two drugs of one use lays them out: the request is judged on the branch
headed by its drug. Only where each branch's head is a short label, one or more name the
requested drug, and every other names a product the policy's scope lists that the request
does not name; otherwise every branch stays (the best status of them decides)."""

from __future__ import annotations

import re

from pipeline.policy.models import Branch

_HEAD = re.compile(r"^\s*(?P<head>[^:.;()]+?)\s*(?:[-–—:]\s|\(|\.\s)")
_WORD = re.compile(r"[a-z]{5,}")
# words of a head that name no product ("initial review", "renewal", "new start")
_NO_PRODUCT = set("initial review renewal start continued therapy first request".split())


def _head_words(branch: Branch) -> set[str] | None:
    m = _HEAD.match(branch.node.text)
    if m is None or len(m.group("head").split()) > 5:
        return None
    return set(_WORD.findall(m.group("head").lower())) - _NO_PRODUCT


def branches_for_drug(branches: list[Branch], drug: str, scope: str) -> list[Branch]:
    """The branches headed by the requested drug, where the others are headed by another
    product of the policy's scope; else all of them."""
    if len(branches) < 2:
        return branches
    wanted = set(_WORD.findall(drug.lower()))
    listed = set(_WORD.findall(scope.lower()))
    heads = [_head_words(b) for b in branches]
    if any(not h for h in heads):
        return branches
    mine = [b for b, h in zip(branches, heads, strict=True) if h and h & wanted]
    others = [h for h in heads if h and not h & wanted]
    if not mine or not others or any(not h <= listed for h in others):
        return branches
    return mine
