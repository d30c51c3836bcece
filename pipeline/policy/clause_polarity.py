"""Does a fact's clause state a criterion's terms with the criterion's polarity? Read per
term, not per sentence: a criterion that asks one thing present and another absent ("an
adult with bone pain or fractures that have not healed") is met by "pseudofractures, not
healed", and a criterion of absence ("has not received spesolimab for the current flare")
is spoken to by the clause that states what is denied (its head, "received"), not by one
that names the flare in passing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import (
    clauses,
    coverage,
    denial,
    negated_terms,
    negates,
    opposes,
    stem,
)


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


@dataclass(frozen=True)
class _Asked:
    """What a criterion asks, read once: its denial, the term the denial is about, and
    (where it asks a thing present with a qualifier denied) the terms asked present."""

    denied: re.Match[str] | None
    head: int | None
    present: list[set[str]]
    mixed: bool  # some of its terms come before the denial

    def names_head(self, groups: list[set[str]], clause: str) -> bool:
        return self.head is not None and bool(coverage([groups[self.head]], clause))


def _read(criterion: str, groups: list[set[str]]) -> _Asked:
    denied = denial(criterion)
    if denied is None:
        return _Asked(None, None, [], False)
    head = _head(criterion, denied.end(), groups)
    asked = criterion[: denied.start()]
    present = [g for k, g in enumerate(groups) if k != head and coverage([g], asked)]
    return _Asked(denied, head, present, coverage(groups, asked) > 0)


def _agrees(criterion: str, asked: _Asked, groups: list[set[str]], need: int, fact: str) -> bool:
    """Every clause of ``fact`` that speaks to the criterion states its terms with the
    criterion's polarity (see the module's docstring)."""
    said_plainly = _plain_terms(criterion, groups, fact) if asked.denied is None else set()
    for c in clauses(fact):
        stated = coverage(groups, c)
        if not stated:
            continue
        if opposes(criterion, c):
            return False  # "negative" where the criterion asks "positive"
        if asked.denied is None:
            if negates(_unrelated_relatives(c, groups)):
                if _terms(groups, c) <= said_plainly:
                    # "major depressive disorder, severe; ...; no substance use disorder":
                    # a denial of another thing that shares a word the fact says plainly
                    continue
                return False  # a criterion of presence stated in a clause that denies
        elif asked.mixed:
            # a thing asked present with a qualifier denied ("... that have not healed"):
            # the denied head, where stated, is denied; the rest is not what is denied
            if asked.names_head(groups, c) and not denial(c):
                return False
            if negated_terms([g for g in asked.present if coverage([g], c)], c):
                return False
        elif (asked.names_head(groups, c) or stated >= need) and not denial(c):
            # a criterion of absence: the clause that names what is denied (or states
            # most of it) must deny it; one naming a term in passing says nothing of it
            return False
    return True


def _terms(groups: list[set[str]], clause: str) -> set[int]:
    return {k for k, g in enumerate(groups) if coverage([g], clause)}


def _plain_terms(criterion: str, groups: list[set[str]], fact: str) -> set[int]:
    """The criterion's terms the fact states in clauses that deny nothing."""
    out: set[int] = set()
    for c in clauses(fact):
        if not negates(_unrelated_relatives(c, groups)) and not opposes(criterion, c):
            out |= _terms(groups, c)
    return out


# A relative clause ("a partner living with HIV who is not virologically suppressed"): it
# describes the word before it, up to the next comma or clause end.
_RELATIVE = re.compile(r"\b(?:who|which|whose|that)\b[^,;()]*", re.I)


def _unrelated_relatives(clause: str, groups: list[set[str]]) -> str:
    """The clause without its relative clauses that state none of the criterion's terms:
    their denial ("who is not virologically suppressed") is about another thing than the
    criterion's, so it does not deny the terms the clause states."""
    return _RELATIVE.sub(lambda m: " " if not coverage(groups, m.group(0)) else m.group(0), clause)


def agreeing(
    criterion: str, groups: list[set[str]], need: int, facts: list[CaseFact]
) -> list[CaseFact]:
    """The facts that state the criterion with its polarity; for a criterion of absence,
    none unless one of them denies what it asks (its head, or as many terms as it needs):
    a diagnosis line and a note that denies another thing ("No other biologic") say
    nothing of an oral systemic agent taken with it."""
    asked = _read(criterion, groups)
    kept = [f for f in facts if _agrees(criterion, asked, groups, need, f.text)]
    if not kept or asked.denied is None or asked.mixed:
        return kept
    for f in kept:
        for c in clauses(f.text):
            if denial(c) and (asked.names_head(groups, c) or coverage(groups, c) >= need):
                return kept
    return []
