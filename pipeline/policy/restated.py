"""A criterion a case fact restates: met, judged by code.

Case facts often say what a criterion asks in nearly its own words ("Refractory to
first-line chemoimmunotherapy", "Infusion at a healthcare facility enrolled in the ...
REMS program", "No primary CNS lymphoma" for "NO diagnosis of primary central nervous
system (CNS) lymphoma"). Code finds such a fact clause: it holds the criterion's content
words (each group of alternatives, "advanced or metastatic", counting once; an abbreviation
the criterion defines standing for its words; a drug standing for its class in the drug
vocabulary) and says it with the criterion's polarity (a criterion of absence against a
clause that states an absence; any other against a clause that negates nothing).

Only "met" comes from here. A clause that negates a criterion's words may still be a
failure the criterion asks for ("without adequate response"), or a negation of something
else in the clause: a denial needs a surer reading (the measurement rules, or the model's
answer checked by code). Criteria with numeric bounds are the measurement rules'; a
number the criterion states elsewhere must be stated by the clause too.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import (
    _FAILED,
    _NEG,
    _clauses,
    _numbers_ok,
    _stated,
    _text_stems,
    is_absence,
    opposes,
    record_facts,
    requirements,
    stem,
)
from pipeline.policy.measures import bounds

_WHILE_ON = re.compile(
    r"\b(?:while|when)\s+(?:taking|on|receiving|using|treated with)\s+([A-Za-z][\w-]+)", re.I
)
_COMPARED = re.compile(
    r"\b(?:lower|higher|less|more|greater|better|worse|fewer|smaller|larger)\s+than\s+"
    r"(?:at\s+|before|baseline|the\s+(?:baseline|previous|prior|last|first)|pre)",
    re.I,
)
_HEDGE = re.compile(r"\b(?:known\s+or\s+suspected|suspected\s+or\s+known|known|suspected)\b", re.I)
_NEVER_TOOK = re.compile(
    r"\b(?:never|not)\s+(?:been\s+)?(?:taken|received|used|tried|treated with|given)\b", re.I
)


def judge_never_taken(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """("met", [fact], reason) for a criterion of absence of events while on a drug ("No
    earlier disease progression while taking everolimus") where a fact says the drug was
    never taken: nothing can have happened on it."""
    m = _WHILE_ON.search(text)
    if not m or not is_absence(text):
        return None
    name = stem(m.group(1))
    for fact in facts:
        for clause in _clauses(fact.text):
            if name in _text_stems(clause) and _NEVER_TOOK.search(clause):
                return "met", [fact.id], f"{fact.id}: {m.group(1)} never taken"
    return None


def judge_restated(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """("met", [the fact], reason) where one fact clause restates the criterion with its
    polarity; None otherwise (code says nothing)."""
    if bounds(text) or _COMPARED.search(text):
        # a measurement, or two readings compared ("INCAT score lower than before the
        # first dose"): a fact naming both readings restates no comparison
        return None
    absence = is_absence(text)
    # "No known or suspected bowel obstruction": the hedge is no term a note restates
    groups = requirements(_HEDGE.sub(" ", text) if absence else text, drug)
    if len(groups) == 1 and sum(not x.isupper() for x in groups[0]) >= 2:
        # "Spinal Muscular Atrophy (SMA)": one term, its words, stated together
        words = [x for x in groups[0] if not x.isupper()]
        groups = [{w} for w in words]
    if len(groups) < 2:
        return None  # one word is too little to know the clause says the same
    # Most of its terms: three in four, or three in five for a criterion of absence (its
    # verb, "prescribed concurrently", is said many ways; the clause's negation is the sign)
    share = (3, 5) if absence else (3, 4)
    fewest = 2 if absence else 3
    need = min(len(groups), max(fewest, -(-share[0] * len(groups) // share[1])))
    best: tuple[int, CaseFact, str] | None = None
    against = 0  # the most terms a clause of the other polarity states
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:", "Prior therapies: none")):
            continue
        for clause in _clauses(fact.text):
            stems = _text_stems(clause)
            hit = sum(_stated(g, stems, clause) for g in groups)
            negated = bool(_NEG.search(_FAILED.sub(" ", clause)))
            if negated != absence or opposes(text, clause):
                against = max(against, hit)
                continue
            if hit < need or not _numbers_ok(text, clause):
                continue
            if best is None or hit > best[0]:
                best = (hit, fact, clause)
    if best is None or against >= best[0]:
        return None  # nothing restates it, or another clause says the opposite as fully
    hit, fact, clause = best
    what = "states the absence it asks" if absence else "states it"
    return "met", [fact.id], f"{fact.id} {what} ({hit} of {len(groups)} of its terms)"


_NONE_YET = re.compile(
    r"\b(?:never|not)\s+(?:been\s+)?(?:taken|received|used|tried|treated with|given|had)\b|"
    r"\bno (?:prior|previous|earlier)\b",
    re.I,
)


def judge_never_used_within_limit(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """("met", [fact], reason) for a limit on how much of a therapy is used ("the total
    lifetime use of parathyroid hormone analogs will not exceed twenty-four months")
    where a fact says that therapy was never used: none of the limit is spent (the
    request's own length is the dose rules' to check)."""
    found = bounds(text)
    if not found or any(b.op not in {"<=", "<"} for b in found):
        return None
    subject = text[: found[0].start]
    if not re.search(r"\b(?:use|used|therapy|treatment|courses?|doses?)\b", subject, re.I):
        return None
    groups = requirements(subject, drug)
    if len(groups) < 2:
        return None
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            stems = _text_stems(clause)
            hit = sum(_stated(g, stems, clause) for g in groups)
            if _NONE_YET.search(clause) and hit >= 2:
                return "met", [fact.id], f"{fact.id}: never used, so within the limit"
    return None
