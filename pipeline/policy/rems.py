"""A criterion that the drug be given where a REMS program has certified it ("Doses will be
given and monitored in a certified health care setting enrolled in the <drug> REMS"), met
where a note states the same kind of party certified or enrolled in the REMS ("Treatment
site: ... Clinic, certified in the <drug> REMS"). The party must be the criterion's: a
certified prescriber or pharmacy is no certified setting. Where the criterion also asks
monitoring, a note must state the monitoring or observation. Only "met" comes from here."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates

_REMS = re.compile(r"\bREMS\b")
_CERTIFIED = re.compile(r"\b(?:certified|enrolled|registered)\b", re.I)
_PARTIES = {
    "setting": r"setting|facility|site|clinic|cent(?:er|re)|suite|unit|hospital|office",
    "prescriber": r"prescriber|physician|provider|doctor|psychiatrist",
    "patient": r"patient|member|beneficiary|enrollee",
    "pharmacy": r"pharmacy|dispenser",
}
_MONITORED = re.compile(r"\b(?:monitor\w*|observ\w*|supervis\w*)\b", re.I)
_SKIP = ("Payer", "Requested", "Patient:")


def _parties(text: str) -> set[str]:
    return {k for k, words in _PARTIES.items() if re.search(rf"\b(?:{words})s?\b", text, re.I)}


def judge_rems(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if not (_REMS.search(text) and _CERTIFIED.search(text)):
        return None
    asked = _parties(text)
    if len(asked) != 1:
        return None  # no party or several: whose certification it asks is not plain
    certified: CaseFact | None = None
    monitored: CaseFact | None = None
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            if negates(clause):
                continue
            if _REMS.search(clause) and _CERTIFIED.search(clause) and asked <= _parties(fact.text):
                certified = certified or fact
            if _MONITORED.search(clause):
                monitored = monitored or fact
    if certified is None or (_MONITORED.search(text) and monitored is None):
        return None
    cited = list(dict.fromkeys(f.id for f in (certified, monitored) if f))
    party = next(iter(asked))
    return "met", cited, f"{certified.id} states the {party} certified in the REMS"
