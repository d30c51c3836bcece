"""A criterion that something became more (or less) frequent on treatment ("Bowel movements
have become more frequent on the drug", "Attacks have become less frequent"), judged by
code from a clause that names the thing and counts it before and after in one unit
("bowel movements went from one a week to four or five a week").

Met where every count after is past the count before the asked way, not met where none
is; a clause with other units, or no such clause, decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, coverage, requirements
from pipeline.policy.units import NUMBER_WORD, count_value

_ASKED = re.compile(
    r"^\s*(?P<thing>.+?)\s+(?:have|has)\s+(?:become|got|gotten|grown)\s+"
    r"(?P<way>more|less)\s+frequent\b",
    re.I,
)
_N = r"(\d+|" + NUMBER_WORD + r")"
_RATE = r"(?:a|per|each|every)\s+(day|week|month)"
_FROM_TO = re.compile(
    rf"\bfrom\s+{_N}\s+{_RATE}\s+to\s+{_N}(?:\s+(?:or|to|-)\s+{_N})?\s+{_RATE}", re.I
)


def judge_frequency_change(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    groups = requirements(m.group("thing"))
    if not groups:
        return None
    more = m.group("way").lower() == "more"
    found: list[tuple[bool, CaseFact]] = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            if coverage(groups, clause) < len(groups):
                continue
            for r in _FROM_TO.finditer(clause):
                before, unit, after, after2, unit2 = r.groups()
                if unit.lower() != unit2.lower():
                    continue
                then = count_value(before.lower())
                now = [count_value(x.lower()) for x in (after, after2) if x]
                if all(n > then for n in now) if more else all(n < then for n in now):
                    found.append((True, fact))
                elif all(n <= then for n in now) if more else all(n >= then for n in now):
                    found.append((False, fact))
    if not found or len({ok for ok, _ in found}) > 1:
        return None
    ok, fact = found[0]
    way = "more" if more else "less"
    said = "became" if ok else "did not become"
    return ("met" if ok else "not_met"), [fact.id], f"{fact.id}: counts {said} {way} frequent"
