"""A measurement asked elevated ("PTH elevated or inappropriately normal with high calcium
(primary hyperparathyroidism)"), met by code where a note gives the measurement with a
value above the upper end of the reference range written beside it ("Intact PTH 138 pg/mL
(ref 15-65)", "(normal 15-65)").

Met only: a value inside its range may still be "inappropriately normal", which is the
model's to weigh; a value with no range beside it decides nothing. What follows
"inappropriately normal with" qualifies that other way, not the elevated value."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, stem
from pipeline.policy.reference_range import side_of_range

_ASKED = re.compile(
    r"^\s*(?P<name>[A-Za-z][\w -]{1,30}?)\s+(?:is\s+|was\s+)?(?:elevated|raised|high|"
    r"above\s+the\s+upper\s+limit(?:\s+of\s+normal)?)"
    r"(?:\s+or\s+inappropriately\s+normal(?:\s+with\s+[^,;()]+)?)?\s*(?:\([^()]*\))?\s*\.?$",
    re.I,
)
# a value and its unit, then the range in parentheses (reference_range.side_of_range)
_VALUE = re.compile(r"(?P<v>\d+(?:\.\d+)?)\s*[A-Za-zµμ/%0-9^]*\s*(?=\()")


def judge_elevated_by_reference(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    name = {stem(w) for w in re.findall(r"[A-Za-z]+", m.group("name").lower())}
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue
        for clause in clauses(fact.text):
            words = list(re.finditer(r"[A-Za-z]+", clause))
            hits = [w for w in words if stem(w.group()) in name]
            if not hits or {stem(w.group()) for w in hits} != name:
                continue
            v = _VALUE.search(clause, max(w.end() for w in hits))
            after = clause[v.end() : v.end() + 60] if v else ""
            if v and side_of_range(float(v.group("v")), after) == "above":
                said = f"{fact.id}: {v.group('v')} above the reference range written beside it"
                return "met", [fact.id], said
    return None
