"""Criteria that rule out an earlier failure on a drug class ("no earlier virological
failure on integrase inhibitors or non-nucleoside reverse transcriptase inhibitors"),
judged by code: not met where a note states that failure (its words, not denied) on a
drug of one of the classes ("Virological failure on efavirenz/emtricitabine/tenofovir in
2018": efavirenz is an NNRTI). Only "not met" comes from here; a failure stated absent is
broader_absence.py's.

"... and no earlier virological failure on either class": the classes a later part
points back to are the ones its first part names (``resolve_classes``).
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_ASKS = re.compile(
    r"^(?:there\s+(?:is|has\s+been)\s+|the\s+(?:person|patient|member)\s+has\s+(?:had\s+)?)?"
    r"no\s+(?:(?:known|earlier|previous|prior)\s+)*(?P<event>(?:virologic(?:al)?|treatment|"
    r"clinical|immunologic(?:al)?)\s+failure)\s+(?:on|with|of|to)\s+(?P<what>.+)$",
    re.I,
)
_BACK = re.compile(r"\b(?:either|both|these|those|each)\s+(?:drug\s+)?class(?:es)?\b", re.I)


def _first(words: tuple[str, ...], text: str) -> re.Match[str] | None:
    from pipeline.terms import term_pattern

    pattern = term_pattern(words)
    return pattern.search(text) if pattern else None


def resolve_classes(parts: list[str]) -> list[str]:
    """Later parts with "either class" written out as the classes the first part names."""
    from pipeline.terms import find_classes

    if len(parts) < 2 or not any(_BACK.search(p) for p in parts[1:]):
        return parts
    named = [m.group(0) for c in find_classes(parts[0]) if (m := _first(c.words, parts[0]))]
    if len(named) < 2:
        return parts
    return [parts[0], *(_BACK.sub(" or ".join(named), p) for p in parts[1:])]


def judge_class_failure(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    from pipeline.terms import find_classes, find_drugs

    m = _ASKS.match(text.strip().rstrip("."))
    if not m:
        return None
    classes = {c.name for c in find_classes(m.group("what"))}
    if not classes:
        return None
    first = m.group("event").split()[0].lower()[:8]  # "virologic(al)"
    event = re.compile(rf"\b{first}\w*\s+failure", re.I)
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if not event.search(clause) or negates(clause):
                continue
            hit = [d.name for d in find_drugs(clause) if classes & set(d.classes)]
            if hit:
                said = f"{fact.id} states {m.group('event').lower()} on {hit[0]}"
                return "not_met", [fact.id], f"{said} (one of {', '.join(sorted(classes))})"
    return None
