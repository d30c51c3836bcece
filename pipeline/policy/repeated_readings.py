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
from pipeline.policy.dated_counts import (
    DAYS,
    Dated,
    cited,
    day_of,
    days_past,
    named_bound,
    shown,
    unit_span,
)
from pipeline.policy.units import NUMBER_WORD, count_value

_ASKS = re.compile(
    r"^(?P<head>.+?)\s+on\s+(?:at\s+least\s+)?(?P<n>\d+|" + NUMBER_WORD + r")\s+"
    r"(?:separate\s+|different\s+|consecutive\s+)?"
    r"(?:tests?|occasions?|measurements?|readings?|determinations?|samples?)"
    r"(?:\s+(?:taken|drawn|obtained|done))?\s+(?:at\s+least|a\s+minimum\s+of)\s+"
    r"(?P<gap>\d+|" + NUMBER_WORD + r")\s+(?P<unit>days?|weeks?|months?)\s+apart\W*$",
    re.I,
)
_VALUE = re.compile(r"(?<![\w.,/])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w/])")
# the date written right after the value ("2,140 mcg/L on 12/22/2025")
_DATED = re.compile(r"^\s*(?:on|dated|from)?\s*\d{1,2}/\d{1,2}/\d{4}\b")


def _readings(name: str, unit: str, facts: list[CaseFact]) -> list[Dated]:
    out: list[Dated] = []
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if not re.search(rf"\b{re.escape(name)}", clause, re.I):
                continue
            for m in _VALUE.finditer(clause):
                written, end = unit_span(clause[m.end() :])
                if written != unit:
                    continue
                d = _DATED.match(clause[m.end() + end :])
                when = day_of(d.group(0)) if d else None
                if d and when is None:
                    continue  # not a calendar date
                out.append(Dated(float(m.group(1).replace(",", "")), unit, when, fact.id))
    return out


def judge_repeated_readings(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if m is None:
        return None
    if (named := named_bound(m.group("head"))) is None:
        return None
    bound, words = named
    need = int(count_value(m.group("n").lower()))
    gap = count_value(m.group("gap").lower()) * DAYS[m.group("unit").lower().rstrip("s")]
    readings = _readings(words[-1], bound.unit, facts)
    dated = [r for r in readings if r.day is not None]
    days = days_past(dated, bound)
    if len(days) >= need:
        if (days[-1] - days[0]).days >= gap:
            held = sorted(
                (r for r in dated if bound.holds(r.value)), key=lambda r: r.day or date.min
            )
            return (
                "met",
                cited(held),
                f"{shown(held[:3])} {bound.unit} on dates {gap:g} days apart or more",
            )
        return None
    if any(bound.holds(r.value) for r in readings) or len(readings) > len(dated):
        return None
    if len(dated) >= need:
        return (
            "not_met",
            cited(dated),
            f"documented {shown(dated[:3])} {bound.unit}: none {bound.words()}",
        )
    return None
