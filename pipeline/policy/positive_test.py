"""Criteria that ask a positive test ("Positive serologic test for anti-acetylcholine
receptor (AChR) antibodies"), judged by code from a clause that names what is tested (all
its words, or the abbreviation the criterion gives) and says the result: "positive" (met),
"negative" or "not detected" (not met), or a value against the laboratory's cut-off
("14.2 nmol/L (normal below 0.25)": above it, positive).

A criterion naming several tests ("... or ...") is met by any one, never denied here. The
clauses that speak of the test must agree, or nothing is decided.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, record_facts, stem

_ASKS = re.compile(r"^\s*(?:a\s+|has\s+a\s+)?positive\s+(?P<what>.+)$", re.I)
_GENERIC = {
    "serologic",
    "serological",
    "serum",
    "blood",
    "test",
    "testing",
    "tests",
    "result",
    "for",
    "of",
    "the",
    "assay",
    "documented",
    "antibody",
    "antibodies",
    "anti",
    "level",
}
_ABBREV = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{1,9})\)")
_POSITIVE = re.compile(r"\b(?:positive|detected|present)\b", re.I)
_NEGATIVE = re.compile(r"\b(?:negative|not detected|undetectable|absent)\b", re.I)
_CUTOFF = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)[^()]{0,25}\((?:[^)]*?;\s*)?(?:normal|reference|ref\.?|negative)"
    r"\s*(?:below|under|<|less than)\s*(\d+(?:\.\d+)?)",
    re.I,
)
_CUTOFF_OR_LESS = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)[^()]{0,25}\((?:[^)]*?;\s*)?(?:normal|reference)\s*"
    r"(\d+(?:\.\d+)?)\s*or\s+(?:less|lower|below)",
    re.I,
)


def _result(clause: str) -> str | None:
    """ "positive", "negative" or None, from the clause's words or its value and cut-off."""
    for pattern in (_CUTOFF, _CUTOFF_OR_LESS):
        if m := pattern.search(clause):
            return "positive" if float(m.group(1)) > float(m.group(2)) else "negative"
    pos, neg = bool(_POSITIVE.search(clause)), bool(_NEGATIVE.search(clause))
    if pos != neg:
        return "positive" if pos else "negative"
    return None


def _parts(clause: str) -> list[str]:
    """A clause that states results both ways ("Hepatitis B: surface antigen negative,
    surface antibody positive") read by its comma parts, each under the clause's heading."""
    if _result(clause) is not None or "," not in clause:
        return [clause]
    head, colon, rest = clause.partition(":")
    if not colon or len(head.split()) > 4:
        head, rest = "", clause
    return [f"{head} {part}".strip() for part in rest.split(",") if part.strip()]


def judge_positive_test(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip().rstrip("."))
    if not m:
        return None
    what = m.group("what")
    several = bool(re.search(r"\bor\b|,", _ABBREV.sub("", what)))
    abbrevs = set(_ABBREV.findall(what))
    words = {
        stem(w)
        for w in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", _ABBREV.sub(" ", what).replace("-", " "))
        if w.lower() not in _GENERIC
    }
    if not words:
        return None
    said: dict[str, str] = {}
    for fact in record_facts(facts, "Prior therap"):
        for clause in (p for c in _clauses(fact.text) for p in _parts(c)):
            stems = {
                stem(w) for w in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", clause.replace("-", " "))
            }
            named = words <= stems or any(
                re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", clause) for a in abbrevs
            )
            if named and (result := _result(clause)):
                said.setdefault(result, fact.id)
    if len(said) != 1:
        return None  # nothing said, or said both ways: a person reads it
    result, cited = next(iter(said.items()))
    if result == "positive":
        return "met", [cited], f"{cited} states the test positive"
    if several:
        return None
    return "not_met", [cited], f"{cited} states the test negative"
