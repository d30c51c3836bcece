"""The reason a measured reading judged against a criterion's bound gives ("documented 610
ng/dL fails below 300 ng/dL"): written by the measurement rules (measures.py,
unit_named.py) and read back by the decision (held_denials.py), so one place holds its wording."""

from __future__ import annotations

import re

_FAILED = re.compile(r"^documented .+ fails ")


def reading_reason(shown: str, ok: bool, bound: str) -> str:
    """``shown``: the values read, with their unit where one is written; ``bound``: the
    criterion's bound in words."""
    return f"documented {shown} {'satisfies' if ok else 'fails'} {bound}"


def failed_reading(reason: str) -> bool:
    """A rule's reason that says a measured value fails the criterion's bound."""
    return bool(_FAILED.match(reason))
