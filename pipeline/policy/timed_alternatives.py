"""A criterion of measurement alternatives read at a named time ("Ferritin below 100 ng/mL,
or 100 to 299 ng/mL with transferrin saturation below 20%, at the week 24 check"), judged
by code from the facts that name that time ("Week 24 labs 02/10/2026: ferritin 188 ng/mL,
transferrin saturation 27%"), so an older reading elsewhere in the record ("ferritin was 42
ng/mL" before the first course) neither meets nor blurs it.

Each alternative ("..., or ...") is a set of bounds that hold together ("100 to 299 ng/mL
with transferrin saturation below 20%"); an alternative that starts with its number takes
the measurement named by the first ("Ferritin"). Met where some alternative has every part
met by the measurement rules; not met where every alternative has a part not met; else
nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Found

_AT = re.compile(
    r",?\s+(?:at|on|from)\s+the\s+(?P<mark>(?:week|month|day|visit)\s+\d+)\s+"
    r"(?:check|visit|labs?|assessment|review|measurement)\s*\.?\s*$",
    re.I,
)
_OR = re.compile(r",\s+or\s+|\s+or\s+(?=\d)", re.I)
_PARTS = re.compile(r"\s+(?:with|and)\s+(?=[A-Za-z])", re.I)
_HEAD = re.compile(
    r"^\s*(?P<name>[A-Za-z][\w\s-]*?)\s+(?:below|above|under|over|less|greater|more|at least|"
    r"at most|of|<|>|≥|≤)\b",
    re.I,
)


def judge_timed_alternatives(text: str, facts: list[CaseFact]) -> Found | None:
    m = _AT.search(text)
    if not m:
        return None
    mark = r"\s+".join(re.escape(w) for w in m.group("mark").split())
    marked = [f for f in facts if re.search(rf"\b{mark}\b", f.text, re.I)]
    if not marked:
        return None
    alts = _OR.split(text[: m.start()])
    head = _HEAD.match(alts[0])
    statuses: list[str] = []
    cited: list[str] = []
    for alt in alts:
        if re.match(r"\s*\d", alt):
            if head is None:
                return None
            alt = f"{head.group('name')} {alt.strip()}"
        parts = [judge_measure(p, marked) for p in _PARTS.split(alt)]
        kinds = [p[0] if p else None for p in parts]
        if "not_met" in kinds:
            statuses.append("not_met")
        elif all(k == "met" for k in kinds):
            statuses.append("met")
        else:
            statuses.append("unknown")
        cited += [i for p in parts if p for i in p[1]]
    cited = list(dict.fromkeys(cited))[:3]
    when = m.group("mark")
    if "met" in statuses:
        return "met", cited, f"an alternative is met on the {when} readings"
    if all(s == "not_met" for s in statuses):
        return "not_met", cited, f"no alternative is met on the {when} readings"
    return None
