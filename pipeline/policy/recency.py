"""Tests asked to have been done within a window ("Serum ALT, AST and total bilirubin were
measured within the 30 days before the request", "Liver enzymes (ALT, AST) and total
bilirubin measured within the 30 days before the first infusion"), judged by code from the
dated readings the facts give of each named test.

Met: every named test has a reading dated inside the window, and the criterion asks only
that the tests were done (a bound or a range is the measurement rules'). Not met: some
named test has readings and every one of them lies wholly outside it (a month and year
counts as its whole month), whatever level the criterion asks of it. Anything else (a test
not mentioned, a reading without a date, one that straddles the window's edge) decides
nothing.

The window is counted back from the case's latest dated note or result (dates.py); where the
criterion counts it back from a first dose or infusion and the facts date that dose, from
that date, so a test done a month before a dose planned two months later is not "within 30
days before the first dose".
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.analytes import named, readings_of, results_of
from pipeline.policy.criterion_terms import _clauses, record_facts
from pipeline.policy.dates import as_of, clause_age, full_dates
from pipeline.policy.measures import bounds
from pipeline.policy.units import NUMBER_WORD, count_value

_UNITS = {"day": 1 / 30.4, "week": 1 / 4.345, "month": 1.0, "year": 12.0}
# "measured within the 30 days before the request", "checked within 3 months before the
# first dose", "done within the past 12 months"
_DONE_WITHIN = re.compile(
    r"\b(?:measured|checked|tested|done|obtained|drawn|performed|taken)\s+(?:within\s+"
    r"(?:the\s+)?(?:past\s+|last\s+|previous\s+|prior\s+)?|"
    # "checked in the last 6 months"
    r"in\s+the\s+(?:past|last|previous|prior)\s+)"
    r"(\d+|" + NUMBER_WORD + r")\s+(day|week|month|year)s?"
    r"(?P<before>\s+(?:before|prior to|of)\s+(?:the\s+)?(?P<event>[a-z]+(?:\s+[a-z]+)?))?",
    re.I,
)
# The range and bound words the measurement rules read: a criterion with them asks more
# than a test done.
_LEVEL = re.compile(r"\b(?:normal|reference|range|limit|positive|negative|abnormal)\b", re.I)
_ONLY_NEGATIVE = re.compile(r"negative(?: negative)*")
_DETECTED = re.compile(r"(?<!not )(?<!non-)\b(?:quantifiable|detectable|detected)\b", re.I)
_FIRST_DOSE = re.compile(r"\bfirst\s+(?:[a-z-]+\s+)?(?:dose|infusion|injection)\b", re.I)
_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})(?![\d/])")


def _window(m: re.Match[str]) -> float:
    n = m.group(1).lower()
    return count_value(n) * _UNITS[m.group(2).lower()]


def _first_dose(facts: list[CaseFact]) -> tuple[date, date] | None:
    """(earliest, latest) day the facts put the first dose on: a full date, or a month
    and year (its whole month), in a sentence that names the first dose."""
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested")):
            continue
        for clause in _clauses(fact.text):
            named = _FIRST_DOSE.search(clause)
            if not named:
                continue
            clause = clause[named.end() :]  # the date written after the dose's mention
            if full := full_dates(clause):
                return full[0][0], full[0][0]
            if m := _MONTH_YEAR.search(clause):
                month, year = int(m.group(1)), int(m.group(2))
                if 1 <= month <= 12:
                    last = date(year + month // 12, month % 12 + 1, 1)
                    return date(year, month, 1), date.fromordinal(last.toordinal() - 1)
    return None


def _quantified(test: str, clause: str, results: list[str]) -> bool:
    """The clause's readings of the test show it present: every value above zero and no
    result word saying otherwise, or only "detected" / "positive" words."""
    values = [v for v, _ in readings_of(test, clause)]
    if results:
        return set(results) == {"positive"} and all(v > 0 for v in values)
    return bool(values) and all(v > 0 for v in values)


def judge_recency(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for a criterion asking named tests done within a
    window; None where code cannot be sure."""
    m = _DONE_WITHIN.search(text)
    if not m:
        return None
    # "IGF-1 measured within the past 12 months is within the normal range": the level is
    # the measurement rules'; a test with no reading inside the window is not met whatever
    # level it asks
    level = bool(bounds(text) or _LEVEL.search(text))
    # "a negative HIV-1 RNA test taken within the 7 days before ...": a result word, which
    # code reads beside the test's name (analytes.results_of), is all the level it asks
    negative = (
        level
        and not bounds(text)
        and _ONLY_NEGATIVE.fullmatch(" ".join(_LEVEL.findall(text)).lower())
    )
    # "a quantifiable HCV RNA level drawn within ...": a reading above zero, or a result
    # word "detected", is all the level it asks; an undetectable one is not read here
    detected = bool(_DETECTED.search(text)) and not level
    level = level or detected
    tests = list(dict.fromkeys(n.analyte for n in named(text[: m.start()])))
    if not tests:
        return None
    limit = _window(m)
    today = as_of(facts)
    event = (m.group("event") or "").lower()
    if m.group("before") and not re.match(r"(?:request|review|start|first)", event):
        return None  # "within 3 months of the diagnosis": another event's date
    dose = _first_dose(facts) if event.startswith("first") else None
    if dose:
        # the gap to the dose: its latest possible day for "met", earliest for "not met"
        ends = (dose[1], dose[0])
    elif today is not None:
        ends = (today, today)
    else:
        return None
    fresh: dict[str, str] = {}
    stale: dict[str, str] = {}
    unsure: set[str] = set()
    for test in tests:
        for fact in record_facts(facts):
            for clause in _clauses(fact.text):
                results = results_of(test, clause)
                if not readings_of(test, clause) and not results:
                    continue
                if negative and results != ["negative"]:
                    unsure.add(test)  # a number, a positive, or two results: not read here
                    continue
                if detected and not _quantified(test, clause, results):
                    unsure.add(test)
                    continue
                late = clause_age(clause, fact, ends[0])  # against the latest end
                early = clause_age(clause, fact, ends[1])  # against the earliest end
                if late is None or early is None:
                    unsure.add(test)  # a reading code cannot date
                elif late[1] <= limit and early[0] >= 0:
                    fresh.setdefault(test, fact.id)
                elif early[0] > limit:
                    stale.setdefault(test, fact.id)
                else:
                    unsure.add(test)  # at the window's edge, or after its end
    said = re.search(r"\b(?:within|in)\s.*", m.group(0)).group(0).strip()  # type: ignore[union-attr]
    if len(fresh) == len(tests) and (not level or ((negative or detected) and not unsure)):
        cited = list(dict.fromkeys(fresh.values()))[:3]
        return "met", cited, f"{', '.join(tests)} measured {said} ({', '.join(cited)})"
    late_tests = [t for t in tests if t in stale and t not in fresh and t not in unsure]
    if late_tests:
        cited = list(dict.fromkeys(stale[t] for t in late_tests))[:3]
        return (
            "not_met",
            cited,
            f"{', '.join(late_tests)}: no reading {said} ({', '.join(cited)})",
        )
    return None
