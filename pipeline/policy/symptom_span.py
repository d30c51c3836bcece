"""A criterion that symptoms have lasted a span, with a count of events below a bound as
one of its forms ("Symptoms have been present for at least 3 months, with fewer than three
spontaneous bowel movements a week or abdominal pain relieved by defecation"), met by code
where one note gives both: how long ("since spring 2025 (about 10 months)", "for 6
months") and the count in the bound's unit of time ("two bowel movements a week").

Only "met" comes from here: a count the note does not give may be another form the
criterion allows, and a span the note does not give is not known to be short."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.units import NUMBER_WORD, count_value

_N = r"(\d+|" + NUMBER_WORD + r")"
_MONTHS = {"week": 1 / 4.345, "month": 1.0, "year": 12.0}
_ASKED = re.compile(
    r"^\s*(?:the\s+)?symptoms\s+(?:have|has)\s+been\s+present\s+for\s+(?:at\s+least\s+)?"
    + _N
    + r"\s+(week|month|year)s?\s*,?\s+with\s+(?P<forms>.+)$",
    re.I,
)
_FEWER = re.compile(
    r"\b(?:fewer|less)\s+than\s+" + _N + r"\s+(?P<noun>[a-z][a-z\s-]*?)\s+(?:a|per)\s+"
    r"(?P<per>day|week|month)\b",
    re.I,
)
_LASTED = re.compile(
    r"\b(?:about|approximately|around|for|over|past|last)\s+" + _N + r"\s+(week|month|year)s?\b",
    re.I,
)


def judge_symptom_span(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    need = count_value(m.group(1).lower()) * _MONTHS[m.group(2).lower()]
    fewer = _FEWER.search(m.group("forms"))
    if not fewer:
        return None
    bound = count_value(fewer.group(1).lower())
    head = fewer.group("noun").split()[-2:]  # "bowel movements" of "spontaneous ..."
    per = fewer.group("per").lower()
    counted = re.compile(
        _N + r"\s+" + r"\s+".join(re.escape(w) for w in head) + r"\s+(?:a|per)\s+" + per, re.I
    )
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:", "Prior therapy")):
            continue
        spans = [count_value(n.lower()) * _MONTHS[u.lower()] for n, u in _LASTED.findall(fact.text)]
        counts = [count_value(n.lower()) for n in counted.findall(fact.text)]
        if spans and counts and max(spans) >= need and all(c < bound for c in counts):
            return "met", [fact.id], f"{fact.id}: {max(spans):g} months, {counts[0]:g} a {per}"
    return None
