"""A criterion asking the absence of one kind of a thing ("there is no known or suspected
resistance to integrase inhibitors", "no earlier virological failure on either class"),
met by a fact that states the thing absent outright, of any kind ("no resistance
mutations", "Never had virological failure on any regimen"). A fact that narrows what it
rules out ("no resistance to tenofovir") says nothing of the asked kind, and any clause that
names the thing without a negation leaves the criterion to others. Only "met" comes from
here; a criterion asking more than the one absence (", and ...") is not read whole."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_QUALIFIERS = (
    r"(?:(?:known|suspected|earlier|previous|prior|documented|history\s+of)\s+(?:or\s+)?)*"
)
_ASKS = re.compile(
    r"^(?:there\s+(?:is|has\s+been)\s+|the\s+(?:person|patient)\s+has\s+(?:had\s+)?)?"
    rf"no\s+{_QUALIFIERS}(?P<head>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+"
    r"(?:to|on|with|of|in|for|against)\s+\S",
    re.I,
)
_MORE = re.compile(r",\s*and\b|;|\band\s+no\b|\bnor\b|\bunless\b|\bexcept\b", re.I)
# what may follow the thing in a fact that rules out every kind of it
_OUTRIGHT_TAIL = (
    r"(?:\s+(?:mutations?|detected|found|documented|reported|known))*\s*"
    r"(?:(?:on|to|with|against|in|for)\s+any\b|at\s+any\s+time\b|ever\b|[.,;)]|$)"
)


def judge_broader_absence(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if not m or _MORE.search(text):
        return None
    head = re.escape(m.group("head")).replace(r"\ ", r"\s+")
    named = re.compile(rf"\b{head}\b", re.I)
    outright = re.compile(
        rf"\b(?:no|never(?:\s+had)?|not\s+had|without)\s+(?:known\s+)?{head}{_OUTRIGHT_TAIL}",
        re.I,
    )
    found: CaseFact | None = None
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if not named.search(clause):
                continue
            if not negates(clause):
                return None  # the thing stated present somewhere: not code's to weigh
            if found is None and outright.search(clause):
                found = fact
    if found is None:
        return None
    return "met", [found.id], f"{found.id} states no {m.group('head')} of any kind"
