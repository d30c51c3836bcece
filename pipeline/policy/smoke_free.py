"""A criterion that the patient has not smoked for a time ("The member has not smoked for
at least 6 months"), judged by code from what the notes say of smoking: never smoked meets
it; a quit date (a full date, a month and year, a year, or "N weeks ago") as long ago as
asked meets it, one more recent does not; a clause stating current smoking does not.
Nothing where the notes say nothing of it, give no date for a quit, or say two things."""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses
from pipeline.policy.dates import as_of, clause_age, months_between

_ASKS = re.compile(
    r"\b(?:has\s+not|hasn't|not|no)\s+(?:smoked|smoking|used\s+tobacco)\s+(?:for|in)\s+"
    r"(?:at\s+least\s+|the\s+(?:past|last)\s+)?(?P<n>\d{1,2})\s+(?P<unit>month|year)s?\b",
    re.I,
)
_NEVER = re.compile(
    r"\b(?:never\s+smoked|non-?smoker|lifelong\s+non-?smoker|never\s+a\s+smoker)\b", re.I
)
_QUIT = re.compile(r"\b(?:quit|stopped\s+smoking|quit\s+date|former\s+smoker|ex-?smoker)\b", re.I)
_CURRENT = re.compile(
    r"\b(?:current(?:ly)?\s+smok\w*|still\s+smok\w*|smokes|active\s+smoker)\b", re.I
)
# the quit's own date, right after the word: a later date in the clause ("quit, confirmed
# by cotinine 01/13/2026") is no quit date
_WHEN = re.compile(
    r"\bquit(?:\s+date|\s+smoking)?(?:\s+(?:on|in))?\s*[:,]?\s*"
    r"(?P<when>\d{1,2}/(?:\d{1,2}/)?\d{4}|(?:19|20)\d{2}\b|\w+\s+(?:week|month|year)s?\s+ago)",
    re.I,
)


def _quit_months(clause: str, fact: CaseFact, today: date | None) -> float | None:
    """The fewest months the quit can be before ``today``."""
    m = _WHEN.search(clause)
    if not m:
        return None
    when = m.group("when")
    if re.fullmatch(r"(?:19|20)\d{2}", when):
        return months_between(date(int(when), 12, 31), today) if today else None
    found = clause_age(when, CaseFact(id=fact.id, text=when), today)
    return found[0] if found else None


def judge_smoke_free(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text)
    if not m:
        return None
    wanted = int(m.group("n")) * (12 if m.group("unit").lower() == "year" else 1)
    today = as_of(facts)
    said: dict[str, tuple[str, str]] = {}
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if _NEVER.search(clause):
                said.setdefault("met", (fact.id, "never smoked"))
            elif _QUIT.search(clause) and re.search(r"\bsmok|\bquit\b", clause, re.I):
                months = _quit_months(clause, fact, today)
                if months is None:
                    continue
                key = "met" if months >= wanted else "not_met"
                said.setdefault(key, (fact.id, f"quit about {months:.0f} months before"))
            elif _CURRENT.search(clause) and not re.search(r"\b(?:no|not|never)\b", clause, re.I):
                said.setdefault("not_met", (fact.id, "smokes now"))
    if len(said) != 1:
        return None  # nothing said, or said both ways
    status, (fid, why) = next(iter(said.items()))
    return status, [fid], f"{fid}: {why}; asked {wanted} months without smoking"
