"""A measurement past a high bound, or past a lower one with symptoms ("serum calcium above
11.3 mg/dL, or above 10.5 mg/dL with symptoms of hypercalcemia"), not met by code where
every reading the notes give is at or below the high bound and either at or below the
lower one too, or the record states the patient has no symptoms ("symptom-free",
"asymptomatic", "no symptoms").

Not met only: a reading past the high bound is the measurement rules' (measures.py) to
approve, and symptoms stated present are the model's to weigh. A note with no reading in
the criterion's unit, or a record silent on symptoms with a reading between the bounds,
decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, stem
from pipeline.policy.units import UNIT, unit_of

_NUM = r"(\d+(?:\.\d+)?)"
_ABOVE = r"(?:above|over|greater\s+than|more\s+than|>)\s*"
_ASKED = re.compile(
    rf"^\s*(?P<name>[A-Za-z][\w -]{{1,40}}?)\s+{_ABOVE}(?P<high>{_NUM[1:-1]})\s*(?P<unit>\S+),?\s+"
    rf"or\s+{_ABOVE}(?P<low>{_NUM[1:-1]})\s*(?P<unit2>\S+)?\s+with\s+(?:symptoms|signs)\b",
    re.I,
)
_SYMPTOM_FREE = re.compile(
    r"\b(?:symptom-?free|asymptomatic|no\s+symptoms|without\s+symptoms)\b", re.I
)


def _readings(clause: str, name: list[str], unit: str) -> list[float]:
    """The numbers between the measurement's name and its unit ("Serum calcium 10.9 and
    10.8 mg/dL"), where the clause names it whole."""
    words = list(re.finditer(r"[A-Za-z]+", clause))
    hits = [w for w in words if stem(w.group()) in name]
    if {stem(w.group()) for w in hits} != set(name):
        return []
    rest = clause[max(w.end() for w in hits) :]
    m = re.match(rf"\s*((?:{_NUM}\s*(?:,|and|or|to)?\s*)+)", rest)
    if not m:
        return []
    u = UNIT.match(rest[m.end() :]) or UNIT.match(rest[m.end() - 1 :])
    if not u or unit_of(u.group(1)) != unit:
        return []
    return [float(x) for x in re.findall(_NUM, m.group(1))]


def judge_bound_with_symptoms(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    u = UNIT.match(" " + m.group("unit"))
    unit = unit_of(u.group(1)) if u else None
    if unit is None:
        return None
    name = [stem(w) for w in re.findall(r"[A-Za-z]+", m.group("name").lower())]
    high, low = float(m.group("high")), float(m.group("low"))
    values: list[float] = []
    cited: list[str] = []
    record = [f for f in facts if f.text.startswith("History:")]
    for fact in record:
        for clause in clauses(fact.text):
            found = _readings(clause, name, unit)
            if found:
                values += found
                cited.append(fact.id)
    if not values or any(v > high for v in values):
        return None
    shown = ", ".join(f"{v:g}" for v in values)
    if all(v <= low for v in values):
        return "not_met", cited[:3], f"readings {shown} {unit}: none above {low:g}"
    # said in a note of the readings: "no symptoms" elsewhere may be of something else
    free = next((f for f in record if f.id in cited and _SYMPTOM_FREE.search(f.text)), None)
    if free is not None:
        why = f"readings {shown} {unit}: none above {high:g}, and {free.id} states no symptoms"
        return "not_met", list(dict.fromkeys([*cited[:2], free.id])), why
    return None
