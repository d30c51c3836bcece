"""A reading that must persist after a course of named drugs ("Serum uric acid remains
above 6 mg/dL after at least 3 months of allopurinol or febuxostat at the highest dose
tolerated, or both drugs are contraindicated"), judged by code in one direction only: not
met where every drug it names is stated never tried or started more recently than the
months it asks (as of the case's latest date), and its alternative (the drugs
contraindicated), where it has one, is stated not to hold.

Never met: whether a course reached the dose asked is for the model or a person. Nothing
where a note names one of the drugs with no start date or trial stated (a "Prior therapy:"
line, which carries none, aside), or where a course is long enough."""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses
from pipeline.policy.dates import as_of, full_dates, months_between
from pipeline.terms import find_drugs

_ASKS = re.compile(
    r"\b(?:remains?|stays?|is\s+still|still)\s+(?:above|over|greater\s+than|below|under)\s+"
    r"[\d.]+\s*\S*\s+after\s+(?:at\s+least\s+)?(?P<n>\d{1,2})\s+(?P<unit>month|week)s?\s+of\s+"
    r"(?P<drugs>[^,]+?)(?:,\s*or\s+(?P<alt>[^.]+))?\.?\s*$",
    re.I,
)
_UNTRIED = re.compile(
    r"\b(?:has|have)\s+not\s+been\s+(?:tried|used|taken|given)|\bnever\s+(?:been\s+)?"
    r"(?:tried|used|taken|given)|\bnot\s+(?:yet\s+)?tried\b",
    re.I,
)
_START = re.compile(
    r"\b(?:started|begun|began|since|from|initiated)\s+(?:on\s+)?"
    r"(?P<when>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4})",
    re.I,
)
# words of a course's length that code does not read as a start: the course may be long
_LENGTH = re.compile(
    r"\b(?:for|over|since|years?|months?|weeks?|long|chronic|ongoing|previously|prior|"
    r"(?:19|20)\d{2})\b",
    re.I,
)
_NOT_CONTRAINDICATED = re.compile(
    r"\b(?:neither|none|no)\b[^.;]*\bcontraindicat\w*|\bnot\s+contraindicated\b", re.I
)


def _start(when: str) -> date | None:
    full = full_dates(when)
    if full:
        return full[0][0]
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", when)
    if m and 1 <= int(m.group(1)) <= 12:
        return date(int(m.group(2)), int(m.group(1)), 1)  # the month's first day: longest
    return None


def judge_short_course(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text)
    if not m:
        return None
    drugs = {d.name for d in find_drugs(m.group("drugs"))}
    today = as_of(facts)
    if not drugs or today is None:
        return None
    wanted = int(m.group("n")) * (1.0 if m.group("unit").lower() == "month" else 1 / 4.345)
    settled: dict[str, str] = {}
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue  # a "Prior therapy:" line states no start
        for clause in _clauses(fact.text):
            for name in {d.name for d in find_drugs(clause)} & drugs:
                start = _START.search(clause)
                began = _start(start.group("when")) if start else None
                if _UNTRIED.search(clause):
                    settled.setdefault(name, fact.id)
                elif began is not None and months_between(began, today) < wanted:
                    settled.setdefault(name, fact.id)
                elif began is not None or _LENGTH.search(clause):
                    return None  # a course long enough, or one of a length code cannot read
    # (a clause that names a drug with no course at all, "X will be stopped", is neutral)
    if set(settled) != drugs:
        return None
    if m.group("alt") and not any(
        _NOT_CONTRAINDICATED.search(c) for f in facts for c in _clauses(f.text)
    ):
        return None  # the alternative (contraindication) not stated away
    cited = list(dict.fromkeys(settled.values()))[:3]
    reason = f"each of {', '.join(sorted(drugs))} never tried or begun under {wanted:g} months ago"
    return "not_met", cited, reason
