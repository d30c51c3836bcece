"""A statement that grants coverage "when all of the criteria in Table 1 are met", over a
criteria table with one criterion per row (row_tables.py): the statement's branch is the
table's rows under the logic the statement states, its request type the one the table's
title or the statement names ("Table 2. ...: continuation", "Continued X ... Table 2"),
and a continuation statement for a condition another statement covers is that
condition's continuation."""

from __future__ import annotations

import re

from pipeline.policy.groups import _node
from pipeline.policy.models import Indication, PolicyTree
from pipeline.policy.outline import Item
from pipeline.policy.row_tables import RowTable
from pipeline.policy.table_refs import _replace
from pipeline.policy.verbatim import PageText
from pipeline.policy.wording import _CONTINUATION

_CITES = re.compile(
    r"\b(all|both|any|one|either)\s+(?:\w+\s+)?of\s+the\s+(?:criteria|requirements|conditions)"
    r"\s+(?:(?:listed|shown|set out)\s+)?(?:in|of|under)\s+table\s+(\d{1,2}|[A-Z])\b",
    re.I,
)
_RENEWS = re.compile(r"\b(?:continu\w*|renewal|re-?authori[sz]ation|recertification)\b", re.I)
_STARTS = re.compile(r"\binitial\b|\bnew start\b", re.I)


def _table_node(table: RowTable, op: str, node_id: str, pages: PageText, problems: list[str]):
    root = Item("para", "", table.title or table.header, table.page, 0, table.title)
    root.children = table.rows
    root.stated = ("all_of", len(table.rows)) if op == "all" else ("any_of", 1)
    return _node(root, node_id, pages, problems)


def _kind(table: RowTable, statement: str, was: str) -> str:
    title = table.title.split(".", 1)[-1]
    if _RENEWS.search(title) or _CONTINUATION.match(statement):
        return "continuation"
    if _STARTS.search(title):
        return "initial"
    return was


def apply_row_tables(tree: PolicyTree, tables: list[RowTable], pages: PageText) -> None:
    """Every statement citing a table's criteria given that table's rows as its branch."""
    by_number = {t.number.upper(): t for t in tables if t.number}
    if not by_number:
        return
    used = False
    for ind in tree.indications:
        for branch in ind.branches:
            for leaf in branch.node.leaves():
                m = _CITES.search(leaf.text)
                table = by_number.get(m.group(2).upper()) if m else None
                if m is None or table is None:
                    continue
                word = "all" if m.group(1).lower() in {"all", "both"} else "any"
                node = _table_node(table, word, f"{leaf.id}.T{table.number}", pages, tree.problems)
                branch.node = _replace(branch.node, leaf, node)
                branch.request_type = _kind(table, leaf.text, branch.request_type)  # type: ignore[assignment]
                branch.approval = branch.approval or table.approval
                used = True
    if used:
        tree.indications = _merge_continuations(tree.indications)


def _merge_continuations(indications: list[Indication]) -> list[Indication]:
    """A statement whose only branch continues a condition another statement covers
    ("Continued X for treatment-resistant depression ...") is that one's continuation."""
    out = list(indications)
    for ind in indications:
        if not ind.branches or any(b.request_type != "continuation" for b in ind.branches):
            continue
        text = " ".join(ind.text.lower().split())
        into = next(
            (
                o
                for o in out
                if o is not ind
                and len(o.name) >= 8
                and o.name.lower() in text
                and all(b.request_type != "continuation" for b in o.branches)
            ),
            None,
        )
        if into is not None:
            into.branches.extend(ind.branches)
            out.remove(ind)
    return out
