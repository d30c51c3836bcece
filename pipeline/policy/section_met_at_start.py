"""A continuation's criterion that the member met the criteria of a named section when the
drug was started ("the member met the criteria in Section 1 or Section 2 when burosumab was
started"), judged by code from a fact that records the plan's approval under one of the
sections named ("approved burosumab under Section 1 on 02/04/2025 (letter on file)") or,
naming none, the plan's earlier approval (references.prior_approval).

The plan approved the drug on those criteria then: met. A record of approval under another
section, a denied approval, or none leaves it to the model (nothing is read as not met: the
member may have met the criteria without a record of it here).
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts
from pipeline.policy.references import prior_approval

_ASKED = re.compile(
    r"\bme(?:t|ets)\s+(?:all\s+(?:of\s+)?)?the\s+(?:initial\s+|approval\s+|coverage\s+)?"
    r"criteria\s+(?:in|of|under|listed in)\s+(?:section|part)\s+(?P<labels>[\w.]+"
    r"(?:\s*(?:,|or|and)\s*(?:(?:section|part)\s+)?[\w.]+)*)"
    r"\s+(?:when|at the time|before)\b[^.;]*\b(?:start\w*|began|begun|initiat\w*)\b",
    re.I,
)
_UNDER = re.compile(r"\bapproved\b[^.;]*?\b(?:under|per)\s+(?:section|part)\s+([\w.]+)", re.I)


def judge_section_met_at_start(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.search(text)
    if not m:
        return None
    labels = {
        x.lower().rstrip(".")
        for x in re.split(r"\s*(?:,|\bor\b|\band\b)\s*", m.group("labels"))
        if x and x.lower() not in {"section", "part"}
    }
    labels = {re.sub(r"^(?:section|part)\s+", "", x) for x in labels}
    named_other = False
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            under = _UNDER.search(clause)
            if not under or negates(clause[: under.start() + 10]):
                continue
            if under.group(1).lower().rstrip(".") in labels:
                return "met", [fact.id], f"{fact.id}: approved under section {under.group(1)}"
            named_other = True
    if not named_other and (fact := prior_approval(facts)):
        return "met", [fact.id], f"{fact.id} documents the plan's earlier approval"
    return None
