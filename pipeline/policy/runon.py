"""Criteria written as one run-on paragraph without markers, each joined to the next by a
semicolon and its connector: "Member is 18 years of age or older; AND member has a
diagnosis of X; AND one of the following applies: A; OR B; AND prescribed by a specialist."

Each part between "; AND" / "; OR" is a criterion. A part that opens with a lead-in ("one
of the following applies:") starts a group of the parts the lead-in's logic joins ("; OR"
for "one of", "; AND" for "all of"); the group ends where the other connector returns.
Where the connectors mix and no lead-in says how ("A; AND B; OR C"), the paragraph is left
whole: the decision guard keeps such an item from deciding alone (decide.runs_on).
"""

from __future__ import annotations

import re

from pipeline.policy.outline import Item
from pipeline.policy.wording import _OF_THE_FOLLOWING

# "; AND " / "; or ": a semicolon and the connector joining the next criterion to this one
_JOIN = re.compile(r";\s*(AND|OR|and|or)\s+(?=\S)")
# a part that opens a group: "one of the following applies: beneficiary has ..."
_LEAD = re.compile(
    r"^(?P<lead>[^:;]{0,80}?\bof the following\b[^:;]{0,30}:)\s*(?P<rest>\S.*)$", re.I
)
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")  # not "U.S. Food", "e.g. X"
_MIN_JOINS = 2  # one "; and" ends many a sentence: two make a run of criteria
_MIN_WORDS = 2


def _group_word(lead: str) -> str | None:
    """ "OR" / "AND": the connector a lead-in's logic joins its parts by, None for others
    ("two of the following": no connector says where such a group ends)."""
    m = _OF_THE_FOLLOWING.search(lead)
    if not m:
        return None
    word = (m.group(2) or m.group(4) or m.group(5) or "").lower()
    if m.group(1) or m.group(3):
        return None
    if word in {"all", "both"}:
        return "AND"
    if word in {"one", "any", "either"}:
        return "OR"
    return None


def _leaf(text: str, item: Item) -> Item:
    return Item("inline", "", text.strip(" ;,."), item.page, item.indent + 4, item.section)


def runon_parts(item: Item) -> list[Item] | None:
    """The criteria of a run-on paragraph, in order, each with ``joined`` set to the
    connector after it (a group of a lead-in is one of them), or None where the item is
    no such paragraph or its logic is not stated."""
    if item.children:
        return None
    pieces = _JOIN.split(" ".join(item.text.split()))
    if len(pieces) < 2 * _MIN_JOINS + 1:
        return None
    parts = [p.strip(" ;,") for p in pieces[0::2]]
    joins = [w.upper() for w in pieces[1::2]]
    if any(len(p.split()) < _MIN_WORDS for p in parts) or _LEAD.match(parts[0]):
        # "One of the following: A; or B; or C": a lead-in over the whole item is read by
        # its own reader (inline_logic._semicolons)
        return None
    out: list[Item] = []
    group: Item | None = None
    word = ""
    for i, part in enumerate(parts):
        before = joins[i - 1] if i else ""
        after = joins[i] if i < len(joins) else ""
        if group is not None and before != word:
            group = None  # the other connector: the group has ended
        if group is None and (lead := _LEAD.match(part)):
            word = _group_word(lead.group("lead")) or ""
            if not word:
                return None
            group = _leaf(lead.group("lead"), item)
            group.text = lead.group("lead").strip()
            out.append(group)
            part = lead.group("rest")
        target = group.children if group is not None else out
        target.append(_leaf(part, item))
        if group is not None and after == word:
            target[-1].joined = after
        elif after:
            # the connector after the group (or a top-level part) joins it to the next
            out[-1].joined = after
    tops = {x.joined for x in out[:-1]}
    if len(tops) != 1:
        return None  # "A; AND B; OR C": which binds first is not said
    last = out[-1].children[-1] if out[-1].children else out[-1]
    if end := _SENTENCE_END.search(last.text):
        # a sentence after the last criterion ("... a hematologist. Approve for 6 months."):
        # a note on it, no criterion's words
        last.notes.append(last.text[end.end() :].strip())
        last.text = last.text[: end.start()]
    return out


def spread_runons(items: list[Item]) -> list[Item]:
    """``items`` with a run-on paragraph among them replaced by its criteria: a branch whose
    only criteria are one such paragraph lists them as its own."""
    out: list[Item] = []
    for item in items:
        parts = runon_parts(item)
        if parts is None:
            out.append(item)
            continue
        for part in parts:
            part.heading, part.above = item.heading, item.above
        out.extend(parts)
    return out


def expand_runon(item: Item) -> bool:
    """Make a run-on paragraph a group of its criteria (its text stays as printed, so the
    group is found on its page); False where it is none."""
    parts = runon_parts(item)
    if parts is None:
        return False
    item.children = parts
    return True
