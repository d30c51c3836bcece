"""A criterion asking that the isolate be susceptible to a named drug ("Final susceptibility
report shows the isolate is susceptible to ceftazidime-avibactam"), read from the
laboratory's wording: "<drug> susceptible", "susceptible to <drug>" (met); "<drug>
resistant", "resistant to ... <drug>" (not met). A report the criterion qualifies ("final")
must be one the fact calls so; the two said both ways, or the drug named with no result,
decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_ASKS = re.compile(
    r"\b(?:isolate|organism|pathogen|bacterium)\s+(?:is|was|remains)\s+susceptible\s+to\s+"
    r"(?P<drug>[A-Za-z][\w/-]+)\s*\.?$",
    re.I,
)
_REPORT_QUALIFIERS = ("final",)
_SUSCEPTIBLE = r"(?:susceptible|sensitive)"
_RESISTANT = r"(?:resistant|non-susceptible|not\s+susceptible|intermediate)"


def _said(drug: str, clause: str) -> set[str]:
    name = re.escape(drug).replace(r"\-", r"[-\s]?")
    found: set[str] = set()
    if re.search(rf"\b{name}\b\s*:?\s*{_SUSCEPTIBLE}\b", clause, re.I) or re.search(
        rf"\b{_SUSCEPTIBLE}\s+to\s+{name}\b", clause, re.I
    ):
        found.add("met")
    if re.search(rf"\b{name}\b\s*:?\s*{_RESISTANT}\b", clause, re.I) or re.search(
        rf"\b{_RESISTANT}\s+to\s+(?:[\w/-]+,?\s+(?:and\s+|or\s+)?){{0,8}}{name}\b", clause, re.I
    ):
        found.add("not_met")
    return found


# "not susceptible to any narrower agent the patient could take, such as a fluoroquinolone,
# trimethoprim-sulfamethoxazole or an aminoglycoside": one of the named agents reported
# susceptible fails it, where the record states no allergy, intolerance or contraindication
# that might keep the patient from it (read as a whole: such a fact may name a class)
_NONE_OF = re.compile(
    r"\bnot\s+susceptible\s+to\s+any\b[^.;]*?\bsuch\s+as\s+(?P<named>.+?)\.?$", re.I
)
_BARRIER = re.compile(r"\b(?:allerg\w*|intoleran\w*|contraindicat\w*|cannot\s+take)\b", re.I)


def _judge_none_of(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _NONE_OF.search(text.strip())
    if not m:
        return None
    named = [
        re.sub(r"^(?:an?|the)\s+", "", n.strip())
        for n in re.split(r",\s*(?:or\s+)?|\s+or\s+", m.group("named"))
        if n.strip()
    ]
    record = record_facts(facts)
    if any(_BARRIER.search(c) and not negates(c) for f in record for c in _clauses(f.text)):
        return None
    for fact in record:
        for clause in _clauses(fact.text):
            for drug in named:
                if "met" in _said(drug, clause) and "not_met" not in _said(drug, clause):
                    return (
                        "not_met",
                        [fact.id],
                        f"{fact.id} reports the isolate susceptible to {drug}",
                    )
    return None


def judge_susceptibility(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if (none_of := _judge_none_of(text, facts)) is not None:
        return none_of
    m = _ASKS.search(text.strip())
    if not m or re.search(r"\b(?:not|any|or|unless)\b", text[: m.start()], re.I):
        return None
    drug = m.group("drug")
    wanted = [q for q in _REPORT_QUALIFIERS if re.search(rf"\b{q}\b", text, re.I)]
    said: dict[str, str] = {}
    for fact in record_facts(facts):
        if wanted and not all(re.search(rf"\b{q}\b", fact.text, re.I) for q in wanted):
            continue
        for clause in _clauses(fact.text):
            for status in _said(drug, clause):
                said.setdefault(status, fact.id)
    if len(said) != 1:
        return None
    status, cited = next(iter(said.items()))
    how = "susceptible" if status == "met" else "not susceptible"
    return status, [cited], f"{cited} reports the isolate {how} to {drug}"
