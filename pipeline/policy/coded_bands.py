"""A band naming a use only by its ICD-10 code and description ("ICD-10 I50.22 - Chronic
systolic (congestive) heart failure, adults", "ICD-10-CM M04.2: Cryopyrin-associated periodic
syndromes"): the heading of that use's section wherever it is printed, with or without
space before it, as a marked heading is (sections.py). Its condition is the description
(title_condition.py drops the code label)."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.layout_text import Line

_BAND = re.compile(
    r"^ICD-?10(?:-CM)?(?:\s+codes?)?:?\s+[A-TV-Z]\d{2}(?:\.\w{1,4})?\s*[-–—:]\s+(?P<name>\S.*)$",
    re.I,
)


def coded_band(text: str) -> bool:
    """The line is a code and the description of a condition."""
    m = _BAND.match(text.strip())
    return m is not None and names_condition(m.group("name"))


def section_starts(line: Line, marked: bool) -> bool:
    """A line that may open a section: after space, at a page's top, far right, marked, or a
    coded band."""
    return (
        line.blank_before or line.page_start or line.indent >= 20 or marked or coded_band(line.text)
    )
