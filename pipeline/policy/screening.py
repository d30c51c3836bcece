"""Screening tests asked within a window ("A negative test for latent tuberculosis
(tuberculin skin test or interferon-gamma release assay) within the past 12 months"),
judged by code from the facts that name the test (by any of its common names: "TB",
"QuantiFERON", "T-SPOT", "IGRA", "PPD"), state its result and date it.

Met: a clause names the test and the asked result, no clause names it with the other
result, and its date lies inside the window (the case's latest date standing for today,
dates.py). Not met: no result inside the window, and every mention of the test either
dated outside it or denying it ("no TB test on file in the past 3 years"), no mention
undated; where the criterion offers an alternative (", or latent infection already
treated"), only if a clause denies that too ("never treated for latent TB").
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import MONTHS, _clauses, coverage, negates, requirements
from pipeline.policy.dates import as_of, clause_age

_TESTS = {
    "tuberculosis test": re.compile(
        r"(?i:tuberculosis|tuberculin|quantiferon|t-spot|interferon[- ]gamma release|"
        r"mantoux)|\b(?:TB|IGRA|PPD|TST)\b"
    ),
    "hepatitis B test": re.compile(r"(?i:hepatitis b\b|hbsag|hepatitis b surface)|\bHBV\b"),
}
_WINDOW = re.compile(
    r"\bwithin\s+(?:the\s+)?(?:past|last|previous|prior)?\s*(\d+)\s*(day|week|month|year)s?\b",
    re.I,
)
_RESULT = {w: re.compile(rf"\b{w}\b", re.I) for w in ("negative", "positive")}
_ASKS_DONE = re.compile(r"\b(?:tested|screened|screening|evaluated)\b", re.I)


# "Active tuberculosis has been excluded": a test asked with no window of its own
_EXCLUDED = re.compile(r"\b(?:excluded|ruled out|screened|tested)\b", re.I)
_USUAL_WINDOW = 12.0  # months: how old a screening test a policy that names none accepts


def judge_screening(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    window = _WINDOW.search(text)
    if window:
        head, tail = text[: window.start()], text[window.end() :]
        limit = float(window.group(1)) * MONTHS[window.group(2).lower()]
        said = window.group(0)[7:]
    elif _EXCLUDED.search(text):
        head, tail, limit, said = text, "", _USUAL_WINDOW, "the past 12 months (the usual window)"
    else:
        return None
    test = next((name for name, p in _TESTS.items() if p.search(head)), None)
    # "A tuberculosis test within the last 12 months is negative, or ...": the result may
    # follow the window, before any alternative
    asked = head + " " + re.split(r",?\s+or\b|;", tail)[0]
    wanted = next((r for r, p in _RESULT.items() if p.search(asked)), None)
    if wanted is None and (_ASKS_DONE.search(head) or not window):
        # "tested for latent TB within the past 12 months": a negative result is the test
        # done and nothing more to do; a positive one (to be treated) is a person's to read
        wanted = "negative"
    if test is None or wanted is None:
        return None
    other = "positive" if wanted == "negative" else "negative"
    alternative = bool(re.search(r",?\s+or\b", tail))
    today = as_of(facts)
    fresh: list[CaseFact] = []
    stale: list[CaseFact] = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested")):
            continue
        for clause in _clauses(fact.text):
            if not _TESTS[test].search(clause):
                continue
            if _RESULT[other].search(clause) and not _RESULT[wanted].search(clause):
                return None  # the other result: a person reads it
            if not _RESULT[wanted].search(clause):
                if negates(clause) and _TESTED.search(clause) and _covers(clause, limit):
                    stale.append(fact)  # "no TB test on file in the past 3 years"
                continue
            age = clause_age(clause, fact, today)
            if age is None:
                return None  # a result with no date: code cannot place it
            if age[1] <= limit:
                fresh.append(fact)
            elif age[0] > limit:
                stale.append(fact)
            else:
                return None
    if fresh:
        return "met", [fresh[0].id], f"{fresh[0].id}: {test} {wanted} within {said}"
    if stale and (not alternative or _alternative_denied(test, tail, facts)):
        return "not_met", [stale[0].id], f"{stale[0].id}: no {test} result inside the window"
    return None


# a clause denying the test itself, not only the condition ("never treated for latent TB")
_TESTED = re.compile(
    r"(?i:\b(?:tests?|tested|testing|screen\w*|results?|assay|quantiferon|t-spot))|\b(?:IGRA|PPD|TST)\b"
)


def _covers(clause: str, limit: float) -> bool:
    """A clause denying a test says so for the whole window: it names no shorter one."""
    m = re.search(r"\b(?:in|within|over) the (?:past|last) (\d+) (day|week|month|year)s?\b", clause)
    return m is None or float(m.group(1)) * MONTHS[m.group(2).lower()] >= limit


def _alternative_denied(test: str, alternative: str, facts: list[CaseFact]) -> bool:
    """The criterion's alternative ("or latent infection already treated") is stated as
    not so: a clause that names the test's condition, negates, and states a term of the
    alternative ("Never treated for latent TB")."""
    groups = requirements(alternative)
    return any(
        _TESTS[test].search(c) and negates(c) and coverage(groups, c) >= 1
        for f in facts
        for c in _clauses(f.text)
    )
