"""A form's answer boxes after each question ("Is the patient 18 or older?  [ ] Yes  [ ] No"):
the question is the criterion, the answer it needs is Yes. Boxes with nowhere to go are no
part of its words (a step list's "[ ] Yes (Go to Step 3)" leads somewhere: steps.py reads
those); they are taken out of the lines and of the page text the criteria are checked on."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.policy.layout_text import Line

# an answer box: "[ ]", "( )", "☐" (read here and by questionnaire_columns.py's answer column)
ANSWER_BOX = r"(?:\[\s?\]|\(\s?\)|[☐□❑])"
# "[ ] Yes [ ] No", "☐ Yes ☐ No", "( ) Y ( ) N", "Yes [ ] No [ ]": two bare answers in a row
_ANSWERS = re.compile(
    rf"\s*(?:{ANSWER_BOX}\s*(?:Yes|Y)\s+{ANSWER_BOX}\s*(?:No|N)|"
    rf"(?:Yes|Y)\s*{ANSWER_BOX}\s+(?:No|N)\s*{ANSWER_BOX})"
    r"(?=\s|$)(?!\s*\()",
)


# a response column before each question ("Y/N Q01 ...", "YES/NO 3. ..."): the reviewer's
# answer slot, printed at the line's start where the form keys the answer in (blanked from
# the layout lines by questionnaire_columns.blank_response_column)
RESPONSE_SLOT = re.compile(r"(?m)^[ \t]*(?:Y\s?/\s?N|Yes\s?/\s?No|YES\s?/\s?NO)[ \t]+(?=\S)")


def drop_answers(text: str) -> str:
    """The text without its bare Yes / No answer boxes or its leading response column."""
    return RESPONSE_SLOT.sub("", _ANSWERS.sub("", text))


def drop_answer_boxes(lines: list[Line]) -> list[Line]:
    """The lines without bare Yes / No answer boxes (a line of boxes only is left out)."""
    out = []
    for line in lines:
        text = drop_answers(line.text)
        if text == line.text:
            out.append(line)
        elif text.strip():
            out.append(replace(line, text=text.rstrip()))
    return out
