"""A criterion that asks a share of doses dispensed or taken ("Patient is adherent to
treatment, with at least 80% of prescribed doses dispensed", "adherence of 90% or more"),
judged by code from what a note counts: a percent of doses or supplies ("92% of doses
taken", "adherence 75%"), a count of them ("22 of 26 supplies collected"), or every one
("all 26 fortnightly supplies collected on time", "no missed doses").

Met where every share a note states is at least the bound; not met where every one is
below it; a note that counts nothing, or shares on both sides, decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses

_THINGS = r"(?:doses|supplies|fills|refills|injections|infusions|prescriptions)"
_DONE = r"(?:dispensed|taken|collected|filled|picked up|given|received)"
_ASKS = re.compile(
    r"\b(?:adheren\w*|complian\w*)\b.*?\b(?:at least|≥|no less than)\s+(?P<pct>\d+)\s*%"
    r"|\b(?:at least|≥|no less than)\s+(?P<pct2>\d+)\s*%\s+of\s+(?:the\s+)?(?:prescribed\s+)?"
    r"(?:doses|supplies|fills|refills)\s+(?:dispensed|taken|collected|filled)"
    # "Have infusions been received at least 80% of the time as scheduled?"
    rf"|\b{_THINGS}\s+(?:(?:have|has|were|are)\s+)?(?:been\s+)?{_DONE}\s+(?:at least|≥|no less "
    r"than)\s+(?P<pct3>\d+)\s*%\s+of\s+the\s+time",
    re.I,
)
_PERCENT = re.compile(
    rf"(?P<p>\d+(?:\.\d+)?)\s*%\s+of\s+(?:the\s+|her\s+|his\s+)?(?:\w+\s+){{0,2}}{_THINGS}"
    r"|\b(?:adherence|compliance|proportion of days covered|PDC)\s*(?:of|was|is|:)?\s*"
    r"(?P<q>\d+(?:\.\d+)?)\s*%",
    re.I,
)
_COUNT = re.compile(
    rf"\b(?P<n>\d+)\s+(?:of|out of)\s+(?P<m>\d+)\s+(?:\w+\s+){{0,2}}{_THINGS}\s+{_DONE}", re.I
)
_ALL = re.compile(
    rf"(?<!not )\b(?:all|every)\s+(?:\d+\s+)?(?:\w+\s+){{0,2}}{_THINGS}\s+(?:were\s+)?{_DONE}"
    r"|\bno\s+missed\s+doses\b|\bnever\s+missed\s+a\s+dose\b",
    re.I,
)


def _shares(clause: str) -> list[float]:
    out = [float(m.group("p") or m.group("q")) for m in _PERCENT.finditer(clause)]
    for m in _COUNT.finditer(clause):
        if 0 < int(m.group("n")) <= int(m.group("m")):
            out.append(100.0 * int(m.group("n")) / int(m.group("m")))
    if not out and _ALL.search(clause):
        out.append(100.0)
    return out


def judge_adherence_share(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.search(text)
    if not m:
        return None
    bound = float(m.group("pct") or m.group("pct2") or m.group("pct3"))
    found: list[tuple[float, CaseFact]] = []
    for fact in facts:
        if fact.text.startswith(("Payer", "Requested", "Patient:")):
            continue
        for clause in _clauses(fact.text):
            found += [(share, fact) for share in _shares(clause)]
    if not found:
        return None
    cited = list(dict.fromkeys(f.id for _, f in found))[:3]
    shown = ", ".join(f"{s:.0f}%" for s, _ in found[:3])
    if all(s >= bound for s, _ in found):
        return "met", cited, f"{shown} of doses, at least {bound:g}%"
    if all(s < bound for s, _ in found):
        return "not_met", cited, f"{shown} of doses, below {bound:g}%"
    return None
