"""A criterion that names the prescriber as its subject ("Endocrinologist prescribes",
"A neurologist or psychiatrist orders the drug"): read as "prescribed by" that specialist,
so care_setting.judge_treated_by judges it (met only: a specialist not named is for the
model or a person)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.care_setting import judge_treated_by

_SUBJECT = re.compile(
    r"^(?:an?\s+)?(?P<who>[A-Za-z-]+(?:ist|ian)(?:\s+or\s+(?:an?\s+)?[A-Za-z-]+(?:ist|ian))?)\s+"
    r"(?:prescribes|must prescribe|orders|requests|initiates|supervises)"
    r"(?:\s+(?:it|the\s+(?:drug|medication|treatment|therapy)))?"
    # "A cardiologist prescribes it or has been consulted": the same specialist, either role
    r"(?:\s+or\s+(?:has\s+been|is|was)\s+consulted)?\s*[.;]?$",
    re.I,
)


def judge_prescriber_named(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _SUBJECT.match(text.strip())
    if m is None:
        return None
    who = re.sub(r"\bor\s+(?!an?\s)", "or a ", m.group("who"))
    return judge_treated_by(f"prescribed by a {who}", facts)
