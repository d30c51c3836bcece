"""A policy PDF's layout text → a forest of outline items.

pypdf's layout mode keeps the indentation that nests a policy's lists; the markers
(1. / A) / i. / a) / (1) / • / o / ▪) give the levels, headings start sections, and a
connector on a line of its own ("-OR-", "AND any of the following:") joins or opens a
group. Running headers and footers are dropped first, so a list runs on across pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy.block_headings import unspaced_heading
from pipeline.policy.condition_vocabulary import document_heading
from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _BULLETS, _LETTER_OF, _marker, clause_fits, starts_list
from pipeline.policy.list_labels import follows as _follows
from pipeline.policy.list_labels import next_label as _next_label
from pipeline.policy.logic_notes import is_logic_note, note_owner
from pipeline.policy.repeat_shapes import learned_markers
from pipeline.policy.statements import (
    _LEADS_IN,
    _condition_statement,
    _new_statement,
    _root_statement,
    _statement_owner,
)
from pipeline.policy.wording import (
    _APPROVAL_LINE,
    _CONNECTOR_LINE,
    _CONTINUATION,
    _INITIAL,
    run_in_condition,
)

_NOTE = re.compile(r"^Note\s*:", re.I)
_DURATION = re.compile(r"\b\d+\s*(?:months?|weeks?|days?|years?)\b", re.I)
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z/&\- ]{3,60}:$")

# A connector on a line of its own: "-AND-", "OR", "AND any of the following:".
_LEAD = re.compile(r"\bof the following\b|:\s*$", re.I)
_ALONE_CONNECTOR = re.compile(r"^[-–]\s*(?:AND|OR)\s*[-–]?\s*$")
# A connector printed before an item's marker ("AND 2. Patient is ...", "OR b. ..."): it
# joins the item to its sibling above, as "; and" at that sibling's end would.
_LEADING_CONNECTOR = re.compile(r"^(AND|OR)\s+(?=\S)")

# "§ 4.4 Limitations.": a rule's next section starts a paragraph of its own
_RULE_SECTION = re.compile(r"^§{1,2}\s*\d")
_SCOPED = re.compile(
    r"\bfor\s+(?:.{3,80}?\s+only|all\s+(?:diagnoses|indications|conditions|uses))\b", re.I
)


@dataclass
class Item:
    style: str
    label: str
    text: str
    page: int
    indent: int
    section: str
    notes: list[str] = field(default_factory=list)
    heading: str = ""  # the heading printed right above this item, if any
    above: list[str] = field(default_factory=list)  # every heading since the last root item
    joined: str = ""  # "AND" / "OR" printed on a line of its own after this item
    children: list[Item] = field(default_factory=list)
    wrap: int | None = None  # the indentation its wrapped lines run on at
    # "Approval duration: ..." printed under this item's own list (the statement's notes
    # hold it too): a section in parts lasts as its conditions say
    approvals: list[str] = field(default_factory=list)
    # the logic a note on the group above states for this item ("for criterion 2, either
    # 2a or 2b is enough"): its own lead-in is only a label
    stated: tuple[str, int] | None = None


def _same_style_cut(stack: list[Item], style: str, indent: int, label: str = "") -> int | None:
    """Where a marker of a style already open closes the stack: at the open item of that
    style set at its indentation (its sibling), else at the first of that style. None
    for a bullet set deeper than every open bullet of its kind: one glyph at two
    indentations is two levels, and for an ordered label that starts again (1., A., i.)
    under open items of its style that do not: a nested list."""
    same = [k for k, it in enumerate(stack) if it.style == style]
    if style not in _BULLETS:
        # an ordered label follows one open item of its style: that item's sibling
        # ("B." after "A. Initial Approval", not after "B. Coverage Criteria" above it)
        after = [k for k in same if _next_label(stack[k].label, label)]
        if after:
            return after[-1]
        level = [k for k, it in enumerate(stack) if abs(it.indent - indent) <= 2]
        if (
            starts_list(label)
            and not any(starts_list(stack[k].label) for k in same)
            and (not level or level[-1] > same[-1])
        ):
            # "A." after "B. Coverage Criteria" / "1. Plaque psoriasis" (at its margin or
            # deeper): a list that starts again under the item last set there
            return None
    at = next((k for k in same if abs(stack[k].indent - indent) <= 2), None)
    if at is not None:
        return at
    if style in _BULLETS and all(stack[k].indent < indent - 2 for k in same):
        return None
    return same[0]


def _branch_heading(text: str) -> bool:
    """A branch's heading in title case ("Continuation of Therapy", "Initial Authorization"),
    even set close under the approval line of the branch before it."""
    words = text.split()
    long_words = [w for w in words if len(w) > 3]
    return (
        len(words) <= 4
        and bool(_INITIAL.match(text) or _CONTINUATION.match(text))
        and all(w[0].isupper() for w in long_words)
    )


# Marker styles a section heading is numbered with; a roman part holds unmarked text
# ("II. Continuation of Therapy" over its statement: parts.py), so it is a heading only
# over a list of its style that starts again ("II. Policy" / "I. Initial Request").
_HEADING_STYLES = {"num", "upperdot", "ROMAN"}


def _numbered_heading(line: Line, found: tuple[str, str, str], nxt: Line | None) -> bool:
    """A numbered section heading ("2. Criteria for Use"): a short title-case name after a
    number at the margin, set apart above, with unmarked text under it (a numbered list's
    item is followed by its sibling or its own sub-items, a section's heading by its
    paragraph, or by a list that starts again at 1: "6. References" / "1. ...")."""
    style, label, rest = found
    below = _marker(nxt.text) if nxt is not None else None
    restarts = (
        below is not None and below[0] == style and starts_list(below[1]) and below[1] != label
    )
    if style != "num" and not restarts:
        return False
    words = rest.split()
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return (
        line.indent <= 4
        and (line.blank_before or line.page_start or restarts)
        and 1 <= len(words) <= 6
        and not rest.endswith((".", ",", ";", ":"))
        and bool(long_words)
        and nxt is not None
        # title case; a sentence-case name only set apart above and below ("1. Chronic
        # hepatitis B" / blank / "Recommendation 1.1")
        and (all(w[0].isupper() for w in long_words) or nxt.blank_before and below is None)
        and nxt.page == line.page
        and not _CONNECTOR_LINE.match(nxt.text)
        and (below is None or restarts)
    )


def _is_heading(line: Line, nxt: Line | None = None, closed: bool = False) -> bool:
    """A short line standing alone: at the left margin, or (indented like the text under
    it) in title case, and not a sentence the next line continues. ``closed``: the line
    before ended a branch (its approval line), so a branch heading may follow it closely."""
    text = line.text
    words = [w for w in text.split() if w not in {"-", "–", "—", "|"}]  # separators: no words
    if _CAPS_LABEL.match(text) and (line.blank_before or line.page_start or line.indent <= 4):
        return True  # "POSITION STATEMENT:", "CRITERIA:": a label line in capitals
    if line.criterion or not (1 <= len(words) <= 10) or text.endswith((".", ",", ";", ":")):
        return False
    if _APPROVAL_LINE.match(text) and _DURATION.search(text):
        return False  # "Approval length: 12 months" set apart: the list's approval
    if run_in_condition(text) is not None:
        return False  # "Asthma (Initial Approval): X is approved" runs on: a statement
    if not text[0].isupper() or _NOTE.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    # a condition's title set close under the list before, over its branch's heading set
    # apart ("Giant Cell Arteritis" / blank / "Initial Authorization Criteria")
    titles = (
        nxt is not None
        and nxt.blank_before
        and line.indent <= 4
        and _branch_heading(nxt.text)
        and not _APPROVAL_LINE.match(text)
        and not _DURATION.search(text)
    )
    if len(letters) < 0.6 * len(text.replace(" ", "")) or not (
        line.blank_before or line.page_start or closed and _branch_heading(text) or titles
    ):
        return False
    if nxt is not None and nxt.text[:1].islower() and not nxt.blank_before:
        return False  # the sentence runs on
    if line.indent <= 4 and len(words) <= 8:
        return True
    if not line.blank_before:  # at a page's top, an indented line more likely runs on
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    title = sum(w[0].isupper() for w in long_words) >= max(1, 0.6 * len(long_words))
    return title and nxt is not None and line.indent <= nxt.indent + 2


def outline(lines: list[Line]) -> list[Item]:
    """Lines → a forest of items. A marker style already open on the stack closes the
    items below it (a sibling); a new style opens a child."""
    roots: list[Item] = []
    stack: list[Item] = []
    section = ""
    in_note = False
    letters: dict[str, str] = {}  # the last label of each letter style
    heads: list[str] = []  # headings read since the last root item
    heading = ""  # the heading just read: it names the first item under it
    restore: tuple[Item, list[Item]] | None = None  # a connector's group, the stack before
    after_approval = False  # the line before was an approval line
    # markers no known style reads, learned from their repetition (repeat_shapes.py)
    learned = learned_markers(lines)
    for at, line in enumerate(lines):
        nxt = lines[at + 1] if at + 1 < len(lines) else None
        closed, after_approval = after_approval, False
        found = _marker(line.text) or learned.get(at)
        if found and found[0] == "dash" and _ALONE_CONNECTOR.match(line.text):
            found = None  # "- AND -" on a line of its own: a connector, no dash item
        if (
            found
            and found[0].startswith("dec")
            and not clause_fits([it.label for it in stack], found[1])
        ):
            found = None  # "1.5 times the upper limit ...": a number, no clause
        leading, shift = "", 0
        if found is None and (lead := _LEADING_CONNECTOR.match(line.text)):
            if (found := _marker(line.text[lead.end() :])) is not None:
                leading, shift = lead.group(1), lead.end()
        if found and not leading and (lead := _LEADING_CONNECTOR.match(found[2])):
            # "• AND Castrate testosterone ...": the connector opens the item after its
            # marker, joining it to the item before
            leading, found = lead.group(1), (found[0], found[1], found[2][lead.end() :])
        if found and found[0] in _LETTER_OF:
            letter = _LETTER_OF[found[0]]
            if letters.get(letter) and _follows(letters[letter], found[1]):
                found = (letter, found[1], found[2])  # "i." after "h." is a letter
        if (
            found
            and found[0] in _HEADING_STYLES
            and (_numbered_heading(line, found, nxt) or document_heading(found[2]))
        ):
            # "2. Criteria for Use" over a paragraph: a numbered section heading (roman
            # parts, "II. Continuation of Therapy", are read as parts: parts.py)
            section, stack, in_note, heading = found[2], [], False, found[2]
            heads.append(found[2])
            continue
        conn = _CONNECTOR_LINE.match(line.text) if found is None and stack else None
        if conn and conn.group(2).strip() and not _LEAD.search(conn.group(2)):
            conn = None  # "AND must be on a diet": the item above goes on
        if conn:
            word, rest = conn.group(1), conn.group(2).strip()
            # The item at the connector's level: the deepest one not indented past it.
            level = max(
                (i for i, it in enumerate(stack) if it.indent <= line.indent + 2), default=0
            )
            if _SCOPED.search(rest):  # "... for ALL diagnoses:", "... for X ONLY:": top level
                level = 0
            stack[level].joined = word
            if rest:  # "AND any of the following:": a group of the items that follow
                group = Item("conn", "", rest, line.page, line.indent, section)
                (stack[level - 1].children if level else roots).append(group)
                restore = (group, stack)
                stack = [*stack[:level], group]
            in_note = False
            continue
        if found is None and (_is_heading(line, nxt, closed) or unspaced_heading(lines, at)):
            section, stack, in_note, heading = line.text, [], False, line.text
            heads.append(line.text)
            continue
        if found is None:
            if _APPROVAL_LINE.match(line.text) and stack:
                # how long the approval lasts: said of the whole statement, no criterion
                stack[0].notes.append(line.text)
                owner = [it for it in stack if it.indent < line.indent - 1]
                if owner:
                    owner[-1].approvals.append(line.text)
                in_note, after_approval = False, True
                continue
            if _logic_note(stack, line):
                # "Criteria 1 through 6 must all be met; ..." after a list: the logic of
                # the group it names, no words of the list's last item (logic_notes.py)
                k = note_owner(stack, line.text, line.indent)
                if k is None:
                    item = Item("para", "", line.text, line.page, line.indent, section)
                    roots.append(item)
                    stack, in_note, heading = [item], False, ""
                else:
                    stack = stack[: k + 1]
                    stack[-1].notes.append(line.text)
                    in_note = True
                continue
            if _NOTE.match(line.text) and stack:
                stack[-1].notes.append(line.text)
                in_note = True
                continue
            if _root_statement(stack, line) or _condition_statement(stack, line):
                # "Renewal: X is approved when ...:" at the margin of the statement before
                # (its list set at the same margin): the next statement, not that list's
                # last words; it names no condition of its own (compile._renews)
                item = Item("para", "", line.text, line.page, line.indent, section)
                roots.append(item)
                stack, in_note, heading = [item], False, ""
                continue
            if (owner := _statement_owner(stack, line)) is not None:
                # "Initial Authorization: X is approved when ...:" under "1. Plaque
                # psoriasis", set close under it or after the branch before: a statement
                # of its own under that condition's item, not the words of the item above
                item = Item("para", "", line.text, line.page, line.indent, section)
                owner.children.append(item)
                stack, in_note = [*stack[: stack.index(owner) + 1], item], False
                continue
            if _back_at_margin(stack, line):
                # left of the open list: under a statement set at the margin inside a part
                # ("A. Condition" / "X is medically necessary when:" / "1. ..."), a note on
                # that statement ("Authorization of 12 months may be granted."); at the
                # root's own margin, a block of its own ("Quantity: 300 mg ...")
                k = max(
                    (i for i, it in enumerate(stack) if it.indent <= line.indent + 1), default=0
                )
                if k > 0:
                    stack = stack[: k + 1]
                    stack[-1].notes.append(line.text)
                    in_note = True
                    continue
            starts_para = (
                line.blank_before
                and (not stack or line.indent <= stack[0].indent)
                or _back_at_margin(stack, line)
                or _new_statement(stack, line, nxt)
                or bool(_RULE_SECTION.match(line.text) and line.indent <= 4)
                and (not stack or stack[-1].text.rstrip().endswith((".", ":", ";")))
            )
            level = next(
                (k for k in range(1, len(stack)) if abs(stack[k].indent - line.indent) <= 1),
                None,
            )
            if level is None:
                # set left of an open list's markers, yet right of the item above it: no
                # wrapped line of that list, a block under that item ("Dosing. Approve")
                level = next(
                    (
                        k
                        for k in range(1, len(stack))
                        if stack[k - 1].indent + 1 < line.indent < stack[k].indent - 1
                    ),
                    None,
                )
                dedent = level is not None
            else:
                dedent = False
            if (
                stack
                and not starts_para
                and level is not None
                and (line.blank_before or dedent)
                and line.text[:1].isupper()
                and (dedent or stack[-1].text.rstrip().endswith((".", ":", ";")))
            ):
                # A paragraph set at an open list level's indentation after a finished
                # sentence ("Dosing. Approve ONE of the following regimens:") is a block
                # of its own under the item above that level, not the last item's words.
                item = Item("para", "", line.text, line.page, line.indent, section)
                stack[level - 1].children.append(item)
                stack, in_note = [*stack[:level], item], False
                continue
            top = stack[-1] if stack else None
            if top is not None and not starts_para and not in_note and _unmarked(top, line):
                # lines set deeper than an item's own wrapped lines, under its lead-in
                # ("at least one of the following:"), are its items, though unmarked
                owner = top if top.style != "unmarked" else stack[-2]
                sub = Item("unmarked", "", line.text, line.page, line.indent, section)
                owner.children.append(sub)
                stack = [*stack[: stack.index(owner) + 1], sub]
                continue
            if stack and not starts_para:
                if stack[-1].wrap is None and not in_note:
                    stack[-1].wrap = line.indent
                if in_note and stack[-1].notes:
                    stack[-1].notes[-1] += " " + line.text
                else:
                    stack[-1].text += " " + line.text
                continue
            item = Item("para", "", line.text, line.page, line.indent, section, heading=heading)
            item.above, heads = heads, []
            roots.append(item)
            stack, in_note, heading = [item], False, ""
            continue
        style, label, rest = found
        if style in _LETTER_OF.values():
            letters[style] = label
        # the marker's own column (a connector printed left of it is no indentation)
        item = Item(style, label, rest, line.page, line.indent + shift, section)
        styles = [i.style for i in stack]
        if restore and restore[0] in stack and style not in styles:
            # A list style open before the connector's group, not the group's own: the
            # group has ended ("AND ONE of ... for X ONLY:" a. b. c., then "2. Y").
            group, before = restore
            prior = [i.style for i in before]
            if group.children and style != group.children[0].style and style in prior:
                stack, restore = before[: prior.index(style)], None
                styles = [i.style for i in stack]
        cut = _same_style_cut(stack, style, line.indent, label) if style in styles else None
        if cut is not None:
            stack = stack[:cut]
        elif style in styles and style not in _BULLETS:
            pass  # an ordered list that starts again under the open item: its sub-list
        elif style in styles:
            # the same bullet set deeper than every open one of its kind: a sub-list
            stack = [it for it in stack if it.indent < line.indent - 1] or stack[:1]
        elif style == "ROMAN" and label != "I" and stack:
            stack = []  # "II. Continuation" with no roman list open: a part, at the root
        elif stack and stack[-1].style == "para" and style not in _BULLETS and len(stack) == 1:
            # A numbered list after a paragraph is the paragraph's list only if the
            # paragraph introduces it ("... the following:").
            if not (
                re.search(r"(?::|\bof the following)\s*$", stack[0].text)
                or _BAND_LEAD.match(stack[0].text)
            ):
                stack = []
        siblings = stack[-1].children if stack else roots
        if leading and siblings:
            siblings[-1].joined = leading
        if stack:
            stack[-1].children.append(item)
        else:
            item.heading, heading = heading, ""
            item.above, heads = heads, []
            roots.append(item)
        stack.append(item)
        in_note = False
    return roots


def _logic_note(stack: list[Item], line: Line) -> bool:
    """A line stating a list's logic, set at or left of the last item's marker (not its
    wrapped words) or apart from it."""
    if not stack or not line.text[:1].isupper() or not is_logic_note(line.text):
        return False
    return line.blank_before or line.page_start or line.indent <= stack[-1].indent + 1


def _back_at_margin(stack: list[Item], line: Line) -> bool:
    """An unmarked line back at the margin of the block that holds an open nested list,
    left of the deepest item's own text and wrapped lines ("Quantity: 300 mg ..." under a
    numbered list): a block of its own, not the last item's words."""
    if len(stack) < 2 or not line.text[:1].isupper():
        return False
    deepest = stack[-1]
    wrap = deepest.wrap if deepest.wrap is not None else deepest.indent
    return line.indent <= stack[0].indent + 1 and min(deepest.indent, wrap) >= line.indent + 2


