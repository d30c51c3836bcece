"""Criteria that ask a measurement past a bound on several dated tests some time apart
("Serum ferritin above 1,000 mcg/L on two tests at least 4 weeks apart"), judged by code
from the facts' dated readings of the measurement ("Ferritin 1,860 mcg/L on 11/10/2025 and
2,140 mcg/L on 12/22/2025").

A reading is a number in the bound's unit (or none written) with a full date right after it,
in a clause that names the measurement (its last word before the bound). Met: as many
readings as asked hold the bound, the first and last of them at least the gap apart. Not
met: at least as many dated readings as asked and none holds the bound, no reading in the
unit left undated. Anything between (some hold, too close together, undated values) is for
a person."""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, record_facts
from pipeline.policy.measures import bounds
from pipeline.policy.units import NUMBER_WORD, UNIT, count_value, unit_of

_ASKS = re.compile(
    r"^(?P<head>.+?)\s+on\s+(?:at\s+least\s+)?(?P<n>\d+|" + NUMBER_WORD + r")\s+"
    r"(?:separate\s+|different\s+|consecutive\s+)?"
    r"(?:tests?|occasions?|measurements?|readings?|determinations?|samples?)"
    r"(?:\s+(?:taken|drawn|obtained|done))?\s+(?:at\s+least|a\s+minimum\s+of)\s+"
    r"(?P<gap>\d+|" + NUMBER_WORD + r")\s+(?P<unit>days?|weeks?|months?)\s+apart\W*$",
    re.I,
)
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4}
_VALUE = re.compile(r"(?<![\w.,/])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w/])")
_DATED = re.compile(r"^\s*(?:on|dated|from)?\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")
Reading = tuple[float, date | None, str]


def _readings(name: str, unit: str | None, facts: list[CaseFact]) -> list[Reading]:
    out: list[Reading] = []
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if not re.search(rf"\b{re.escape(name)}", clause, re.I):
                continue
            for m in _VALUE.finditer(clause):
                rest = clause[m.end() :]
                u = UNIT.match(rest)
                written = unit_of(u.group(1)) if u else None
                if written != unit and not (written is None and unit is None):
                    continue
                d = _DATED.match(rest[u.end() :] if u else rest)
                when = None
                if d:
                    try:
                        when = date(int(d.group(3)), int(d.group(1)), int(d.group(2)))
                    except ValueError:
                        continue
                out.append((float(m.group(1).replace(",", "")), when, fact.id))
    return out


def judge_repeated_readings(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if m is None:
        return None
    found = bounds(m.group("head"))
    if len(found) != 1 or found[0].unit is None:
        return None
    bound = found[0]
    words = re.findall(r"[A-Za-z]{3,}", m.group("head")[: bound.start])
    if not words:
        return None
    need = int(count_value(m.group("n").lower()))
    gap = count_value(m.group("gap").lower()) * _DAYS[m.group("unit").lower().rstrip("s")]
    readings = _readings(words[-1], bound.unit, facts)
    dated = [r for r in readings if r[1] is not None]
    held = sorted((r for r in dated if bound.holds(r[0])), key=lambda r: r[1] or date.min)
    if len(held) >= need and held[0][1] and held[-1][1]:
        if (held[-1][1] - held[0][1]).days >= gap:
            cited = list(dict.fromkeys(r[2] for r in held))[:3]
            shown = ", ".join(f"{r[0]:g}" for r in held[:3])
            return "met", cited, f"{shown} {bound.unit} on dates {gap:g} days apart or more"
        return None
    if any(bound.holds(r[0]) for r in readings) or len(readings) > len(dated):
        return None
    if len(dated) >= need:
        cited = list(dict.fromkeys(r[2] for r in dated))[:3]
        shown = ", ".join(f"{r[0]:g}" for r in dated[:3])
        return "not_met", cited, f"documented {shown} {bound.unit}: none {bound.words()}"
    return None
