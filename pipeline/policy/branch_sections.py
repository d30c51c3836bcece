"""Condition headings over branch headings: "Atopic Dermatitis" → "Initial Therapy" →
statement and criteria, then "Continuation of Therapy" → statement and criteria. The
condition heading names the indication; each branch heading's statement is one branch."""

from __future__ import annotations

from pipeline.policy.condition_vocabulary import document_heading
from pipeline.policy.indications import _indication
from pipeline.policy.models import Indication
from pipeline.policy.outline import Item
from pipeline.policy.verbatim import PageText
from pipeline.policy.wording import _BY_PATIENT, _CONTINUATION, _INITIAL, _NOT_CRITERIA


def branch_kind(heading: str) -> str | None:
    """The request type a branch heading names ("Initial Therapy", "Continuation of
    Therapy", "Reauthorization"), or None for any other heading."""
    if len(heading.split()) > 6:
        return None
    if _INITIAL.match(heading):
        return "initial"
    if _CONTINUATION.match(heading) and not _BY_PATIENT.match(heading):
        return "continuation"
    return None


def condition_heading(item: Item) -> str:
    """The nearest heading above the item's branch heading that is no branch heading
    itself and no section of prose (a condition's name), or ""."""
    for head in reversed(item.above):
        if branch_kind(head) is None:
            # a document's own heading ("Medical Necessity Criteria") names no condition
            generic = _NOT_CRITERIA.match(head.strip()) or document_heading(head)
            return "" if generic else head
    return ""


def branch_indication(
    item: Item,
    ind_id: str,
    kind: str,
    last: Indication | None,
    pages: PageText,
    problems: list[str],
) -> tuple[Indication, bool]:
    """The indication a statement under a branch heading belongs to, and whether it is a
    new one. Under a condition heading it starts that condition's indication; a branch
    with no condition heading of its own ("Continuation of Therapy" after the condition's
    initial criteria) joins the indication read last."""
    ind = _indication(item, ind_id, kind, pages, problems)
    cond = condition_heading(item)
    if cond:
        ind.name = cond
        ind.request_type = "any"
        return ind, True
    if last is not None and kind == "continuation":
        last.branches.extend(ind.branches)
        return last, False
    return ind, True
