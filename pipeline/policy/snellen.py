"""Criteria that bound a visual acuity written as a Snellen fraction ("Best corrected visual
acuity in the treated eye between 6/12 and 6/96", "visual acuity of 20/40 or worse"),
judged by code on the eye's acuity a fact states ("right eye 6/9, left eye 6/36").

A fraction's size is its decimal (6/12 = 0.5); a larger denominator is worse sight, so
"between 6/12 and 6/96" spans 0.0625 to 0.5 whichever way it is written. The eye is the
treated one, named by the request ("intravitreal, left eye"), or the only one a fact
gives. Only an eye's reading outside brackets counts (a bracketed one is an earlier
reading: "(left 6/12 in 09/2025)"); two different readings of the eye decide nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts

_FRACTION = r"(?P<{0}n>6|20)/(?P<{0}d>\d{{1,3}}(?:\.\d+)?)"
_BETWEEN = re.compile(
    r"\bvisual acuity\b[^.;]*?\bbetween\s+"
    + _FRACTION.format("a")
    + r"\s+and\s+"
    + _FRACTION.format("b")
    + r"\b",
    re.I,
)
_EYE = re.compile(r"\b(?P<eye>right|left)(?:\s+eye)?:?\s+(?P<n>6|20)/(?P<d>\d{1,3})\b", re.I)


def _treated_eye(facts: list[CaseFact]) -> str | None:
    for fact in facts:
        if fact.text.startswith("Requested"):
            eyes = set(re.findall(r"\b(right|left)\s+eye\b", fact.text, re.I))
            return eyes.pop().lower() if len(eyes) == 1 else None
    return None


def _unbracketed(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text)


def judge_snellen(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _BETWEEN.search(text)
    if not m:
        return None
    ends = [
        float(m.group("an")) / float(m.group("ad")),
        float(m.group("bn")) / float(m.group("bd")),
    ]
    low, high = min(ends), max(ends)
    eye = _treated_eye(facts) if re.search(r"\btreated eye\b", text, re.I) else None
    if re.search(r"\btreated eye\b", text, re.I) and eye is None:
        return None
    found: list[tuple[float, str, str]] = []
    for fact in record_facts(facts):
        if not re.search(r"\bvisual acuity\b|\bacuity\b", fact.text, re.I):
            continue
        for r in _EYE.finditer(_unbracketed(fact.text)):
            if eye is None or r.group("eye").lower() == eye:
                found.append((float(r.group("n")) / float(r.group("d")), fact.id, r.group(0)))
    if not found or len({v for v, _, _ in found}) != 1:
        return None  # none, or two different readings: a person reads them
    if eye is None and len({w.split()[0].lower() for _, _, w in found}) != 1:
        return None  # both eyes and no eye named by the criterion
    value, cited, said = found[0]
    ok = low - 1e-9 <= value <= high + 1e-9
    verb = "within" if ok else "outside"
    return (
        "met" if ok else "not_met",
        [cited],
        f"{cited}: {said} is {verb} {m.group(0)[m.group(0).lower().index('between') + 8 :]}",
    )
