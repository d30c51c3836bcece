"""A percent bound of a named whole ("fibrosis involving at least 10% of the lungs") read
from a fact that gives a percent of the same whole ("the radiologist estimates the disease
at about 5% of lung volume"), where the words before the bound name nothing the fact
repeats. The whole must follow the percent directly ("N% of [the] [one word] whole"), so
"71% of predicted" is no reading of "10% of the lungs"."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts, stem

_OF_WHOLE = re.compile(r"^\s*of\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?([A-Za-z]{3,})", re.I)
_PERCENT_OF = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:([A-Za-z]{3,})\s+)?([A-Za-z]{3,})",
    re.I,
)


def percent_of(text: str, end: int, facts: list[CaseFact]) -> list[tuple[float, CaseFact, str]]:
    """(value, fact, the words before it) for each percent of the criterion's whole (the
    noun after its bound, which ends at ``end``) that a fact states."""
    m = _OF_WHOLE.match(text[end:])
    if not m:
        return []
    whole = stem(m.group(1))
    out = []
    for fact in record_facts(facts):
        for r in _PERCENT_OF.finditer(fact.text):
            if whole in {stem(w) for w in r.groups()[1:] if w}:
                out.append((float(r.group(1)), fact, fact.text[: r.start()]))
    return out
