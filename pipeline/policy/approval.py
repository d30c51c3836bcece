"""A criterion asking that a named service approved the order ("Infectious Diseases has
approved the order, by consult note or pager approval, within 24 hours of the first dose"),
not met where a fact states no approval by that service ("no ID approval is recorded": the
service by its name or its initials). A fact stating an approval leaves it to others (its
timing and form are still to weigh); both said, nothing is decided. Only "not_met" comes
from here."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_ASKS = re.compile(r"^(?P<actor>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})\s+has\s+approved\b")


def _names(actor: str) -> str:
    initials = "".join(w[0] for w in actor.split()).upper()
    forms = [re.escape(actor).replace(r"\ ", r"\s+")]
    if len(initials) >= 2:
        forms.append(initials)
    return "(?:" + "|".join(forms) + ")"


def judge_approval(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if not m:
        return None
    who = _names(m.group("actor"))
    refused = re.compile(
        rf"\bno\s+{who}\s+approval\b|\b{who}\s+(?:has\s+|have\s+)?(?:not|never)\s+approved\b"
    )
    approved = re.compile(rf"\b{who}\b.*\bapprov|\bapprov\w*\b.*\b{who}\b")
    denied: CaseFact | None = None
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if refused.search(clause):
                denied = denied or fact
            elif approved.search(clause) and not negates(clause):
                return None  # an approval stated: whether in time is not read here
    if denied is None:
        return None
    return "not_met", [denied.id], f"{denied.id} states no {m.group('actor')} approval"
