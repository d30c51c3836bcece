"""Does a fact's clause state a criterion's terms with the criterion's polarity? Read per
term, not per sentence: a criterion that asks one thing present and another absent ("an
adult with bone pain or fractures that have not healed") is met by "pseudofractures, not
healed", and a criterion of absence ("has not received spesolimab for the current flare")
is spoken to by the clause that states what is denied (its head, "received"), not by one
that names the flare in passing."""

from __future__ import annotations

import re

from pipeline.policy.criterion_terms import (
    clauses,
    coverage,
    negated_terms,
    negates,
    opposes,
    stem,
)

# A negation word, its failure phrases and bound wording ("no more than") left aside.
_NEG = re.compile(r"\b(?:no|not|never|without|neither|nor|denies|free of)\b", re.I)
_NOT_A_DENIAL = re.compile(
    r"\b(?:without|no|not|did not have)\s+(?:an?\s+)?(?:adequate|sufficient|satisfactory|"
    r"meaningful|clinical)?\s*(?:response|improvement|benefit|control|remission)\b|"
    r"\b(?:not|inadequately|poorly)\s+(?:adequately\s+)?(?:controlled|responsive|respond\w*)\b|"
    r"\bdid not respond\b|\bfailed to\b|"
    r"\b(?:no|not)\s+(?:more|less|greater|fewer|higher|lower|exceed\w*|over|under|above|below)\b",
    re.I,
)


def _denial(text: str) -> re.Match[str] | None:
    return _NEG.search(_NOT_A_DENIAL.sub(lambda m: " " * len(m.group(0)), text))


def _head(text: str, after: int, groups: list[set[str]]) -> int | None:
    """The index of the group the denial at ``after`` is about: the first of its next
    words that is one of the criterion's terms, within the clause."""
    rest = re.split(r"[.;:,(]", text[after:], maxsplit=1)[0]
    for word in re.findall(r"[A-Za-z][A-Za-z0-9-]*", rest)[:6]:
        s = stem(word)
        for k, g in enumerate(groups):
            if s in g or word in g:
                return k
    return None


def polarity_agrees(criterion: str, groups: list[set[str]], need: int, fact: str) -> bool:
    """Every clause of ``fact`` that speaks to the criterion states its terms with the
    criterion's polarity (see the module's docstring)."""
    denial = _denial(criterion)
    head = _head(criterion, denial.end(), groups) if denial else None
    before = coverage(groups, criterion[: denial.start()]) if denial else 0
    for c in clauses(fact):
        stated = coverage(groups, c)
        if not stated or opposes(criterion, c):
            if stated:
                return False
            continue
        if denial is None:
            if negates(c):
                return False  # a criterion of presence stated in a clause that denies
        elif before:
            # a thing asked present with a qualifier denied ("... that have not healed"):
            # the denied head, where stated, is denied; the rest is not what is denied
            if head is not None and coverage([groups[head]], c) and not _denial(c):
                return False
            asked = criterion[: denial.start()]
            present = [g for k, g in enumerate(groups) if k != head and coverage([g], asked)]
            if negated_terms([g for g in present if coverage([g], c)], c):
                return False
        else:
            # a criterion of absence: the clause that names what is denied (or states
            # most of it) must deny it; one naming a term in passing says nothing of it
            names_head = head is not None and coverage([groups[head]], c)
            if (names_head or stated >= need) and not _denial(c):
                return False
    return True
