"""A support or treatment needed on at least so many days a week, for at least so long
("Parenteral nutrition or fluids on at least 3 days a week for at least 12 months"),
read from a note that states the same support with its days a week ("Home parenteral
nutrition 5 nights a week continuously since 04/2024").

Not met where every such note gives fewer days than asked; met only where every note
gives enough days and, if a span is asked, one of them dates the start ("since 04/2024")
far enough back. A note naming the support with no count, or counts that disagree,
decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import MONTHS, clauses, negates, record_facts, stem
from pipeline.policy.dates import as_of, clause_age
from pipeline.policy.models import Found

_ASKED = re.compile(
    r"^(?P<subject>[A-Za-z][\w ,/()-]{2,80}?)\s+(?:is\s+)?(?:given\s+|needed\s+|used\s+)?"
    r"on\s+(?:at\s+least|a\s+minimum\s+of)\s+(?P<n>\d+)\s+(?:days?|nights?)\s+"
    r"(?:a|per|each|every)\s+week"
    r"(?:\s+for\s+(?:at\s+least|a\s+minimum\s+of)\s+(?P<span>\d+)\s+(?P<unit>week|month|year)s?)?"
    r"\s*\.?$",
    re.I,
)
# "5 nights a week", "3 days per week", "4x/week", "3 times weekly"
_STATED = re.compile(
    r"\b(?P<n>\d+)\s*(?:days?|nights?|times|x|×)\s*(?:a|per|each|every|/)\s*week\b"
    r"|\b(?P<m>\d+)\s*(?:days?|nights?|times)\s+weekly\b",
    re.I,
)
_SINCE = re.compile(r"\bsince\b", re.I)
# words of the subject that name no support of their own
_GENERIC = {stem(w) for w in "support therapy treatment given needed used home the".split()}


def _subject_stems(subject: str) -> set[str]:
    words = re.findall(r"[A-Za-z]{4,}", subject)
    return {stem(w) for w in words} - _GENERIC


def judge_weekly_days(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.match(text.strip())
    if m is None:
        return None
    wanted = int(m.group("n"))
    subject = _subject_stems(m.group("subject"))
    if not subject:
        return None
    span = float(m.group("span")) * MONTHS[m.group("unit").lower()] if m.group("span") else 0.0
    today = as_of(facts)
    counts: list[tuple[int, str, float | None]] = []  # (days, fact id, months since start)
    for fact in record_facts(facts):
        for clause in clauses(fact.text):
            words = {stem(w) for w in re.findall(r"[A-Za-z]+", clause)}
            stated = list(_STATED.finditer(clause))
            if not (words & subject) or not stated or negates(clause[: stated[0].start()]):
                continue
            if len(stated) != 1:
                return None  # before and after, or two supports: a person reads them
            days = int(stated[0].group("n") or stated[0].group("m"))
            since = _SINCE.search(clause)
            age = clause_age(clause[since.start() :], fact, today) if since else None
            counts.append((days, fact.id, age[0] if age else None))
    if not counts:
        return None
    short = [c for c in counts if c[0] < wanted]
    if short and len(short) == len(counts):
        days, fid, _ = short[0]
        return "not_met", [fid], f"{fid}: {days} days a week, fewer than the {wanted} asked"
    if short:
        return None  # notes that disagree
    if span and not any(age is not None and age >= span for _, _, age in counts):
        return None  # enough days, but no dated start shows the span
    cited = list(dict.fromkeys(fid for _, fid, _ in counts))[:3]
    said = f"{counts[0][0]} days a week (at least {wanted} asked)"
    return "met", cited, said + (f" for at least {span:g} months" if span else "")
