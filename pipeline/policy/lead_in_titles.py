"""A marked condition name over a criteria lead-in of its own: "A. Autosomal dominant
polycystic kidney disease (Brand)" / "Clinical criteria (must meet all):" / items. The
lead-in may carry its logic in a parenthesis at its end ("(must meet all)", "(one
required)", "(both required)") rather than in "all of the following".

The name is a condition's by its words (condition_labels.plain_condition), and it heads a
section only where it is one of a list of such titles: a sibling with the next label
further on, or a sibling read just before it. A numbered criterion over its own lead-in
("1. Diagnosis of X confirmed by one of the following:") has no such sibling title.
"""

from __future__ import annotations

import re

from pipeline.policy.condition_labels import plain_condition
from pipeline.policy.list_labels import next_label
from pipeline.policy.logic_notes import terse_logic
from pipeline.policy.outline import Line
from pipeline.policy.wording import _APPROVES, _OF_THE_FOLLOWING

_MARK = re.compile(r"^(?:([A-Z])|([IVX]{1,4})|(\d{1,2}))[.)]\s+")


def lead_in(text: str) -> bool:
    """A line that introduces a list and says how its items combine: "Clinical criteria
    (must meet all):", "Evidence of X (one required):", "... all of the following:"."""
    text = text.strip()
    if not text.endswith(":") or len(text.split()) > 40:
        return False
    return bool(_OF_THE_FOLLOWING.search(text) or _APPROVES.search(text) or terse_logic(text, 2))


def _label(line: Line) -> str | None:
    m = _MARK.match(line.text)
    return None if m is None else m.group(1) or m.group(2) or m.group(3)


def titles_lead_in(lines: list[Line], at: int, before: list[str]) -> bool:
    """``lines[at]`` is a marked condition name whose next line, unmarked at its margin,
    is a criteria lead-in, and a sibling title stands before (its label in ``before``) or
    after it (the next label, at the same margin, a condition name too)."""
    line = lines[at]
    label = _label(line)
    if label is None or at + 1 >= len(lines) or plain_condition(line) is None:
        return False
    nxt = lines[at + 1]
    if _MARK.match(nxt.text) or abs(nxt.indent - line.indent) > 2 or not lead_in(nxt.text):
        return False
    if any(next_label(x, label) for x in before):
        return True
    for later in lines[at + 2 :]:
        other = _label(later)
        if other is None or abs(later.indent - line.indent) > 1:
            continue
        return next_label(label, other) and plain_condition(later) is not None
    return False
