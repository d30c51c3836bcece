"""A count of events over a window said as "N or more" ("Two or more vaso-occlusive crises
needing medical care in the past 12 months"), judged by code from the one note that lists
those events by their dates ("Pain crises in the past year: emergency visits 01/2026 and
04/2026, admissions 07/2026 and 10/2026").

The note must name the event (the criterion's event noun, by its stem) before any date it
writes, so a clinic note dated first that mentions the events in passing ("Clinic
11/24/2026: well, between crises") lists none. Each month-precise or day-precise date after
the noun is one event; its age is counted in whole months from the case's latest date.
Met: at least N dates inside the window. Not met: fewer, and the note says it lists them
all ("no other", "only"). A date on the window's edge month, two notes that list the
event, or a note without that word decide nothing. ("At least N ... in the past W months"
with a stated total is window_counts.py's.)"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import stem
from pipeline.policy.dates import as_of
from pipeline.policy.units import NUMBER_WORD, count_value

_N = rf"(?:\d+|{NUMBER_WORD})"
_ASKED = re.compile(
    rf"^\s*(?:at\s+least\s+)?(?P<n>{_N})\s+(?:or\s+more\s+)?(?P<what>(?:[\w-]+\s+){{0,8}}?)"
    r"(?:in|within|during|over)\s+the\s+(?:past|last|previous|preceding|prior)\s+"
    rf"(?P<w>{_N})\s+(?P<unit>month|year)s?\s*\.?\s*$",
    re.I,
)
# events a note lists one date each
_EVENTS = {
    stem(w)
    for w in (
        "crisis crises episode attack exacerbation flare admission hospitalization "
        "hospitalisation seizure relapse bleed fracture infection"
    ).split()
}
_DATE = re.compile(r"(?<![\d/])(?:(\d{1,2})/(?:\d{1,2})/|(\d{1,2})/)(\d{4})(?![\d/])")
_ALL_LISTED = re.compile(r"\b(?:no other|none other|only|no further|no more)\b", re.I)


def _noun(what: str) -> str | None:
    for word in re.findall(r"[a-z]+", what.lower()):
        if stem(word) in _EVENTS:
            return stem(word)
    return None


def judge_dated_events(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m or not (noun := _noun(m.group("what"))):
        return None
    if "or more" not in text.lower() and "at least" not in text.lower():
        return None
    today = as_of(facts)
    if today is None:
        return None
    need = count_value(m.group("n"))
    window = count_value(m.group("w")) * (12 if m.group("unit").lower() == "year" else 1)
    listing: list[tuple[CaseFact, list[float]]] = []
    for fact in facts:
        if not fact.text.startswith(("History:", "Prior therapy:")):
            continue
        body = fact.text.split(":", 1)[1]
        first_noun = next(
            (w.start() for w in re.finditer(r"[A-Za-z]+", body) if stem(w.group()) == noun), None
        )
        dates = list(_DATE.finditer(body))
        if first_noun is None or not dates or dates[0].start() < first_noun:
            continue
        ages = []
        for d in dates:
            month = int(d.group(1) or d.group(2))
            ages.append((today.year * 12 + today.month) - (int(d.group(3)) * 12 + month))
        listing.append((fact, ages))
    if len(listing) != 1:
        return None  # none lists the events, or two may overlap: a person reads them
    fact, ages = listing[0]
    if any(age == window for age in ages):
        return None  # a month on the window's edge: inside or out by the day
    inside = sum(0 <= age < window for age in ages)
    said = f"{fact.id}: {inside} dated in the past {window:g} months (asked {need:g} or more)"
    if inside >= need:
        return "met", [fact.id], said
    if _ALL_LISTED.search(fact.text):
        return "not_met", [fact.id], said
    return None
