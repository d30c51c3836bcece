"""What the drug is for, set against what it is not for: "Emicizumab will be used as routine
prophylaxis, not to treat an acute bleed". Met where a clause says the request (or the use)
is for the asked purpose, its phrase whole ("Request is for routine prophylaxis"), and no
clause says it is for the other ("to treat an acute bleed", "for an acute bleed"); a lone
word is not enough ("on aPCC prophylaxis" is a current therapy, not this request's purpose).
Met only: a note silent or both ways is for the model or a person."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.care_setting import phrase_in
from pipeline.policy.criterion_terms import negates

_ASKS = re.compile(
    r"\b(?:used|use|given|requested|prescribed)\s+(?:as|for)\s+(?:an?\s+)?(?P<want>[a-z][a-z -]+?)"
    r",?\s+(?:and\s+)?(?:not|rather than|instead of)\s+(?:to\s+treat|for|as)\s+(?:an?\s+)?"
    r"(?P<other>[a-z][a-z -]+?)\s*\.?$",
    re.I,
)
_FOR = (
    r"\b(?:request(?:ed)?|use[ds]?|given|prescribed|planned|intended|is|are)\s+"
    r"(?:\w+\s+)?(?:as|for)\s+"
)


def _says(phrase: str, clause: str, lead: str) -> bool:
    """The clause gives the phrase whole, right after its lead ("request is for ...")."""
    for m in re.finditer(lead, clause, re.I):
        tail = re.split(r"[,;:()]", clause[m.end() :])[0]
        if phrase_in(phrase, tail):
            return True
    return False


def judge_purpose(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text.strip())
    if not m or len(m.group("want").split()) < 2:
        return None  # one word ("prophylaxis") is too little to know the purpose is said
    want, other = m.group("want"), m.group("other")
    said, against = None, False
    for fact in facts:
        if fact.text.startswith(("Payer", "Patient:")):
            continue
        for clause in re.split(r"(?<=[.;])\s+", fact.text):
            if negates(clause):
                continue
            if _says(other, clause, r"\b(?:to\s+treat|for|treating)\s+(?:an?\s+|the\s+)?") and (
                phrase_in(other, clause)
            ):
                against = True
            elif _says(want, clause, _FOR):
                said = said or fact
    if said is None or against:
        return None
    return "met", [said.id], f"{said.id} states the use is for {want}"
