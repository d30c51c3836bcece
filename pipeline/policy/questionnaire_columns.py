"""A questionnaire's furniture beside its questions (issue 25): the criteria are the
questions, the rest is where the reviewer writes or what the caller is told.

- An answer column: the same answer letters or words printed on every question's line
  ("Y  N  D  1. Does the patient ...?", "Yes  No   3. Is the prescriber ...?", or after the
  question: "... 18 or older?    Y   N"): form furniture, blanked so the question keeps its
  place and its marker.
- A response slot: "Y/N" keyed in before each question (answer_boxes.RESPONSE_SLOT),
  blanked to spaces of its width before the page's columns are read (compile.py).
- A label column: a short capitalised label at the left margin of many lines, its text in a
  column of its own ("RULE    approve ... when", "ASK A1   Did ...?", "IF NO   Go to
  Closing C.", "SAY     Thank you for calling"). A routing label ("IF NO", "IF YES", or a
  line saying only where to go next) and scripted speech ("SAY", "TELL") are no criteria and
  are left out; a question label with a number ("ASK A1", "Q 3", "Criterion 2") becomes that
  number's list marker; a label repeated on consecutive lines ("READ" / "READ") marks a list's
  items; any other label is dropped and its text read as a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.policy.answer_boxes import ANSWER_BOX, RESPONSE_SLOT

# answer choices: single letters (Y / N / D / U / NA) or words (Yes / No / Unknown), each
# optionally boxed; two or more in a row make an answer column
_CHOICE = rf"(?:{ANSWER_BOX}\s*)?(?:Y|N|D|U|NA|N/A|Yes|No|Unknown|Unsure)"
_LEADING = re.compile(rf"^(\s*)((?:{_CHOICE})(?:\s+{_CHOICE})+)(?=\s{{3,}}\S|\s*$)")
_TRAILING = re.compile(rf"(?<=\S)(\s{{3,}})((?:{_CHOICE})(?:\s+{_CHOICE})+)\s*$")
_MIN_REPEATS = 3

# a label column: one to three capitalised words or ids, then a gap of 3 or more spaces
_LABEL = re.compile(
    r"^(\s{0,6})([A-Z][A-Z/]{1,9}(?:\s[A-Z]{1,4}\d{0,2}|\s\d{1,2}[a-z]?){0,2})(\s{3,})(?=\S)"
)
_ROUTING = re.compile(r"^(?:IF|ELSE|OTHERWISE|GOTO)\b")
_GO_TO = re.compile(r"^(?:go|skip|proceed|continue|return|transfer)\s+to\b", re.I)
_SPEECH = {"SAY", "TELL", "SPEAK", "SCRIPT", "PROMPT"}
_NUMBERED = re.compile(r"\s[A-Z]{0,4}(\d{1,2})([a-z]?)$")
_MIN_LABELLED = 5


Page = list[str]


def blank_response_column(raw: list[Page]) -> list[Page]:
    """The layout pages with each leading response slot ("Y/N") blanked to spaces of its
    width, so the question after it keeps its indentation (a question printed with no slot
    of its own, over lettered answers, stays the parent it is drawn as)."""
    return [[RESPONSE_SLOT.sub(lambda m: " " * len(m.group()), x) for x in page] for page in raw]


def blank_answer_columns(raw: list[Page]) -> list[Page]:
    """The pages' layout lines with a repeated column of bare answer choices blanked (spaces
    keep each question's indentation); a line of choices alone is left blank."""
    seen: Counter[str] = Counter()
    for line in (x for page in raw for x in page):
        for pattern in (_LEADING, _TRAILING):
            if m := pattern.search(line):
                seen[" ".join(m[2].split())] += 1
    repeated = {k for k, n in seen.items() if n >= _MIN_REPEATS}
    if not repeated:
        return raw
    return [[_blanked(x, repeated) for x in page] for page in raw]


def _blanked(text: str, repeated: set[str]) -> str:
    m = _LEADING.search(text)
    if m and " ".join(m[2].split()) in repeated:
        text = " " * m.end() + text[m.end() :]
    m = _TRAILING.search(text)
    if m and " ".join(m[2].split()) in repeated:
        text = text[: m.start()]
    return text.rstrip() if text.strip() else ""


def read_label_columns(raw: list[Page]) -> list[Page]:
    """The pages' layout lines with a left label column read: routing and speech left out,
    numbered question labels as markers, repeated labels as items, other labels dropped."""
    labelled = [m for page in raw for x in page if (m := _LABEL.match(x))]
    firsts = Counter(m[2].split()[0] for m in labelled)
    if len(labelled) < _MIN_LABELLED or len(firsts) < 2 or firsts.most_common(1)[0][1] < 2:
        return raw
    # a script's column: questions numbered by their labels ("ASK A1") or routed ("IF NO"),
    # its text at one column on most labelled lines
    asked = sum(1 for m in labelled if _NUMBERED.search(m[2]) or _ROUTING.match(m[2]))
    column, count = Counter(len(m[1]) + len(m[2]) + len(m[3]) for m in labelled).most_common(1)[0]
    if asked < 2 or count * 2 < len(labelled):
        return raw
    return [_read_page(page, column) for page in raw]


def _read_page(page: Page, column: int) -> Page:
    out: Page = []
    skipping, shift, margin = False, 0, None  # margin: the last label's, while in its block
    for n, line in enumerate(page):
        m = _LABEL.match(line)
        if m is None:
            # a wrapped line of the labelled text sits in the text column: it goes with its
            # label's line (left out with it, or moved left as its text was)
            wrapped = line.startswith(" " * column) and bool(line.strip())
            if wrapped and skipping:
                continue
            if wrapped and shift:
                line = line[shift:]
            elif line.strip():
                shift = 0
                if margin is not None and len(line) - len(line.lstrip()) <= margin:
                    out.append("")  # a title back at the labels' margin ("CLOSING A"): set apart
                margin = None
            skipping = False
            out.append(line)
            continue
        margin = len(m[1]) if margin is None else min(margin, len(m[1]))
        label, text = m[2], line[m.end() :]
        word = label.split()[0]
        skipping = bool(_ROUTING.match(label) or _GO_TO.match(text) or word in _SPEECH)
        if skipping:
            continue
        pad, plain = m[1], text
        if (num := _NUMBERED.search(label)) is not None:
            text = f"{int(num[1])}{num[2]}. {text}"
        elif _repeats(page, n, label):
            text = f"• {text}"
        shift = m.end() - len(pad) - (len(text) - len(plain))  # wrapped lines under the text
        out.append(pad + text)
    return out


def _repeats(page: Page, n: int, label: str) -> bool:
    """The same label on the line before or after: a list's items."""
    for k in (n - 1, n + 1):
        if 0 <= k < len(page) and (m := _LABEL.match(page[k])) is not None and m[2] == label:
            return True
    return False
