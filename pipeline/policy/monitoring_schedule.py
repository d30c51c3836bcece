"""Safety monitoring a criterion asks of a patient on a drug, read by code:

- tests checked on a schedule ("Serum creatinine and urine protein checked every month"):
  met where one clause says the schedule ("monthly", "every month": the reading of
  monitoring_frequency.py, which judges the other intervals) and names every test
  (negative_workup.names_tests) without saying it was missed or not done;
- examinations done within a window ("Hearing and eye examinations done within the past 12
  months"): each examination known by the words notes use for it (a hearing examination is
  an audiology visit or an audiogram, an eye examination an ophthalmology visit, a slit-lamp
  or fundus examination); met where each has a clause dated inside the window, not met where
  one has only clauses dated wholly outside it. The window counts back from the case's
  latest date (dates.py). An undated or denied mention, or an examination of no known kind,
  decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts
from pipeline.policy.dates import as_of, clause_age
from pipeline.policy.monitoring_frequency import MONTH, asked_interval, said_intervals
from pipeline.policy.negative_workup import listed_tests, names_tests
from pipeline.policy.units import NUMBER_WORD, count_value

_MISSED = re.compile(
    r"\b(?:not|never|missed|skipped|overdue|lapsed|stopped)\b[^,;:]{0,30}\b"
    r"(?:monthly|checked|done|drawn|measured)\b|\b(?:monthly|checked|done|drawn)\b[^,;:]{0,20}"
    r"\b(?:not|missed|skipped|overdue|lapsed|stopped)\b",
    re.I,
)
_WITHIN = re.compile(
    r"^(?P<exams>.+?)\s+(?:examinations?|exams?|evaluations?|testing|tests?)\s+"
    r"(?:done|performed|completed|obtained)?\s*within\s+(?:the\s+)?"
    r"(?:past|last|previous|prior|preceding)\s+(?P<n>\d+|" + NUMBER_WORD + r")\s+"
    r"(?P<unit>months?|years?)\W*$",
    re.I,
)
# each examination by the words a note names it with
_EXAMS = {
    "hearing": r"\bhearing\b|\baudiolog\w*|\baudiogra\w*|\baudiometr\w*",
    "eye": r"\beyes?\b|\bophthalm\w*|\bslit[- ]lamp\b|\bfundu\w*|\bretina\w*|\bvisual acuity\b",
}
_KINDS = {
    "hearing": "hearing",
    "audiologic": "hearing",
    "audiological": "hearing",
    "auditory": "hearing",
    "eye": "eye",
    "ophthalmologic": "eye",
    "ophthalmological": "eye",
    "vision": "eye",
}


def _on_schedule(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asked = asked_interval(text)
    # other intervals, and one of several tests, are judge_monitoring_frequency's to read
    if asked is None or asked[1] != MONTH or re.search(r"\bor\b", asked[0], re.I):
        return None
    tests = listed_tests(asked[0])
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if MONTH in said_intervals(clause) and names_tests(tests, clause):
                if _MISSED.search(clause):
                    return None  # the schedule said not kept: a person reads it
                return "met", [fact.id], f"{fact.id} states them checked on the schedule"
    return None


def _kinds(phrase: str) -> list[str] | None:
    pieces = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase.strip()) if p]
    kinds = [_KINDS.get(p.lower().strip()) for p in pieces]
    return None if not kinds or None in kinds else [k for k in kinds if k]


def _exams_within(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _WITHIN.match(text.strip())
    kinds = _kinds(m.group("exams")) if m else None
    today = as_of(facts)
    if m is None or not kinds or today is None:
        return None
    window = count_value(m.group("n").lower()) * (12 if m.group("unit")[0] in "yY" else 1)
    fresh: dict[str, str] = {}
    stale: dict[str, str] = {}
    unsure: set[str] = set()
    for kind in kinds:
        for fact in record_facts(facts):
            for clause in _clauses(fact.text):
                if not re.search(_EXAMS[kind], clause, re.I):
                    continue
                age = None if negates(clause) else clause_age(clause, fact, today)
                if age is None:
                    unsure.add(kind)
                elif age[1] <= window:
                    fresh.setdefault(kind, fact.id)
                elif age[0] > window:
                    stale.setdefault(kind, fact.id)
                else:
                    unsure.add(kind)
    if all(k in fresh for k in kinds):
        cited = list(dict.fromkeys(fresh[k] for k in kinds))[:3]
        return "met", cited, f"{', '.join(kinds)} examinations dated within {window:g} months"
    late = [k for k in kinds if k in stale and k not in fresh and k not in unsure]
    if late:
        cited = list(dict.fromkeys(stale[k] for k in late))[:3]
        return "not_met", cited, f"{', '.join(late)} examination dated over {window:g} months ago"
    return None


def judge_monitoring(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    return _on_schedule(text, facts) or _exams_within(text, facts)
