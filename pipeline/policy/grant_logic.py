"""The logic a granting lead-in states over its items ("all of", "either", "at least two
of", "every box below") and the request type of a branch that states none beside its
indication's one renewal: the lead-ins' reading (grant_lead_ins.py)."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.models import Indication

# "at least two of", "two or more of": a count of the items (not "at least 6 months")
_AT_LEAST = re.compile(r"\bat\s+least\s+(\w+)\s+of\b|\b(\w+)\s+or\s+more\s+of\b", re.I)
# "every one of the following sentences is true": each of them
_ALL_OF = re.compile(r"\b(?:all|each|both|(?:every|each)\s+one)\s+of\b", re.I)
_ANY_OF = re.compile(r"\b(?:any|either|one)\s+(?:one\s+)?of\b", re.I)
# a sentence counting a form's or table's own units ("when every numbered row is Met.", "All
# rows must be met; approval 6 months.", "I attest to both statements below."): it leads the
# rows after it, across the gap a ruled row leaves, and states their logic
UNITS_COUNTED = re.compile(
    r"\b(all|every|each|both|any|either|one)\b[^.;]{0,30}?\b(?:rows?|statements?|lines?|"
    r"boxes)\b",
    re.I,
)
_ALL = re.compile(r"\b(?:all|each|every|both)\b", re.I)
_ANY = re.compile(r"\b(?:any|either|one)\b", re.I)


def _logic(text: str) -> tuple[str, int] | None:
    """(op, n) the lead-in's words state, or None where they state none."""
    if (m := _AT_LEAST.search(text)) and (n := F.number((m.group(1) or m.group(2)).lower())):
        return ("any_of", 1) if n == 1 else ("at_least", n)
    for all_of, any_of in ((_ALL_OF, _ANY_OF), (_ALL, _ANY)):
        a, b = all_of.search(text), any_of.search(text)
        if a and (not b or a.start() > b.start() or a.end() >= b.end()):
            return "all_of", 0
        if b:
            return "any_of", 1
    return None


def counted_units(text: str) -> tuple[str, int] | None:
    """(op, n) a sentence counting the rows after it states ("Both rows must be met")."""
    if (m := UNITS_COUNTED.search(text)) is None:
        return None
    return ("any_of", 1) if m.group(1).lower() in {"any", "either", "one"} else ("all_of", 0)


def _typed(out: list[Indication]) -> None:
    """A branch of no stated request type beside its indication's one renewal is the first
    request ("We approve it for 6 months when ..." before "Yes, for 6 more months, ...")."""
    for ind in out:
        kinds = [b.request_type for b in ind.branches]
        if kinds.count("continuation") == 1 and kinds.count("any") == 1 and len(kinds) == 2:
            (first,) = [b for b in ind.branches if b.request_type == "any"]
            first.request_type = "initial"
            for node in first.node.nodes():  # "L1.any.2" → "L1.initial.2", as read
                node.id = node.id.replace(".any", ".initial", 1)
