"""A renewal's criterion that the records show a response to the drug ("The records document
a clinical response to immune globulin, such as improved strength ..."), judged by code from
a case line that names the drug with an improvement in one clause ("Documented clinical
improvement on IVIG (stronger legs).").

The criterion must name the requested drug (any of its words, its abbreviation) or say
"treatment"/"therapy", and ask no amount: a number, a percent or a named scale ("a 50%
reduction", "by at least 2 points") is for the measurement readers. Met: a case clause ties
an improvement word to the drug ("improvement on X", "responded to X", "X helped") with no
word that takes it back. Not met: a clause ties "no response", "no improvement" or a
worsening to the drug. Both, or neither: for the model or a person."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.improvement_words import BETTER as _BETTER
from pipeline.policy.improvement_words import DOUBT as _NOT
from pipeline.policy.improvement_words import NONE as _NONE

_ASKS = re.compile(
    r"\b(?:clinical\s+|positive\s+|beneficial\s+|favorable\s+|favourable\s+|therapeutic\s+)?"
    r"(?:response|improvement|benefit)\s+(?:to|on|with|from|while\s+on)\s+"
    r"(?:the\s+|this\s+)?(?P<what>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)",
    re.I,
)
_AMOUNT = re.compile(r"\d|%|\bscore\b|\bscale\b|\bat\s+least\b", re.I)
_GENERIC = {"treatment", "therapy", "medication", "drug", "the", "this"}
_LINK = r"(?:on|with|to|from|since|after|while\s+on)"
_CLAUSES = re.compile(r"[;.](?:\s|$)|,\s+but\s+")
_SKIP = ("Requested", "Payer", "Patient:")
_FILLER = {"intravenous", "subcutaneous", "oral", "injection", "infusion", "tablets"}


def _drug_names(drug: str) -> list[str]:
    """The requested drug's words a case may use for it: its abbreviation in brackets, its
    distinctive words (not the route), and its whole name."""
    names = [m.lower() for m in re.findall(r"\(([A-Za-z][\w-]{1,15})\)", drug)]
    words = re.findall(r"[A-Za-z][\w-]{3,}", re.sub(r"\(.*?\)", " ", drug))
    names += [w.lower() for w in words if w.lower() not in _FILLER]
    return [n for n in dict.fromkeys(names) if len(n) >= 3]


def judge_response_on_drug(
    text: str, facts: list[CaseFact], drug: str
) -> tuple[str, list[str], str] | None:
    asks = _ASKS.search(text)
    if not asks or _AMOUNT.search(text):
        return None
    names = _drug_names(drug)
    what = asks.group("what").lower().split()
    if what[0] not in _GENERIC and not any(w in names for w in what):
        return None  # another drug's response: not this reader's question
    name = "|".join(re.escape(n) for n in names)
    if not name:
        return None
    tied = re.compile(
        rf"{_BETTER}\W+(?:\w+\W+){{0,3}}?{_LINK}\s+(?:the\s+)?(?:{name})\b"
        rf"|\b(?:{name})\b\W+(?:\w+\W+){{0,3}}?{_BETTER}",
        re.I,
    )
    better: list[tuple[str, str]] = []
    worse: list[tuple[str, str]] = []
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _CLAUSES.split(fact.text):
            if not tied.search(clause):
                continue
            (worse if _NOT.search(clause) else better).append((fact.id, clause.strip()))
    if better and not worse:
        return "met", [better[0][0]], f"the case states: {better[0][1]}"
    refused = [(i, c) for i, c in worse if _NONE.search(c)]
    if refused and not better and len(refused) == len(worse):
        return "not_met", [refused[0][0]], f"the case states: {refused[0][1]}"
    return None
