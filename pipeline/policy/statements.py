"""Statements that start a new block inside an open list (outline.py): a branch's run-in
statement under a condition's title, a statement at the margin of the one whose list is
open, a condition's run-in statement, a statement that grants coverage right under a
block that grants nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker, title_item
from pipeline.policy.wording import _APPROVES, _CONTINUATION, _INITIAL, run_in_condition

if TYPE_CHECKING:
    from pipeline.policy.outline import Item

_RUN_IN_BRANCH = re.compile(r"^[A-Z][A-Za-z\- ]{3,40}:\s+\S")
_LEADS_IN = re.compile(r"(?:\bthe following\b[^:]{0,200}|:)\s*$", re.I)


def _statement_owner(stack: list[Item], line: Line) -> Item | None:
    """The marked condition title a branch's run-in statement ("Initial Authorization:
    X is approved when ...:", "Renewal: ...") belongs under: the title right above it,
    or the one whose branch before it has ended. Any other statement runs into its title
    as before ("A. Condition" / "X is medically necessary when ...")."""
    text = line.text
    if not stack or not (_INITIAL.match(text) or _CONTINUATION.match(text)):
        return None
    if not (text.rstrip().endswith(":") or _APPROVES.search(text)):
        return None
    top = stack[-1]
    parent = stack[-2] if len(stack) > 1 else None
    if (
        title_item(top.style, top.text)
        and not top.children
        and line.indent <= top.indent + 1
        and (parent is None or not _LEADS_IN.search(parent.text))  # no criterion of a list
    ):
        return top
    owners = [it for it in _titles(stack) if it.indent <= line.indent + 1]
    return owners[-1] if owners and owners[-1] is not top else None


def _titles(stack: list[Item]) -> list[Item]:
    """The open items that are condition titles: short marked titles not listed under a
    lead-in (a short criterion, "E. Member does not have uncontrolled hypertension", is
    one of its statement's items)."""
    return [
        it
        for k, it in enumerate(stack)
        if title_item(it.style, it.text) and (k == 0 or not _LEADS_IN.search(stack[k - 1].text))
    ]


def _root_statement(stack: list[Item], line: Line) -> bool:
    """A branch's statement that leads in a list ("Renewal Criteria: X is approved when
    the following are met:"), at the margin of the root statement whose list is open,
    with no condition title of its own above it in the outline."""
    text = line.text.rstrip()
    return (
        len(stack) > 1
        and stack[0].style == "para"
        and line.indent <= stack[0].indent + 1
        and bool(_INITIAL.match(text) or _CONTINUATION.match(text))
        # its lead-in ends the line, or wraps after a run-in label ("Recertification:
        # X is approved when the following criteria are" / "met:")
        and (text.endswith(":") or bool(_RUN_IN_BRANCH.match(text)))
        and bool(_APPROVES.search(text))
        and not _titles(stack)
    )


def _condition_statement(stack: list[Item], line: Line) -> bool:
    """A condition's run-in statement ("Asthma (Initial Approval): X is approved when the
    following ...") at the margin of the statement whose list is open: the next
    statement, not the words of that list's last item."""
    # at the statement's margin, or no deeper than the open list's items (a page that
    # goes on in a table's right column loses the column's indentation on the next one)
    return (
        len(stack) > 1
        and line.indent <= max(it.indent for it in stack[1:]) + 1
        and run_in_condition(line.text) is not None
    )


def _new_statement(stack: list[Item], line: Line, nxt: Line | None) -> bool:
    """A line that grants coverage and leads in a list ("Renewal request - approve up to 12
    months when ALL apply:") right under a finished block that grants nothing: a
    statement of its own, though no blank line sets it apart."""
    return (
        bool(stack)
        and len(stack) == 1
        and stack[0].style == "para"
        and stack[0].text.rstrip().endswith(".")
        and line.text.rstrip().endswith(":")
        and line.text[:1].isupper()
        and bool(_APPROVES.search(line.text))
        and not _APPROVES.search(stack[0].text)
        and nxt is not None
        and _marker(nxt.text) is not None
    )
