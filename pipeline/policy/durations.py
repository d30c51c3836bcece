"""How long a condition has lasted ("persistent or chronic ITP lasting 3 months or
longer", "symptoms present for at least 6 months"), read from a fact that states the
condition with its onset: a date ("diagnosed 06/2024", "since 2019", "onset 03/2025") or
an age ("diagnosed at age 2") set against the case's latest date or the patient's age.
A short span from a diagnosis decides nothing (a later date in a note may be a
re-diagnosis); one from an onset stated as such ("this episode began 10/2025", a month
and year or a full date) is not met."""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.age_phrases import patient_age
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
from pipeline.terms import find_drugs

_LASTING = re.compile(
    r"\b(?:lasting|lasted|present|persist\w*|ongoing|duration\s+of|for)\s+(?:for\s+)?"
    r"(?:at\s+least\s+|a\s+minimum\s+of\s+|more\s+than\s+|over\s+)?"
    r"(\d+)\s*(week|month|year)s?\b(?:\s+or\s+(?:longer|more))?",
    re.I,
)
# Words of the duration itself: the fact states them with its date, not its words.
_TIME_WORDS = {stem(w) for w in "chronic persistent lasting longer duration ongoing".split()}
_ONSET = re.compile(r"\b(?:diagnos\w*|since|onset|began|started|first\s+noted)\b", re.I)
# An onset stated as such ("this episode began 10/2025"), not a diagnosis that may be a
# re-diagnosis: a span short of the one asked fails the criterion
_BEGAN = re.compile(r"\b(?:began|onset|first\s+noted)\b", re.I)
# a therapy begun is no onset of the condition ("treatment for ITP began 12/2025")
_THERAPY = re.compile(r"\b(?:treat\w*|therap\w*|dos\w+|drug|medication|infusion|injection)\b", re.I)
_YEAR = re.compile(r"\b(?:since|diagnosed(?:\s+in)?|onset(?:\s+in)?)\s+((?:19|20)\d{2})\b", re.I)
# a second bound beside the span (a rate, a count), which the onset date cannot show
_OTHER_BOUND = re.compile(
    r"\b(?:at\s+least|a\s+minimum\s+of|no\s+more\s+than|more\s+than|fewer\s+than|"
    r"less\s+than|up\s+to)\s+\d|\d+\s*(?:days?|nights?|times)\s+(?:a|per|each)\s+"
    r"(?:day|week|month)\b",
    re.I,
)
# a date of the clause's own: the note's date before it is no onset ("Clinic 11/04/2026:
# sleep onset moving later each day" states no onset date)
_OWN_DATE = re.compile(r"\d{1,2}/\d{4}|\d{4}-\d{2}|\bago\b")
_AT_AGE = re.compile(r"\b(?:diagnosed|onset|began)\s+at\s+age\s+(\d{1,2})\b", re.I)


def judge_duration(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _LASTING.search(text)
    if not m or TRIAL_TERMS & {stem(w) for w in re.findall(r"[A-Za-z]+", text)}:
        return None  # a therapy's trial length is read by trials.py
    wanted = float(m.group(1)) * MONTHS[m.group(2).lower()]
    condition = text[: m.start()] + text[m.end() :]
    if _OTHER_BOUND.search(condition):
        return None  # "on at least 3 days a week for 12 months": the onset shows no rate
    groups = [g for g in requirements(condition) if not g & _TIME_WORDS]
    if not groups:
        return None
    today = as_of(facts)
    age_fact = patient_age(facts)
    age_now = age_fact[1] if age_fact is not None else None
    need = max(1, -(-len(groups) // 2))
    short: tuple[str, list[str], str] | None = None
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for sentence in re.split(r"(?<=[a-z0-9)])\.\s+", fact.text):
            for c in clauses(sentence):
                onset = _ONSET.search(c)
                # the condition named in the clause, or in its sentence where the clause
                # names part of it ("patchy hair loss ...; this episode began 05/2025")
                if not onset or not (
                    coverage(groups, c) >= need
                    or (coverage(groups, c) >= 1 and coverage(groups, sentence) >= need)
                ):
                    continue
                # "no ITP was diagnosed": a denial up to the onset, not in what follows it
                # ("began 05/2025 and has not regrown")
                after = re.split(r"\b(?:and|but|with)\b|[,(]", c[onset.end() : onset.end() + 20])
                if negates(c[: onset.end()] + after[0]):
                    continue
                # the date written after the onset word, not the note's own date before it
                span = c[onset.start() : onset.end() + 40]
                lasted = _lasted(span, fact, today, age_now)
                if lasted is not None and lasted >= wanted:
                    return (
                        "met",
                        [fact.id],
                        f"{fact.id}: the condition began about {lasted:.0f} months ago "
                        f"(the criterion asks {wanted:g} or more)",
                    )
                most = clause_age(span, fact, today) if today and _OWN_DATE.search(span) else None
                if (
                    _BEGAN.search(c)
                    and not _THERAPY.search(c)
                    and not find_drugs(c)
                    and most is not None
                    and most[1] < wanted
                    and short is None
                ):
                    short = (
                        "not_met",
                        [fact.id],
                        f"{fact.id}: the condition began at most {most[1]:.0f} months ago "
                        f"(the criterion asks {wanted:g} or more)",
                    )
    return short


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
    if not _OWN_DATE.search(clause):
        return None  # no date of its own: the note's date is no onset
    age = clause_age(clause, fact, today)
    return age[0] if age else None
