"""Rows of a criteria table that refuse rather than grant: the row's name cell ("X: uses
this plan does not cover") or the one lead-in over its items ("X is not covered for:")
says the plan does not cover them, so each item is an exclusion, not a criterion of an
indication (a benefits chart's last row; a drug list's "Not covered" row)."""

from __future__ import annotations

from pipeline.policy import fields as F
from pipeline.policy.indications import _name
from pipeline.policy.models import Exclusion, Indication, PolicyNode
from pipeline.policy.wording import _EXCLUSION_SECTION


def refused_rows(indications: list[Indication]) -> tuple[list[Indication], list[Exclusion]]:
    """The table rows' indications that grant, and the exclusions the refusing rows list."""
    kept: list[Indication] = []
    refused: list[Exclusion] = []
    for ind in indications:
        items = _refused_items(ind)
        if items is None:
            kept.append(ind)
            continue
        refused.extend(
            Exclusion(
                id=f"{ind.id}.X{k}",
                name=_name(leaf.text),
                text=leaf.text,
                page=leaf.page,
                icd10=F.icd10_codes(leaf.text),
                verified=leaf.verified,
            )
            for k, leaf in enumerate(items, 1)
        )
    return kept, refused


def _refused_items(ind: Indication) -> list[PolicyNode] | None:
    """A table row's refused uses: the leaves of its one branch where the name cell or the
    lead-in over all its items refuses; None for a row that grants."""
    if not ind.id.startswith("T") or len(ind.branches) != 1:
        return None
    root = ind.branches[0].node
    # the row's group is its name cell's; a lead-in printed in the cell is its one child
    lead = root.children[0] if len(root.children) == 1 and root.children[0].children else root
    leaves = lead.leaves()
    if not leaves or not (
        _EXCLUSION_SECTION.search(ind.name) or lead is not root and _refuses(lead.text)
    ):
        return None
    return leaves


def _refuses(stem: str) -> bool:
    """A lead-in that refuses what it lists ("Roflumilast is not covered for:")."""
    return stem.rstrip().endswith(":") and bool(_EXCLUSION_SECTION.search(stem))
