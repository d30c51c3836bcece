"""Measured bounds in a recommendation's population ("with body mass index (BMI) 40 - 49",
"BMI > 50", "HbA1c ≥8%", "eGFR < 30"), checked against the value the case records ("BMI
42.3"): a recommendation for patients outside the bound is for other patients, and one
whose bound holds the case's value is for this patient, before one that names none."""

from __future__ import annotations

import re

from pipeline.models import Case

# What a measure is called, and the values it takes (two digits, a decimal).
_MEASURES = {
    "bmi": r"(?:body mass index|BMI)(?:\s*\(BMI\))?",
    "hba1c": r"(?:HbA1c|hemoglobin A1c|A1c)",
    "egfr": r"(?:eGFR|estimated glomerular filtration rate)",
}
_NUM = r"(\d{1,3}(?:\.\d+)?)"
_RANGE = re.compile(rf"^\s*(?:of\s+)?{_NUM}\s*%?\s*(?:[-–—]|to)\s*{_NUM}")
_BOUND = re.compile(
    rf"^\s*(?:of\s+)?(>=|=<|<=|≥|≤|>|<|over|above|under|below|greater than|less than|"
    rf"at least|more than|of at least)\s*{_NUM}",
    re.I,
)
_SIGN = {
    ">": "gt",
    "over": "gt",
    "above": "gt",
    "greater than": "gt",
    "more than": "gt",
    "≥": "ge",
    ">=": "ge",
    "at least": "ge",
    "of at least": "ge",
    "<": "lt",
    "under": "lt",
    "below": "lt",
    "less than": "lt",
    "≤": "le",
    "<=": "le",
    "=<": "le",
}
_VALUE = re.compile(rf"^\s*(?:of|was|is|:|=)?\s*{_NUM}(?!\s*%?\s*(?:[-–—]|to)\s*\d)")
_NOT_VALUE = re.compile(r"(?:under|below|over|above|less than|<|>|target|goal)\s*$", re.I)


def case_value(case: Case, measure: str) -> float | None:
    """The case's value of a measure ("BMI 42.3", "a BMI of 42"), not a target ("below BMI
    40") nor a coding range ("body mass index 40.0-44.9")."""
    name = re.compile(_MEASURES[measure], re.I)
    for text in [*case.history, case.question or "", case.notes or ""]:
        for m in name.finditer(text):
            if _NOT_VALUE.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            v = _VALUE.match(text[m.end() :])
            if v:
                return float(v.group(1))
    return None


def bounds(population: str) -> list[tuple[str, str, float, float]]:
    """(measure, kind, a, b) for each bound a population names: kind "range" (a to b), or a
    sign ("gt", "ge", "lt", "le") with a."""
    out = []
    for measure, pattern in _MEASURES.items():
        for m in re.finditer(pattern, population, re.I):
            rest = population[m.end() :]
            r = _RANGE.match(rest)
            if r:
                out.append((measure, "range", float(r.group(1)), float(r.group(2))))
                continue
            b = _BOUND.match(rest)
            if b:
                out.append((measure, _SIGN[b.group(1).lower()], float(b.group(2)), 0.0))
    return out


def _holds(kind: str, a: float, b: float, v: float) -> bool:
    if kind == "range":  # "40 - 49" holds 49.6 too: the bound is of whole units
        return a <= v < b + 1 if b == int(b) else a <= v <= b
    return {"gt": v > a, "ge": v >= a, "lt": v < a, "le": v <= a}[kind]


def measure_fits(population: str, case: Case) -> bool | None:
    """True where the population bounds a measure the case's value is inside, False where
    outside, None where it bounds none the case records."""
    verdict = None
    for measure, kind, a, b in bounds(population):
        v = case_value(case, measure)
        if v is None:
            continue
        if not _holds(kind, a, b, v):
            return False
        verdict = True
    return verdict
