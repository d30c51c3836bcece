"""A condition the criterion defines by a test result in parentheses ("the person does not
have active hepatitis B infection (hepatitis B surface antigen negative)"): the result the
parentheses name decides, read as a positive test is (positive_test.py). Asked absent, a
negative result meets it and a positive one fails it; asked present, the other way round.
Nothing else in the criterion may ask more than the condition ("and", "or" outside the
parentheses leave it to others)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import is_absence, negates
from pipeline.policy.positive_test import judge_positive_test

_DEFINED = re.compile(
    r"^(?P<lead>[^()]+?)\s*\((?P<what>[^()]{3,80}?)\s+(?P<result>negative|positive)\)\s*\.?$",
    re.I,
)
_MORE = re.compile(r"\b(?:and|or|unless|except|nor)\b|[,;:]", re.I)


def judge_defined_by_test(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _DEFINED.match(text.strip())
    if not m or _MORE.search(m.group("lead")):
        return None
    lead = m.group("lead")
    absent = is_absence(lead) or negates(lead)
    want = m.group("result").lower()
    if absent != (want == "negative"):
        return None  # "does not have X (test positive)": the parentheses are no definition
    found = judge_positive_test(f"positive {m.group('what')}", facts)
    if found is None:
        return None
    status, cited, _ = found
    said = "positive" if status == "met" else "negative"
    verdict = "met" if said == want else "not_met"
    why = f"{cited[0]} states the {m.group('what')} {said}; the criterion asks it {want}"
    return verdict, cited, why
