"""A criterion of two requirements joined by a bare "and" ("She is 18 or older and has not
gone through menopause", "is 12 years of age or older and weighs at least 45 kg"), read part
by part where code reads both parts: met where both are met, not met where one is not met.
Where code reads only one part nothing is returned (the model is asked the whole), so a
wrong split ("metformin and a sulfonylurea") decides nothing: a fragment no reader reads
leaves the whole to the model."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.policy.models import Found

_AND = re.compile(r"\s+and\s+", re.I)


def read_and_parts(text: str, read: Callable[[str], Found | None]) -> Found | None:
    """The two parts of ``text`` at its one bare "and", each read by ``read``."""
    pieces = _AND.split(text.strip().rstrip("."))
    if len(pieces) != 2:
        return None
    first, second = (p.strip() for p in pieces)
    if len(first.split()) < 3 or not second:
        return None
    # the second part shares the first's subject ("She is 18 or older and premenopausal")
    subject = re.match(r"^(?:she|he|they|the\s+(?:patient|member)|patient|member)\b", first, re.I)
    verb = re.match(r"^(?:is|are|was|has|have|had|does|did|weighs|will|must)\b", second, re.I)
    if subject and not verb:
        second = f"{subject.group(0)} is {second}"
    elif subject:
        second = f"{subject.group(0)} {second}"
    read_first, read_second = read(first), read(second)
    if read_first is None or read_second is None:
        return None
    failed = next((r for r in (read_first, read_second) if r[0] == "not_met"), None)
    if failed:
        return "not_met", failed[1], f"one part not met: {failed[2]}"
    if read_first[0] == read_second[0] == "met":
        cited = list(dict.fromkeys([*read_first[1], *read_second[1]]))[:3]
        return "met", cited, f"{read_first[2]}; {read_second[2]}"
    return None
