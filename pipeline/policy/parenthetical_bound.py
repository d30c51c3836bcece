"""A criterion that ends with its own measurable definition in parentheses ("No uncontrolled
diabetes (HbA1c at or below 8%)", "Severe hypertension (180/110 mmHg or higher)"): the
words name the state, the parentheses say how it is measured, so what code reads of the
parenthesized bound is the criterion's reading, met or not met.

Only a last parenthetical with a bound of its own, after words that state none: an example
("(e.g., HbA1c above 9%)") or an exception ("(unless ...)") defines nothing, and a bound
outside the parentheses is the criterion's own, read by the measurement rules."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.policy.criterion_bounds import bounds
from pipeline.policy.models import Found

_LAST = re.compile(r"^(?P<head>[^()]*[A-Za-z][^()]*)\((?P<inner>[^()]+)\)\s*\.?\s*$")
_NOT_DEFINITION = re.compile(
    r"^\s*(?:e\.g\.|eg\b|for example|such as|including|includes|unless|except|other than|"
    r"or\b|and\b|see\b|if\b|when\b|per\b)",
    re.I,
)


def judge_parenthetical_bound(text: str, read: Callable[[str], Found | None]) -> Found | None:
    m = _LAST.match(text.strip())
    if not m or _NOT_DEFINITION.match(m.group("inner")) or bounds(m.group("head")):
        return None
    inner = m.group("inner").strip()
    if not bounds(inner) or not re.match(r"[A-Za-z]", inner):
        return None  # "(5 mL)": a quantity restated, not a measurement named
    found = read(inner)
    if found is None:
        return None
    status, cited, reason = found
    return status, cited, f"{reason} (the measure the criterion gives in parentheses)"
