"""Whether the case's readings of a criterion's measurement fall on both sides of its bound
("liver iron was 9.8 mg Fe/g" when treatment began, "2.4 mg Fe/g" on the latest MRI): then
no one reading states the criterion, whatever the model cites, and a person reads them. The
measurement rule (measures.py) decides nothing in that case; this lets the check of the
model's answer (judge.py) say the same."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.analytes import analyte_at
from pipeline.policy.measures import _name, _readings, _same_unit, bounds


def readings_disagree(text: str, facts: list[CaseFact], drug: str = "") -> bool:
    """The first bound of the criterion holds for some reading of its measurement and fails
    for another (readings found as the measurement rule finds them, in the bound's unit)."""
    found = bounds(text)
    if not found or analyte_at(text, found[0].start, found[0].end) is not None:
        return False  # a named analyte: the rule reads it by its own names
    bound = found[0]
    stems, abbrevs, noun = _name(text, bound)
    if not stems and not abbrevs and noun is None:
        return False
    outcomes = set()
    for reading, _ in _readings(stems, abbrevs, noun, facts, drug):
        value = _same_unit(bound, reading)
        if value is not None and reading.unit is not None:
            outcomes.add(bound.holds(value))
    return len(outcomes) > 1
