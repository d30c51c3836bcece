"""Criteria that say a measurement has moved by an amount since baseline, as a verb
("Urine protein to creatinine ratio has fallen by at least 50% from baseline, or to below
0.7 g/g", "Estimated GFR has not fallen by more than 20% from baseline"), judged by code
from a sentence that names the measurement and gives its baseline value first, then its
later ones ("eGFR 58 mL/min/1.73 m2 at baseline; 61 mL/min/1.73 m2 on 01/09/2026").

The amount is a percent of the baseline value; "or to below X" is an alternative bound on
the later value itself. The sentence's first clause (clauses split at ";") must give one
value and be marked baseline/before; every later clause gives later values in the same
unit. Met or not met only where every later value reads the same way (a run of results
that all fail is a "not met" whichever is the current one); anything else decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.analytes import named
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.measures import Bound, bounds
from pipeline.policy.models import Found

_STATED = re.compile(
    r"^(?P<name>.+?)\s+(?:has|have)\s+(?P<neg>not\s+)?(?:been\s+)?"
    r"(?P<dir>fallen|dropped|decreased|declined|reduced|risen|increased)"
    # no amount ("Proteinuria has fallen from the pre-treatment ratio"): any move that way
    r"(?:\s+by\s+(?P<amount>.+?))?\s+(?:since|from|compared with)\s+(?:the\s+|its\s+)?"
    r"(?:baseline|start of (?:treatment|therapy)|pre-?treatment(?: value| level)?)"
    # "from the pre-treatment urine protein-to-creatinine ratio": the measurement named there
    r"(?:\s+(?P<of>[a-z][\w /-]*?))?"
    r"(?:,?\s+or\s+to\s+(?P<alt>.+))?$",
    re.I,
)
_UP = {"risen", "increased"}
_EARLIER = re.compile(r"\b(?:before|baseline|pre-?treatment|prior to)\b", re.I)
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}")
_VALUE = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)\s*([A-Za-zµ]+)\b")


def _values(text: str) -> list[tuple[float, str]]:
    """Each value with the first word of its unit ("0.9 g/g" → (0.9, "g"))."""
    return [(float(v), u.lower()) for v, u in _VALUE.findall(_DATE.sub(" ", text))]


def _alt_unit(alt: str, bound: Bound) -> str:
    """The unit written after the alternative's number ("to below 0.7 g/g" → "g/g")."""
    if bound.unit:  # a unit the bound reads itself ("g/g")
        return bound.unit.lower()
    m = re.match(r"\s*([^\s,;]+)", alt[bound.end :])
    return m.group(1).lower() if m else ""


def _read(
    sentence: str, analyte: str, amount: Bound, alt: Bound | None, alt_unit: str, up: bool
) -> tuple[str, str] | None:
    """(status, what was read) for one sentence that names the measurement."""
    clauses = [c for c in sentence.split(";") if c.strip()]
    first = [n for n in named(clauses[0]) if n.analyte == analyte]
    if not first or len(clauses) < 2:
        return None
    base = _values(clauses[0][first[0].end :])
    if len(base) != 1 or not _EARLIER.search(clauses[0]):
        return None
    # "2.6 g/g on 11/20/2026, no lower than before treatment": a remark with no value of its
    # own is no second baseline
    later_clauses = [p for c in clauses[1:] for p in c.split(", ") if _values(p)]
    if any(_EARLIER.search(c) for c in later_clauses):
        return None  # two baselines: a person reads it
    later = [v for c in later_clauses for v in _values(c)]
    (before, unit) = base[0]
    if not later or before == 0 or any(u != unit for _, u in later):
        return None
    statuses = set()
    for value, _ in later:
        change = ((value - before) if up else (before - value)) / before * 100
        ok = amount.holds(change)
        if alt is not None and alt_unit and alt_unit.split("/")[0] == unit:
            ok = ok or alt.holds(value)
        elif alt is not None:
            return None  # the alternative's unit is not the fact's
        statuses.add(ok)
    if len(statuses) != 1:
        return None
    shown = ", ".join(f"{v:g}" for v, _ in later)
    return ("met" if statuses.pop() else "not_met"), f"{before:g} {unit} to {shown}"


def judge_change_since(text: str, facts: list[CaseFact]) -> Found | None:
    m = _STATED.match(text.strip().rstrip("."))
    if not m:
        return None
    amounts = bounds(m.group("amount") or "more than 0%")
    if len(amounts) != 1 or amounts[0].unit != "%":
        return None
    amount = amounts[0]
    alt = None
    alt_unit = ""
    if m.group("alt"):
        if m.group("neg"):
            return None  # "has not fallen by 20%, or to ...": no reading of it is sure
        alts = bounds(m.group("alt"))
        if len(alts) != 1:
            return None
        alt, alt_unit = alts[0], _alt_unit(m.group("alt"), alts[0])
    names = {n.analyte for n in named(m.group("name"))}
    if not names and m.group("of"):
        names = {n.analyte for n in named(m.group("of"))}
    if len(names) != 1:
        return None  # the measurement must be one code knows by name
    analyte = names.pop()
    up = m.group("dir").lower() in _UP
    results: list[tuple[str, str, str]] = []
    for fact in record_facts(facts):
        for sentence in re.split(r"(?<=[a-z0-9)])\.\s+", fact.text):
            if not any(n.analyte == analyte for n in named(sentence)):
                continue
            read = _read(sentence, analyte, amount, alt, alt_unit, up)
            if read is None:
                return None
            ok, said = read
            if m.group("neg"):  # "has not fallen by more than 20%"
                ok = "not_met" if ok == "met" else "met"
            results.append((ok, fact.id, said))
    if not results or len({s for s, _, _ in results}) != 1:
        return None
    status, cited, said = results[0]
    asked = f"{'not ' if m.group('neg') else ''}{m.group('dir').lower()} by {amount.words()}%"
    if alt is not None:
        asked += f" or to {alt.words()}"
    return status, [cited], f"{cited}: {analyte} {said}; asked {asked}"
