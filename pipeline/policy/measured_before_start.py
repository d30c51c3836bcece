"""A measurement the criterion asks taken before the first dose ("Fasting triglycerides
measured before the first dose"), met by code on a first request where a note gives that
measurement with a value ("Fasting triglycerides 118 mg/dL on 11/20/2026"): a drug not yet
begun has had no dose, so any reading on file is from before it.

Met only, and only on an initial request: every word of the measurement's name is in the
note's clause, a number follows the name, and the clause is no plan or pending order. A
continuation request, a reading not given, or a test only ordered decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, negates, stem

_ASKED = re.compile(
    r"^\s*(?P<name>[A-Za-z][\w -]{2,50}?)\s+(?:was\s+|were\s+|is\s+|are\s+)?"
    r"(?:measured|checked|tested|obtained|done|drawn)\s+(?:before|prior\s+to)\s+"
    r"(?:the\s+)?(?:first\s+dose|starting(?:\s+treatment)?|start(?:\s+of\s+treatment)?|"
    r"treatment|initiation)\s*\.?\s*$",
    re.I,
)
_PENDING = re.compile(r"\b(?:pending|awaited|ordered|planned|to be|will be|scheduled)\b", re.I)


def judge_measured_before_start(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    if not any(f.text.startswith("Requested (initial)") for f in facts):
        return None  # after the first dose a reading's date must be weighed
    name = [stem(w) for w in re.findall(r"[A-Za-z]+", m.group("name").lower())]
    if not name:
        return None
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue
        for clause in clauses(fact.text):
            words = list(re.finditer(r"[A-Za-z]+", clause))
            found = [w for w in words if stem(w.group()) in name]
            if (
                {stem(w.group()) for w in found} != set(name)
                or _PENDING.search(clause)
                or negates(clause)
            ):
                continue
            after = clause[max(w.end() for w in found) :]
            if re.match(r"\s*(?:[a-z]+\s+){0,2}?(?:of\s+|was\s+|at\s+|:\s*)?\d", after, re.I):
                return "met", [fact.id], f"{fact.id} gives the reading; the drug is not begun"
    return None
