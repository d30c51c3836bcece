"""Criteria that ask a condition be documented ("Cataplexy is described in the chart (sudden
loss of muscle tone triggered by emotion, with preserved consciousness)", "Hepatic fibrosis
is documented"), judged by code from the case's coded diagnoses: a diagnosis that names the
condition (every word of it) without denying it ("Narcolepsy with cataplexy") documents it.
The words in parentheses define the condition; they ask nothing more.

Only a diagnosis line is read (a note may name a condition to rule it out or ask about it),
and any clause of any fact that denies the condition ("without cataplexy", "No cataplexy
ever") or hedges it ("suspected", "possible", "rule out") leaves the criterion to others.
Only "met" comes from here."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, record_facts

_ASKS = re.compile(
    r"^(?:the\s+)?(?P<cond>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}?)\s+"
    r"(?:is|are|has\s+been|have\s+been)\s+(?:clearly\s+)?"
    r"(?:described|documented|recorded|noted|present)"
    r"(?:\s+in\s+the\s+(?:chart|medical\s+record|record|notes?|clinical\s+notes?))?"
    r"\s*(?:\([^()]*\))?\W*$",
    re.I,
)
_NOT_A_CONDITION = {"it", "this", "that", "which", "diagnosis", "history", "patient", "member"}
_DENIED = re.compile(r"\b(?:no|not|never|without|denies|denied|absent|negative|free of)\b", re.I)
_HEDGED = re.compile(
    r"\b(?:suspect\w*|possible|possibly|probable|rule\s+out|r/o|query|questionable|"
    r"evaluat\w*|concern\s+for|versus|vs)\b|\?",
    re.I,
)


def _named_at(cond: list[str], clause: str) -> int | None:
    """Where the clause names every word of the condition (its first one), else None."""
    spots = [re.search(rf"\b{re.escape(w)}", clause, re.I) for w in cond]
    return min(m.start() for m in spots if m) if all(spots) else None


def judge_documented_condition(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if m is None:
        return None
    cond = m.group("cond").split()
    if cond[0].lower() in _NOT_A_CONDITION or len(m.group("cond")) < 5:
        return None
    cited: list[str] = []
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            at = _named_at(cond, clause)
            if at is None:
                continue
            lead = re.split(r"[,(]", clause[:at])[-1]
            if _DENIED.search(lead) or _HEDGED.search(clause):
                return None  # denied or in doubt somewhere: not read here
            if fact.text.startswith("Diagnosis:") and fact.id not in cited:
                cited.append(fact.id)
    if not cited:
        return None
    return "met", cited[:3], f"the diagnosis names {m.group('cond').lower()}"
