"""A bound written with a unit code does not parse ("Dose is no more than 6 mg/kg per week")
checked against every fact that writes a number with the same unit words: where one fails
the bound ("the team plans ... 9 mg/kg per week in total"), no fact states the criterion
met, whatever the model cites (the request's own line may still say 6 mg/kg per week)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.measure_conflict import readings_disagree
from pipeline.policy.measures import bounds

# "mg/kg per week", "units/kg", "mg/m2 every 3 weeks": a rate per body size, and its period
_UNIT = re.compile(
    r"\s*(?P<u>[a-zµμ]+/(?:kg|m2|m²)(?:\s+(?:per|a|each|every)\s+(?:day|week|month|dose))?)",
    re.I,
)


def unit_phrase_fails(text: str, facts: list[CaseFact]) -> bool:
    """Some fact writes a value with the criterion's unit words that fails its first bound."""
    found = bounds(text)
    if not found or found[0].unit is not None:
        return False  # a unit the measurement rules read: theirs to compare
    m = _UNIT.match(text[found[0].end :])
    if not m:
        return False
    said = re.compile(
        r"(?<![\d.])(\d+(?:\.\d+)?)\s*" + r"\s+".join(map(re.escape, m.group("u").split())), re.I
    )
    return any(not found[0].holds(float(v)) for fact in facts for v in said.findall(fact.text))


def facts_disagree(text: str, facts: list[CaseFact], drug: str = "") -> bool:
    """No one fact states the bound met: the measurement's readings lie on both sides of it,
    or a fact writes a value in its unit words that fails it."""
    return readings_disagree(text, facts, drug) or unit_phrase_fails(text, facts)
