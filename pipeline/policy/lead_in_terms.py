"""The approval's term a granting lead-in states ("for 6 months", "for 6 more months"), or
where it states none, the term its section states before it: a sentence of the section's
own between its title and the lead-in ("Coverage lasts 12 months.", "Approval period: 6
months"), as a protocol or a guideline box states it apart from its criteria."""

from __future__ import annotations

import re

from pipeline.policy.grant_words import grant_words
from pipeline.policy.layout_text import Line
from pipeline.policy.units import figures_only

_DURATION = re.compile(
    r"(?<!least )(?<!within )(?<!last )(?<!past )\b(?P<n>\d{1,2}|one|two|three|four|six|"
    r"twelve)\s*-?\s*(?:(?:more|further|additional)\s+)?(?P<u>months?|weeks?|years?|days?)\b",
    re.I,
)


def term(text: str) -> str | None:
    """The approval's term a lead-in states ("for 6 months", "for 6 more months", "for
    twelve (12) months"): one after "for" first ("At the 6-month visit, renewed for 12
    months")."""
    text = figures_only(text)
    found = list(_DURATION.finditer(text))
    m = next((x for x in found if text[: x.start()].rstrip().endswith("for")), None)
    m = m or (found[0] if found else None)
    return None if m is None else re.sub(r"\s+(?:more|further|additional)\s+", " ", m.group(0))


def section_term(lines: list[Line], at: int, floor: int, reach: int) -> str | None:
    """The term a granting line of the section states above the lead-in at ``at``, no
    further back than ``floor`` or ``reach`` lines."""
    for k in range(at - 1, max(floor, at - reach) - 1, -1):
        text = lines[k].text
        if grant_words(text) and (found := term(text)) is not None:
            return found
    return None
