"""A printed form's fill-ins around its statements, taken out of the layout lines.

A form asks the reviewer or prescriber to mark each line: an initial blank before the
statement's number ("_____   1. My patient is ..."), tick boxes and a source blank after it
("... hemolyzed samples    [  ]    [  ]      ____"), the boxes' column heads set at the right
of the lead-in above them ("... when every row is Met.      Met   Not met   Source"), and a
signature line ("Prescriber signature ______  NPI ______  Date ___/___/____"). None of these
is a word of the criterion: read as text they join the statement, hide its marker or become
items of their own. They are blanked where they stand (a statement keeps its columns; one
with no number of its own is marked by its blank, a bullet in its place), and a line of
fill-ins only is left out.
"""

from __future__ import annotations

import re

from pipeline.policy.list_labels import _marker

_BOX = r"(?:\[\s{0,2}\]|\(\s{0,2}\)|[☐□❑])"
# the answer a box stands for, printed beside it ("[ ] Yes", "☐ Not met")
_ANSWER = r"(?:\s?(?:Yes|No|Y|N|N/A|Met|Not met|Unknown))?"
_BLANK = r"_{3,}(?:/_{2,}){0,2}"
_FILL = rf"(?:{_BOX}{_ANSWER}|{_BLANK})"
# a run of two or more boxes or blanks at the line's end, set apart by a gap; one box at
# least (two blanks alone may be a field line, read below)
_TRAILING = re.compile(rf"(?<=\S)\s{{3,}}((?:{_FILL}\s*){{2,}})$")
# an initial blank before the statement (its marker or its first word), or two tick boxes
# or more set before it ("[ ]  [ ]  3  Member ..."; one box is a checkbox marker)
_LEADING = re.compile(rf"^(\s*)(_{{3,}}|(?:{_BOX}{_ANSWER}\s*){{1,}}{_BOX}{_ANSWER})(\s+)(?=\S)")
# a field line: labels each followed by its blank ("Prescriber signature ____  NPI ____")
_FIELD = re.compile(rf"([A-Za-z][A-Za-z /.#]{{0,30}}?)\s*{_BLANK}")
# a row's number set apart by a gap ("1    Member ...", "2a   patiromer ..."): layout_text.py
_BARE_NUMBER = re.compile(r"^\d{1,2}[a-z]?\s{2,}\S")
_HEAD_WORDS = 5  # a column head row beside a lead-in: a few short words
_HEAD_SLACK = 3  # characters a head may sit left or right of its boxes' column


def trailing_boxes(raw: str) -> int | None:
    """The character column where a line's trailing boxes start, or None."""
    m = _TRAILING.search(raw)
    if m is None or not re.search(_BOX, m.group(1)):
        return None
    return m.start(1)


def _field_line(raw: str) -> bool:
    """Labels and their blanks only, two blanks at least: a signature or date line."""
    fields = list(_FIELD.finditer(raw))
    rest = _FIELD.sub(" ", raw).strip(" :/")
    return len(fields) >= 2 and not rest


def _column_head(raw: str, lines: list[str], at: int) -> int | None:
    """Where a line's right-hand column heads start ("Met   Not met   Source"), if the next
    lines' trailing boxes start under them; None if the line has none."""
    m = re.search(r"\S(\s{4,})(\S[^_\[\]()]*)$", raw.rstrip())
    if m is None:
        return None
    head = m.group(2)
    if len(head.split()) > _HEAD_WORDS or re.search(r"\d|[.:;,]$", head.strip()):
        return None
    start = m.start(2)
    for nxt in lines[at + 1 : at + 5]:
        col = trailing_boxes(nxt)
        if col is not None:
            return start if abs(col - start) <= _HEAD_SLACK else None
    return None


def drop_fill_ins(lines: list[str]) -> list[str]:
    """A page's layout lines without the form's blanks, boxes and the boxes' column heads."""
    if not any(trailing_boxes(x) is not None or _LEADING.match(x) for x in lines):
        return lines
    out: list[str] = []
    for at, raw in enumerate(lines):
        text = raw.rstrip()
        if (col := trailing_boxes(text)) is not None:
            text = text[:col].rstrip()
        elif (head := _column_head(text, lines, at)) is not None:
            text = text[:head].rstrip()
        if m := _LEADING.match(text):
            # the initial blank as spaces, the statement keeping its column; a statement with
            # no number of its own is marked by its blank: a bullet in its place
            rest = text[m.end() :]
            mark = "" if _marker(rest) or _BARE_NUMBER.match(rest) else "• "
            pad = " " * (len(m.group(2)) + len(m.group(3)) - len(mark))
            text = m.group(1) + mark + pad + rest
        if _field_line(text):
            continue
        if text.strip() or not raw.strip():
            out.append(text)
    return out
