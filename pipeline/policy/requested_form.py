"""A criterion on the form of the product requested ("The request is for tablets or melts,
not the nasal spray."), read against the request itself: met where the requested product
names a form listed and none refused, not met where it names a refused form and no listed
one. Only forms of the vocabulary below are read; a request naming no form decides
nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKED = re.compile(
    r"^\s*(?:the\s+)?request(?:ed\s+(?:product|drug|form))?\s+is\s+(?:only\s+)?for\s+"
    r"(?:the\s+)?(?P<yes>[^,;.]+?)\s*,?\s+(?:and\s+)?(?:not|rather\s+than)\s+(?:for\s+)?"
    r"(?:the\s+|an?\s+)?(?P<no>[^,;.]+?)\s*\.?\s*$",
    re.I,
)
# dosage forms, by the stem a product name writes them with
_FORMS = frozenset(
    "tablet melt capsule spray injection solution suspension foam cream gel ointment patch "
    "film inhaler pen vial syringe lozenge powder granule drop suppository".split()
)


def _forms(text: str) -> set[str]:
    stems = {re.sub(r"(?<=[a-z]{3})(?:es|s)$", "", w) for w in re.findall(r"[a-z]+", text.lower())}
    stems |= {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower())}
    return stems & _FORMS


def judge_requested_form(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    yes, no = _forms(m.group("yes")), _forms(m.group("no"))
    request = next((f for f in facts if f.text.startswith("Requested")), None)
    if not yes or not no or request is None:
        return None
    named = _forms(request.text.split(":", 1)[-1])
    if named & yes and not named & no:
        return "met", [request.id], f"{request.id}: the request is for {', '.join(sorted(named))}"
    if named & no and not named & yes:
        form = ", ".join(sorted(named & no))
        return "not_met", [request.id], f"{request.id}: the request is for {form}, which it refuses"
    return None
