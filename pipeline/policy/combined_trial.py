"""A trial of two drugs taken together, asked as failed ("an NSAID together with a hormonal
contraceptive or a progestin for at least 3 months, without enough relief"), met by code
where one clause names a drug of the first kind and one of the second (by name or class),
states a course as long as asked ("from 02/2025 to 09/2025 (7 months)"), and its note says
the relief fell short ("pain only slightly better").

Met only: a combination not found may have been given in words code does not read, and a
trial that helped ("much better"), a course too short or of one drug alone decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses
from pipeline.policy.dates import as_of
from pipeline.policy.trials import _FAILED, _months
from pipeline.terms import find_classes, find_drugs

_ASKS = re.compile(
    r"^\s*(?:an?\s+)?(?P<a>[\w\s-]+?)\s+(?:together\s+with|combined\s+with|plus)\s+"
    r"(?P<b>.+?)\s+for\s+(?:at\s+least\s+)?(?P<n>\d{1,2})\s+(?P<unit>month|week)s?\s*,?\s*"
    r"(?P<tail>without\s+(?:enough|adequate|sufficient)\s+(?:relief|response|control)|"
    r"with(?:out)?\s+(?:an?\s+)?inadequate\s+response)\s*\.?\s*$",
    re.I,
)
# relief that fell short, in a note's words
_SHORT = re.compile(
    r"\b(?:only\s+)?(?:slightly|somewhat|a\s+little|partly|partially|minimally|barely)\s+"
    r"(?:better|improved|helped)\b|\b(?:little|partial|minimal|no|not\s+enough)\s+relief\b|"
    r"\bstill\s+(?:severe|uncontrolled|painful|present)\b",
    re.I,
)
_GOOD = re.compile(
    r"\b(?:much|markedly|significantly|greatly)\s+(?:better|improved)\b|\bresolved\b", re.I
)


def _kinds(text: str) -> set[str]:
    """The drug names and classes a text names."""
    out = {c.name for c in find_classes(text)}
    for d in find_drugs(text):
        out |= {d.name, *d.classes}
    return out


def judge_combined_trial(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text)
    if not m:
        return None
    first, second = _kinds(m.group("a")), _kinds(m.group("b"))
    if not first or not second or first & second:
        return None
    wanted = int(m.group("n")) * (1.0 if m.group("unit").lower() == "month" else 1 / 4.345)
    today = as_of(facts)
    for fact in facts:
        if not fact.text.startswith(("History:", "Prior therapy:")):
            continue
        if not _SHORT.search(fact.text) and not _FAILED.search(fact.text):
            continue
        if _GOOD.search(fact.text):
            continue
        for clause in _clauses(fact.text):
            named = {d for d in find_drugs(clause)}
            kinds_each = [{d.name, *d.classes} for d in named]
            has_first = any(k & first for k in kinds_each)
            has_second = any(k & second for k in kinds_each)
            long_enough = any(x >= wanted for x in _months(clause, today, spans=True))
            if has_first and has_second and long_enough and not re.search(r"\bno\b", clause, re.I):
                return (
                    "met",
                    [fact.id],
                    f"{fact.id} states both taken together long enough, relief short",
                )
    return None
