"""The titles above a granting lead-in (grant_lead_ins.py): which lines are titles (a
heading, a question, a numbered heading set apart, a panel's title, a step stating what the
subject has), the condition the nearest one naming a condition names, and the request type
any of them writes ("Scenario: X-01 <condition>, renewal" over "Given the member has
<condition>"), within a few lines above the lead-in and no further back than the items
read before it."""

from __future__ import annotations

import re

from pipeline.policy.asked_condition import questioned_name, stated_name
from pipeline.policy.branch_names import (
    CONTINUED_RE,
    INITIAL_RE,
    REQUEST_WORDS,
    branch_heading_kind,
    time_kind,
)
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.grant_words import FURTHER_TERM, grant_words
from pipeline.policy.lead_in_sentences import (
    _MAX_HEADING_WORDS,
    _MAX_PANEL_WORDS,
    _SENTENCE,
    _is_heading,
)
from pipeline.policy.list_labels import _marker
from pipeline.policy.outline import Line
from pipeline.policy.prose_condition import SUBJECT_LABEL, named_class

# a title naming its request type before its condition ("Initial application - (X)",
# "Renewal: X", "Repeat course - X"): the condition is what follows
_BRANCH_TITLE = re.compile(
    rf"^(?:{REQUEST_WORDS})(?:\s+(?:application|request|approval|"
    r"authori[sz]ation|course|therapy|treatment|criteria|dosing))?\s*[-–—:]\s*",
    re.I,
)
# a title sentence before the granting one in a lead-in ("Restriction 1 - Iron deficiency
# anemia. One course is approved when ..."), its label and number dropped
_LABEL_NUMBER = re.compile(r"^[A-Z][A-Za-z]*\s+[\dA-Z]{1,3}\s*[-–—:.]\s+")
# a title sentence's last part naming its request type ("X, initial course", "X - renewal")
_KIND_TAIL = re.compile(
    rf"\s*[,;:\-–—]?\s*\b(?:{REQUEST_WORDS})(?:\s+(?:course|request|"
    r"application|approval|authori[sz]ation|therapy|treatment|dosing))?\s*$",
    re.I,
)
# a title opening on a decision ("APPROVE 16 weeks", "Deny", "Refer to review")
_ACTION = re.compile(r"^(?:approve[ds]?|authori[sz]e[ds]?|deny|denied|refer|stop)\b", re.I)
# a heading's or question's own "for <condition>" ("When will we approve X for endometriosis
# pain?", "3.1 Pegloticase for chronic gout")
_TITLE_FOR = re.compile(
    r"\bfor\s+(?:the\s+treatment\s+of\s+)?(?P<name>[^,:;()?]+?)\s*[?.]?\s*$", re.I
)
# the request type a lead-in or its heading names (branch_names.py's words), and a further
# term ("for 6 more months") as a renewal
_RENEWAL = re.compile(rf"{CONTINUED_RE.pattern}|{FURTHER_TERM.pattern}", re.I)
_HEADING_REACH = 4


def _bare(text: str) -> str:
    """A title less its request-type words ("FIRST REQUEST", "Continued use")."""
    return _RENEWAL.sub(" ", INITIAL_RE.sub(" ", text))


def _is_title(line: Line) -> bool:
    """A heading, a question ("Q2. When will we approve X for Y?") or a numbered heading
    set apart ("3.1 Pegloticase (Krystexxa) for chronic gout"): what a lead-in's condition
    may be named by."""
    text = line.text.strip()
    if _is_heading(line) or text.endswith("?") and text[:1].isupper():
        return True
    if text[:1].isupper() and stated_name(text) is not None:
        return True  # "Given the member has X (its other name)": a scenario's condition step
    mark = _marker(text)
    return (
        mark is not None
        and line.blank_before
        and _is_heading(Line(line.page, line.indent, mark[2]))
        and mark[2][:1].isupper()
    )


def _panel_title(line: Line) -> bool:
    """A title of any case set apart right over the lead-in, no sentence ("buprenorphine
    extended-release (Sublocade) 300 mg subcut - first injection": a panel's orderable)."""
    text = line.text.strip()
    return (
        line.blank_before
        and _marker(text) is None
        and text[-1:] not in ".;:,"
        and len(text.split()) <= _MAX_PANEL_WORDS
        and not grant_words(text)
    )


