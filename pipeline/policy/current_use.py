"""Criteria that a drug or class not be in use now ("The patient is still not taking an
anticoagulant", "Sodium channel blockers such as carbamazepine, oxcarbazepine and
lamotrigine are not part of the current regimen"), and the current use a "not together
with" criterion (polarity.judge_concomitant) cannot see in words like "alongside".

A fact states a drug in current use where it names it (by its words, a drug of the class
it names, or one of the criterion's examples) in a list of current medicines ("Medication
list 01/27/2026: ...", "Current antiseizure medicines: ...") or in a clause that says it
goes on ("started 11/18/2025 and continuing", "to continue"), and no clause of the case
says it stopped or will stop. Such a fact makes the criterion not met. Met: every thing
the criterion names is stated absent ("No anticoagulant") and none in current use.
Anything else decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, is_absence, negates, record_facts
from pipeline.policy.polarity import _STOPPED, _WITH, _items, _names

_NOT_TAKING = re.compile(
    r"\b(?:is|are)\s+(?:still\s+)?not\s+(?:currently\s+)?(?:taking|on|receiving|using)\s+"
    r"(?P<items>.+)$",
    re.I,
)
_NOT_IN_REGIMEN = re.compile(
    r"^(?P<items>.+?)\s+(?:is|are)\s+not\s+(?:part of|in|included in)\s+(?:the\s+)?"
    r"(?:current|present)\s+(?:regimen|treatment|medications?|medicines?)\b",
    re.I,
)
# "No sedative-hypnotic, opioid or other CNS depressant is being taken"
_NONE_TAKEN = re.compile(
    r"^no\s+(?P<items>.+?)\s+(?:is|are)\s+(?:being\s+|currently\s+)?"
    r"(?:taken|used|received|prescribed)\b",
    re.I,
)
_SUCH_AS = re.compile(r"\b(?:such as|for example|e\.g\.,?|including)\s+(?P<ex>[^.;()]+)", re.I)
# a list of what the patient takes now: its drugs are in current use
_LIST = re.compile(
    r"^(?:History:\s*)?(?:current\s+)?(?:[\w-]+\s+){0,2}?(?:medications?|medicines?)"
    r"(?:\s+list)?(?:\s+(?:on\s+)?\d{1,2}/\d{1,2}/\d{4})?\s*:",
    re.I,
)
# a clause that speaks of the drug the one before it named
_IT = re.compile(r"\b(?:it|them|both)\b", re.I)
_GOES_ON = re.compile(
    r"\b(?:continu\w*|ongoing|to continue|still (?:taking|on)|remains? on|keep\w*|"
    r"together with|alongside)\b",
    re.I,
)


def examples(text: str) -> list[str]:
    """The drugs a criterion gives as examples ("such as carbamazepine, oxcarbazepine and
    lamotrigine"), each as its words."""
    m = _SUCH_AS.search(text)
    if not m:
        return []
    listed = re.split(r"\s+(?:is|are|was|were|will|has|have|must)\b", m.group("ex"))[0]
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", listed.strip(" ."))
    return [p.strip() for p in parts if re.fullmatch(r"[A-Za-z][\w-]{3,}", p.strip())]


def _without(clause: str, drug: str) -> str:
    """The clause with the requested drug's names blanked: "Medication list: ustekinumab,
    vitamin D" names no other biologic."""
    from pipeline.terms import find_drugs, term_pattern

    if not drug:
        return clause
    for word in re.findall(r"[A-Za-z][\w-]{3,}", drug):
        clause = re.sub(rf"\b{re.escape(word)}\b", " ", clause, flags=re.I)
    for term in find_drugs(drug):
        if pattern := term_pattern(tuple(term.words)):
            clause = pattern.sub(" ", clause)
    return clause


def in_current_use(
    items: list[str], facts: list[CaseFact], drug: str = ""
) -> tuple[list[str], dict[str, str], bool]:
    """(the facts stating one of the items in current use, item → a fact stating it
    absent, whether any clause states one of them stopped or to stop). The requested
    drug is no other drug in use."""
    current: list[str] = []
    absent: dict[str, str] = {}
    stopped = False
    for fact in record_facts(facts, "Prior therap"):
        listed = bool(_LIST.match(fact.text))
        before: list[str] = []  # the items the fact's last clause named
        for clause in _clauses(fact.text):
            clause = _without(clause, drug)
            named = [i for i in items if _names(i, clause)]
            if not named and before and _IT.search(clause) and not negates(clause):
                # "Galcanezumab monthly since 09/2025; the neurologist plans to continue it"
                named = before
            for item in named:
                if _STOPPED.search(clause):
                    stopped = True
                elif negates(clause):
                    absent.setdefault(item, fact.id)
                elif listed or _GOES_ON.search(clause):
                    current.append(fact.id)
            before = [i for i in items if _names(i, clause)]
    return list(dict.fromkeys(current)), absent, stopped


def judge_current_use(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for a criterion that things not be in use now."""
    together = _WITH.search(text)
    if together and is_absence(text):
        # "will not be used together with another biologic": polarity.judge_concomitant
        # reads its words; a list of current medicines, or a drug that goes on, is read
        # here (the requested drug is added to it)
        items = _items(together.group(1))
        current, _, stopped = in_current_use(items, facts, drug)
        if items and current and not stopped:
            return "not_met", current[:3], f"{', '.join(current[:3])} state it in current use"
        return None
    m = _NOT_TAKING.search(text) or _NOT_IN_REGIMEN.search(text) or _NONE_TAKEN.match(text)
    if not m:
        return None
    asked = m.group("items")
    items = _items(asked)
    named = items + [e for e in examples(asked) if e not in items]
    if not items:
        return None
    current, absent, stopped = in_current_use(named, facts, drug)
    if current and not stopped:
        return "not_met", current[:3], f"{', '.join(current[:3])} state it in current use"
    if not current and all(i in absent for i in items):
        cited = list(dict.fromkeys(absent[i] for i in items))[:3]
        return "met", cited, f"{', '.join(cited)} state each of {', '.join(items)} absent"
    return None
