"""Clauses of a recommendation sentence that change what it says of the requested drug:
its grading and exception cut off (a table row), a new member of a class ("a different
TNFi"), and a mention of the drug only as what is stopped ("after discontinuation of X")."""

from __future__ import annotations

import re

from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, drug_classes, first_at, mentions, term_pattern

# A table row's recommendation ends where its grading starts ("(PICO 70) Low (72, 73)
# Conditional recommendation ...; may consider X if ..."): what follows is the evidence and
# the exception, not the patients it is for.
_GRADING = re.compile(
    r"\s\((?:PICO|strong|conditional|moderate|low|very low|high)\b|;\s*may (?:consider|use)\b|"
    r"\s(?:Conditional|Strong) recommendation\b",
    re.I,
)


def graded_clause(text: str) -> str:
    """The recommendation without its grading, evidence and exception."""
    m = _GRADING.search(text)
    return text[: m.start()] if m and m.start() > 20 else text


_NEW_MEMBER = re.compile(r"\b(?:a |an )?(?:different|another|second|alternative)\s+$", re.I)


def new_members(head: str, terms: list[Term]) -> set[str]:
    """The classes the head names as a new member of ("switch to a different TNFi")."""
    out = set()
    for t in terms:
        at = first_at(head, t.words)
        if at is not None and _NEW_MEMBER.search(head[:at]):
            out.add(t.name)
    return out


def members_tried(topic: CaseTopic, cls: Term) -> int:
    """How many drugs of this class the case tried."""
    return len({t.name for t in topic.prior_terms if t.name != cls.name and cls.name in t.classes})


# "after discontinuation of PTH", "following withdrawal of the drug", "after these drugs are
# discontinued": the drug as what came before, not what is recommended
_STOPPED = re.compile(
    r"\b(?:discontinu\w+|cessation|withdrawal|stopping)\s+(?:of\s+)?(?:the\s+|a\s+|an\s+)?"
    r"((?:[\w/()\[\]-]+\s*){1,4})",
    re.I,
)
_THESE_STOPPED = re.compile(
    r"\bafter (?:these|this|the|its|their) (?:drugs?|agents?|therap\w+|medications?) "
    r"(?:is|are) (?:discontinued|stopped|withdrawn)\b",
    re.I,
)


def after_stopping(text: str, topic: CaseTopic) -> bool:
    """The sentence names the drug only as what is stopped before what it recommends."""
    if _THESE_STOPPED.search(text):
        return True
    masked = text
    for m in _STOPPED.finditer(text):
        if topic.names_drug(m.group(1)) or topic.names_class(m.group(1)):
            masked = masked[: m.start(1)] + " " * len(m.group(1)) + masked[m.end(1) :]
    if masked == text:
        return False
    return not (topic.names_drug(masked) or topic.names_class(masked))


def narrower_than(comparator: str, head: str, topic: CaseTopic) -> bool:
    """The comparator names the drug or its own (narrowest) class, and the head only a
    broader class of it: "nonselective NSAIDs over COX-2 inhibitors" for celecoxib puts
    the drug's class below the rest of the broader one."""
    known = drug_classes()
    own = known[topic.drug_lineage[0]].words if topic.drug_lineage[:1] else ()
    if not comparator or not own:
        return False

    def specific(text: str) -> bool:
        return topic.names_drug(text) or mentions(text, own)

    return specific(comparator) and not specific(head)


# "against using two different OP medications", "multiple therapies at the same time",
# "in combination": advice on combining drugs, not on the drug alone
_COMBINED = re.compile(
    r"\b(?:two|multiple|several|more than one)\s+(?:different\s+)?(?:[\w-]+\s+)?"
    r"(?:medications|therapies|agents|drugs)\b|\bat the same time\b|\bcombin\w*|"
    r"\bconcurrent\w*|\btogether\b",
    re.I,
)


def combined(target: str, topic: CaseTopic | None = None) -> bool:
    """What a recommendation advises against is a combination of drugs (not the drug whose
    own name says it: "combined estrogen-progestin contraceptives")."""
    for words in (topic.drug_words, topic.drug_classes) if topic else ():
        pattern = term_pattern(words) if words else None
        target = pattern.sub(" ", target) if pattern else target
    return bool(_COMBINED.search(target))
