"""Condition names printed where no heading stands alone: a bold run-in label that opens
its lead-in on the same line ("Rheumatoid arthritis: The member must meet all of the
following criteria:"), a numbered condition name in sentence case ("1. Plaque psoriasis")
over a branch heading, a criteria label that names the condition ("Medical Criterion for
postmenopausal osteoporosis:"), and a run-in that points at the conditions not named
again ("All other conditions in section I:").

A label is a condition's by its words (the ICD-10-CM vocabulary, as sections.py reads
headings), never by a list of conditions; the section reader decides what follows it.
"""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.outline import Line
from pipeline.policy.wording import _APPROVES, _OF_THE_FOLLOWING

# "Rheumatoid arthritis: The member must ...": a short label, a colon, then a sentence.
_RUN_IN = re.compile(r"^([A-Z][^:.;]{2,80}?):\s+(\S.*)$")
# "All other conditions in section I:", "Any other indication listed above:"
_OTHERS = re.compile(
    r"^(?:all|any|every|each)\s+other\s+(?:covered\s+)?(?:indications?|conditions?|"
    r"diagnos[ei]s|uses)\b",
    re.I,
)
_MARK = re.compile(r"^(?:[A-Z]|[IVX]{1,4}|\d{1,2})[.)]\s+")


def run_in(line: Line) -> tuple[str, str] | None:
    """(label, lead-in) for a run-in label at the margin that opens a criteria lead-in
    on its own line; None otherwise."""

    m = _RUN_IN.match(line.text)
    if m is None or line.indent > 4:
        return None
    label, rest = m.group(1).strip(), m.group(2).strip()
    if len(label.split()) > 8 or not rest.endswith(":"):
        return None
    if not (_OF_THE_FOLLOWING.search(rest) or _APPROVES.search(rest)):
        return None
    if _OTHERS.match(label) or names_condition(label):
        return label, rest
    return None


def names_others(label: str) -> bool:
    """The label points at every condition not given this branch by name."""
    return bool(_OTHERS.match(label))


def plain_condition(line: Line) -> str | None:
    """A marked condition name at the margin in sentence case ("1. Plaque psoriasis"):
    the name, which heads a section only where a branch heading follows it."""

    m = _MARK.match(line.text)
    if m is None or line.indent > 4:
        return None
    name = line.text[m.end() :].strip()
    words = name.split()
    if not (1 <= len(words) <= 8) or not name[:1].isupper() or name.endswith((".", ",", ";", ":")):
        return None
    return name if names_condition(name) else None


_CRITERIA_LABEL = re.compile(r"^(?:\w+\s+){0,2}criteri(?:on|a)\s+for\s+(.+?):\s*$", re.I)


def criteria_label(text: str) -> str | None:
    """'Medical Criterion for postmenopausal osteoporosis:': a lead-in with no logic words
    that names what its criteria are for (that name)."""
    m = _CRITERIA_LABEL.match(text.strip())
    return m.group(1) if m and len(text.split()) <= 14 else None
