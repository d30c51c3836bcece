"""The model's "met" on one alternative of a criterion ("Ferritin below 100 ng/mL, or 100 to
299 ng/mL with transferrin saturation below 20%"), checked for every bound the alternative
states: they hold together, so each with a unit must be stated within by a cited fact, not
only its first (a ferritin of 188 ng/mL with a saturation of 27% is no such alternative)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measures import bounds, states_within


def states_every_bound(alt: str, cited: list[str], facts: dict[str, CaseFact]) -> bool:
    """Every bound after the first (the check reads the first) with a unit is stated within
    by one of the cited facts."""
    return all(
        any(states_within(b, facts[i].text) for i in cited if i in facts)
        for b in bounds(alt)[1:]
        if b.unit
    )
