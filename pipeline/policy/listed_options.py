"""A criterion that names its condition and lists the forms that count ("Infection at one of
these sites: complicated intra-abdominal, complicated urinary tract, hospital-acquired or
ventilator-associated pneumonia, or bloodstream"): met where one fact clause, negating
nothing, holds the head's words and every word of one listed form ("CT: pyelonephritis
(complicated urinary tract infection)"). Only "met" comes from here: a form not found may
be stated in other words."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_LISTED = re.compile(
    r"^(?P<head>[A-Za-z][\w\s-]{2,60}?)\s+(?:at|in|of|from|with|affecting)\s+"
    r"(?:any\s+)?one\s+of\s+(?:these|the\s+following)(?:\s+\w+)?\s*:\s*(?P<list>[^:;]+?)\.?$",
    re.I,
)
_FILLER = {"the", "a", "an", "of", "in", "at", "to", "and", "with", "or"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _FILLER}


def forms(listed: str) -> list[str]:
    """The listed forms; one with its own "or" ("hospital-acquired or ventilator-associated
    pneumonia") is two, each with the noun they share."""
    found: list[str] = []
    for part in re.split(r",\s*(?:or\s+)?|\s+or\s+(?=\S+$)", listed.strip()):
        part = re.sub(r"^(?:or|and)\s+", "", part.strip())
        sides = [s.strip() for s in re.split(r"\s+or\s+", part) if s.strip()]
        if len(sides) > 1:
            noun = sides[-1].split()[-1]
            sides = [s if s.split()[-1] == noun else f"{s} {noun}" for s in sides]
        found += sides
    return [f for f in found if f]


def _pieces(clause: str) -> list[str]:
    """The clause without its parentheses, and what each holds: "right pyelonephritis with
    no abscess (complicated urinary tract infection)" restates the diagnosis in them."""
    inside = re.findall(r"\(([^()]+)\)", clause)
    return [re.sub(r"\([^()]*\)", " ", clause), *inside]


def judge_listed_form(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _LISTED.match(text.strip())
    if not m:
        return None
    head = _words(m.group("head"))
    options = forms(m.group("list"))
    if not head or len(options) < 2:
        return None
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            for piece in _pieces(clause):
                said = _words(piece.replace("-", " ")) | _words(piece)
                if negates(piece) or not head <= said:
                    continue
                for option in options:
                    if _words(option.replace("-", " ")) <= said:
                        return "met", [fact.id], f"{fact.id} states {option} {m.group('head')}"
    return None
