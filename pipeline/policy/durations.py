"""How long a condition has lasted ("persistent or chronic ITP lasting 3 months or
longer", "symptoms present for at least 6 months"), read from a fact that states the
condition with its onset: a date ("diagnosed 06/2024", "since 2019", "onset 03/2025") or
an age ("diagnosed at age 2") set against the case's latest date or the patient's age.
Met only: a later date in a note may be a re-diagnosis, so a short span decides nothing."""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import (
    MONTHS,
    clauses,
    coverage,
    negates,
    requirements,
    stem,
)
from pipeline.policy.dates import as_of, clause_age, months_between
from pipeline.policy.trials import TRIAL_TERMS

_LASTING = re.compile(
    r"\b(?:lasting|present|persist\w*|ongoing|duration\s+of|for)\s+(?:for\s+)?"
    r"(?:at\s+least\s+|a\s+minimum\s+of\s+|more\s+than\s+|over\s+)?"
    r"(\d+)\s*(week|month|year)s?\b(?:\s+or\s+(?:longer|more))?",
    re.I,
)
# Words of the duration itself: the fact states them with its date, not its words.
_TIME_WORDS = {stem(w) for w in "chronic persistent lasting longer duration ongoing".split()}
_ONSET = re.compile(r"\b(?:diagnos\w*|since|onset|began|started|first\s+noted)\b", re.I)
_YEAR = re.compile(r"\b(?:since|diagnosed(?:\s+in)?|onset(?:\s+in)?)\s+((?:19|20)\d{2})\b", re.I)
_AT_AGE = re.compile(r"\b(?:diagnosed|onset|began)\s+at\s+age\s+(\d{1,2})\b", re.I)
_PATIENT_AGE = re.compile(r"Patient:\s*(\d{1,3})-year-old")


def judge_duration(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _LASTING.search(text)
    if not m or TRIAL_TERMS & {stem(w) for w in re.findall(r"[A-Za-z]+", text)}:
        return None  # a therapy's trial length is read by trials.py
    wanted = float(m.group(1)) * MONTHS[m.group(2).lower()]
    condition = text[: m.start()] + text[m.end() :]
    groups = [g for g in requirements(condition) if not g & _TIME_WORDS]
    if not groups:
        return None
    today = as_of(facts)
    patient_age = next((int(a.group(1)) for f in facts if (a := _PATIENT_AGE.match(f.text))), None)
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for c in clauses(fact.text):
            onset = _ONSET.search(c)
            if not onset or coverage(groups, c) < max(1, -(-len(groups) // 2)):
                continue
            if negates(c[: onset.end() + 20]):
                continue  # "no ITP was diagnosed": a denial up to the onset, not after it
            # the date written after the onset word, not the note's own date before it
            lasted = _lasted(c[onset.start() : onset.end() + 40], fact, today, patient_age)
            if lasted is not None and lasted >= wanted:
                return (
                    "met",
                    [fact.id],
                    f"{fact.id}: the condition began about {lasted:.0f} months ago "
                    f"(the criterion asks {wanted:g} or more)",
                )
    return None


def _lasted(
    clause: str, fact: CaseFact, today: date | None, patient_age: int | None
) -> float | None:
    """The least number of months the clause's condition has lasted, or None."""
    if (a := _AT_AGE.search(clause)) and patient_age is not None:
        return max(0.0, (patient_age - int(a.group(1)) - 1) * 12.0)
    if today is None:
        return None
    if y := _YEAR.search(clause):
        return max(0.0, months_between(date(int(y.group(1)), 12, 31), today))
    if not re.search(r"\d{1,2}/\d{4}|\d{4}-\d{2}|\bago\b", clause):
        return None  # no date of its own: the note's date is no onset
    age = clause_age(clause, fact, today)
    return age[0] if age else None
