"""A criterion that a condition began recently ("Onset of eye symptoms within the last 15
months", "symptoms began within the past 6 months"), read from a fact that states the
condition's onset as such with a date of its own ("Eye symptoms began 05/2026, 6 months
ago"): met where it began at most that long ago, not met where it began longer ago.

The other direction of durations.py (how long a condition has lasted, at least): the same
onset clause, bounded from above. A diagnosis date is no onset (a re-diagnosis may be later
than the onset), nor is a therapy's start; a clause with no date of its own decides
nothing (the note's own date is not when the condition began)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import MONTHS, clauses, coverage, negates, requirements
from pipeline.policy.dates import as_of, clause_age
from pipeline.policy.models import Found
from pipeline.terms import find_drugs

_ASKED = re.compile(
    r"^\s*(?:(?:the\s+)?(?:onset|start|beginning)\s+of\s+(?P<a>.+?)|(?P<b>.+?)\s+"
    r"(?:began|started|first\s+noted|with\s+onset))\s+within\s+(?:the\s+)?(?:last|past|"
    r"previous|prior)\s+(?P<n>\d+)\s*(?P<unit>week|month|year)s?\s*\.?\s*$",
    re.I,
)
_BEGAN = re.compile(r"\b(?:began|begun|onset|first\s+noted|started)\b", re.I)
_THERAPY = re.compile(
    r"\b(?:treat\w*|therap\w*|dos\w+|drug|medication|infusion|injection|diagnos\w*)\b", re.I
)
_DATED = re.compile(r"\d{1,2}/\d{4}|\d{4}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\bago\b")


def judge_onset_window(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.match(text)
    if not m:
        return None
    window = float(m.group("n")) * MONTHS[m.group("unit").lower()]
    groups = requirements(m.group("a") or m.group("b"))
    if not groups:
        return None
    today = as_of(facts)
    need = len(groups) if len(groups) <= 2 else -(-len(groups) // 2)
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:", "Prior therapy")):
            continue
        for c in clauses(fact.text):
            began = _BEGAN.search(c)
            if not began or coverage(groups, c) < need or negates(c[: began.end()]):
                continue
            span = c[began.start() : began.end() + 40]
            if _THERAPY.search(c) or find_drugs(c) or not _DATED.search(span):
                continue
            age = clause_age(span, fact, today)
            if age is None:
                continue
            least, most = age
            if most <= window:
                why = f"{fact.id}: it began at most {most:.0f} months ago (within {window:g})"
                return "met", [fact.id], why
            if least > window:
                why = f"{fact.id}: it began at least {least:.0f} months ago (over {window:g})"
                return "not_met", [fact.id], why
    return None
