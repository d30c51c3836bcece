"""A criterion of two alternatives joined by ", or " ("Unintended weight loss of at least 5%
of body weight in the last 6 months, or a body mass index below 20 kg/m2"), read part by part:
met where one part is met, not met where both are not met, nothing otherwise. Only two plain
parts: a part with a comma of its own may share a qualifier with the other ("..., or a ratio
of 0.8 g/g or more, on a sample from the last 90 days"), which a part read alone would miss."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.policy.models import Found

_OR = re.compile(r",\s+or\s+", re.I)


def read_or_parts(text: str, read: Callable[[str], Found | None]) -> Found | None:
    parts = [p.strip(" .;") for p in _OR.split(text.strip())]
    if len(parts) != 2 or any("," in p or len(p.split()) < 3 for p in parts):
        return None
    if re.match(r"^\s*(?:either|one\s+of)\b", text, re.I):
        return None  # "either A, or B": read by the group it heads
    read_parts = [read(p) for p in parts]
    met = next((r for r in read_parts if r is not None and r[0] == "met"), None)
    if met is not None:
        return "met", met[1], f"one alternative met: {met[2]}"
    if all(r is not None and r[0] == "not_met" for r in read_parts):
        cited = list(dict.fromkeys(i for r in read_parts if r for i in r[1]))[:3]
        return (
            "not_met",
            cited,
            "neither alternative met: " + "; ".join(r[2] for r in read_parts if r),
        )
    return None
