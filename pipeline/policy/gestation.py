"""Criteria on the gestational age at birth ("Infant was born at 28 weeks, 6 days of
gestation or earlier", "born before 32 weeks, 0 days of gestation"), judged by code from
the facts that give it ("born 07/18/2025 at 27 weeks 3 days", "gestational age 27 completed
weeks": any day of that week). Every statement must fall wholly on one side of the bound,
or nothing is decided.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts

_ASKS = re.compile(
    r"\bborn\s+(?P<pre>at|before|after)\s+(?P<w>\d{2})\s+weeks?(?:,?\s*(?P<d>\d)\s+days?)?"
    r"(?:\s+of\s+gestation(?:al age)?)?(?:\s+(?P<post>or earlier|or less|or later|or more))?",
    re.I,
)
_STATED = re.compile(
    r"\b(?:born\b[^.;]{0,30}?\bat|gestational age(?:\s+of)?|GA)\s+(?P<w>\d{2})\s*"
    r"(?P<completed>completed\s+)?weeks?(?:,?\s*(?:and\s+)?(?P<d>\d)\s*days?)?",
    re.I,
)


def judge_gestation(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text)
    if not m:
        return None
    bound = int(m.group("w")) * 7 + int(m.group("d") or 0)
    pre, post = m.group("pre").lower(), (m.group("post") or "").lower()
    if pre == "before":
        holds = lambda days: days < bound  # noqa: E731
    elif pre == "after":
        holds = lambda days: days > bound  # noqa: E731
    elif post in {"or earlier", "or less"}:
        holds = lambda days: days <= bound  # noqa: E731
    elif post in {"or later", "or more"}:
        holds = lambda days: days >= bound  # noqa: E731
    else:
        return None
    outcomes: dict[bool, str] = {}
    for fact in record_facts(facts):
        for s in _STATED.finditer(fact.text):
            weeks = int(s.group("w")) * 7
            if s.group("d") is not None:
                days = [weeks + int(s.group("d"))]
            elif s.group("completed"):
                days = [weeks, weeks + 6]  # any day of the completed week
            else:
                continue  # "at 27 weeks": a day of it or the week's first, not code's
            sides = {holds(d) for d in days}
            if len(sides) != 1:
                return None  # the week straddles the bound
            outcomes.setdefault(sides.pop(), fact.id)
    if len(outcomes) != 1:
        return None
    ok, cited = next(iter(outcomes.items()))
    said = f"{cited}: gestational age at birth {'within' if ok else 'outside'} the bound"
    return ("met" if ok else "not_met"), [cited], said
