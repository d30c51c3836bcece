"""A criterion with an exception after it ("Member has taken an ACE inhibitor or ARB for at
least 90 days, unless both are contraindicated"): the exception only widens it, so the
requirement before ", unless" read as met meets the whole; read as not met it decides
nothing (the exception, not read here, may hold).
A dose said to be the highest tolerated ("at the highest tolerated dose") is left out of the
requirement only where the fact that meets it says so too ("the highest dose tolerated")."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.models import CaseFact
from pipeline.policy.models import Found

_UNLESS = re.compile(r",?\s+unless\s+\S.*$", re.I)
_TOP_DOSE = re.compile(
    r"\s+at\s+(?:the|a|their|his|her)\s+(?:highest|maximum|maximally|max)\s+tolerated\s+dose\b",
    re.I,
)
_SAID_TOP = re.compile(
    r"\b(?:highest|maximum|maximal(?:ly)?|max)\s+(?:dose\s+)?tolerated\b|"
    r"\b(?:highest|maximum|maximal(?:ly)?)\s+tolerated\s+dose\b",
    re.I,
)


def read_unless(
    text: str, facts: list[CaseFact], read: Callable[[str], Found | None]
) -> Found | None:
    m = _UNLESS.search(text)
    if not m or m.start() == 0:
        return None
    asked = text[: m.start()].strip()
    top = _TOP_DOSE.search(asked)
    if top:
        asked = (asked[: top.start()] + asked[top.end() :]).strip()
    found = read(asked)
    if found is None or found[0] != "met":
        return None
    if top:
        cited = {f.id: f.text for f in facts}
        if not any(_SAID_TOP.search(cited.get(i, "")) for i in found[1]):
            return None  # the dose is not said to be the highest tolerated
    return "met", found[1], f"{found[2]} (the exception after 'unless' not needed)"
