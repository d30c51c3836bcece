"""Abbreviations of transplant procedures that policies print in an indication's name
without defining them ("CMV PROPHYLAXIS, ALLOGENEIC HSCT"), while notes write the words
("status post allogeneic stem cell transplant"). Spelled out beside the abbreviation for
matching only, and only where the policy defines no other meaning for it."""

from __future__ import annotations

import re

COMMON = {
    "HSCT": "hematopoietic stem cell transplant",
    "HCT": "hematopoietic cell transplant",
    "BMT": "bone marrow transplant",
    "SCT": "stem cell transplant",
    "SOT": "solid organ transplant",
}


def spell_common(name: str, defined: dict[str, str]) -> str:
    """The name with each common abbreviation it uses (one the policy does not define,
    not already spelled out beside it) written as "long form (ABBR)"."""
    for abbr, long in COMMON.items():
        if abbr in defined or long in name.lower():
            continue
        name = re.sub(rf"(?<![\w(-]){abbr}(?![\w)-])", f"{long} ({abbr})", name)
    return name
