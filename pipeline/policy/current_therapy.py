"""Criteria that a kind of therapy be in use now, with the policy's examples ("Member is
currently receiving standard lupus therapy, such as hydroxychloroquine, a glucocorticoid,
azathioprine, methotrexate or mycophenolate"), judged by code: met where a note names one
of the examples in a clause that says the patient is on it now ("On hydroxychloroquine 300
mg daily and prednisone 10 mg daily since 2024", a medication list, "continues ..."), no
clause denies it and none says it stopped. Only met: a therapy outside the examples may
still be the kind asked, so nothing here denies.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts
from pipeline.policy.current_use import _without, examples, in_current_use
from pipeline.policy.polarity import _STOPPED, _names

_ASKS = re.compile(
    # "Member is currently receiving ...", or a list row with no subject ("Currently taking
    # an SGLT2 inhibitor (empagliflozin, dapagliflozin or canagliflozin)")
    r"(?:\b(?:is|are)\s+|^\s*)(?:currently|now|still)\s+"
    r"(?:receiving|taking|on|using|treated with)\s+(?P<what>.+)$",
    re.I,
)
# "On hydroxychloroquine 300 mg daily ... since 2024": a regimen that goes on
_ON_SINCE = re.compile(r"^\s*(?:currently\s+|still\s+)?(?:on|taking|receiving)\s+.*\bsince\b", re.I)
_PAST = re.compile(r"\b(?:previously|formerly|until|was|were|had been|prior)\b", re.I)


def judge_current_therapy(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text.strip().rstrip("."))
    if not m:
        return None
    # "an SGLT2 inhibitor (empagliflozin, dapagliflozin or canagliflozin)": the examples
    # in brackets, as "such as" gives them
    listed = examples(re.sub(r"\s*\(([^()]+)\)\s*$", r" such as \1", m.group("what")))
    if not listed:
        return None
    current, _, stopped = in_current_use(listed, facts, drug)
    if stopped:
        return None  # one of them stopped: a person reads which goes on
    for fact in record_facts(facts, "Prior therap"):
        for clause in _clauses(fact.text):
            clause = _without(clause, drug)
            named = [e for e in listed if _names(e, clause)]
            if not named or negates(clause) or _STOPPED.search(clause) or _PAST.search(clause):
                continue
            if fact.id in current or _ON_SINCE.search(clause):
                return "met", [fact.id], f"{fact.id} states {named[0]} in use now"
    return None
