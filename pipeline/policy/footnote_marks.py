"""Criteria defined in notes: a criterion printed with a mark ("E. Iron burden high enough
to start chelation*", "Safety monitoring current‡") whose conditions are a note under the
list ("* Iron burden high enough to start chelation means all of the following:" over
"(1) ..." / "(2) ..."). The marked criterion is a group: the note's lead-in gives its
logic, the note's items its criteria.

The notes are taken out of the lines before the outline is read (a note is no criterion of
the list above it, and its items no criteria of the last item), and put back under the
criteria that carry their marks once the tree is compiled. A mark is matched to the first
note with that mark on the criterion's page or after it, preferring the note whose defined
words are the criterion's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy.letter_criteria import _ITEM
from pipeline.policy.models import PolicyNode, PolicyTree
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _root
from pipeline.policy.verbatim import PageText

# a note's mark: "*", "**", "†", "‡", "¶", "§" before words (not "§ 4.2", a rule's section)
_MARK = r"(?:\*{1,3}|†{1,2}|‡{1,2}|¶)"
_NOTE = re.compile(rf"^({_MARK})\s*(?=[A-Za-z])(.+)$")
# what a note does with its words: "X means all of the following:", "X is defined as ..."
_DEFINES = re.compile(
    r"\b(?:means?|is defined as|are defined as|refers? to|requires?|includes?|consists? of)\b"
    r".*:\s*$",
    re.I,
)
_MARKED = re.compile(rf"^(.*?\S)\s?({_MARK})[.;,]?$")


@dataclass
class Note:
    mark: str
    term: str  # the words the note defines ("Iron burden high enough to start chelation")
    page: int
    lead: Line
    items: list[Line] = field(default_factory=list)


def split_notes(lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """The lines without the notes that define marked criteria, and those notes."""
    kept: list[Line] = []
    notes: list[Note] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        m = _NOTE.match(line.text)
        if m is None or line.indent > 4:
            kept.append(line)
            at += 1
            continue
        lead, end = [m.group(2)], at + 1
        while (
            end < len(lines)
            and not lead[-1].endswith(":")
            and lines[end].indent <= line.indent + 4
            and not lines[end].blank_before
            and not _ITEM.match(lines[end].text)
            and not _NOTE.match(lines[end].text)
        ):
            lead.append(lines[end].text)
            end += 1
        text = " ".join(lead)
        items_end = end
        while (
            items_end < len(lines)
            and lines[items_end].indent > line.indent
            and not _NOTE.match(lines[items_end].text)
        ):
            items_end += 1
        if not _DEFINES.search(text) or items_end == end:
            kept.append(line)
            at += 1
            continue
        term = re.split(r"\s+(?:means?|is defined|are defined|refers?|requires?)\b", text)[0]
        head = Line(line.page, line.indent, " ".join(x.text for x in lines[at:end]))
        notes.append(Note(m.group(1), term.strip(), line.page, head, lines[end:items_end]))
        at = items_end
    return kept, notes


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _note_for(leaf: PolicyNode, notes: list[Note]) -> Note | None:
    m = _MARKED.match(leaf.text)
    if m is None:
        return None
    after = [n for n in notes if n.mark == m.group(2) and n.page >= leaf.page]
    own = [n for n in after if _words(n.term) == _words(m.group(1))]
    return (own or after or [None])[0]


def _expand(node: PolicyNode, notes: list[Note], pages: PageText, problems: list[str]) -> None:
    for k, child in enumerate(node.children):
        if child.op != "leaf":
            _expand(child, notes, pages, problems)
            continue
        note = _note_for(child, notes)
        if note is None:
            continue
        group = _root(_Branch("any", note.lead, lines=note.items), child.id, pages, problems)
        if group is None or group.op == "leaf":
            continue
        # the marked criterion is the group, on its own page; its notes say where the
        # conditions are printed
        node.children[k] = group.model_copy(
            update={
                "label": child.label,
                "text": child.text,
                "page": child.page,
                "verified": child.verified,
                "notes": [*child.notes, note.lead.text],  # the note's lead-in, as printed
            }
        )


def expand_marks(tree: PolicyTree, notes: list[Note], pages: PageText) -> None:
    """Each marked criterion of the tree's branches read as its note's group."""
    if not notes:
        return
    problems: list[str] = []
    for ind in tree.indications:
        for branch in ind.branches:
            _expand(branch.node, notes, pages, problems)
    tree.problems.extend(problems)
