"""Logic written inside one item's sentence, read as a group of the criteria it names.

Prose policies put a whole small tree in one numbered paragraph: "The member is 6 months
of age or older and either (a) X, or (b) Y" (a criterion and an either-or), "(ii) either
A, or B" (an either-or with no labels), "Both of the following apply: A; and B" (a lead-in
over criteria set off by semicolons), "... when all of the following are met: A; B; and C,
shown by at least one of (i) ..., (ii) ..., or (iii) ..." (each part read again the same
way). Only where the sentence states its logic (a lead-in, "either", one connector before
the last part) is it cut; otherwise the item stays one criterion.
"""

from __future__ import annotations

import re

from pipeline.policy.inline_lists import split_inline
from pipeline.policy.outline import Item
from pipeline.policy.runon import expand_runon

# "X and either", "X, and one of": a criterion of its own before the enumerated group
_HEAD_AND = re.compile(r"^(?P<head>.+?)[,;]?\s+and\s+(?P<rest>either|(?:at least )?one of)$", re.I)
# "Both of the following apply: A; and B" / "with all of the following are met: A; B; and C"
_SEMI_LEAD = re.compile(
    r"^(?P<lead>.*?\b(?:both|all|either|any|one|two|three|at least (?:one|two|three))"
    r" of the following(?:\s+\w+){0,3}\s*:)\s*(?P<rest>.+)$",
    re.I,
)
_SEMI = re.compile(r";\s*(?:(?:and|or)\s+)?", re.I)
_EITHER = re.compile(r"^either\s+(?P<rest>.+)$", re.I)
_MIN_WORDS = 3
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_LABELLED = re.compile(r"(?:^|\s)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s")


def _words_enough(parts: list[str]) -> bool:
    return len(parts) >= 2 and all(len(p.split()) >= _MIN_WORDS for p in parts)


def _child(text: str, item: Item, label: str = "") -> Item:
    child = Item("inline", label, text.strip(" ;,."), item.page, item.indent + 4, item.section)
    expand_inline(child)
    return child


def _either(item: Item) -> bool:
    """An either-or of the parts the commas before "or" set off ("either A, or B")."""
    if not (m := _EITHER.match(item.text)):
        return False
    parts = [p.strip() for p in re.split(r",\s+or\s+", m.group("rest").rstrip(" ;,."))]
    if not _words_enough(parts):
        return False
    item.text = "either"
    item.children = [_child(p, item) for p in parts]
    for c in item.children[:-1]:
        c.joined = "OR"
    return True


def _semicolons(item: Item) -> bool:
    """A lead-in over its semicolon parts ("Both of the following apply: A; and B")."""
    if not (m := _SEMI_LEAD.match(item.text)):
        return False
    parts = [p.strip() for p in _SEMI.split(m.group("rest").rstrip(" ;,.")) if p.strip()]
    if not _words_enough(parts) or _LABELLED.search(parts[0]):
        return False  # "One of the following: (1) X; (2) Y": labelled parts (split_inline)
    last = _SENTENCE_END.search(parts[-1])
    if last:
        # a sentence after the last part ("A member new to the Plan ... is reviewed under
        # this section") is a note on the item, no criterion's words
        item.notes.append(parts[-1][last.end() :].strip())
        parts[-1] = parts[-1][: last.start()]
    item.text = m.group("lead").strip()
    item.children = [_child(p, item) for p in parts]
    return True


def expand_inline(item: Item) -> None:
    """Make an item with no sub-items a group where its sentence enumerates criteria."""
    if item.children or expand_runon(item) or _semicolons(item):
        # "A; AND B; AND one of the following applies: C; OR D" (runon.py) first: its
        # lead-in sits mid-run, not over the item
        return
    if (inline := split_inline(item.text)) is not None:
        lead, parts, word = inline
        kids = [_child(text, item, label) for label, text in parts]
        for child in kids[:-1]:
            child.joined = word
        head = _HEAD_AND.match(lead)
        if head and len(head.group("head").split()) >= _MIN_WORDS:
            # "The member is 6 months of age or older and either (a) ..., or (b) ...": the
            # words before "and" a criterion, the labelled parts the group beside it
            group = Item("inline", "", head.group("rest"), item.page, item.indent + 4, item.section)
            group.children = kids
            first = Item("inline", "", head.group("head"), item.page, item.indent + 4, item.section)
            first.joined = "AND"
            item.text, item.children = lead, [first, group]
        else:
            item.text, item.children = lead, kids
        return
    _either(item)
