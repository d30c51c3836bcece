"""Criteria that ask a named condition absent ("Member does not have severe active central
nervous system lupus"), judged by code where the vocabulary knows the condition by several
names: met where a note denies it by any of them ("No seizures, psychosis or other
neuropsychiatric lupus"); the absence of the condition is the absence of every severity or
activity of it. A clause that names it without a denial, a criterion that asks more than
the absence, or one naming two conditions decides nothing. Only "met" comes from here.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, denial, is_absence, negates, record_facts
from pipeline.policy.measures import bounds

# the words such a criterion may have besides the condition's name
_FILLER = set(
    """member patient person does do not have has had no any known current currently
    history of the a an there is are severe active significant clinically evidence signs
    with""".split()
)


def _named(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], int, int]]:
    """(condition, its names, abbreviations, span) for each condition the text names, the
    most specific only ("central nervous system lupus", not also "lupus")."""
    from pipeline.terms import term_pattern, vocabulary

    found = []
    for c in vocabulary()[1]:
        pattern = term_pattern(tuple(c.words), tuple(c.abbrev))
        if pattern and (m := pattern.search(text)):
            end = re.match(r"[\w-]*", text[m.end() :])
            found.append(
                (c.name, c.words, c.abbrev, m.start(), m.end() + (end.end() if end else 0))
            )
    return [
        f
        for f in found
        if not any(
            o is not f and o[3] <= f[3] and f[4] <= o[4] and o[4] - o[3] > f[4] - f[3]
            for o in found
        )
    ]


def judge_form_absent(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    from pipeline.terms import mentions

    text = text.strip().rstrip(".")
    denied = denial(text)
    if bounds(text) or not is_absence(text) or denied is None:
        return None
    named = _named(text)
    if len(named) != 1:
        return None
    name, words, abbrev, start, end = named[0]
    rest = text[:start] + " " + text[end:]
    if start < denied.start() or any(
        w.lower() not in _FILLER for w in re.findall(r"[A-Za-z][\w-]*", rest)
    ):
        return None  # the condition is not what is denied, or the criterion asks more
    found = None
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            if not mentions(clause, words, abbrev):
                continue
            if not negates(clause):
                return None  # named without a denial: a person reads it
            found = found or fact.id
    if found is None:
        return None
    return "met", [found], f"{found} states {name} absent (by any of its names)"
