"""A measurement asked lower than it was when treatment started, read from two notes: one
giving the reading at the start ("Cinacalcet started 11/2025: intact PTH 880 pg/mL before
the first dose", "HBV DNA 48,000 IU/mL and ALT 96 U/L at the start"), one the latest
dated reading ("Intact PTH 11/09/2026: 742 pg/mL"). The criterion may ask a plain fall
("HBV DNA is undetectable or lower than at the start of treatment"), a percent ("latest
intact PTH at least 30% lower than the value before cinacalcet") or an amount ("serum
calcium lower than before cinacalcet, by 1 mg/dL or more").

The start reading is the one a clause with no full date marks as the start ("at the
start", "before the first dose", "before treatment", "baseline"); the latest is the last
full-dated clause that names the measurement and gives a reading right after it. Both in
one unit, or the latest written undetectable where the criterion allows that. Two start
readings that disagree, no dated reading, or units that differ decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, stem
from pipeline.policy.dates import full_dates
from pipeline.policy.units import UNIT, unit_of

_ASKED = re.compile(
    r"^\s*(?:the\s+)?(?:latest\s+|most\s+recent\s+|current\s+)?(?P<name>[A-Za-z][\w -]{1,40}?)"
    r"\s+(?:is\s+|was\s+|has\s+been\s+)?(?P<undetectable>undetectable\s+or\s+)?"
    r"(?:(?:by\s+)?at\s+least\s+(?P<pct>\d+(?:\.\d+)?)\s*%\s+)?(?:lower|less)\s+than\s+"
    r"(?:at\s+the\s+start(?:\s+of\s+(?:treatment|therapy))?|baseline|"
    r"(?:the\s+)?(?:value\s+|level\s+|reading\s+)?before\s+(?:the\s+first\s+dose|[\w-]+))"
    r"(?:,?\s+by\s+(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>\S+)\s+or\s+more)?"
    r"\s*(?:\[[\d,\s]+\])?\s*\.?\s*$",
    re.I,
)
_START = re.compile(
    r"\b(?:at\s+the\s+start|at\s+start|before\s+the\s+first\s+dose|before\s+(?:treatment|"
    r"therapy|starting)|baseline|pre-?treatment)\b",
    re.I,
)
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_UNDETECTABLE = re.compile(r"\b(?:undetectable|not\s+detected|undetected)\b", re.I)


def _reading(after: str) -> tuple[float, str] | None:
    """The value and unit written right after the measurement's name (and its date)."""
    m = re.match(
        r"\s*(?:\d{1,2}/\d{1,2}/\d{4}\s*)?(?::\s*|\s+(?:was|of|at)\s+)?(?:below\s+|<\s*)?"
        + _NUMBER,
        after,
        re.I,
    )
    if not m:
        return None
    u = UNIT.match(after[m.end() :])
    unit = unit_of(u.group(1)) if u else None
    return (float(m.group(1).replace(",", "")), unit) if unit else None


def _name_end(clause: str, name: list[str]) -> int | None:
    """Where the measurement's name ends in the clause, if every word of it is there."""
    words = list(re.finditer(r"[A-Za-z]+", clause))
    hits = [w for w in words if stem(w.group()) in name]
    if {stem(w.group()) for w in hits} != set(name):
        return None
    return max(w.end() for w in hits)


def judge_start_reading(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    name = [stem(w) for w in re.findall(r"[A-Za-z]+", m.group("name").lower())]
    starts: set[tuple[float, str]] = set()
    start_fact = ""
    latest: tuple[object, str, tuple[float, str] | None, bool] | None = None
    latest_head = ""
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue
        for clause in clauses(fact.text):
            end = _name_end(clause, name)
            if end is None:
                continue
            dated = full_dates(clause)
            if not dated and _START.search(clause):
                if (r := _reading(clause[end:])) is not None:
                    starts.add(r)
                    start_fact = fact.id
            elif dated:
                day = max(d for d, _ in dated)
                head = clause[end:].split(",")[0]
                undetectable = bool(_UNDETECTABLE.search(head))
                r = _reading(clause[end:])
                if (r or undetectable) and (latest is None or day > latest[0]):  # type: ignore[operator]
                    latest = (day, fact.id, r, undetectable)
                    latest_head = head
    if len(starts) != 1 or latest is None:
        return None
    (start, unit), (_, fid, reading, undetectable) = next(iter(starts)), latest
    cited = list(dict.fromkeys([start_fact, fid]))
    if undetectable and m.group("undetectable"):
        return "met", cited, f"{fid}: undetectable"
    if reading is None or reading[1] != unit or start <= 0:
        return None
    value = reading[0]
    fall = start - value
    if m.group("pct"):
        need = start * float(m.group("pct")) / 100
    elif m.group("amount"):
        if unit_of(m.group("unit")) != unit:
            return None
        need = float(m.group("amount"))
    else:
        need = 1e-9  # lower at all
    said = f"{start:g} {unit} at the start, {value:g} {unit} latest ({fid})"
    if fall >= need:
        return "met", cited, said
    if re.match(r"\s*(?:\d{1,2}/\d{1,2}/\d{4}\s*)?:?\s*(?:below|<)", latest_head, re.I):
        return None  # "below 20": only an upper bound, no value to deny on
    return "not_met", cited, said
