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
    if not _RIGHT_BEFORE.search(text[:start]) or denied_before(text, start):
        return op
    return _FLIP.get(op)
