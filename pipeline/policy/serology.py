"""Criteria that ask a condition with one of several positive tests ("Member has active
systemic lupus erythematosus with a positive ANA (titer of 1:80 or more) or a positive
anti-double-stranded DNA antibody"), judged by code from the clauses that name each test
(analytes.py knows their names) and give its result: a titer against the one asked
("ANA 1:40 (below the laboratory's positive cut-off of 1:80)": the titer decides, not the
words around it), else a result word ("anti-dsDNA 4 IU/mL (negative)").

Not met: every test asked is stated negative. Met: one is stated positive and code reads
the rest of the criterion (the condition before "with") met. A test not mentioned, or
stated both ways, decides nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.models import CaseFact
from pipeline.policy.analytes import named
from pipeline.policy.criterion_terms import _clauses, record_facts
from pipeline.policy.models import Found

_ASKS = re.compile(r"^(?P<head>.*?)\bwith\s+(?:an?\s+)?positive\s+(?P<tests>.+)$", re.I)
_OR = re.compile(r",?\s+or\s+(?:an?\s+)?(?:positive\s+)?", re.I)
_TITER_ASKED = re.compile(
    r"\(\s*(?:titer|titre)\s+(?:of\s+)?1\s*:\s*(\d+)\s+or\s+(?:more|higher|greater|above)\s*\)",
    re.I,
)
_TITER = re.compile(r"^[^;]{0,12}?\b1\s*:\s*(\d+)\b")
_POSITIVE = re.compile(r"\b(?:positive|detected|reactive|raised|elevated)\b", re.I)
_NEGATIVE = re.compile(r"\b(?:negative|not detected|undetectable|non-?reactive)\b", re.I)


def _asked(tests: str) -> list[tuple[str, int | None]] | None:
    """(test, titer asked or None) for each alternative; None where one is no known test."""
    out: list[tuple[str, int | None]] = []
    masked = re.sub(r"\([^)]*\)", lambda p: "_" * len(p.group(0)), tests)  # "(1:80 or more)"
    cuts = [0, *(x for m in _OR.finditer(masked) for x in m.span()), len(tests)]
    for part in (tests[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True)):
        titer = _TITER_ASKED.search(part)
        names = {n.analyte for n in named(_TITER_ASKED.sub(" ", part))}
        if len(names) != 1:
            return None
        out.append((names.pop(), int(titer.group(1)) if titer else None))
    return out


def _result(test: str, titer: int | None, clause: str) -> str | None:
    """ "positive", "negative" or None for the test where the clause names it."""
    found = [n for n in named(clause) if n.analyte == test]
    if not found:
        return None
    rest = clause[found[0].end :]
    if titer is not None and (m := _TITER.match(rest)):
        return "positive" if int(m.group(1)) >= titer else "negative"
    if titer is not None:
        return None  # a titer asked, none written: the words may use another cut-off
    pos, neg = bool(_POSITIVE.search(rest)), bool(_NEGATIVE.search(rest))
    return ("positive" if pos else "negative") if pos != neg else None


def judge_serology(
    text: str, facts: list[CaseFact], read: Callable[[str], Found | None]
) -> Found | None:
    """``read``: code's reading of a criterion (readers.read_criterion), for the condition
    before "with"."""
    m = _ASKS.match(text.strip().rstrip("."))
    if not m:
        return None
    asked = _asked(m.group("tests"))
    if not asked:
        return None
    said: dict[str, dict[str, str]] = {test: {} for test, _ in asked}
    for fact in record_facts(facts, "Prior therap"):
        for clause in _clauses(fact.text):
            for test, titer in asked:
                if result := _result(test, titer, clause):
                    said[test].setdefault(result, fact.id)
    if any(len(r) > 1 for r in said.values()):
        return None  # a test stated both ways: a person reads it
    positive = [(t, r["positive"]) for t, r in said.items() if "positive" in r]
    if all("negative" in r for r in said.values()):
        cited = list(dict.fromkeys(r["negative"] for r in said.values()))[:3]
        return "not_met", cited, f"{', '.join(said)} stated negative ({', '.join(cited)})"
    if not positive:
        return None
    head = m.group("head").strip().rstrip(",")
    rest = read(head) if len(head.split()) >= 3 else None
    if rest is None or rest[0] != "met":
        return None
    test, cited = positive[0]
    ids = list(dict.fromkeys([cited, *rest[1]]))[:3]
    return "met", ids, f"{cited} states {test} positive; {rest[2]}"
