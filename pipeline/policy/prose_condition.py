"""The condition a document names in its opening words rather than its title: a subject
line ("Subject: RE: Migraine medications - criteria") or a sentence naming its drugs by
the condition they treat ("here is what we agreed for the two postpartum depression drugs",
"the following gout therapies"). A lead-in naming only a drug ("Drug X: approve one course
if ...") grants it for that condition (grant_lead_ins.py)."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.outline import Line

# "Subject:", "RE:", "Fwd:" before a subject's words
SUBJECT_LABEL = re.compile(r"^(?:(?:subject|re|fwd?|topic)\s*:\s*)+", re.I)
# up to four words before a word naming drugs as a class
_CLASS_WORD = re.compile(
    r"((?:[A-Za-z][\w'-]*\s+){1,4}?)(?:drugs|medications|medicines|therapies|agents|"
    r"products|treatments)\b",
)
_NOT_FIRST = {
    "the",
    "a",
    "an",
    "two",
    "three",
    "four",
    "both",
    "all",
    "these",
    "our",
    "for",
    "of",
    "new",
    "other",
    "some",
    "any",
    "and",
    "or",
    "to",
    "several",
}
_OPENING_LINES = 30


def named_class(text: str) -> str | None:
    """The condition before a drug-class word ("two postpartum depression drugs" →
    "postpartum depression"): the longest run of its words naming a condition."""
    for m in _CLASS_WORD.finditer(text):
        words = m.group(1).split()
        for k in range(len(words)):
            head = words[k:]
            if head[0].lower() in _NOT_FIRST:
                continue
            name = " ".join(head)
            if names_condition(name):
                return name
    return None


def prose_condition(lines: list[Line], until: int | None = None) -> str | None:
    """The condition the document's opening lines (before ``until``) name by a subject line
    or by its drugs' class, or None."""
    end = min(until if until is not None else len(lines), _OPENING_LINES)
    for line in lines[:end]:
        if line.page != 1:
            break
        if (label := SUBJECT_LABEL.match(line.text)) is not None:
            subject = line.text[label.end() :]
            if (name := named_class(subject)) is not None:
                return name
    return named_class(" ".join(x.text for x in lines[:end] if x.page == 1))
