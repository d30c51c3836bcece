"""A lead-in sentence over the items after it (grant_lead_ins.py, refusal_lead_ins.py): its
lines joined from an opening line to a colon, or to a full stop pointing at the items next
("below", "these", "every box"), or citing their labels ("when questions 7, 8 and 9 are all
Y", "all of (1) to (4) below, together with chapter 3"); a heading over it is no part of it."""

from __future__ import annotations

import re

from pipeline.policy.grant_logic import UNITS_COUNTED
from pipeline.policy.list_labels import _marker, starts_list
from pipeline.policy.outline import Line

# a lead-in ending in a full stop points at the items after it ("We approve it for 6 months
# when the request shows all of the points below.", "..., when all of these are true.")
_POINTS_ON = re.compile(
    r"\b(?:when|if|where|provided)\b.*\b(?:below|following|these|this\s+list|as\s+follows|"
    r"listed)\b[^.:]*\.\s*$",
    re.I,
)
# words saying which of the items after a sentence count: "every box", "each of", "both"
_COUNTS = re.compile(r"\b(?:all|every|each|both|any|either|at\s+least)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")
# an answer's label under a question ("A.", "A:", "Answer:"): the sentence after it answers
_ANSWER = re.compile(r"^(?:A|Ans(?:wer)?)\s*[.:]\s+(?=\S)")
# a range of item labels that a sentence wraps onto ("(a) to (e) are met.", "1-4 apply:")
_LABEL_RANGE = re.compile(
    r"^\(?[a-z0-9]{1,3}[.)]?\s*(?:to|through|-|–)\s*\(?[a-z0-9]{1,3}\)?\s+[a-z]", re.I
)
_MAX_LEAD_LINES, _MAX_HEADING_WORDS, _MAX_PANEL_WORDS = 4, 8, 14


def _opening(lines: list[Line], at: int) -> str | None:
    """The line's words a lead-in may open with: unmarked, starting in upper case; or an
    answer's under a question ("Q2. When will we approve X?" / "A. We approve it ..."),
    its label dropped."""
    text = lines[at].text
    if (m := _ANSWER.match(text)) is not None and any(
        x.text.rstrip().endswith("?") for x in lines[max(0, at - 3) : at]
    ):
        text = text[m.end() :]
    elif (mark := _marker(text)) is not None and mark[0] == "dashdec":
        text = mark[2]  # a section's number before its sentence ("6-1  X: continue when ...")
    elif mark is not None and mark[0] == "num" and _numbers_under(lines, at, mark[1]):
        text = mark[2]  # "1. X is funded when all of:" over its own "1.1", "1.2" clauses
    elif mark is not None and mark[0].startswith("dec") and _other_items_under(lines, at):
        text = mark[2]  # "2.1 Initial approval: ... must be met:" over its "a.", "b." items
    elif mark is not None:
        return None
    return text if text[:1].isupper() else None


def _numbers_under(lines: list[Line], at: int, label: str) -> bool:
    """The next marked line within the lead-in's reach is a decimal clause of this number
    ("1.1" under "1."): the numbered line leads its own clauses."""
    for line in lines[at + 1 : at + 1 + _MAX_LEAD_LINES]:
        if (mark := _marker(line.text)) is not None:
            return mark[0].startswith("dec") and mark[1].startswith(f"{label}.")
    return False


def _other_items_under(lines: list[Line], at: int) -> bool:
    """The next marked line within the lead-in's reach is an item of another style than
    the decimal clause at ``at`` ("a." under "2.1"): the clause leads a list of its own."""
    for line in lines[at + 1 : at + 1 + _MAX_LEAD_LINES]:
        if (mark := _marker(line.text)) is not None:
            return not mark[0].startswith("dec")
    return False


def own_clauses(items: list[Line], lead: Line) -> list[Line]:
    """A numbered lead-in's decimal clauses numbered as its own list ("1.4.1" under "1." as
    "4.1"), so they read as the list it leads; other items as they are."""
    mark = _marker(lead.text)
    if mark is None or mark[0] != "num":
        return items
    prefix = f"{mark[1]}."
    out = []
    for line in items:
        m = _marker(line.text)
        if m is not None and m[0].startswith("dec") and m[1].startswith(prefix):
            line = Line(line.page, line.indent, f"{m[1][len(prefix) :]}. {m[2]}", line.blank_before)
        out.append(line)
    return out


def _closed(text: str, lines: list[Line], end: int) -> bool:
    """The sentence read so far leads the items at ``end``: it ends in a colon, or in a full
    stop after words pointing at them with an item next, or counting rows ("All rows ...")."""
    text = text.rstrip()
    if text.endswith(":"):
        return True
    last = _SENTENCE.split(text)[-1]
    if end >= len(lines) or not text.endswith("."):
        return False
    item = lines[end]
    mark = _marker(item.text)
    if UNITS_COUNTED.search(last) and (mark is None or mark[0] == "bullet" or starts_list(mark[1])):
        return True
    if (
        not item.blank_before
        and mark is not None
        and (starts_list(mark[1]) or _cites(text, mark[1]))
    ):
        # a list starting right under it, the sentence saying which of its items count
        # ("approve 2 months: every numbered box below must be checked.", "check every box.")
        # or any sentence of it counting the items it numbers ("Use in patients who meet
        # all of (1) to (4) below, together with chapter 3. The first approval is for 6
        # months.")
        cited = _cites(text, mark[1]) and bool(_COUNTS.search(text))
        return bool(_POINTS_ON.search(last) or _COUNTS.search(last) or cited)
    if not _POINTS_ON.search(last):
        return False
    return not item.blank_before and (mark is not None or item.indent > lines[end - 1].indent)


def _cites(sentence: str, label: str) -> bool:
    """The sentence cites the item's label ("when questions 7, 8 and 9 are all Y", "ASK B1
    through B5", "all of (3) to (6) below"): it leads the items it numbers."""
    return bool(re.search(rf"(?<![\w.]){re.escape(label)}(?![\w]|\.\d)", sentence))


def lead_sentence(lines: list[Line], at: int) -> tuple[str, int] | None:
    """The sentence from ``at`` (wrapped lines joined) that leads the items after it, and
    the index after it: one ending in a colon, or in a full stop pointing at them."""
    first = lines[at]
    opening = _opening(lines, at)
    if opening is None:
        return None
    words = [opening]
    end = at + 1
    while not _closed(" ".join(words), lines, end):
        if end >= len(lines) or end - at >= _MAX_LEAD_LINES:
            return None
        line = lines[end]
        if line.blank_before or line.page != first.page:
            return None
        if _marker(line.text) and not _LABEL_RANGE.match(line.text):
            return None  # an item; "(a) to (e) are met." wrapped from "... when all of" is not
        # a numbered section's title over its sentence ("4-2  Still's disease (systemic ...)")
        titled = _is_heading(first) or (
            opening != first.text
            and opening.rstrip()[-1:] not in ".;:,"
            and len(opening.split()) <= _MAX_PANEL_WORDS
        )
        if end == at + 1 and titled and line.text[:1].isupper():
            return None  # a heading over the sentence, not its first line
        if words[-1].rstrip().endswith((".", "?", "!")):
            return None  # a sentence ends here: the lead-in starts after it
        words.append(line.text)
        end += 1
    return " ".join(words), end


def _is_heading(line: Line) -> bool:
    text = line.text.strip()
    return (
        bool(text)
        and _marker(text) is None
        and text[-1:] not in ".;:,"
        and text[:1].isupper()
        and len(text.split()) <= _MAX_HEADING_WORDS
    )
