"""Criteria that open with a count of a measurement's results past a bound, some time apart,
within a window ("Two serum potassium results of 5.1 mEq/L or higher at least 7 days apart
in the last 60 days, not from hemolyzed samples"), judged by code from the facts' dated
readings ("Potassium 5.6 mEq/L on 10/02/2026 and 5.4 mEq/L on 10/23/2026 (non-hemolyzed)";
"repeat 10/23/2026 was 4.8 mEq/L").

A reading is a number in the bound's unit in a fact that names the measurement (its last
word before the bound), dated right after it ("on 10/02/2026") or right before it
("10/23/2026 was 4.8"). Met: as many readings in the window as asked hold the bound, the
first and last at least the gap apart, and a trailing "not from X samples" is answered by
the readings' own clause ("non-hemolyzed"); any other trailing condition leaves it to the
model. Not met: every reading in the unit those facts state is dated and fewer than asked
in the window hold the bound (a condition only narrows which count). Anything else decides
nothing."""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.dated_counts import DAYS, Dated, cited, day_of, named_bound, shown, unit_span
from pipeline.policy.dates import as_of
from pipeline.policy.units import NUMBER_WORD, count_value

_ASKS = re.compile(
    r"^(?P<n>\d+|" + NUMBER_WORD + r")\s+(?P<head>.+?)\s+"
    r"(?:(?:taken|drawn|obtained|measured)\s+)?(?:at\s+least|a\s+minimum\s+of)\s+"
    r"(?P<gap>\d+|" + NUMBER_WORD + r")\s+(?P<unit>days?|weeks?|months?)\s+apart"
    r"(?:\s+(?:in|within|during|over)\s+the\s+(?:last|past|previous|preceding)\s+"
    r"(?P<window>\d+|" + NUMBER_WORD + r")\s+(?P<wunit>days?|weeks?|months?))?"
    r"(?:\s*,\s*(?P<extra>[^.;]+?))?\W*$",
    re.I,
)
# "Serum potassium of 5.5 mEq/L or higher on two occasions in the last 90 days": readings
# on as many different days, no gap asked
_OCCASIONS = re.compile(
    r"^(?P<head>.+?)\s+on\s+(?:at\s+least\s+)?(?P<n>\d+|" + NUMBER_WORD + r")\s+"
    r"(?:separate\s+|different\s+)?(?:occasions|tests|measurements|readings|samples|days)"
    r"(?:\s+(?:in|within|during|over)\s+the\s+(?:last|past|previous|preceding)\s+"
    r"(?P<window>\d+|" + NUMBER_WORD + r")\s+(?P<wunit>days?|weeks?|months?))?"
    r"(?:\s*,\s*(?P<extra>[^.;]+?))?\W*$",
    re.I,
)
_RESULTS = re.compile(r"\b(?:results?|readings?|values?|measurements?|levels?|tests?)\b", re.I)
_VALUE = re.compile(r"(?<![\w.,/])(\d+(?:\.\d+)?)(?![\w/]|\.\d)")
_DATE_AFTER = re.compile(r"^\s*(?:on|dated|from)?\s*(\d{1,2}/\d{1,2}/\d{4})\b")
_DATE_BEFORE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})\s*(?:was|were|:|=|of)?\s*$")
# "not from hemolyzed samples": the clause of the readings says "non-hemolyzed"
_NOT_FROM = re.compile(r"^not\s+(?:from|in|on)\s+(?:an?\s+|the\s+)?(?P<what>[a-z]+)\s+\w+$", re.I)


# The words that may stand between the measurement's name (or its last reading) and a
# reading of it: "Potassium 5.6 mEq/L on 10/02/2026 and 5.4", "; repeat 10/23/2026 was 4.8".
# Any other word may name another test ("and sodium 140 mEq/L"): that value is not read.
_LINK = set(
    """on and then repeat repeated recheck rechecked retest later again was were is of at in
    dated value values result results level levels a the it""".split()
)


