"""A measurement against its normal range ("IGF-1 measured within the past 12 months is
within the normal range for age and sex", "IGF-1 below the normal range"), judged from a
fact that states the value with the laboratory's reference range ("IGF-1 182 ng/mL on
02/20/2026 (reference 75-230 ng/mL for age)") or says where it lies ("below the normal
range"). The window, where the criterion has one, is checked against the reading's date.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.analytes import named, readings_of
from pipeline.policy.criterion_terms import MONTHS, record_facts
from pipeline.policy.dates import as_of, months_between, reading_date

_WHERE = re.compile(
    r"\b(?P<neg>not\s+|no\s+|at\s+or\s+)?(?P<side>within|in|below|under|above|over|"
    r"less\s+than|greater\s+than|higher\s+than|lower\s+than|exceeding)\s+(?:the\s+)?"
    r"(?:(?:normal|reference)\s+(?:range|limits?)|(?P<end>lower|upper)\s+limits?\s+of\s+"
    # "above the upper normal limit"
    r"(?:the\s+)?(?:normal|reference)(?:\s+range)?|(?:lower|upper)\s+(?:normal|reference)\s+"
    r"limits?|(?:lower|upper)\s+limits?\s+of\s+"
    r"(?:the\s+)?(?:normal|reference)(?:\s+range)?|(?P<abbr>LLN|ULN)\b)",
    re.I,
)
# "3 times the upper limit of normal": a multiple of the limit, a bound for measures.py
_MULTIPLE = re.compile(r"\d(?:\.\d+)?\s*(?:times|x|×)\s*$", re.I)
# the range may follow a few words in its parentheses: "(age- and sex-matched reference
# 88-237)", "(06/2025; reference 70-220)"
_RANGE = re.compile(
    r"\((?:[^()]{0,40}?[\s;,])?(?:reference|normal|ref\.?)(?:\s+range)?"
    r"(?:\s+for\s+[A-Za-z -]{2,20}?)?[:\s]+(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)",
    re.I,
)
_WINDOW = re.compile(r"\bwithin the (?:past|last) (\d+) (day|week|month|year)s?\b", re.I)
# another statement beside the range's ("..., and"), or an alternative after it ("..., or")
_AND = re.compile(r",\s+and\s+|;\s+", re.I)
_OR = re.compile(r"\bor\b", re.I)
_SIDE = {"within": "in", "in": "in", "below": "below", "under": "below", "above": "above"}
_SIDE |= {"over": "above", "less than": "below", "lower than": "below"}
_SIDE |= {"greater than": "above", "higher than": "above", "exceeding": "above"}
_OTHER = {"below": {"in", "above"}, "above": {"in", "below"}, "in": {"below", "above"}}


def _wanted(where: re.Match[str]) -> set[str]:
    """The sides of the range a criterion's words accept: "not above the upper limit of
    normal" accepts a reading in the range or below it; "at or below the ULN" the same."""
    side = _SIDE[re.sub(r"\s+", " ", where.group("side").lower())]
    neg = (where.group("neg") or "").strip().lower()
    if neg in {"not", "no"}:
        return _OTHER[side]
    if neg == "at or":
        return {side, "in"}
    return {side}


def judge_range(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    where = _WHERE.search(text)
    names = named(text[: where.start()]) if where else []
    if not where or not names or _MULTIPLE.search(text[: where.start()]):
        return None
    analyte, wanted = names[-1].analyte, _wanted(where)
    window = _WINDOW.search(text)
    limit = float(window.group(1)) * MONTHS[window.group(2).lower()] if window else None
    today = as_of(facts)
    if _SECOND.search(text[: where.start()]):
        return _second_statement(analyte, wanted, facts)
    sides: dict[str, list[str]] = {}
    for fact in record_facts(facts):
        for value, end in readings_of(analyte, fact.text):
            if limit is not None:
                taken = reading_date(fact, end)
                if taken is None or today is None or months_between(taken, today) > limit:
                    continue
            side = _side(value, fact.text[end : end + 80])
            if side is not None:
                sides.setdefault(side, []).append(fact.id)
    if len(sides) != 1:
        return None  # none read, or readings that disagree: a person reads them
    side, cited = next(iter(sides.items()))
    status = "met" if side in wanted else "not_met"
    if status == "met" and _AND.search(text):
        return None  # "no new pustules, and CRP within the normal range": one part of two
    if status == "not_met" and _OR.search(text[where.end() :]):
        return None  # "CRP above the ULN, or enhancement on MRI": the other may hold
    where_said = "within" if side == "in" else side
    return status, cited[:3], f"{', '.join(cited[:3])}: {analyte} {where_said} the normal range"


# one end only: "(normal under 0.5)", "(reference < 5)", "(normal above 60)"
_ONE_END = re.compile(
    r"^[^()]{0,30}?\((?:[^()]{0,40}?[\s;,])?(?:reference|normal|ref\.?)(?:\s+range)?[:\s]*"
    r"(?P<way>under|below|less\s+than|<|≤|up\s+to|above|over|greater\s+than|>|≥)\s*"
    r"(?P<n>\d+(?:\.\d+)?)\s*[^()\d]{0,12}\)",
    re.I,
)


def side_of_range(value: float, after: str) -> str | None:
    """Where a reading lies against the reference range written after it ("138 pg/mL (ref
    15-65)": above; "6.1 mg/dL (normal under 0.5)": above), or None where none is written."""
    if (r := _RANGE.search(after)) is None:
        return _side_of_one_end(value, after)
    low, high = float(r.group(1)), float(r.group(2))
    return "below" if value < low else "above" if value > high else "in"


def _side(value: float, after: str) -> str | None:
    """Where the reading lies, by the range written after it or the words that say so."""
    if (side := side_of_range(value, after)) is not None:
        return side
    if (w := _WHERE.search(after)) is not None and not w.group("neg"):
        return _SIDE[re.sub(r"\s+", " ", w.group("side").lower())]
    return None


# "has risen since the start of treatment and is not above the upper limit of normal": the
# range is the second of two statements, which code does not read whole
_SECOND = re.compile(r"\band\s+(?:is|are|remains?|stays?)\s+(?:not\s+|no\s+)?$", re.I)


def _second_statement(
    analyte: str, wanted: set[str], facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    """Not met where the latest dated reading lies outside the sides asked (the criterion
    fails whatever its first statement); nothing otherwise (the first is not read)."""
    latest: tuple[date, str, str] | None = None
    for fact in record_facts(facts):
        for value, end in readings_of(analyte, fact.text):
            taken, side = reading_date(fact, end), _side(value, fact.text[end : end + 80])
            if taken is None or side is None:
                continue
            if latest is None or taken > latest[0]:
                latest = (taken, side, fact.id)
    if latest is None or latest[1] in wanted:
        return None
    _, side, fid = latest
    return "not_met", [fid], f"{fid}: the latest {analyte} reading is {side} the normal range"


def _side_of_one_end(value: float, after: str) -> str | None:
    """Against a range written by one end: a value on the far side of it lies outside; on
    the near side, inside (the other end is not written, so "below" is never read)."""
    if (r := _ONE_END.search(after)) is None:
        return None
    limit, way = float(r.group("n")), r.group("way").lower()
    if way in {"above", "over", "greater than", ">", "≥"}:
        return "in" if value >= limit else None  # below it: low, or a limit not inclusive
    return "in" if value <= limit else "above"
