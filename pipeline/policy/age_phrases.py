"""A criterion (or one part of one) that is an age and nothing else, in plain words ("She is
18 or older", "Patient is at least 12 years old", "aged 65 or over"), judged from the case's
patient line ("Patient: 29-year-old female."). Anchored at both ends: an age inside a longer
statement ("children 6 or older with X") is no reading of the whole."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.units import figures_only

# who a policy's age line is about, one list for both patterns below
_PERSON = r"(?:patient|member|child|recipient|person|individual|enrollee|beneficiary)"
_SUBJECT = (
    rf"(?:(?:she|he|they|the\s+(?:covered\s+)?{_PERSON}|patient|member|recipient|"
    r"your\s+child)\s+(?:is|are|must\s+be)\s+)?"
)
# "...or older;", "...or older; and": a list item's closing mark and joining word
_ITEM_END = re.compile(r"[;,]\s*(?:and|or)?\s*$", re.I)
# "for a Covered Person eighteen (18) years of age or older, the prescriber has checked ...":
# a requirement that applies only from an age on; for a younger patient it asks nothing
_FROM_AGE = re.compile(
    rf"^\s*(?:for|in)\s+(?:an?\s+|the\s+)?(?:covered\s+)?(?:{_PERSON}|adult)s?\s+"
    r"(?:who\s+(?:is|are)\s+)?(?:aged?\s+)?"
    r"(?P<n>\d{1,2})\s*(?:years?(?:\s+of\s+age|\s+old)?)?\s+or\s+(?:older|over|above)\s*,\s*"
    r"(?P<rest>\S.{10,})$",
    re.I,
)


def plain_age_words(text: str) -> str:
    """The criterion with spelled numbers reduced to their digits and a list item's closing
    mark dropped, so the age patterns below read the wordings of more publishers."""
    return _ITEM_END.sub("", figures_only(text)).strip()


# "Your child is 3 months old or older": an age in months, set against the patient line's
# whole years (a 1-year-old is at least 12 months old; a 0-year-old may be 0 to 11)
_MONTHS = re.compile(
    rf"^\s*{_SUBJECT}(?:aged?\s+)?(?P<n>\d{{1,2}})\s*months?(?:\s+of\s+age|\s+old)?\s+"
    r"or\s+(?:older|over|above)\s*\.?\s*$",
    re.I,
)
_AGE = re.compile(
    rf"^\s*{_SUBJECT}(?:aged?\s+)?(?P<n>\d{{1,2}})\s*(?:years?(?:\s+of\s+age|\s+old)?)?\s+"
    r"or\s+(?P<dir>older|over|above|younger|under|less)\s*\.?\s*$",
    re.I,
)
_AT_LEAST = re.compile(
    rf"^\s*{_SUBJECT}(?P<dir>at\s+least|under|younger\s+than|older\s+than)\s+(?P<n>\d{{1,2}})\s*"
    r"(?:years?(?:\s+of\s+age|\s+old)?)?\s*\.?\s*$",
    re.I,
)
_PATIENT = re.compile(r"^Patient:\s*(\d{1,3})-year-old")


def patient_age(facts: list[CaseFact]) -> tuple[CaseFact, int] | None:
    """The case's patient line and the age it states ("Patient: 29-year-old female.")."""
    for fact in facts:
        if m := _PATIENT.match(fact.text):
            return fact, int(m.group(1))
    return None


def judge_age_phrase(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    text = plain_age_words(text)
    if (below := _below_from_age(text, facts)) is not None:
        return below
    if months := _MONTHS.match(text):
        return _months_at_least(int(months.group("n")), facts)
    m = _AGE.match(text) or _AT_LEAST.match(text)
    if not m:
        return None
    years, word = int(m.group("n")), m.group("dir").lower()
    if (found := patient_age(facts)) is None:
        return None  # no age on file: the model or a person reads it
    patient, age = found
    if word in {"younger", "under", "less", "younger than"}:
        ok, op = age < years + (1 if word in {"younger", "less"} else 0), "<"
    elif word == "older than":
        ok, op = age > years, ">"
    else:
        ok, op = age >= years, "≥"
    verb = "satisfies" if ok else "fails"
    return ("met" if ok else "not_met"), [patient.id], f"age {age} {verb} {op} {years}"


def _months_at_least(months: int, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if (found := patient_age(facts)) is None:
        return None
    patient, age = found
    if age * 12 >= months:
        return "met", [patient.id], f"age {age} years is at least {months} months"
    if (age + 1) * 12 <= months:
        return "not_met", [patient.id], f"age {age} years is under {months} months"
    return None  # within the year the age is written in: a person reads the birth date


def _below_from_age(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """Met where the requirement applies only from an age the patient has not reached; None
    otherwise (an adult must still show the rest, which other readers or the model read)."""
    m = _FROM_AGE.match(text)
    if not m or (found := patient_age(facts)) is None:
        return None
    patient, age = found
    years = int(m.group("n"))
    if age >= years:
        return None
    return (
        "met",
        [patient.id],
        f"age {age} is under {years}: the requirement applies from {years} on",
    )
