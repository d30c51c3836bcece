"""A bound negated right before it ("growth hormone not suppressed below 1 ng/mL", "not
below 50", "must not be above 7"): the negation turns the comparison ("not below 1" is
"1 or more"). Read without it, a value that meets the criterion reads as failing it.
A negated range ("not between 2 and 4") is read by nobody: None, so the reader abstains.
A bound by a multiple of a normal limit is no value either: None.
A negation that denies what the bound defines ("does not have renal impairment (CrCl
below 30)") is left to measures.py's own reading of absence."""

from __future__ import annotations

import re

from pipeline.policy.criterion_terms import denied_before
from pipeline.policy.uln_multiples import has_multiple

_FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_RIGHT_BEFORE = re.compile(
    r"\b(?:not|never)\s+(?:(?:be|been|is|are|was|were)\s+)?(?:[a-z]+(?:ed|en)\s+)?$"
    r"|\bno\s+$",  # "no larger than 12 disc areas", "no greater than 5 mm": at most
    re.I,
)


def negated_op(text: str, start: int, op: str) -> str | None:
    """The bound's comparison as the criterion means it, None where it cannot be said
    (a multiple of a normal limit, "under 5 times normal", is a ratio: uln_multiples.py)."""
    if has_multiple(text):
        return None
    own = own_negation(text, start)
    if own == start or denied_before(text, own):
        return op
    return _FLIP.get(op)


def own_negation(text: str, start: int) -> int:
    """Where the bound's own negation begins ("was not below 135": at "not"), or ``start``
    where it has none: a denial before that point is another statement's ("does not have
    ..."), and the bound's own is no denial of what the bound defines."""
    right = _RIGHT_BEFORE.search(text[:start])
    return right.start() if right else start
