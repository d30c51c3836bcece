"""A criterion that the patient has not reached menopause ("She is premenopausal", "has not
gone through menopause"), judged from what the notes say of her periods: met where a clause
states she still menstruates or is premenopausal, not met where one states she is past
menopause; nothing where the notes say both or neither. Periods that stopped for another
reason (a drug, pregnancy) are no menopause: only menopause words deny."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses

_ASKS = re.compile(
    r"\b(?:pre-?menopausal|(?:has|have)\s+not\s+(?:yet\s+)?(?:gone|been)\s+through\s+menopause|"
    r"not\s+(?:yet\s+)?(?:reached|entered)\s+menopause|before\s+menopause)\b",
    re.I,
)
# a criterion that asks the opposite, or the state as a subject of something else
_OTHER = re.compile(r"\b(?:post-?menopausal|after\s+menopause|osteoporosis|unless)\b", re.I)
_STILL = re.compile(
    r"\b(?:pre-?menopausal|still\s+(?:menstruat\w+|has\s+(?:\w+\s+)?periods)|"
    r"regular\s+(?:menstrual\s+)?(?:periods|cycles|menses)|menstruat(?:es|ing)|"
    r"monthly\s+periods|not\s+(?:yet\s+)?(?:gone|been)\s+through\s+menopause)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:post-?menopausal|(?:went|gone|been)\s+through\s+menopause|menopause\s+(?:at|in|since)|"
    r"after\s+menopause|since\s+menopause|surgical\s+menopause)\b",
    re.I,
)
# the words a criterion of the state alone may have besides it ("She is premenopausal")
_SUBJECT = {"she", "the", "patient", "member", "woman", "is", "a", "must", "be"}
_DENIED = re.compile(r"\b(?:no\s+longer|not|never|no|stopped|ceased|without|denies)\b", re.I)


def _says(pattern: re.Pattern[str], clause: str) -> bool:
    m = pattern.search(clause)
    if not m:
        return False
    if re.match(r"not\b", m.group(0), re.I):
        return True  # "has not gone through menopause": the negation is the statement
    return not _DENIED.search(clause[: m.start()])


def judge_menstrual_status(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if not _ASKS.search(text) or _OTHER.search(text):
        return None
    if set(re.findall(r"[a-z0-9]+", _ASKS.sub(" ", text).lower())) - _SUBJECT:
        return None  # more than the state ("18 or older and ..."): read part by part
    still: list[tuple[str, str]] = []
    past: list[tuple[str, str]] = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested")):
            continue
        for clause in _clauses(fact.text):
            for piece in re.split(r",\s*", clause):
                if _says(_PAST, piece) and not re.search(r"\bnot\b", piece, re.I):
                    past.append((fact.id, piece.strip()))
                elif _says(_STILL, piece):
                    still.append((fact.id, piece.strip()))
    if bool(still) == bool(past):
        return None  # said neither way, or both: a person reads it
    status, (fid, said) = ("met", still[0]) if still else ("not_met", past[0])
    return status, [fid], f"{fid} states {said!r}"
