"""Exclusions stated as a refusing lead-in over marked items, wherever the sentence stands:
a committee's limits ("The committee agreed that the plan will not cover:"), an answer
("Q6. What won't we cover?" / "A. Neither drug is covered for:"), a memo's sentence; or
marked items under a heading of any words ("Notes") that each refuse ("X is not funded.").

Read with the granting lead-ins' sentence and item finders (grant_lead_ins.py), where that
reading gives the policy's indications: the outline reads such a list as exclusions only
where it heads a section of its own ("Exclusions", "Limitations"), and a list nested under
a numbered agenda item or an answer label is none.
"""

from __future__ import annotations

from pipeline.policy.exclusions import _exclusion
from pipeline.policy.grant_lead_ins import items_end
from pipeline.policy.grant_words import COVERAGE, REFUSES
from pipeline.policy.lead_in_sentences import _is_heading, lead_sentence
from pipeline.policy.list_labels import _marker
from pipeline.policy.models import Exclusion
from pipeline.policy.outline import Line, outline
from pipeline.policy.verbatim import PageText

_TITLE_WORDS = 16


def refused_items(lines: list[Line], pages: PageText) -> list[Exclusion]:
    """One exclusion per item under each refusing lead-in: one ending in a colon, or in a
    full stop saying which items count ("A member who meets any of these may not enrol.")."""
    out: list[Exclusion] = []
    at = 0
    while at < len(lines):
        read = lead_sentence(lines, at)
        if read is None:
            at = _refusing_list(lines, at, pages, out)
            continue
        text, start = read
        if not (REFUSES.search(text) and COVERAGE.search(text)):
            at = start
            continue
        end = items_end(lines, start, lines[at])
        if not any(_marker(x.text) for x in lines[start:end]):
            at = start
            continue
        for item in outline(lines[start:end]):
            out.append(_exclusion(item, f"R{len(out) + 1}", pages))
        at = end
    return out


def _refusing_list(lines: list[Line], at: int, pages: PageText, out: list[Exclusion]) -> int:
    """A heading of any words ("Notes") over marked items that each refuse ("X is not
    subsidised.", "Y is not covered."): one exclusion per item; the index to read on from."""
    if not (_is_heading(lines[at]) or _refusing_title(lines[at])) or at + 1 >= len(lines):
        return at + 1
    end = items_end(lines, at + 1, lines[at])
    items = outline(lines[at + 1 : end])
    marked = _marker(lines[at + 1].text) is not None
    refused = _refusing_title(lines[at]) or all(REFUSES.search(x.text) for x in items)
    if not marked or len(items) < 2 or not refused:
        return at + 1
    for item in items:
        out.append(_exclusion(item, f"R{len(out) + 1}", pages))
    return end


def _refusing_title(line: Line) -> bool:
    """A title that refuses what its items list ("Not on any pathway (not covered)", "HARD
    STOP - the order is rejected when any of these is true"): unmarked, no sentence ended."""
    text = line.text.strip()
    return (
        _marker(text) is None
        and text[-1:] not in ".;,"
        and len(text.split()) <= _TITLE_WORDS
        and bool(REFUSES.search(text))
    )
