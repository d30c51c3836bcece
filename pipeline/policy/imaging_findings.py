"""An imaging study in a window that must show no growth ("Pituitary MRI in the last 12
months shows no tumor growth", "CT within the past 6 months showing no progression"),
judged from a fact that names the study, dates it, and says what it showed ("Pituitary
MRI 11/18/2025: residual tumor 6 mm, unchanged from 05/2025").

Met where a dated study of that kind inside the window reads stable; not met where one
inside the window reads growth; a study with no date, outside the window, or with no
word on growth says nothing (the model, or a person, reads it)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import MONTHS, record_facts
from pipeline.policy.dates import as_of, full_dates, months_between
from pipeline.policy.units import NUMBER_WORD, count_value

_MODALITY = r"MRI|CT|PET|scan|ultrasound|imaging|x-ray|radiograph|echocardiogram"
_ASKS = re.compile(
    rf"^(?P<study>(?:[A-Za-z-]+\s+){{0,3}}?(?:{_MODALITY}))\s+(?:scan\s+)?(?:done\s+|taken\s+)?"
    rf"(?:in|within)\s+the\s+(?:last|past|previous)\s+(?P<n>\d+|{NUMBER_WORD})\s+"
    r"(?P<unit>months?|years?|weeks?)\s+(?:that\s+)?(?:shows?|showing|demonstrates?|with)\s+"
    r"no\s+(?:[a-z]+\s+){0,2}?(?:growth|progression|enlargement)\s*[.;]?$",
    re.I,
)
_STABLE = re.compile(
    r"\b(?:unchanged|stable|no\s+(?:interval\s+|further\s+|new\s+)?"
    r"(?:growth|progression|enlargement|change))\b",
    re.I,
)
_GROWN = re.compile(
    r"(?<!no )\b(?:grown|grew|larger|increased\s+in\s+size|enlarg(?:ed|ing)|progress(?:ed|ion))\b",
    re.I,
)
_GENERIC = {"scan", "imaging", "study", "the", "repeat", "follow-up"}


def _names_study(study: str, clause: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z-]{2,}", study) if w.lower() not in _GENERIC]
    return bool(words) and all(re.search(rf"(?<![\w-]){re.escape(w)}", clause, re.I) for w in words)


def judge_imaging_findings(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    today = as_of(facts)
    if m is None or today is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    window = count_value(m.group("n").lower()) * MONTHS.get(unit, 1.0)
    found: dict[str, list[str]] = {}
    for fact in record_facts(facts):
        for clause in re.split(r"(?<=[a-z0-9)])\.\s+", fact.text):
            if not _names_study(m.group("study"), clause):
                continue
            dates = full_dates(clause)
            if not dates or months_between(dates[0][0], today) > window + 1e-9:
                continue  # undated or too old: not the study the criterion asks for
            stable, grown = _STABLE.search(clause), _GROWN.search(clause)
            if bool(stable) == bool(grown):
                continue  # no word on growth, or both: a person reads it
            found.setdefault("met" if stable else "not_met", []).append(fact.id)
    if len(found) != 1:
        return None
    status, cited = next(iter(found.items()))
    said = "no growth" if status == "met" else "growth"
    return status, cited[:3], f"a study in the window shows {said}"
