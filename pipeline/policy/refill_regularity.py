"""A criterion that refill records show the drug taken regularly, with no share to reach
("Refill records or the prescriber confirm the member takes the drug most days"), met by
code where a pharmacy or refill record states supplies filled on a regular cycle ("30
tablets filled every 28-31 days for 12 months", "filled on time each month").

Met only: the record's cycle is at most 35 days or "on time"; a record that writes gaps,
late or missed fills, or a stop decides nothing, and so does a criterion that asks a dose
frequency ("taken twice a day") or a share ("80% of doses": adherence_share.py's)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKED = re.compile(
    r"\b(?:refill|fill|pharmacy|dispensing)\w*\b.*\b(?:takes?|taken|taking|adheren\w*)\b.*"
    r"\b(?:most\s+days|regularly|as\s+prescribed|consistently|every\s+day|daily)\b",
    re.I,
)
_FREQUENCY_OR_SHARE = re.compile(r"\d|\b(?:twice|three times|once)\b", re.I)
_RECORD = re.compile(r"^History:\s*(?:pharmacy|refill|fill|dispensing)\w*\b[^:]{0,40}:", re.I)
_CYCLE = re.compile(
    r"\bfilled\s+(?:every\s+(?:\d+\s*[-–]\s*)?(?P<days>\d+)\s+days|on\s+time)\b", re.I
)
_GAP = re.compile(
    r"\b(?:gaps?|late|missed\s+(?:fills?|refills?)|lapsed?|stopped|not\s+filled|"
    r"overdue|unfilled)\b",
    re.I,
)


def judge_refill_regularity(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if not _ASKED.search(text) or _FREQUENCY_OR_SHARE.search(text):
        return None
    for fact in facts:
        if not _RECORD.match(fact.text) or _GAP.search(fact.text):
            continue
        m = _CYCLE.search(fact.text)
        if m and (m.group("days") is None or int(m.group("days")) <= 35):
            return "met", [fact.id], f"{fact.id}: supplies filled on a regular cycle"
    return None