def _linked(between: str) -> bool:
    words = re.findall(r"[A-Za-z]+", re.sub(r"\d{1,2}/\d{1,2}/\d{4}", " ", between))
    return all(w.lower() in _LINK for w in words)


def _readings(name: str, unit: str, facts: list[CaseFact]) -> tuple[list[Dated], bool]:
    """The readings in the unit, and whether a value in it was left unread (no date of its
    own, or not plainly a reading of the measurement)."""
    out: list[Dated] = []
    unread = False
    named = re.compile(rf"\b{re.escape(name)}", re.I)
    for fact in record_facts(facts):
        if not named.search(fact.text):
            # a value in the unit elsewhere may be a reading of it the note does not name
            # ("Repeat 10/23/2026: 5.4 mEq/L"): no failure can be read past it
            unread = unread or any(
                unit_span(fact.text[m.end() :])[0] == unit for m in _VALUE.finditer(fact.text)
            )
            continue
        last: int | None = None  # where the previous reading of it (and its unit) ended
        for m in _VALUE.finditer(fact.text):
            written, end = unit_span(fact.text[m.end() :])
            if written != unit:
                continue
            lead = fact.text[last or 0 : m.start()]
            names = list(named.finditer(lead))
            if names:
                lead = lead[names[-1].end() :]
            if not ((names or last is not None) and _linked(lead)):
                unread = True
                last = None
                continue
            last = m.end() + end
            after = _DATE_AFTER.match(fact.text[last:])
            before = _DATE_BEFORE.search(fact.text[max(0, m.start() - 24) : m.start()])
            when = day_of((after or before).group(1)) if (after or before) else None
            if when is None:
                unread = True
                continue
            out.append(Dated(float(m.group(1)), unit, when, fact.id))
    return out, unread


def _answers(extra: str, facts: list[CaseFact], held: list[Dated]) -> bool:
    """The trailing condition is one a fact of the readings answers."""
    m = _NOT_FROM.match(extra.strip())
    if m is None:
        return False
    what = re.escape(m.group("what").lower())
    texts = [f.text for f in facts if f.id in {r.fact for r in held}]
    return any(re.search(rf"\bnon-?\s?{what}|\bnot\s+{what}", t, re.I) for t in texts)


def judge_spaced_results(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if m is None or not _RESULTS.search(m.group("head")):
        m = _OCCASIONS.match(text.strip())
    if m is None:
        return None
    if (named := named_bound(m.group("head"))) is None:
        return None
    bound = named[0]
    words = [w for w in named[1] if not _RESULTS.match(w)]
    if not words:
        return None
    need = int(count_value(m.group("n").lower()))
    gap = 1.0  # on different days
    if "gap" in m.groupdict():
        gap = count_value(m.group("gap").lower()) * DAYS[m.group("unit").lower().rstrip("s")]
    readings, undated = _readings(words[-1], bound.unit, facts)
    if m.group("window"):
        today = as_of(facts)
        if today is None:
            return None
        span = count_value(m.group("window").lower()) * DAYS[m.group("wunit").lower().rstrip("s")]
        readings = [r for r in readings if r.day and 0 <= (today - r.day).days <= span]
    held = sorted((r for r in readings if bound.holds(r.value)), key=lambda r: r.day or date.min)
    days = sorted({r.day for r in held if r.day})
    if len(days) >= need and (days[-1] - days[0]).days >= gap:
        if m.group("extra") and not _answers(m.group("extra"), facts, held):
            return None
        reason = f"{shown(held[:3])} {bound.unit} on dates {gap:g} days apart or more"
        return "met", cited(held), reason
    if undated or len(days) >= need or not readings:
        return None  # too close together, or a value of unknown date: a person reads it
    reason = f"documented {shown(readings[:3])} {bound.unit}: {len(days)} {bound.words()}"
    return "not_met", cited(readings), f"{reason}, {need} asked"
