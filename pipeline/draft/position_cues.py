"""The words that make a sentence a recommendation (or one against, or "not
recommended"), and the therapies the condition's recommendations put first: shared by the
position's reading (position.py) and its documentation."""

from __future__ import annotations

import re

from pipeline.draft.documentation import _AFTER
from pipeline.draft.orders import others
from pipeline.draft.population import leading_population, split_over
from pipeline.models import Evidence
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, find_drugs

_CUE = re.compile(
    r"\b(recommend\w*|preferred|prefer|should|treat with|may be (?:added|considered|used)|"
    r"is indicated|first-line|cornerstone|not among the (?:therapies|treatments)|"
    r"ranked (?:after|below|behind|lower)|reserv(?:e|ed|ing))\b",
    re.I,
)
_AGAINST = re.compile(r"\b(?:recommend(?:ed|s)?|advise[sd]?) against\b", re.I)
_NOT = re.compile(
    r"\b(is not recommended|are not recommended|should not be (?:used|given|prescribed)|"
    r"is not among the (?:therapies|treatments)|are not among|has no (?:established )?role|"
    r"is not indicated|are not indicated)\b",
    re.I,
)
_ROUTINE = re.compile(r"\s+(?:be\s+)?(?:used\s+|given\s+)?(?:routinely|as routine)\b", re.I)
_ROUTINE_BEFORE = re.compile(r"\bnot\s+routinely\s*$", re.I)


_ADJUNCT = re.compile(r"\badjunct\w*|\bbridging\b|\bconcomitant\b", re.I)
# a switch from the current therapy to another ("Switching to X over continuing current
# ULT"): a later line, after the first has failed, no first line
_SWITCHING_TO = re.compile(
    r"^(?:\d+\.\s+)?(?:we (?:strongly |conditionally )?recommend )?switch(?:ing)? to\b", re.I
)


def first_line(
    sentences: list[Evidence], topic: CaseTopic, most: int = 2
) -> list[tuple[Term, Evidence]]:
    """Therapies the condition's recommendation sentences put first (not the requested
    drug), in the sentences' order."""
    out: dict[str, tuple[Term, Evidence]] = {}
    read = 0
    for ev in sentences:
        if not _CUE.search(ev.text) or _NOT.search(ev.text) or _AGAINST.search(ev.text):
            continue
        if _ADJUNCT.search(ev.text):
            continue  # what goes beside the first drug is no first line
        head = split_over(leading_population(ev.text)[1])[0]
        if _SWITCHING_TO.match(head.strip()):
            continue
        terms = others(head, topic)
        if _AFTER.search(ev.text):
            # an escalation names the drugs tried before it and the class it adds next:
            # the drugs are earlier lines, the class ("a biologic") is not
            terms = [t for t in terms if t in find_drugs(head)]
        for term in terms:
            out.setdefault(term.name, (term, ev))
        read += bool(terms)
        if read >= most:  # the best-ranked few: further down are other forms, other lines
            break
    return list(out.values())


# what the recommendation is about, when not starting the drug: switching or stopping it,
# delaying it, or a population already on it
_SWITCH = re.compile(
    r"(?:the )?(?:switch\w*|taper\w*|discontinu\w*|stopp?\w*|withdraw\w*|dose reduction|"
    r"reduc\w* the dose)\b",
    re.I,
)
_DELAY = re.compile(r"(?:the )?(?:delay\w*|postpon\w*|defer\w*|withhold\w*)\b", re.I)
_ALREADY_ON = re.compile(r"\b(receiving|taking|treated with|despite|on)\b", re.I)


def outside_class(
    firsts: list[tuple[Term, Evidence]], against: list[str], topic: CaseTopic
) -> list[tuple[Term, Evidence]]:
    """The first-line therapies that are alternatives to a drug advised against: where every
    sentence against it names its class ("against initiating any pharmacologic ULT"), the
    class's other members are advised against too."""
    if not against or not all(topic.names_class(text) for text in against):
        return firsts
    return [(t, e) for t, e in firsts if not set(t.classes) & set(topic.drug_lineage)]