def _title_name(text: str) -> str | None:
    """The condition a title names: its own "for <condition>" where that names one, else
    the title (less its number) where it names one."""
    mark = _marker(text)
    text = mark[2] if mark is not None else text
    text = SUBJECT_LABEL.sub("", text)  # "Subject: Migraine medications - ..."
    if (drugs := named_class(text)) is not None:
        return drugs
    if (typed := _BRANCH_TITLE.match(text)) is not None:
        text = text[typed.end() :].strip().removeprefix("(").removesuffix(")").strip()
    if (m := _TITLE_FOR.search(text)) is not None and names_condition(_bare(m.group("name"))):
        return m.group("name").strip()
    if _ACTION.match(text):
        return None  # "APPROVE 16 weeks", "Deny": an end box's action, no condition
    # "PATHWAY 2 - Does the member have X?": the question after its band's label
    if (asked := questioned_name(_LABEL_NUMBER.sub("", text))) is not None and any(
        # "Does your child have Alagille syndrome?"; "... have PFIC (<its spelled name>)?"
        names_condition(_bare(part))
        for part in (asked, *re.findall(r"\(([^()]+)\)", asked))
    ):
        return _spelled_first(asked.strip())
    # "Given the member has X": a scenario's step stating the subject's condition
    if (stated := stated_name(text)) is not None and names_condition(_bare(stated)):
        return stated.strip()
    return text.rstrip("?").strip() if names_condition(_bare(text)) else None


def _spelled_first(name: str) -> str:
    """ "DIRA (deficiency of the IL-1 receptor antagonist)" → its spelled name first, the
    abbreviation after it, where only the spelled name reads as a condition."""
    m = re.fullmatch(r"(?P<short>[^()]+?)\s*\((?P<long>[^()]+)\)", name)
    if m is None or names_condition(name) or not names_condition(m["long"]):
        return name
    return f"{m['long'].strip()} ({m['short']})"


def _sentence_title(text: str) -> str | None:
    """The condition a short title sentence opening the lead-in names ("Restriction 1 -
    Iron deficiency anemia. One course is approved when ...")."""
    sentences = _SENTENCE.split(text)
    if len(sentences) < 2:
        return None
    title = _LABEL_NUMBER.sub("", sentences[0]).rstrip(". ")
    # its request-type words are the branch's ("active X, first course" names X)
    title = _KIND_TAIL.sub("", title).strip()
    short = len(title.split()) <= _MAX_HEADING_WORDS
    named = names_condition(_bare(title))
    return title if short and not grant_words(title) and named else None


def _heading_above(lines: list[Line], at: int, floor: int) -> tuple[str | None, str | None]:
    """(the condition the nearest title naming one names, the nearest title of any kind)
    above the lead-in at ``at``, no further back than ``floor``."""
    any_heading = None
    for k in range(at - 1, max(floor, at - _HEADING_REACH) - 1, -1):
        wrapped = _wrapped_question(lines, k, floor)
        if not (wrapped or _is_title(lines[k]) or k == at - 1 and _panel_title(lines[k])):
            continue
        text = wrapped or lines[k].text.strip()
        any_heading = any_heading or text
        if (name := _title_name(text)) is not None:
            return name, any_heading
    return None, any_heading


def _titles_above(lines: list[Line], at: int, floor: int) -> list[str]:
    """The titles above the lead-in at ``at``, nearest first, no further back than
    ``floor`` or the heading reach."""
    return [
        lines[k].text.strip()
        for k in range(at - 1, max(floor, at - _HEADING_REACH) - 1, -1)
        if _is_title(lines[k])
    ]


def _wrapped_question(lines: list[Line], k: int, floor: int) -> str | None:
    """A title question wrapped onto a second line ("PATHWAY 2 - Does the member have X (its" /
    "spelled name)?"): the two lines joined, read from the wrapped line ``k``."""
    line = lines[k]
    text = line.text.strip()
    if k - 1 < floor or line.blank_before or not text[:1].islower() or not text.endswith("?"):
        return None
    above = lines[k - 1]
    joined = f"{above.text.strip()} {text}"
    fits = len(joined.split()) <= 2 * _MAX_HEADING_WORDS and above.text[:1].isupper()
    return joined if above.blank_before and fits else None


def _request_type(*texts: str) -> str:
    for text in texts:
        first = INITIAL_RE.search(text)
        again = _RENEWAL.search(text)
        if first and (not again or first.start() < again.start()):
            return "initial"
        if again:
            return "continuation"
    for text in texts:
        # a title's last part after its dash, a branch's name ("X - maintenance injection")
        tail = re.split(r"\s+[-–—]\s+", text)
        if len(tail) >= 2 and (kind := branch_heading_kind(tail[-1])) is not None:
            return kind
    # a milestone's time label ("MONTH 6, THEN EVERY 12 MONTHS"), the lead-in's time words
    return next((k for text in reversed(texts) if (k := time_kind(text)) is not None), "any")