# words that leave a line's sentence open: the next line goes on with it
_RUNS_ON = re.compile(r"(?:[,(/-]|\b(?:and|or|of|the|a|an|to|with|for|in|by|than|at|on))\s*$", re.I)
# "Inclusion Criteria: The answer to ALL of the following must be met ...": a band's title
# and lead-in over the list that follows
_BAND_LEAD = re.compile(r"^[A-Z][\w-]*(?: [\w-]+){0,3}:\s.*\bof the following\b[^:.;]{0,80}$")
# "If the answer to ANY item below is met": a lead-in over the items under it
_ITEMS_BELOW = re.compile(r"\b(?:items?|criteria|conditions?)\s+(?:listed\s+)?below\b", re.I)
_ENDED = re.compile(r"(?:[.;]|[;,]\s*(?:or|and),?)\s*$", re.I)


def _unmarked(top: Item, line: Line) -> bool:
    """The line starts an unmarked item under ``top``'s lead-in (or after its unmarked
    sibling that ended: "...; or,", or that ended its words and the line opens a new
    sentence: items set off by indentation only, or behind drawn check boxes)."""
    if top.style == "unmarked":
        return abs(line.indent - top.indent) <= 1 and (
            bool(_ENDED.search(top.text))
            or line.text[:1].isupper()
            and not _RUNS_ON.search(top.text)
        )
    if top.children or not (_LEADS_IN.search(top.text) or _ITEMS_BELOW.search(top.text)):
        return False
    wrap = top.wrap if top.wrap is not None else top.indent + 4
    return line.indent >= wrap + 4
