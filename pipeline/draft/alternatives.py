"""Where a request that is no drug stands among its alternatives, read by code.

A non-drug therapy of the condition (chiropractic for rheumatoid arthritis) is weighed
against the condition's other non-drug therapies, not its first-line drug: where the
guideline advises against it, what it recommends instead are the sibling services its
recommendation sentences endorse ("we conditionally recommend participation in
comprehensive physical therapy"). And of the sentences that endorse a request, those
whose recommending verb governs it ("we conditionally recommend screening with HRCT
chest") say so more plainly than those that mention it beside a recommendation ("HRCT
chest provides ... for this recommendation").
"""

from __future__ import annotations

import re

from pipeline.models import Evidence
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, find_drugs, mentions, sibling_services, term_pattern

_RECOMMEND = re.compile(r"\brecommend(?:s|ed)?\b", re.I)
_AGAINST = re.compile(r"\brecommend(?:s|ed)?\s+against\b|\bnot recommended\b", re.I)


def service_alternatives(
    sentences: list[Evidence], topic: CaseTopic
) -> list[tuple[Term, Evidence]]:
    """The sibling services (same kind as the requested one) that the condition's
    recommendation sentences endorse, not advise against, and the case has not tried,
    each with the first sentence that endorses it, in the sentences' order."""
    if topic.service is None:
        return []
    out: dict[str, tuple[Term, Evidence]] = {}
    for ev in sentences:
        if not _RECOMMEND.search(ev.text) or _AGAINST.search(ev.text):
            continue
        if topic.names_drug(ev.text):
            continue  # a sentence on the request itself says where it stands, not others
        for s in sibling_services(topic.service):
            if mentions(ev.text, s.words) and not topic.tried(s):
                out.setdefault(s.name, (s, ev))
    return list(out.values())


_WHEN = re.compile(
    r"\b(?:after|before|following|prior to|around the time of|at the time of)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def governs_request(text: str, topic: CaseTopic) -> bool:
    """The recommending verb governs the request: "recommend [screening with] HRCT",
    "HRCT ... is (conditionally) recommended", not a mention beside a recommendation."""
    pattern = term_pattern(tuple(topic.drug_words))
    if pattern is None:
        return False
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        end = m.end() + len(re.match(r"\w*", text[m.end() :]).group(0))  # (a stem's word)
        after = text[end : end + 60]
        if _WHEN.search(before):
            continue  # "holding methotrexate after influenza vaccination": a time, no object
        if re.search(r"\brecommend(?:s|ed)?\s+(?:\w+\s+){0,3}$", before, re.I):
            return True
        if re.match(r"[^.;]{0,40}\b(?:is|are)\s+(?:\w+\s+)?recommended\b", after, re.I):
            return True
    return False


def trial_text(term: Term) -> str:
    """What to ask for about a therapy put first: a drug's or a therapy's trial, a test's
    results (a test has no dose nor response)."""
    if term.classes == ("testing",):
        return f"Results of {term.name}: dates and findings"
    return f"Trial of {term.name}: dose, duration and response (or why it cannot be used)"


_DURATION = re.compile(r"\b(?:about |at least )?\d+(?:\s*(?:to|-|–)\s*\d+)?\s*(?:months?|weeks?)\b")


def trial(
    term: Term, sentences: list[Evidence], fallback: Evidence | None
) -> tuple[str, Evidence | None]:
    """ "Trial of X ..." (a test's results), with the guideline's length of an adequate
    trial when a sentence about a trial of X gives one."""
    text = trial_text(term)
    for e in sentences:
        if mentions(e.text, term.words) and re.search(r"\btrial\b", e.text, re.I):
            length = _DURATION.search(e.text)
            if length:
                return f"{text}; an adequate trial is {length.group(0)}", e
    return text, fallback


# "... because of the potential cervical spine complications that can occur": the reason a
# recommendation against gives, up to the end of its clause.
_BECAUSE = re.compile(
    r"\b(?:because of|due to|given|owing to|in view of)\s+(?:the\s+)?([^;.()]{8,140})", re.I
)


def reason_against(evs: list[Evidence]) -> tuple[str, Evidence] | None:
    """What bears on the reason the guideline gives against the request ("the potential
    cervical spine complications"): the record should show whether it applies."""
    for e in evs:
        m = _BECAUSE.search(e.text)
        if m:
            reason = re.split(r",\s+(?:and|but|which)\b|\s+and\s+(?:a|the)\s", m.group(1))[0]
            return f"Findings bearing on the guideline's reason against it: {reason.strip()}", e
    return None


_PREFERRED = re.compile(r"\bpreferred\b|\brecommended\b[^.;]*\bover\b", re.I)


def preferred_member(
    preferred: list[Term], sentences: list[Evidence], stance: str
) -> tuple[str, Evidence] | None:
    """Where the guideline puts a class first (a csDMARD before the biologic), the drug of
    that class it prefers, from a sentence that names it first and prefers it ("MTX is
    conditionally recommended as a preferred agent over LEF"): the trial to ask for."""
    if stance == "supports" or not preferred or preferred[0].name in {"testing", "therapy"}:
        return None
    cls = preferred[0]
    for e in sentences:
        if not _PREFERRED.search(e.text):
            continue
        head = re.split(r"\bover\b", e.text, maxsplit=1)[0]
        members = [d for d in find_drugs(head) if cls.name in d.classes]
        if members and find_drugs(head)[:1] == members[:1]:
            name = members[0].name
            return f"Trial of {name} (the preferred {cls.name}): dose, duration and response", e
    return None


GROUP_FIRST = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:patients|adults|children|people|persons|individuals|women|men|"
    r"those|girls|boys|adolescents|infants)\b",
    re.I,
)
_ONLY_FOR = re.compile(r"\bonly (?:as [^,.;]*? )?(?:for|in) ([^,.;]+)", re.I)
_CONSIDERED = re.compile(r"\bmay be considered (?:\w+ )?(?:for|in) ([^.;]+)", re.I)


_FURTHER = re.compile(r"\b(?:despite|after|receiving|taking|inadequate|failure|failed)\b", re.I)


def patients_for(topic: CaseTopic, sentences: list[Evidence]) -> tuple[str, Evidence] | None:
    """The patients a sentence keeps the drug (or its class) for ("only for MAS", "a
    biologic first may be considered for children with risk factors for a poor outcome"):
    whether the patient is one of them."""
    for e in sentences:
        m = _ONLY_FOR.search(e.text) or _CONSIDERED.search(e.text)
        if m and (topic.names_drug(e.text) or topic.names_class(e.text)):
            who = m.group(1).strip()
            if _FURTHER.search(who):
                continue  # patients further on (despite a biologic): a later line's
            return (
                f"Whether the patient {'is one of' if GROUP_FIRST.match(who) else 'has'} {who}",
                e,
            )
    return None
