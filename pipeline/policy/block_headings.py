"""Titles over indented blocks: a short line at the margin whose next lines are all set a
few characters further in, as monospaced exports print them (a ticket's "Scenario: X,
first request" over its indented "Given / When / Then" steps, a record's "Renewal" over
its indented fields). No blank line sets such a title apart; the indentation does."""

from __future__ import annotations

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker

# how far in the block under a title is set: past the drift of a wrapped line (2), short
# of a column far to the right
_IN = (2, 8)


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
