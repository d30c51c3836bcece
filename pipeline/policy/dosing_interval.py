"""A criterion that limits how often the drug is given ("Injections are given no more often
than every 8 weeks after the first 4 monthly doses", "dosed no more frequently than once
every 2 weeks"), judged by code from the request's own schedule ("every 12 weeks (treat and
extend)"): the request line must state one interval ("every N days/weeks/months").

Met where the requested interval is at least the one asked. Not met where it is shorter and
the criterion allows no first doses at another pace ("after the first 4 monthly doses": a
shorter interval may be those doses). Anything else (no interval, several) decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4}
_ASKED = re.compile(
    r"\bno more (?:often|frequently) than (?:once )?every (?P<n>\d+) (?P<unit>day|week|month)s?\b",
    re.I,
)
_EVERY = re.compile(r"\bevery (\d+) (day|week|month)s?\b", re.I)
_LOADING = re.compile(r"\bafter the (?:first|initial|loading)\b", re.I)


def judge_dosing_interval(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.search(text)
    if not m:
        return None
    least = float(m.group("n")) * _DAYS[m.group("unit").lower()]
    requests = [f for f in facts if f.text.startswith("Requested")]
    if len(requests) != 1:
        return None
    found = _EVERY.findall(requests[0].text)
    if len(found) != 1:
        return None
    days = float(found[0][0]) * _DAYS[found[0][1].lower()]
    said = f"{requests[0].id}: requested every {found[0][0]} {found[0][1]}s"
    if days >= least:
        return "met", [requests[0].id], f"{said}, no more often than every {least:g} days"
    if _LOADING.search(text):
        return None  # the shorter interval may be the first doses the criterion allows
    return "not_met", [requests[0].id], f"{said}, more often than every {least:g} days"
