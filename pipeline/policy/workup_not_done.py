"""A criterion that findings have been evaluated ("Alarm features such as rectal bleeding,
weight loss or iron deficiency anemia have been evaluated, with colonoscopy when
age-appropriate"), not met by code where a note states one of the findings it names and
says no work-up at all was done ("Bright red blood on the toilet paper twice and 4 kg
weight loss; no colonoscopy or other work-up has been done or booked").

The note must deny work-up as a whole ("other work-up", "any evaluation", "no tests"), not
one test only (another may have evaluated the findings), and a finding the criterion
names must be stated present in the record.

Met (judge_workup_done): the criterion names the test it is evaluated with ("..., with
colonoscopy when age-appropriate") and a note gives that test's result ("Colonoscopy
11/2025: normal, no mass or stricture"), no note denying the work-up."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, stem

_ASKED = re.compile(
    r"^\s*(?P<subject>.+?)\s+(?:have|has)\s+been\s+(?:evaluated|investigated|worked\s+up|"
    r"assessed)\b",
    re.I,
)
_WITH_TEST = re.compile(r",?\s+with\s+(?:an?\s+|the\s+)?(?P<test>[A-Za-z][\w-]{3,})", re.I)
_RESULT = (
    r"(?:normal|negative|unremarkable|no\s+(?:mass|lesion|abnormalit\w*|evidence)|showed|revealed)"
)
_EXAMPLES = re.compile(r"\b(?:such as|including|e\.g\.,?|like)\s+(?P<ex>.+)$", re.I)
_NONE_DONE = re.compile(
    r"\bno\s+(?:(?:[\w-]+\s+){1,3}(?:or|and)\s+)?(?:other\s+|any\s+|further\s+)?"
    r"(?:work-?up|evaluation|investigations?|tests?|testing)\b[^;.]*?\b(?:has|have|was|were)\s+"
    r"(?:yet\s+)?been\s+(?:done|performed|carried\s+out|arranged|booked|ordered)",
    re.I,
)


def _examples(subject: str) -> list[set[str]]:
    m = _EXAMPLES.search(subject)
    if not m:
        return []
    parts = re.split(r",\s*|\s+or\s+|\s+and\s+", m.group("ex"))
    return [{stem(w) for w in re.findall(r"[A-Za-z]{3,}", p)} for p in parts if p.strip()]


def judge_workup_not_done(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    examples = _examples(m.group("subject"))
    if not examples:
        return None
    denied: CaseFact | None = None
    present: CaseFact | None = None
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if _NONE_DONE.search(clause):
                denied = denied or fact
            words = {stem(w) for w in re.findall(r"[A-Za-z]{3,}", clause)}
            if not negates(clause) and any(ex and ex <= words for ex in examples):
                present = present or fact
    if denied is None or present is None:
        return None
    cited = list(dict.fromkeys([denied.id, present.id]))
    return "not_met", cited, f"{present.id} states a finding it names; {denied.id}: no work-up"


def judge_workup_done(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    test = _WITH_TEST.search(text[m.end() :]) if m else None
    if not m or not test:
        return None
    name = re.escape(test.group("test"))
    done = re.compile(rf"\b{name}\b[^;]*?\b{_RESULT}\b", re.I)
    found: CaseFact | None = None
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if _NONE_DONE.search(clause) or re.search(rf"\bno\s+{name}\b", clause, re.I):
                return None  # a note says it was not done
            if done.search(clause):
                found = found or fact
    if found is None:
        return None
    return "met", [found.id], f"{found.id} gives the result of the {test.group('test')} it names"
