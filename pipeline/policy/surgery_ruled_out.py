"""Criteria that a surgeon finds the member cannot have surgery ("endocrine surgeon
documents that the member cannot have surgery"), met by code where a surgical consult's
note says so in its own words ("Endocrine surgery consult 10/2026 (Dr. Dubois): not a
surgical candidate because of severe COPD"): the note names surgery or a surgeon, each
word that qualifies the surgeon in the criterion ("endocrine"), and one of "not a
(surgical) candidate", "unfit for surgery", "cannot have surgery", "inoperable".

Met only: a patient who declines surgery, or a note with no surgeon's word, decides
nothing (the model is asked)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKED = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?P<who>(?:[a-z]+\s+){0,2}?)surgeon\s+(?:documents|confirms|states|"
    r"finds)\s+(?:that\s+)?(?:the\s+)?(?:member|patient|person)\s+(?:cannot|can\s*not|is\s+"
    r"unable\s+to|is\s+not\s+able\s+to)\s+(?:have|undergo)\s+(?:surgery|an\s+operation)\s*\.?$",
    re.I,
)
_SURGICAL = re.compile(r"\bsurg(?:eon|ery|ical)\b", re.I)
_RULED_OUT = re.compile(
    r"\b(?:not\s+an?\s+(?:surgical\s+|operative\s+)?candidate|unfit\s+for\s+(?:surgery|"
    r"an\s+operation)|cannot\s+(?:have|undergo)\s+surgery|inoperable|not\s+operable)\b",
    re.I,
)


def judge_surgery_ruled_out(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    qualifiers = [w[:5] for w in m.group("who").lower().split()]
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue
        lower = fact.text.lower()
        if (
            _SURGICAL.search(lower)
            and _RULED_OUT.search(lower)
            and all(q in lower for q in qualifiers)
        ):
            return "met", [fact.id], f"{fact.id}: a surgical consult rules surgery out"
    return None
