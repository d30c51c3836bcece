"""A section of requirements shared by every indication after it, cited by each one's
lead-in (issue 25): "3. Requirements for facilities and physicians" over its items, then per
disease "Use in patients who meet all of (1) to (4) below, together with chapter 3." The
cited section's items are criteria of each lead-in citing it, after its own items."""

from __future__ import annotations

import re

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker

# "together with chapter 3", "as well as the requirements in section 2", "plus part 1",
# "and the conditions of chapter 3": the one test of a lead-in citing a shared section
# (read here and by chapter_subsections.py)
CITED_SECTION = re.compile(
    r"\b(?:together\s+with|along\s+with|as\s+well\s+as|in\s+addition\s+to|plus|and)\s+"
    r"(?:(?:all\s+)?the\s+\w+\s+(?:in|of)\s+)?"
    r"(?:chapter|section|part)\s+(\d{1,2})\b",
    re.I,
)


def cited_section_lines(text: str, lines: list[Line]) -> list[Line]:
    """The item lines of the numbered section a lead-in's words add to its own items (the
    lines indented under the section's numbered heading); none where it cites none."""
    if (m := CITED_SECTION.search(text)) is None:
        return []
    for k, line in enumerate(lines):
        mark = _marker(line.text)
        if mark is None or mark[0] != "num" or mark[1] != m[1]:
            continue
        items: list[Line] = []
        for x in lines[k + 1 :]:
            if x.indent <= line.indent:
                break
            items.append(x)
        if items and _marker(items[0].text) is not None:
            return items
    return []
