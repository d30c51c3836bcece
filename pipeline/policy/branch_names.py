"""A branch's name ("Initial authorization 6 months", "Continuation of therapy", "Renewal
Request") and the durations printed with it; headings made only of a document's own words."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import DOCUMENT_WORDS, PAREN, words_of

_DURATION = r"\d+\s*(?:month|year|week|day)(?:\(?s\)?)?"
_DURATION_TAIL = re.compile(rf"\s+({_DURATION})\s*$", re.I)
_DURATION_ONLY = re.compile(rf"^({_DURATION})\s*$", re.I)
# The names payers give a branch: "Initial Authorization", "First Course", "New Start" /
# "Continuation of Therapy", "Renewal Request", "Retreatment", "Re-approval", "Ongoing".
_BRANCH_INITIAL = re.compile(
    r"^(?:initial|initiation|first (?:course|request|authori[sz]ation|approval)|"
    r"new (?:start|request|patient|member)s?|induction|starting)\b",
    re.I,
)
_BRANCH_CONTINUED = re.compile(
    r"^(?:continu\w*|renewal|re-?authori[sz]ation|recertification|re-?certification|"
    r"re-?treatment|subsequent|maintenance|re-?approval|extension|ongoing|"
    r"follow-?up|re-?assessment|re-?evaluation|existing (?:patient|member|user)s?)\b",
    re.I,
)


def _document_heading(text: str) -> bool:
    words = words_of(text)
    return bool(words) and all(w in DOCUMENT_WORDS for w in words)


def _branch_kind(text: str) -> tuple[str, str | None] | None:
    """("initial" | "continuation", approval) for a branch heading: "Initial authorization
    6 months", "Continuation of therapy", "Reauthorization (all indications ...)"."""
    approval = None
    if m := _DURATION_TAIL.search(text):
        approval, text = m.group(1), text[: m.start()]
    if len(PAREN.sub("", text).split()) > 6 or ":" in text:
        return None
    words = text.split()
    while words:
        # "Criteria Reauthorization": a table's header cell run into the row's label
        rest = " ".join(words)
        if _BRANCH_INITIAL.match(rest):
            return "initial", approval
        if _BRANCH_CONTINUED.match(rest):
            return "continuation", approval
        if words_of(words[0]) and all(w in DOCUMENT_WORDS for w in words_of(words[0])):
            words = words[1:]
        else:
            break
    return None
