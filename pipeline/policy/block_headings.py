"""Headings no blank line sets apart: a condition's name between two paragraphs. (A title
over an indented block, a ticket's "Scenario: X, first request" over its Given / When /
Then steps, is read by grant_lead_ins.py with its grant line and condition step: read here
as a heading too, it took the block before that reading, and the block lost its approval
length and the condition's other name.)"""

from __future__ import annotations

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker
from pipeline.policy.wording import _CONNECTOR_LINE


def unspaced_heading(lines: list[Line], at: int) -> bool:
    """``lines[at]`` is a heading though no blank line sets it apart."""
    prev = lines[at - 1] if at else None
    nxt = lines[at + 1] if at + 1 < len(lines) else None
    return heading_in_prose(prev, lines[at], nxt)


def heading_in_prose(prev: Line | None, line: Line, nxt: Line | None) -> bool:
    """A condition's name set between two paragraphs with no space around it ("Crohn's
    Disease" after a paragraph's last sentence, before the next paragraph's long first
    line): a short title-case line at the margin where a paragraph's line would be long or
    end a sentence."""
    if prev is None or nxt is None or line.page != prev.page or nxt.page != line.page:
        return False
    text = line.text
    words = text.split()
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return (
        1 <= len(words) <= 6
        and line.indent <= 2
        and abs(nxt.indent - line.indent) <= 2
        and text[0].isupper()
        and not text.endswith((".", ",", ";", ":"))
        and bool(long_words)
        and all(w[0].isupper() for w in long_words)
        and prev.text.rstrip().endswith(".")
        and nxt.text[:1].isupper()
        and len(nxt.text) >= max(60, 3 * len(text))
        and not _CONNECTOR_LINE.match(text)
        and _marker(nxt.text) is None
    )
