"""A branch's name ("Initial authorization 6 months", "Continuation of therapy", "Renewal
Request") and the durations printed with it; headings made only of a document's own words."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import DOCUMENT_WORDS, PAREN, names_condition, words_of

_DURATION = r"\d+\s*(?:month|year|week|day)(?:\(?s\)?)?"
# "Initial authorization 6 months", "Continuation (12 months)"
_DURATION_TAIL = re.compile(rf"\s+\(({_DURATION})\)\s*$|\s+({_DURATION})\s*$", re.I)
_DURATION_ONLY = re.compile(rf"^({_DURATION})\s*$", re.I)
# The names payers give a branch: "Initial Authorization", "First Course", "New Start" /
# "Continuation of Therapy", "Renewal Request", "Retreatment", "Re-approval", "Ongoing". The
# words that name a request type wherever they stand (a lead-in sentence's "for a first
# request", "renewal for a further 6 months") are shared with grant_lead_ins.py; a few more
# open a branch's heading only ("Maintenance", "Subsequent", "Ongoing", "Follow-up"), since
# inside a sentence they qualify a dose or a visit.
INITIAL_WORDS = (
    r"initial|initiation|first\s+(?:course|request|authori[sz]ation|approval|time|fill|"
    r"dose|injection|infusion)|"
    r"new\s+(?:start|request|patient|member)s?|starting"
)
CONTINUED_WORDS = (
    r"continu\w*|renew\w*|re-?authori[sz]\w*|re-?certif\w*|extension|"
    r"extend(?!ed[\s-]+release)\w*|re-?treatment|re-?approval|"
    # "Repeat course for X", "Repeat dosing", "Subsequent application": a further course
    # of the same treatment
    r"(?:repeat|second|subsequent|further|another)\s+(?:course|dos(?:e|es|ing)|cycle|"
    r"infusion|treatment|request|application)s?"
)
# the words anywhere in a text: one compiled test the readers share
INITIAL_RE = re.compile(rf"\b(?:{INITIAL_WORDS})\b", re.I)
CONTINUED_RE = re.compile(rf"\b(?:{CONTINUED_WORDS})\b", re.I)
# either kind's words, for a pattern that reads a request type in a place of its own
REQUEST_WORDS = rf"{INITIAL_WORDS}|{CONTINUED_WORDS}"
REQUEST_WORD = re.compile(rf"\b(?:{REQUEST_WORDS})\b", re.I)
# "Start of therapy" / "Refill authorization": an intake sheet's parts
_BRANCH_INITIAL = re.compile(
    rf"^(?:{INITIAL_WORDS}|induction|start(?:\s+of\s+(?:therapy|treatment))?)\b", re.I
)
_BRANCH_CONTINUED = re.compile(
    rf"^(?:{CONTINUED_WORDS}|subsequent|maintenance|ongoing|follow-?up|re-?assessment|refills?|"
    r"re-?evaluation|existing (?:patient|member|user)s?)\b",
    re.I,
)


# a timeline's time words: when in the course a request is made says its type ("BEFORE THE
# FIRST DOSE"; "MONTH 6, THEN EVERY 12 MONTHS", "at month 6", "every 12 months thereafter",
# "after the first 3 months"), where no request word says it
_N = r"(?:\d{1,2}|one|two|three|four|six|nine|twelve)"
_TIME_INITIAL = re.compile(
    r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:first|initial)\s+(?:dose|injection|infusion|fill)|"
    r"\b(?:at|on)\s+(?:the\s+)?(?:start|day\s+(?:0|1)|week\s+0|baseline)\b",
    re.I,
)
_TIME_CONTINUED = re.compile(
    rf"\b(?:at|after|from|by)\s+(?:month|week)\s+{_N}\b|^\s*(?:month|week)\s+{_N}\b|"
    rf"\bevery\s+{_N}\s+(?:months|weeks|years)\b|\bthereafter\b|"
    rf"\bafter\s+the\s+first\s+{_N}\s+(?:months|weeks|doses)\b",
    re.I,
)


def time_kind(text: str) -> str | None:
    """ "initial" | "continuation" for a time label's words, else None; the first request
    where both are said ("before the first dose, then every 6 months" starts a course)."""
    if _TIME_INITIAL.search(text):
        return "initial"
    return "continuation" if _TIME_CONTINUED.search(text) else None


def _document_heading(text: str) -> bool:
    words = words_of(text)
    return bool(words) and all(w in DOCUMENT_WORDS for w in words)


def _branch_kind(text: str) -> tuple[str, str | None] | None:
    """("initial" | "continuation", approval) for a branch heading: "Initial authorization
    6 months", "Continuation of therapy", "Reauthorization (all indications ...)"."""
    approval = None
    if m := _DURATION_TAIL.search(text):
        approval, text = m.group(1) or m.group(2), text[: m.start()]
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


def title_kind(title: str) -> tuple[str, str | None] | None:
    """The request type a title names after its last dash ("PART 1 - DRUG - START OF
    THERAPY", "DRUG - REFILL AUTHORIZATION (every 12 months)"), where it has a subject
    before it; None otherwise."""
    parts = title_parts(title)
    return _branch_kind(parts[-1]) if len(parts) > 1 else None


def title_parts(title: str) -> list[str]:
    """A title's parts between its dashes, its last part's request type after a comma set
    apart too ("Section 2.1 - Drug, initial request" → ["Section 2.1", "Drug", "initial
    request"])."""
    parts = re.split(r"\s+[-–—]\s+", title)
    head, comma, tail = parts[-1].rpartition(", ")
    if comma and head and _branch_kind(tail) is not None:
        parts[-1:] = [head, tail]
    return parts


# a title's last part, its logic word ("..., initial request, All:"): logic_notes reads it
_LOGIC_TAIL = re.compile(
    r",\s*(?:all|both|one|any(?:\s+one)?|either|(?:at\s+least\s+)?\w+(?:\s+or\s+more)?)\s*:\s*$",
    re.I,
)


def comma_title(text: str) -> tuple[str, str] | None:
    """(condition, request type) of a title made of comma-separated parts, one naming the
    condition and one the branch ("Efgartigimod alfa, generalized myasthenia gravis,
    initial request, All:" → generalized myasthenia gravis, initial): a criteria set's
    title in the order its publisher lists drug, condition and request."""
    body = _LOGIC_TAIL.sub("", text.strip()).rstrip(" :,")
    parts = [p.strip() for p in body.split(",") if p.strip()]
    if not 2 <= len(parts) <= 5 or any(len(p.split()) > 8 for p in parts):
        return None
    kinds = [(i, k) for i, p in enumerate(parts) if (k := _branch_kind(p)) is not None]
    if len(kinds) != 1:
        return None
    at, kind = kinds[0]
    named = [p for p in parts[:at] if names_condition(p)]
    if not named:
        return None
    return named[-1][:1].upper() + named[-1][1:], kind[0]


def branch_heading_kind(text: str) -> str | None:
    """ "initial" | "continuation" for a branch's name ("first injection", "Maintenance
    injection", "Renewal"), else None."""
    kind = _branch_kind(text.strip())
    return kind[0] if kind is not None else None
