"""The spans of time a criterion asks beyond its first bound ("8 to 24 mg a day for at least
7 days"): a model's "met" must cite a fact that states each of them, in its number or a
length the bound holds ("12 days on a stable dose"). The check of the model's answer reads
the first bound's number; a trial's length asked after a dose is as much the criterion, and
a fact of two dates a day apart ("8 mg on 11/20, 16 mg on 11/21") states no 7 days."""

from __future__ import annotations

import re

from pipeline.policy.criterion_bounds import Bound
from pipeline.policy.criterion_terms import MONTHS
from pipeline.policy.measures import states_within


def states_every_span(later: list[Bound], text: str) -> bool:
    """Each "at least / more than N days|weeks|months|years" among ``later`` is stated."""
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    return all(
        f"{b.low:g}" in numbers or states_within(b, text)
        for b in later
        if b.unit in MONTHS and b.op in {">=", ">"}
    )
