"""A criterion that bounds a measurement "at the time of the request" (or its current,
latest, most recent value; one "maintained" or that "remains"), judged on the latest
reading where the facts give several that disagree ("eGFR 22 mL/min/1.73 m2 on 01/08/2026
(eGFR 29 on 01/2025)": 22 is the value now, the 29 is history).

Each reading's own date is the one written right after its value, before the next
bracket or sentence ("on 01/08/2026", "in 09/2025"), or else a date that labels its
sentence before it ("Testosterone 01/12/2026: 212 ng/dL"); a month and year spans the
whole month. Only a reading whose date comes after every other reading's is kept; where any
reading has no date of its own, or two could be the latest, nothing is dropped (the
readings still disagree, and a person reads them). "Is still 30 or higher" asks the value
now too; for such a criterion the later readings a note lists after a test's first ("eGFR
44 mL/min in 12/2024; 27 mL/min on 12/30/2025 and 26 on 01/09/2026") are readings of it.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact

_CURRENT = re.compile(
    r"\b(?:at the time of (?:the )?(?:request|review|application)|at (?:the )?request|"
    # "eGFR is still 30 or higher", "remains below 5", "maintained": the value now
    r"current(?:ly)?|most recent|latest|present|maintained|remains?|remained|still)\b",
    re.I,
)
# the reading's date: "on 01/08/2026", "in 09/2025", "dated 1/8/2026"
_OWN_DATE = re.compile(r"^[^()\[\];]*?\b(?:on|in|dated|from)\s+(\d{1,2})/(?:(\d{1,2})/)?(\d{4})\b")
_STOP = re.compile(r"[()\[\];]|\.\s")
# "Potassium 01/12/2026: 5.6", "Before treatment (04/2026): curvature 60 degrees"
_LABEL_DATE = re.compile(r"\b(\d{1,2})/(?:(\d{1,2})/)?(\d{4})\)?\s*:")


def reading_span(fact: CaseFact, at: int | None) -> tuple[date, date] | None:
    """(earliest, latest) day the reading ending at ``at`` can have been taken."""
    if at is None:
        return None
    rest = fact.text[at:]
    stop = _STOP.search(rest)
    m = _OWN_DATE.match(rest[: stop.start() if stop else len(rest)])
    if m is None:
        # "Testosterone 01/12/2026: 212 ng/dL", "Relapse 04/2023: ... 12 ng/dL": a date
        # that labels the sentence the reading is in
        lead = re.split(r"[;\[\]]|\.\s", fact.text[:at])[-1]
        labels = list(_LABEL_DATE.finditer(lead))
        m = labels[-1] if labels else None
    if m is None:
        return None
    month, day, year = int(m.group(1)), m.group(2), int(m.group(3))
    try:
        if day is not None:
            one = date(year, month, int(day))
            return one, one
        last = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(last.toordinal() - 1)
    except ValueError:
        return None


# "a sweat chloride value below 60 mmol/L on treatment": the value while on the drug, so a
# reading the note gives as taken before it ("Sweat chloride before ivacaftor: 96") is none
_ON_TREATMENT = re.compile(
    r"\b(?:on|during|with) (?:treatment|therapy)\b|\bwhile (?:on|receiving|taking)\b", re.I
)
_PRE_TREATMENT = re.compile(
    r"\b(?:before|prior to|pre-?treatment|pre-?therapy|baseline|untreated)\b", re.I
)


def _before_treatment(fact: CaseFact, at: int | None) -> bool:
    """The clause the reading ends says it was taken before treatment."""
    if at is None:
        return False
    lead = re.split(r"[.;]\s", fact.text[:at])[-1]
    return bool(_PRE_TREATMENT.search(lead))


# "eGFR 44 mL/min in 12/2024; 27 mL/min on 12/30/2025 and 26 on 01/09/2026": later
# readings of one test listed after its first, each in the first one's unit or with a
# date of its own right after it
_NEXT_VALUE = re.compile(
    r"(?:;|,|\band\b|\bthen\b)\s*(?:and\s+|then\s+)?([-−]?\d+(?:\.\d+)?)(?![\d/:]|\.\d)"
)
_DATED = re.compile(r"^\s+(?:on|in)\s+\d{1,2}/(?:\d{1,2}/)?\d{4}\b")
_UNIT_WORD = re.compile(r"^\s*([^\s\d;,()][^\s;,()]*)")


def listed_after(clause: str, end: int, stop: int) -> list[tuple[float, int]]:
    """(value, where it ends) for each later reading listed after the one ending at
    ``end``, up to ``stop`` (where the clause names another test)."""
    unit = m.group(1).lower() if (m := _UNIT_WORD.match(clause[end:])) else None
    out: list[tuple[float, int]] = []
    for m in _NEXT_VALUE.finditer(clause, end, stop):
        rest = clause[m.end() :]
        same = unit is not None and rest.lstrip().lower().startswith(unit)
        if same or _DATED.match(rest):
            out.append((float(m.group(1).replace("−", "-")), m.end()))
    return out


def asks_current(text: str) -> bool:
    return bool(_CURRENT.search(text))


def latest_readings(
    text: str, values: list[tuple[float, CaseFact, str]], spots: list[int | None]
) -> list[tuple[float, CaseFact, str]]:
    """The values to judge: none taken before treatment where the criterion asks the value
    on it; the one latest reading where it asks the current value and each reading states
    its own date; all of them otherwise."""
    if _ON_TREATMENT.search(text):
        kept = [i for i, at in enumerate(spots) if not _before_treatment(values[i][1], at)]
        values, spots = [values[i] for i in kept], [spots[i] for i in kept]
    if len(values) < 2 or not asks_current(text):
        return values
    spans = [reading_span(f, at) for (_, f, _), at in zip(values, spots, strict=True)]
    dated = {v for (v, _, _), s in zip(values, spans, strict=True) if s is not None}
    # "response: curvature 60 to 35 degrees": an undated value a dated reading states is
    # that reading restated, not another one of unknown date
    kept = [i for i, s in enumerate(spans) if s is not None or values[i][0] not in dated]
    values, spans = [values[i] for i in kept], [spans[i] for i in kept]
    if len(values) < 2:
        return values
    if any(s is None for s in spans):
        return values
    known = [s for s in spans if s is not None]
    newest = max(range(len(known)), key=lambda i: known[i][0])
    if any(i != newest and known[i][1] >= known[newest][0] for i in range(len(known))):
        return values  # two readings could be the latest
    return [values[newest]]
