"""Conditions in numbered sub-sections of numbered chapters (a guideline in the Japanese
ministry style): "4. Patients eligible for treatment" over "4-1 Cryopyrin-associated periodic
syndromes" / "4-2 Still's disease", each with its lead-in and items; the continuation rules
in a later chapter ("6. Points to note on continued administration") whose sub-sections
"6-1 <condition>: continue ... when both of the following are confirmed." point back to the
condition they continue.

A sub-section is a condition's when its title (before any colon) names a condition
(names_condition) and a list follows; its branch is the continuation where its chapter's
heading or its own statement says so by a branch word (branch_names.CONTINUED_WORDS), the
initial otherwise. A continuation is tied back to the initial sub-section naming the same
condition, else to the one with its own sub-number in the earlier chapter (6-1 <-> 4-1).
A lead-in citing a chapter of shared requirements ("together with chapter 3") takes that
chapter's items as leaves of its own. The lines read are returned, so the rest of the
policy gives the exclusions and scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.branch_names import CONTINUED_WORDS
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.match import condition_words
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _copy, _listed, _root
from pipeline.policy.shared_sections import CITED_SECTION
from pipeline.policy.verbatim import PageText

# "4-1 Title", "6–2 Title: statement": chapter and sub-section joined by a hyphen
_SUB = re.compile(r"^(\d{1,2})\s?[-–]\s?(\d{1,2})\.?\s+(\S.*)$")
# "4. Patients eligible for treatment": a chapter heading at the margin
_CHAPTER = re.compile(r"^(\d{1,2})[.)]\s+([A-Z].*)$")
_CONTINUES = re.compile(rf"\b(?!continuous)(?:{CONTINUED_WORDS})\b", re.I)  # not "continuous use"


@dataclass
class _Sub:
    chapter: str
    number: str
    title: str  # the condition as the heading names it
    kind: str
    head: Line
    lines: list[Line] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def _is_sub(line: Line) -> bool:
    return line.indent <= 4 and bool(_SUB.match(line.text))


def _is_chapter(line: Line) -> bool:
    return line.indent <= 2 and bool(_CHAPTER.match(line.text))


def _body_end(lines: list[Line], at: int) -> int:
    end = at
    while end < len(lines) and not _is_sub(lines[end]) and not _is_chapter(lines[end]):
        end += 1
    return end


def _chapters(lines: list[Line]) -> dict[str, tuple[str, int]]:
    """Each chapter's number → its heading and the index of its heading line."""
    out: dict[str, tuple[str, int]] = {}
    for i, line in enumerate(lines):
        if _is_chapter(line) and (m := _CHAPTER.match(line.text)):
            out.setdefault(m.group(1), (m.group(2), i))
    return out


def _subs(lines: list[Line], chapters: dict[str, tuple[str, int]]) -> list[_Sub]:
    out: list[_Sub] = []
    for at, line in enumerate(lines):
        if not _is_sub(line) or (m := _SUB.match(line.text)) is None:
            continue
        title, _, statement = m.group(3).partition(":")
        end = _body_end(lines, at + 1)
        body = lines[at + 1 : end]
        if not names_condition(title) or not any(
            _listed(x) or x.indent > line.indent for x in body
        ):
            continue
        chapter = chapters.get(m.group(1), ("", -1))[0]
        words = f"{chapter} {statement or (body[0].text if body else '')}"
        kind = "continuation" if _CONTINUES.search(words) else "initial"
        sub = _Sub(m.group(1), m.group(2), title.strip(), kind, line, body, set(range(at, end)))
        out.append(sub)
    return out


def _shared(
    sub: _Sub, lines: list[Line], chapters: dict[str, tuple[str, int]]
) -> tuple[list[Line], set[int]]:
    """The items of the chapter the sub-section's lead-in cites as applying with it."""
    lead = " ".join([sub.head.text, *(x.text for x in sub.lines[:2])])
    m = CITED_SECTION.search(lead)
    if m is None or m.group(1) == sub.chapter or m.group(1) not in chapters:
        return [], set()
    start = chapters[m.group(1)][1] + 1
    end = _body_end(lines, start)
    items = lines[start:end]
    if not items or not any(_listed(x) or x.indent > lines[start - 1].indent for x in items):
        return [], set()
    return items, set(range(start - 1, end))


def _node(sub: _Sub, lines: list[Line], chapters, pages: PageText, problems: list[str]):
    """The sub-section's criteria: its own list, then the shared chapter's items."""
    head = sub.head
    title, body = head, sub.lines
    if ":" not in head.text and body and not _listed(body[0]) and body[0].indent <= head.indent:
        # "Use in patients who meet all of (1) to (4) below": the lead-in under the title
        title, body = body[0], body[1:]
    node_id = f"{sub.chapter}-{sub.number}.{sub.kind}"
    branch = _Branch(sub.kind, title, lines=body)
    node = _root(branch, node_id, pages, problems)
    if node is None:
        return None, branch.approval, set()
    items, used = _shared(sub, lines, chapters)
    if items and node.op == "all_of":
        shared = _root(_Branch(sub.kind, title, lines=items), f"{node_id}.shared", pages, [])
        if shared is not None and shared.op == "all_of":
            node.children = [*node.children, *(_copy(c, "s") for c in shared.children)]
    return node, branch.approval, used


def _partner(sub: _Sub, initials: list[tuple[_Sub, Indication]]) -> Indication | None:
    """The initial sub-section a continuation continues: the same condition, else the same
    sub-number in the earlier chapter."""
    words = condition_words(sub.title)
    best = max(initials, key=lambda p: len(words & condition_words(p[0].title)), default=None)
    if best is not None and words & condition_words(best[0].title):
        return best[1]
    same = [ind for s, ind in initials if s.number == sub.number]
    return same[0] if len(same) == 1 else None


def chapter_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from numbered sub-sections naming conditions, or None where no
    sub-section names one (the other readers then read the policy)."""
    chapters = _chapters(lines)
    subs = _subs(lines, chapters)
    if not any(s.kind == "initial" for s in subs):
        return None
    out: list[Indication] = []
    initials: list[tuple[_Sub, Indication]] = []
    used: set[int] = set()
    local: list[str] = []
    for sub in subs:
        node, approval, shared = _node(sub, lines, chapters, pages, local)
        if node is None:
            continue
        branch = Branch(request_type=sub.kind, approval=approval, node=node)  # type: ignore[arg-type]
        into = _partner(sub, initials) if sub.kind == "continuation" else None
        used |= sub.used | shared
        if into is not None and all(b.request_type != sub.kind for b in into.branches):
            into.branches.append(branch)
            continue
        text = " ".join([sub.head.text, *(x.text for x in sub.lines[:1])])
        ind = Indication(
            id=f"{sub.chapter}-{sub.number}",
            name=sub.title,
            text=text,
            page=sub.head.page,
            icd10=F.icd10_codes(text),
            section=sub.head.text,
            branches=[branch],
        )
        out.append(ind)
        if sub.kind == "initial":
            initials.append((sub, ind))
    if not initials:
        return None
    problems.extend(local)
    return out, used
