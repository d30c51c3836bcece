"""Headings no blank line sets apart: a condition's name between two paragraphs, and a
title over an indented block, a short line at the margin whose next lines are all set a
few characters further in, as monospaced exports print them (a ticket's "Scenario: X,
first request" over its indented "Given / When / Then" steps); the indentation sets it
apart."""

from __future__ import annotations

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker
from pipeline.policy.wording import _CONNECTOR_LINE

# how far in the block under a title is set: past the drift of a wrapped line (2), short
# of a column far to the right
_IN = (2, 8)


def unspaced_heading(lines: list[Line], at: int) -> bool:
    """``lines[at]`` is a heading though no blank line sets it apart."""
    prev = lines[at - 1] if at else None
    nxt = lines[at + 1] if at + 1 < len(lines) else None
    return heading_in_prose(prev, lines[at], nxt) or heads_indented_block(
        lines[at], lines[at + 1 : at + 3]
    )


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


def heads_indented_block(line: Line, below: list[Line]) -> bool:
    """``line`` titles the block of (at least two) lines under it: it is short, at the
    margin, ends no sentence or clause, and the next two lines, on its page, are set
    further in by the same few characters, the first starting a sentence."""
    words = line.text.split()
    if (
        line.indent > 4
        or not 2 <= len(words) <= 12
        or line.text.endswith((".", ",", ";", ":"))
        or not line.text[:1].isupper()
        or _marker(line.text) is not None
        or len(below) < 2
    ):
        return False
    first, second = below[0], below[1]
    low, high = line.indent + _IN[0], line.indent + _IN[1]
    return (
        all(x.page == line.page and not x.blank_before for x in (first, second))
        and low <= first.indent <= high
        and second.indent >= first.indent
        and first.text[:1].isupper()
        and _marker(first.text) is None
    )
