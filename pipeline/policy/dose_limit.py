"""A criterion that caps the requested dose ("Dose no more than 1,008 mg / 11,200 units once
a week", "the dose does not exceed 1.75 mg/kg every 3 weeks"), judged by code against the
request's own line (its dose and frequency).

Met: every amount the request gives in a unit of the cap is at most the cap, and, where the
cap names how often, the request is given no more often. Not met: an amount above the cap,
given at least as often. A request with no amount in the cap's units, or a frequency code
cannot read, decides nothing; so does a criterion about another drug's dose."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_CAP = re.compile(
    r"^\s*(?:the\s+)?(?:requested\s+|prescribed\s+|maintenance\s+)?(?:dose|dosing|dosage)\b"
    r"[^.;]{0,40}?\b(?:does not exceed|do not exceed|will not exceed|not (?:to )?exceed|"
    r"no more than|no greater than|no higher than|at most|of up to|up to|≤|<=)\s+(?P<cap>.+)$",
    re.I,
)
_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(mg/kg|mcg/kg|mg/m2|mg/m²|mg|mcg|g|units?)\b",
    re.I,
)
_EVERY = re.compile(r"\bevery\s+(\d+|other)\s+(day|week|month)s?\b", re.I)
_ONCE = re.compile(
    r"\b(?:(?:once\s+)?(?:a|per|every)\s+(day|week|month)|(daily|weekly|monthly)|"
    r"(?:once|one time)\s+(daily|weekly|monthly))\b",
    re.I,
)
_DAYS = {"day": 1, "week": 7, "month": 30, "daily": 1, "weekly": 7, "monthly": 30}
# more than once per period: not an interval code compares
_PHASES = re.compile(r"\b(?:loading|induction|then|titrat\w*|maintenance)\b", re.I)
_OFTENER = re.compile(r"\b(?:twice|three times|2 times|3 times|bid|tid|qid)\b", re.I)


def _amounts(text: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for value, unit in _AMOUNT.findall(text):
        unit = unit.lower().replace("²", "2").rstrip("s") if unit.lower() != "mg/m²" else "mg/m2"
        out.setdefault(unit, []).append(float(value.replace(",", "")))
    return out


def _interval(text: str) -> float | None:
    """Days between doses the text states, or None (none, or given more than once per
    period, or two that differ)."""
    if _OFTENER.search(text):
        return None
    found = set()
    for n, unit in _EVERY.findall(text):
        found.add((2 if n.lower() == "other" else int(n)) * _DAYS[unit.lower()])
    for m in _ONCE.finditer(text):
        word = next(g for g in m.groups() if g)
        found.add(_DAYS[word.lower()])
    return found.pop() if len(found) == 1 else None


def judge_dose_limit(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for a cap on the requested dose; None where code
    cannot be sure."""
    m = _CAP.match(text.strip())
    if not m:
        return None
    cap_text = m.group("cap")
    caps = _amounts(cap_text)
    request = next((f for f in facts if f.text.startswith("Requested")), None)
    if not caps or request is None:
        return None
    asked = _amounts(request.text)
    shared = [u for u in caps if u in asked]
    if not shared:
        return None
    periodic = re.search(r"\b(?:every|once|daily|weekly|monthly|a|per)\b", cap_text, re.I)
    every_cap = _interval(cap_text) if periodic else 0.0
    if every_cap is None or (not every_cap and _OFTENER.search(request.text)):
        return None  # a frequency code cannot read; a cap per dose or per day? unsure
    every_asked = _interval(request.text) if every_cap else 0.0
    if every_cap and every_asked is None:
        return None
    over = [u for u in shared if max(asked[u]) > min(caps[u]) + 1e-9]
    cited = [request.id]
    if over:
        if every_cap and every_asked is not None and every_asked > every_cap:
            return None  # more per dose, but given less often: code does not weigh it
        u = over[0]
        if len(set(asked[u])) > 1 or _PHASES.search(request.text + " " + cap_text):
            return None  # a loading dose, then another: which the cap is for is not code's
        said = f"requested {max(asked[u]):g} {u} is above the {min(caps[u]):g} {u} cap"
        return "not_met", cited, said
    if every_cap and every_asked is not None and every_asked < every_cap:
        return None  # given more often than the cap's period: code does not sum it
    said = ", ".join(f"{max(asked[u]):g} {u} <= {min(caps[u]):g}" for u in shared)
    return "met", cited, f"the requested dose is within the cap ({said})"
