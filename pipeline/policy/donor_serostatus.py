"""A transplant criterion on the donor's and the recipient's test results ("Donor CMV IgG
positive and recipient CMV IgG negative (D+/R-)", "Recipient CMV seropositive"), read from
notes that give each party's result ("donor CMV IgG positive; recipient CMV IgG also
positive before transplant").

Each party the criterion names is looked up in a clause that names that party and the
test's first word ("CMV") and gives one result word. Not met where a party's result is
the other one; met where every party's result is the one asked; a party not stated, or
stated both ways, decides nothing. The patient of a transplant request is its recipient."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, record_facts
from pipeline.policy.models import Found

_POS = r"sero-?positive|positive|reactive|detected"
_NEG = r"sero-?negative|negative|non-?reactive|not\s+detected|undetectable"
_ASKED = re.compile(
    rf"\b(?P<party>donor|recipient)(?:'s)?\s+(?P<test>[A-Za-z][\w-]{{1,12}})(?:\s+[A-Za-z][\w-]{{1,8}})?"
    rf"\s+(?:is\s+|was\s+)?(?P<res>{_NEG}|{_POS})\b",
    re.I,
)
_PARTY_WORDS = {"donor": r"donor", "recipient": r"recipient|patient|member"}
_RESULT = re.compile(rf"\b(?:(?P<neg>{_NEG})|(?P<pos>{_POS}))\b", re.I)


def _positive(word: str) -> bool:
    return re.fullmatch(_NEG, word, re.I) is None


def _stated(party: str, test: str, facts: list[CaseFact]) -> tuple[set[bool], list[str]]:
    """The results (positive or not) the record gives for the party's test."""
    results: set[bool] = set()
    cited: list[str] = []
    for fact in record_facts(facts):
        for clause in clauses(fact.text):
            who = list(re.finditer(rf"\b(?:{_PARTY_WORDS[party]})\b", clause, re.I))
            if len(who) != 1 or not re.search(rf"\b{re.escape(test)}\b", clause, re.I):
                continue
            others = [p for p in _PARTY_WORDS if p != party]
            if any(re.search(rf"\b(?:{_PARTY_WORDS[o]})\b", clause, re.I) for o in others):
                continue  # both parties in one clause: whose result is whose is unclear
            said = [m for m in _RESULT.finditer(clause, who[0].end())]
            if len(said) != 1:
                continue
            results.add(said[0].group("pos") is not None)
            cited.append(fact.id)
    return results, cited


def judge_donor_serostatus(text: str, facts: list[CaseFact]) -> Found | None:
    asked = list(_ASKED.finditer(text))
    if not asked or len({m.group("party").lower() for m in asked}) != len(asked):
        return None
    rest = _ASKED.sub("", text)
    if re.search(r"\b(?:or|unless|except)\b", rest, re.I):
        return None  # an alternative beside the results: not this reader's alone
    cited: list[str] = []
    for m in asked:
        party, test = m.group("party").lower(), m.group("test")
        want = _positive(m.group("res"))
        results, ids = _stated(party, test, facts)
        if len(results) != 1:
            return None
        cited += ids
        if results.pop() != want:
            said = "positive" if not want else "negative"
            return "not_met", ids[:3], f"the {party}'s {test} is documented {said}"
    return "met", list(dict.fromkeys(cited))[:3], "each party's result is the one asked"
