"""A cap on the total time on a therapy, this request included ("Her total time on relugolix
combination therapy will not pass 24 months"), judged by code from a note that states the
months on it so far ("started 02/03/2025 (11 months of treatment so far)") and the
request's own length ("Requested (continuation): ..., 12 months."): met where the two add
up to the cap or less, not met where they pass it.

Nothing where either is missing, where the note names no word of the therapy the cap is
about (or of the requested drug), where notes give two different counts so far, or where
the cap has alternatives ("24 months at 150 mg, or 6 months at 200 mg")."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses

_ASKS = re.compile(
    r"\btotal\s+(?:time|duration|length|use|treatment)\s+(?:on|of|with)\s+(?P<what>.+?)\s+"
    r"(?:will\s+not\s+(?:pass|exceed|go\s+past|be\s+more\s+than)|does\s+not\s+(?:pass|exceed)|"
    r"stays?\s+within|(?:is\s+)?no\s+more\s+than|(?:is\s+)?at\s+most)\s+"
    r"(?P<n>\d{1,3})\s+months?\s*\.?\s*$",
    re.I,
)
_SO_FAR = re.compile(
    r"\b(?P<n>\d{1,3})\s+months?\s+(?:of\s+(?:treatment|therapy|use)\s+)?(?:so\s+far|to\s+date)\b",
    re.I,
)
_REQUESTED = re.compile(r"\b(?P<n>\d{1,3})\s+months?\b", re.I)
_GENERIC = {"therapy", "treatment", "combination", "tablets", "drug", "medication", "with"}


def _names(words: set[str], clause: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}", clause, re.I) for w in words)


def judge_total_time(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text)
    if not m or re.search(r",\s*or\b|\bor\s+\d", text, re.I):
        return None
    cap = int(m.group("n"))
    words = {
        w.lower()
        for w in re.findall(r"[A-Za-z]{5,}", f"{m.group('what')} {drug}")
        if w.lower() not in _GENERIC
    }
    requested = next((f for f in facts if f.text.startswith("Requested")), None)
    asked = _REQUESTED.findall(requested.text) if requested else []
    if not words or not requested or len(asked) != 1:
        return None
    so_far: dict[int, str] = {}
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if _names(words, clause) and (said := _SO_FAR.search(clause)):
                so_far.setdefault(int(said.group("n")), fact.id)
    if len(so_far) != 1:
        return None  # none stated, or two counts that disagree
    (months, fid), more = next(iter(so_far.items())), int(asked[0])
    total = months + more
    status = "met" if total <= cap else "not_met"
    verb = "within" if status == "met" else "past"
    reason = f"{months} months so far and {more} requested: {total}, {verb} the {cap}-month cap"
    return status, [fid, requested.id], reason
