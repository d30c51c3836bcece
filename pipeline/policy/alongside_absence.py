"""A criterion that lists what must not be given alongside the requested drug, the list
first and the word of use together last ("No maintenance immune globulin or corticosteroid
above 10 mg of prednisone a day alongside", "No other biologic concurrently"): read as
polarity.judge_concomitant reads "not given together with A or B".

An item qualified by an amount ("corticosteroid above 10 mg of prednisone a day") is
named by the words before the amount: the item stated absent or stopped meets it whatever
the amount, but one stated given alongside may be under the amount, so a list with such an
item is never read as not met here."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.polarity import judge_concomitant

_LIST_LAST = re.compile(
    r"^\s*(?:no|without)\s+(?P<items>.+?)\s+(?:given\s+|used\s+|taken\s+)?"
    r"(?:alongside|concurrently|concomitantly|at the same time|in combination)"
    r"(?:\s+with\s+(?:it|this drug|the requested drug|treatment))?\s*\.?$",
    re.I,
)
# "above 10 mg of prednisone a day": an amount that qualifies the item before it
_AMOUNT = re.compile(
    r"\s+(?:above|below|over|under|more than|less than|greater than|exceeding|at|of)\s+"
    r"[^,]*\d.*$",
    re.I,
)


def judge_alongside_absent(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    m = _LIST_LAST.match(text)
    if not m:
        return None
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", m.group("items"))
    heads = [_AMOUNT.sub("", p).strip() for p in parts]
    if not all(heads):
        return None
    found = judge_concomitant("Not given together with " + ", ".join(heads), facts, drug)
    if found is not None and found[0] == "not_met" and heads != [p.strip() for p in parts]:
        return None  # given alongside, but perhaps under the amount the criterion allows
    return found
