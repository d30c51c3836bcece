"""A document heading that names no condition ("Coverage Criteria", "B. POLICY:",
"Prior Authorization Criteria") read as a marked item holding the policy's condition
sections: its children are the policy's items, read as if set at the root."""

from __future__ import annotations

from pipeline.policy.condition_vocabulary import generic_heading
from pipeline.policy.outline import _BULLETS, Item
from pipeline.policy.wording import _APPROVES, _CONTINUATION, _INITIAL


def unwrap_generic(roots: list[Item]) -> list[Item]:
    """Each root item that is a generic heading over two or more ordered items (a list of
    sections, not a bullet list of criteria) gives way to its children."""
    out: list[Item] = []
    for item in roots:
        kids = item.children
        if (
            len(kids) >= 2
            and generic_heading(item.text)
            and not _APPROVES.search(item.text)
            and all(k.style not in _BULLETS and k.children for k in kids)
        ):
            for kid in kids:
                kid.heading = kid.heading or item.heading
                _resection(kid, item.section, item.text)
            out.extend(unwrap_generic(kids))
        else:
            out.append(item)
    return out


def branched_condition(item: Item) -> bool:
    """A condition's section as a marked item ("1. Plaque psoriasis") whose sub-items are
    its branches ("A. Initial Approval Criteria: ... is approved when ...", "B. Renewal"):
    an indication named by the item, its branches read from those sub-items."""
    if item.style == "para" or generic_heading(item.text) or len(item.text.split()) > 12:
        return False
    if _APPROVES.search(item.text) or _INITIAL.match(item.text) or _CONTINUATION.match(item.text):
        return False
    typed = [c for c in item.children if _INITIAL.match(c.text) or _CONTINUATION.match(c.text)]
    return bool(typed) and all(c.children for c in typed)


def _resection(item: Item, old: str, new: str) -> None:
    """The heading's items belong to its section, not to the one above it (a
    "Description" heading over the marked "B. Coverage Criteria")."""
    if item.section == old:
        item.section = new
    for kid in item.children:
        _resection(kid, old, new)
