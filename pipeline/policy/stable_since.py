"""A renewal's criterion that a measurement is "stable or lower than before <drug>" (or
"... than baseline"), judged by code from a note that names the measurement and lists its
dated readings ("Cardiac MRI: left ventricular mass index 104 g/m2 in 12/2024 and 99 g/m2
in 12/2025") where the drug's start is stated ("<drug> since 01/2025").

The earliest reading is the baseline: it must be dated before the drug's start (or, for
"than baseline", be marked baseline / before treatment), and the latest reading after it.
Met where the latest reading is no worse than the baseline (not above it for "lower", not
below it for "higher"). Only met: how much worse is still "stable" is for the model or a
person, as is every note this reading is not sure of.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.change_since import _EARLIER
from pipeline.policy.current_value import reading_span
from pipeline.policy.models import Found

_ASKS = re.compile(
    r"^(?P<name>[A-Za-z][\w\-/ ]+?)(?:\s+(?:on|by|at)\s+[^,;]+?)?\s+"
    r"(?:is\s+|has\s+been\s+|remains?\s+|remained\s+|stays?\s+)?(?:stable|unchanged)\s+or\s+"
    r"(?P<dir>lower|higher|less|greater|smaller|decreased|reduced|increased|better|improved)\s+"
    r"(?:than|since|from|compared\s+with)\s+(?:the\s+)?"
    r"(?:before\s+(?:starting\s+)?(?P<drug>[A-Za-z][\w\-]{3,})|(?P<base>baseline|pre-?treatment))\b",
    re.I,
)
_VALUE = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)\s*([^\s\d,;.()][^\s,;()]*)")


def _start(drug: str, facts: list[CaseFact]) -> date | None:
    """The first day the facts say the drug was started in ("migalastat since 01/2025")."""
    said = re.compile(
        rf"\b{re.escape(drug)}\b[^.;]{{0,60}}?\b(?:since|started(?:\s+(?:in|on))?|from)\s+"
        r"(\d{1,2})/(?:\d{1,2}/)?(\d{4})\b",
        re.I,
    )
    for fact in facts:
        if m := said.search(fact.text):
            month, year = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12:
                return date(year, month, 1)
    return None


def _readings(name: str, fact: CaseFact) -> list[tuple[float, tuple[date, date], int]] | None:
    """(value, date span, where it ends) of each reading in the sentence naming ``name``,
    all in the first one's unit; None where one has no date of its own."""
    text = " ".join(fact.text.split())
    at = text.lower().find(name.lower())
    if at < 0:
        return None
    sentence = re.split(r"(?<=[a-z0-9)])\.\s+", text[at + len(name) :])[0]
    out: list[tuple[float, tuple[date, date], int]] = []
    unit = None
    for m in _VALUE.finditer(sentence):
        if re.match(r"/\d", sentence[m.end(1) :]):
            continue  # a date's month, not a value
        unit = unit or m.group(2).lower()
        if m.group(2).lower() != unit:
            continue
        span = reading_span(CaseFact(id=fact.id, text=sentence), m.end(1))
        if span is None:
            return None
        out.append((float(m.group(1)), span, m.start()))
    return out


def judge_stable_since(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKS.match(text.strip())
    if m is None:
        return None
    start = _start(m.group("drug"), facts) if m.group("drug") else None
    if m.group("drug") and start is None:
        return None
    for fact in facts:
        found = _readings(m.group("name").strip(), fact)
        if not found or len(found) < 2:
            continue
        found.sort(key=lambda r: r[1][0])
        (first, first_span, _), (last, last_span, _) = found[0], found[-1]
        if first_span[1] >= last_span[0]:
            return None  # two readings could be the latest
        if start is not None and not (first_span[1] < start <= last_span[0]):
            return None  # the baseline is no reading before the drug
        if start is None and not _EARLIER.search(fact.text):
            return None
        up = m.group("dir").lower() in {"higher", "greater", "increased"}
        worse = last < first if up else last > first
        if worse:
            return None  # how much worse is still stable: the model or a person
        said = f"{m.group('name').strip()} {first:g} before, {last:g} at the latest reading"
        return "met", [fact.id], f"{said}: stable or {m.group('dir').lower()}"
    return None
