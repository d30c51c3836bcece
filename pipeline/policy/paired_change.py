"""A criterion that a measurement moved by a percent from its value before treatment, said
with a verb ("Blood phenylalanine fell by at least 30% from baseline during the trial",
"Six-minute walk test distance has risen by at least 10% from the pre-treatment value"),
judged by code from one clause that gives both readings ("Six-minute walk: 310 m before
treatment (07/2025) and 362 m on 02/03/2026").

The clause names the measurement (a word of its name, two where the name has three or
more), gives a reading marked as before ("before treatment", "before the trial",
"baseline", "pre-treatment") and later readings in the same unit. Met where every later
reading has moved the asked way by at least the percent, not met where none has; readings
in other units, no reading marked as before, or later readings on both sides decide
nothing. (Criteria said with a noun, "a fall of at least 5% from baseline", are
baseline_percent.py's.)"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, coverage, requirements
from pipeline.policy.units import UNIT, unit_of

_ASKED = re.compile(
    r"^\s*(?P<name>.+?)\s+(?:has\s+|have\s+)?(?:(?P<down>fell|fallen|dropped|decreased|"
    r"declined|gone down)|(?P<up>rose|risen|increased|improved|gone up))\s+by\s+"
    r"(?:at\s+least|≥|no\s+less\s+than)\s+(?P<pct>\d+(?:\.\d+)?)\s*%\s+"
    r"(?:from|since|over|compared (?:with|to))\s+(?:the\s+|its\s+)?"
    r"(?:baseline|pre-?treatment|before\s+treatment|value\s+before)",
    re.I,
)
_NUMBER = re.compile(r"(?<![\d/.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d/])")
_DISTANCE = re.compile(r"\s*(metres?|meters?|m|km|feet|ft)\b", re.I)
_BEFORE = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:at\s+)?(?:before\s+(?:the\s+)?(?:treatment|trial|therapy|"
    r"first dose|starting)|baseline|pre-?treatment)",
    re.I,
)
_NOT_READING = {"%", "year", "month", "week", "day", "minute"}


def _readings(clause: str) -> list[tuple[float, str, bool]]:
    """(value, unit, marked as before) for each number with a unit in the clause."""
    out = []
    for m in _NUMBER.finditer(clause):
        rest = clause[m.end() :]
        if re.match(r"-[A-Za-z]", rest):
            continue  # "6-minute": a number that names the measurement
        u = UNIT.match(rest)
        unit = unit_of(u.group(1)) if u else None
        if unit is None and (d := _DISTANCE.match(rest)):
            u, unit = d, "m" if d.group(1).lower().startswith("m") else d.group(1).lower()
        if unit is None or unit in _NOT_READING or u is None:
            continue
        before = bool(_BEFORE.match(rest[u.end() :]))
        out.append((float(m.group(1).replace(",", "")), unit, before))
    return out


def judge_paired_change(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    groups = requirements(m.group("name"))
    if not groups:
        return None
    need = 1 if len(groups) <= 2 else 2
    pct, down = float(m.group("pct")), bool(m.group("down"))
    found: list[tuple[str, list[float], CaseFact]] = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if coverage(groups, clause) < need:
                continue
            readings = _readings(clause)
            base = [(v, u) for v, u, before in readings if before]
            if len(base) != 1:
                continue
            value, unit = base[0]
            later = [v for v, u, before in readings if not before and u == unit]
            if value > 0 and later:
                moved = [((value - v) if down else (v - value)) / value * 100 for v in later]
                found.append((clause, moved, fact))
    if len(found) != 1:
        return None  # no clause, or two that may disagree: a person reads them
    _, moved, fact = found[0]
    way = "fell" if down else "rose"
    shown = ", ".join(f"{x:.0f}%" for x in moved)
    if all(x >= pct for x in moved):
        return "met", [fact.id], f"{fact.id}: {way} {shown}, at least {pct:g}%"
    if all(x < pct for x in moved):
        return "not_met", [fact.id], f"{fact.id}: moved {shown}, less than {pct:g}%"
    return None
