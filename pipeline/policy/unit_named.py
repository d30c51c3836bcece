"""A measurement named by its unit: some units belong to one assay only (the Bethesda unit is
the factor inhibitor titer's), so "Bethesda titer 22 BU" is the reading a criterion "factor
VIII inhibitor titer of 5 Bethesda units or more" asks, though the note does not repeat the
criterion's words. Only a criterion that is the bound alone is read (no "history of ... with
failed immune tolerance", no "and"); every value in that unit the facts give must agree, and
the criterion asking a current value ("current", "now") reads the latest written; otherwise
nothing (the model, or a person, decides)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.measures import bounds
from pipeline.policy.reading_reasons import reading_reason
from pipeline.policy.units import UNIT, unit_of

# units no other measurement is written in
ASSAY_UNITS = {"BU"}
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)")
# more asked than the value: a history, a second requirement, a denial
_MORE = re.compile(
    r"\b(?:history|histories|previous|prior|ever|peak|with|and|not|no|never)\b", re.I
)


def _values(unit: str, facts: list[CaseFact]) -> list[tuple[float, CaseFact]]:
    out = []
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for m in _NUMBER.finditer(fact.text):
            u = UNIT.match(fact.text[m.end() :])
            if u and unit_of(u.group(1)) == unit:
                out.append((float(m.group(1)), fact))
    return out


def judge_unit_named(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    found = bounds(text)
    if len(found) != 1 or found[0].unit not in ASSAY_UNITS:
        return None
    bound = found[0]
    if _MORE.search(text[: bound.start] + " " + text[bound.end :]):
        return None
    values = _values(bound.unit, facts)
    if not values:
        return None
    outcomes = {bound.holds(v) for v, _ in values}
    if len(outcomes) > 1:
        return None  # a peak and a current value that disagree: a person reads them
    ok = outcomes.pop()
    shown = ", ".join(f"{v:g}" for v, _ in values[:3])
    cited = list(dict.fromkeys(f.id for _, f in values))[:3]
    why = reading_reason(f"{shown} {bound.unit}", ok, bound.words())
    return ("met" if ok else "not_met"), cited, why
