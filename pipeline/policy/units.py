"""Units as written after a number, each spelling with its canonical key: the one table
the measurement rules and the check of the model's numbers read."""

from __future__ import annotations

import re

# A unit as written after a number. Longest first; the canonical key says which spellings
# are one unit ("cells per microliter" = "cells/uL" = "/mm3").
UNITS: list[tuple[str, str]] = [
    (r"cells?\s*(?:/|per)\s*(?:u|µ|μ|micro)l(?:iter|itre)?", "cells/uL"),
    (r"cells?\s*(?:/|per)\s*(?:mm3|mm\^3|cubic millimet(?:er|re))", "cells/uL"),
    (r"(?:/|per)\s*(?:u|µ|μ|micro)l(?:iter|itre)?", "cells/uL"),
    (r"(?:/|per)\s*(?:mm3|mm\^3|cubic millimet(?:er|re))", "cells/uL"),
    (r"(?:iu|kiu|ku)\s*/\s*ml", "IU/mL"),
    (r"international units per millilit(?:er|re)", "IU/mL"),
    (r"ml\s*/\s*min(?:\s*/\s*1\.73\s*m(?:2|\^2|²))?", "mL/min"),
    (r"kg\s*/\s*m(?:2|\^2|²)", "kg/m2"),
    (r"ng\s*/\s*ml", "ng/mL"),
    (r"(?:mcg|µg|μg|ug)\s*/\s*l\b", "ng/mL"),  # the same quantity: 1 mcg/L = 1 ng/mL
    # a tissue's iron: "5 mg Fe per gram dry weight", "5.6 mg Fe/g dw"
    (r"mg\s*fe\s*(?:/|per)\s*g(?:ram)?\b(?:\s*(?:of\s+)?(?:dry\s+weight|dw)\b)?", "mg Fe/g"),
    (r"pg\s*/\s*ml", "pg/mL"),
    (r"m?i?u\s*/\s*ml", "mU/mL"),
    (r"mmol\s*/\s*l", "mmol/L"),
    (r"meq\s*/\s*l", "mEq/L"),  # not mmol/L: the two differ for an ion of charge two
    (r"(?:µ|u|micro)mol\s*/\s*l", "umol/L"),
    (r"mg\s*/\s*dl", "mg/dL"),
    (r"ng\s*/\s*dl", "ng/dL"),
    (r"g\s*/\s*dl", "g/dL"),
    (r"mg\s*/\s*l\b", "mg/L"),
    # a ratio of two amounts in one sample ("urine protein-to-creatinine ratio 1.2 g/g"); each
    # scale its own key, as 1 g/g is 1000 mg/g
    (r"g\s*/\s*g\b", "g/g"),
    (r"mg\s*/\s*g\b", "mg/g"),
    (r"mg\s*/\s*mmol\b", "mg/mmol"),
    (r"mm\s*/\s*h(?:r|our)?", "mm/h"),
    (r"x\s*10\^?9\s*/\s*l", "x10^9/L"),
    (r"bethesda\s+units?\b|bu\b", "BU"),
    (r"kg\b|kilograms?\b", "kg"),
    (r"%|percent\b", "%"),
    (r"years?\b", "year"),
    (r"months?\b", "month"),
    (r"weeks?\b", "week"),
    (r"days?\b", "day"),
    # a test's timing ("mean sleep latency of 8 minutes or less"), not a span of treatment
    (r"minutes?\b|mins?\b", "minute"),
    # an angle ("curvature 35 degrees", "a contracture of at least 20°")
    (r"degrees?\b|°", "degree"),
]
# Units a reading must carry to be one of them: a bare number beside an angle's name
# ("Curvature after cycle 2 ...: 35 degrees") is a count or an ordinal, not the angle.
WRITTEN_UNITS = {"degree"}
# A unit that a dose or a frequency is written in: those are not measurements of the patient
# (a level per volume is, and so is "mg Fe/g" of liver).
DOSE_UNIT = re.compile(
    r"^\s*(?:mg|mcg|µg|g|ml|units?|iu)\b"
    r"(?!\s*/\s*(?:dl|l|ml|min|m2|mm)|\s*fe\b)",
    re.I,
)
# "3 consecutive months": the unit after a word that only qualifies it
UNIT = re.compile(
    r"\s*(?:consecutive\s+|continuous\s+|straight\s+)?(" + "|".join(p for p, _ in UNITS) + r")",
    re.I,
)


def unit_of(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"^\s*(?:consecutive|continuous|straight)\s+", "", text, flags=re.I)
    for pattern, key in UNITS:
        if re.fullmatch(r"\s*(?:" + pattern + r")\s*", text, re.I):
            return key
    return None


# Counts written as words, read as their numbers ("two exacerbations").
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "single": 1,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
}
# the same words as a regex alternative, longest first ("twenty-four" before "twenty")
NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


def count_value(word: str) -> float:
    """A count written in digits ("3", "2.5") or as one of the words above."""
    word = word.lower()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


# A count out of the times tried, as a count of the thing the clause names by its
# abbreviation: "REM sleep in 3 of 5 naps" is 3 sleep-onset REM periods.
N_OF_M = re.compile(r"(\d+|" + NUMBER_WORD + r")\s+of\s+(?:\d+|" + NUMBER_WORD + r")\s+[a-z]", re.I)


# a number spelled out with its figures after it, as legal drafting prints it ("twelve (12)
# months", "six (6) years"): the figures are read, the words dropped
SPELLED_FIGURES = re.compile(r"\b[a-z]+(?:-[a-z]+)?\s*\((\d{1,3})\)", re.I)


def figures_only(text: str) -> str:
    """The text with each spelled-out number that carries its figures reduced to them."""
    return SPELLED_FIGURES.sub(r"\1", text)
