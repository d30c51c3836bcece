"""A measurement asked to lie a share below (or above) its value before treatment ("Resting
heart rate at least 10% below the rate before treatment"), read from the record's sentences
that name the measurement: one marked as before the treatment or the baseline ("Resting
heart rate before ivabradine (05/2026): 118 beats per minute") and one later ("Resting
heart rate 11/23/2026: 94 beats per minute").

Exactly one earlier and one later value, each the first number after the name (dates and
bracketed notes skipped), in the same unit; anything else decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.models import Found

_ASKED = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z -]{2,40}?)\s+(?:at\s+least|by\s+at\s+least)\s+"
    r"(?P<n>\d+(?:\.\d+)?)\s*%\s+(?P<dir>below|lower\s+than|above|higher\s+than)\s+the\s+"
    r"(?:\w+\s+){0,2}?(?:before\s+(?:treatment|starting|the\s+first\s+dose)|at\s+baseline|"
    r"pre-?treatment(?:\s+\w+)?)\s*\.?$",
    re.I,
)
_BEFORE = re.compile(r"\b(?:before|baseline|pre-?treatment|prior\s+to)\b", re.I)
# after the name: bracketed notes, dates, a colon, then the value and its unit
_VALUE = re.compile(
    r"^(?:\s*\([^)]*\)|\s*\d{1,2}/(?:\d{1,2}/)?\d{4}|\s*(?:before|on|at|was|of|is)\b[^:\d(]{0,30}"
    r"|\s*:)*\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<unit>[A-Za-z/%]+)",
    re.I,
)


def judge_percent_from_before(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.match(text.strip())
    if m is None:
        return None
    name = re.escape(m.group("name").strip()).replace(r"\ ", r"\s+")
    want, below = float(m.group("n")), m.group("dir").lower().startswith(("below", "lower"))
    before: list[tuple[float, str, str]] = []
    later: list[tuple[float, str, str]] = []
    for fact in record_facts(facts):
        for sentence in re.split(r"(?<=[a-z0-9)])\.\s+", fact.text):
            for hit in re.finditer(name, sentence, re.I):
                v = _VALUE.match(sentence[hit.end() :])
                if v is None:
                    continue
                marked = _BEFORE.search(sentence[hit.end() : hit.end() + v.start("v")])
                row = (float(v.group("v")), v.group("unit").lower(), fact.id)
                (before if marked else later).append(row)
    if len(before) != 1 or len(later) != 1 or before[0][1] != later[0][1] or before[0][0] <= 0:
        return None
    b, a = before[0][0], later[0][0]
    share = (b - a) / b * 100 if below else (a - b) / b * 100
    cited = list(dict.fromkeys([before[0][2], later[0][2]]))
    said = f"{b:g} before, {a:g} now: {share:.0f}% {'below' if below else 'above'}"
    return ("met" if share >= want else "not_met"), cited, f"{said} ({want:g}% asked)"
