"""Criteria that treatment start in a hospital ("Treatment is started or restarted in a
hospital where serum sodium can be checked closely", "Therapy is initiated in an inpatient
setting"), judged by code from the clause of a fact that says where the first dose is (or
was) given: "first dose ... on the ward", "started in hospital" is met; "take the first dose
at home", "started as an outpatient" is not.

Only a clause that names the requested drug, its start (first dose, started, initiated)
and one kind of place decides; a clause naming both kinds, or none, decides nothing.
Where the criterion adds what the hospital must allow ("where serum sodium can be checked
closely"), a met also needs the fact to name that thing (its sodium checks); a start at
home fails either way.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts

_ASKED = re.compile(
    r"\b(?:start|restart|initiat|begin|began|begun|commenc)\w*\b[^.;]*?\b(?:in|at)\s+"
    r"(?:an?\s+|the\s+)?(?:hospital|inpatient\s+setting|inpatient\b)(?P<tail>.*)$",
    re.I,
)
_START = re.compile(r"\b(?:first\s+dose|(?:re)?start\w*|initiat\w*|begin|began|commenc\w*)\b", re.I)
_IN_HOSPITAL = re.compile(
    r"\b(?:on\s+the\s+ward|in\s+(?:the\s+)?hospital|inpatient|while\s+admitted|"
    r"during\s+(?:the\s+|this\s+)?admission)\b",
    re.I,
)
_AT_HOME = re.compile(r"\b(?:at\s+home|outpatient|after\s+discharge)\b", re.I)
_TAIL_WORDS = {
    "where",
    "can",
    "could",
    "be",
    "checked",
    "closely",
    "the",
    "and",
    "with",
    "monitored",
    "monitoring",
    "close",
    "available",
    "is",
    "are",
    "which",
}


def judge_start_setting(
    text: str, facts: list[CaseFact], drug: str
) -> tuple[str, list[str], str] | None:
    m = _ASKED.search(text.strip().rstrip("."))
    names = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", drug)}
    if not m or not names or re.search(r"\b(?:not|no|never)\b", text[: m.start()], re.I):
        return None
    tail = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", m.group("tail"))} - _TAIL_WORDS
    found: list[tuple[str, str]] = []
    for fact in record_facts(facts):
        for clause in re.split(r"(?<=[a-z0-9)])[.;]\s+", fact.text):
            said = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", clause)}
            if not _START.search(clause) or not said & names:
                continue  # the start of the requested drug, not of another
            home, ward = bool(_AT_HOME.search(clause)), bool(_IN_HOSPITAL.search(clause))
            if home == ward:
                continue
            if home:
                found.append(("not_met", fact.id))
            elif not tail or tail & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", fact.text)}:
                found.append(("met", fact.id))
            else:
                return None  # a start in hospital, but not the monitoring the criterion asks
    if not found or len({s for s, _ in found}) != 1:
        return None
    status = found[0][0]
    cited = list(dict.fromkeys(i for _, i in found))[:3]
    where = "in hospital" if status == "met" else "outside hospital"
    return status, cited, f"{cited[0]} states the first dose is given {where}"
