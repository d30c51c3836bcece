"""A criterion of two statements joined by a bare comma ("Liver tests done at least every
3 months, ALT and AST under 5 times normal"): read as both only where code reads each
statement on its own. Met where both are met, not met where one is not met and the other
was read too; otherwise nothing (a list or a qualifier after the comma is not a second
statement, and code that reads half of it decides nothing)."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.policy.models import Found

# a comma that starts a list item or an alternative ("A, B, or C"), not a new statement
_JOINED = re.compile(r"^\s*(?:or|and|nor|either|such as|e\.g\.|including|unless|except)\b", re.I)


def read_comma_statements(text: str, read: Callable[[str], Found | None]) -> Found | None:
    parts = [p.strip(" .;") for p in text.split(",")]
    if len(parts) != 2 or any(len(p.split()) < 3 for p in parts):
        return None
    if _JOINED.match(parts[1]) or re.search(r"\b(?:or|and)\s*$", parts[0], re.I):
        return None
    found = [read(p) for p in parts]
    if any(f is None for f in found):
        return None
    done = [f for f in found if f is not None]
    failed = next((f for f in done if f[0] == "not_met"), None)
    if failed is not None:
        return "not_met", failed[1], f"one statement not met: {failed[2]}"
    if all(f[0] == "met" for f in done):
        cited = list(dict.fromkeys(i for f in done for i in f[1]))[:3]
        return "met", cited, "; ".join(f[2] for f in done)
    return None
