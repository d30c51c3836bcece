"""Criteria that ask a set of tests to show a finding absent ("serum and urine
immunofixation and a free light chain ratio showing no monoclonal protein"), judged by code
from a fact that names every test and denies the finding ("Serum and urine immunofixation
negative for a monoclonal protein; serum free kappa/lambda ratio 1.21 (normal)").

Each test (the list split at commas and "and") is named where the fact holds its last word
and at least half of its words; the finding is denied where a clause of that fact holds all
its words after a negation ("no", "negative for", "without"). Any clause of any fact that
names the finding without a negation, a test missing, or a list of alternatives ("or")
decides nothing. Only "met" comes from here: a finding present is for the model, checked,
or a person."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, record_facts

_ASKS = re.compile(
    r"^(?P<tests>.+?)\s+(?:showing|shows|show|that show|revealing|demonstrating|with)\s+"
    r"(?:no|an absence of)\s+(?P<finding>[A-Za-z][\w\s-]*?)\W*$"
    r"|^(?P<tests2>.+?)\s+(?:negative|clear)\s+for\s+(?P<finding2>[A-Za-z][\w\s-]*?)\W*$",
    re.I,
)
_FILLER = {"a", "an", "the", "of", "for", "test", "tests", "testing", "level", "levels"}
_DENIED = re.compile(r"\b(?:no|not|negative\s+for|without|absent|free\s+of|none)\b[^;.]*$", re.I)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z0-9-]*", text.lower()) if w not in _FILLER]


def _has(word: str, words: set[str]) -> bool:
    return word in words or word.rstrip("s") in words or word + "s" in words


def listed_tests(phrase: str) -> list[list[str]]:
    """The tests of a list ("serum and urine immunofixation and a free light chain ratio"),
    each as its words."""
    pieces = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase) if _words(p)]
    return [_words(p) for p in pieces]


def names_tests(tests: list[list[str]], text: str) -> bool:
    """Every test named in the text: its last word, and half its words at least."""
    have = set(_words(text))
    return all(_has(t[-1], have) and 2 * sum(_has(w, have) for w in t) >= len(t) for t in tests)


def _denied_in(finding: list[str], clause: str) -> bool | None:
    """True: the clause denies the finding; False: it names it plainly; None: neither."""
    low = clause.lower()
    spots = [re.search(rf"\b{re.escape(w)}", low) for w in finding]
    if not all(spots):
        return None
    first = min(m.start() for m in spots if m)
    return bool(_DENIED.search(low[:first]))


def judge_negative_workup(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if m is None:
        return None
    tests_phrase = m.group("tests") or m.group("tests2")
    finding = _words(m.group("finding") or m.group("finding2"))
    if re.search(r"\bor\b", tests_phrase, re.I) or not finding:
        return None
    tests = listed_tests(tests_phrase)
    if not tests:
        return None
    found: list[str] = []
    for fact in record_facts(facts):
        said = [_denied_in(finding, c) for c in _clauses(fact.text)]
        if False in said:
            return None  # the finding named without a denial: not read here
        if True in said and names_tests(tests, fact.text):
            found.append(fact.id)
    if not found:
        return None
    return "met", found[:3], f"{', '.join(found[:3])} name the tests and deny the finding"
