"""A criterion that something was prescribed or supplied ("Auto-injectable epinephrine
prescribed and the member trained to use it"), not met by code where a fact clause says,
of the same thing, that it was not ("No epinephrine auto-injector has been prescribed",
"Naloxone has not yet been dispensed").

The clause must hold every word of the thing the criterion names and the same kind of
verb; a clause that negates something else ("prescribed; no training yet") or names the
thing only in part decides nothing. Only "not met" comes from here: a positive statement
is the restating reader's (restated.py)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, coverage, is_absence, requirements

_VERB = r"(?:prescribed|dispensed|ordered|provided|supplied|issued)"
_ASKED = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?P<thing>[A-Za-z][\w\s-]{2,60}?)\s+"
    r"(?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+|have\s+been\s+)?" + _VERB + r"\b",
    re.I,
)
_NONE = re.compile(
    r"^\s*(?:there\s+is\s+)?no\s+(?P<what>[A-Za-z][\w\s-]{2,60}?)\s+"
    r"(?:has|have|was|were|is|are)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?" + _VERB + r"\b",
    re.I,
)
_NOT = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?P<what>[A-Za-z][\w\s-]{2,60}?)\s+"
    r"(?:has|have|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?" + _VERB + r"\b",
    re.I,
)


def judge_provision_denied(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m or is_absence(text):
        return None
    groups = requirements(m.group("thing"))
    if len(groups) < 1:
        return None
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        body = fact.text.split(":", 1)[1] if fact.text.startswith("History:") else fact.text
        for clause in _clauses(body):
            said = _NONE.match(clause) or _NOT.match(clause)
            if said and coverage(groups, said.group("what")) == len(groups):
                return "not_met", [fact.id], f"{fact.id} states it was not {_verb(clause)}"
    return None


def _verb(clause: str) -> str:
    m = re.search(_VERB, clause, re.I)
    return m.group(0).lower() if m else "provided"
