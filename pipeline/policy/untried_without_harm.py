"""A criterion that named drugs were stopped, or cannot be used, because of a documented
harm ("Prednisone or deflazacort was stopped, or cannot be used, because of a documented
adverse effect such as marked weight gain, ..."), not met by code where one note says the
drugs were never taken and that nothing rules them out ("Has never taken prednisone or
deflazacort; no contraindication to them noted ...; the family prefers vamorolone").

Not met only, and only where the same note denies both ways the criterion offers: every
drug never taken (so none was stopped) and no contraindication or intolerance (so none
cannot be used). A note that says only one of them, or names a harm anywhere in the
record for those drugs, decides nothing (the model is asked)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKED = re.compile(
    r"^\s*(?P<drugs>[A-Za-z][\w -]*?(?:\s*(?:,|or)\s+[A-Za-z][\w -]*?)*)\s+(?:was|were|is|are)\s+"
    r"stopped,?\s+or\s+(?:cannot|can\s*not|could\s+not)\s+be\s+used,?\s+because\s+of\b",
    re.I,
)
_NEVER = re.compile(r"\b(?:never\s+(?:taken|had|received|used|been\s+on)|steroid-naive)\b", re.I)
_NOTHING_AGAINST = re.compile(
    r"\bno\s+(?:contraindications?|intolerance|reason\s+not\s+to\s+use)\b", re.I
)


_STOPPED = re.compile(
    r"\b(?:stopped|discontinued|had\s+to\s+stop|caused|because\s+of|due\s+to)\b", re.I
)


def _drugs(listed: str) -> list[str]:
    return [d.strip().lower() for d in re.split(r"\s*,\s*|\s+or\s+", listed) if d.strip()]


def judge_untried_without_harm(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    drugs = _drugs(m.group("drugs"))
    if not drugs or any(len(d.split()) > 3 for d in drugs):
        return None
    record = [f for f in facts if f.text.startswith(("History:", "Prior therapy:"))]
    if any(_STOPPED.search(f.text) and any(d in f.text.lower() for d in drugs) for f in record):
        return None  # a note says one was stopped or why: the model weighs it
    for fact in record:
        lower = fact.text.lower()
        if (
            all(d in lower for d in drugs)
            and _NEVER.search(lower)
            and _NOTHING_AGAINST.search(lower)
        ):
            return "not_met", [fact.id], f"{fact.id}: never taken and nothing rules them out"
    return None
