"""The subject a sentence grants in the passive ("..., and givinostat is authorized for 12
months, only if ...", "Drug X (Brand) is covered when"): what a lead-in's items are for,
where it names no condition. A generic subject ("treatment is approved", "coverage is
authorized") names nothing."""

from __future__ import annotations

import re

from pipeline.policy.grant_words import grant_words

_GRANTED = re.compile(
    r"\b([A-Za-z][\w-]{3,})(?:\s+\([^)]*\))?\s+(?:is|are|(?:will|may|can|shall)\s+be)\s+"
    r"(?:only\s+)?(?:authori[sz]ed|"
    r"approved|covered|funded|reimbursed|subsidi[sz]ed)\b"
)
_GENERIC = re.compile(
    r"^(?:it|this|that|which|these|those|therapy|treatment|drugs?|medications?|medicines?|"
    r"products?|requests?|use|dos(?:e|es|ing)|claims?|members?|patients?|care|service)$",
    re.I,
)


def passive_subject(text: str) -> str | None:
    """The word granted in the passive, else None."""
    m = _GRANTED.search(text)
    if m is None or _GENERIC.match(m.group(1)) or grant_words(m.group(1)):
        return None
    return m.group(1)
