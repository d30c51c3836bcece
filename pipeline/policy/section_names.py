"""Names a web page or a plain-language policy gives its sections: "Drug (Brand) for
condition" ("Tafamidis-like drug (Brand A, Brand B) for cardiomyopathy"), where the condition
is what a request matches; and abbreviations the document defines ("Long form (ABBR)"),
spelled out in a name that uses them, so a request naming the long form finds it."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition

# "Drug (Brand, Brand) for condition": a drug word or two, its brands, the condition
_DRUG_FOR = re.compile(
    r"^([A-Za-z][\w\-]*(?:\s+[\w\-]+)?)\s*\(([^()]{2,60})\)\s+for\s+(\S.{2,100})$"
)
# "Long form words (ABBR)": a run of words and the capitals in brackets after it
_DEFINED = re.compile(r"((?:[A-Za-z][\w\-]*\s+){1,5})\(([A-Z][A-Za-z]{1,7})\)")
_SMALL = {"of", "the", "and", "or", "with", "in", "for", "a", "an", "to"}


def drug_for_condition(name: str) -> str | None:
    """The condition of a "Drug (Brands) for condition" heading; None for any other name
    (a condition's own name, or a drug's use that names no condition)."""
    m = _DRUG_FOR.match(name.strip())
    if m is None or names_condition(m.group(1)) or not names_condition(m.group(3)):
        return None
    return m.group(3).strip()


def defined_abbreviations(*texts: str) -> dict[str, str]:
    """ABBR → its long form, for each "Long form (ABBR)" the texts print (the first one
    wins): the words right before the bracket whose first letters are all letters of the
    abbreviation (at least two words, the long form's first letter one of the
    abbreviation's). The one reading of a policy's abbreviations: the compiler spells
    names out with it, the matcher reads a tree's names with it (match.py)."""
    out: dict[str, str] = {}
    for m in (m for text in texts for m in _DEFINED.finditer(text or "")):
        abbr = m.group(2)
        if not abbr.isupper() or abbr in out:
            continue
        letters = set(abbr.lower())
        words: list[str] = []
        for w in reversed(m.group(1).split()):
            if w.lower() in _SMALL or w[0].lower() not in letters or len(words) >= len(abbr):
                break
            words.insert(0, w)
        if len(words) >= 2:
            out[abbr] = " ".join(words)
    return out


def spell_out(name: str, defined: dict[str, str]) -> str:
    """The name with each defined abbreviation it uses (not already spelled out beside
    it) written as "long form (ABBR)"."""
    for abbr, long in defined.items():
        if long.lower() in name.lower():
            continue
        name = re.sub(rf"(?<![\w(-]){re.escape(abbr)}(?![\w)-])", f"{long.lower()} ({abbr})", name)
    return name


def fold_back(name: str, defined: dict[str, str]) -> str:
    """The name as printed: each "long form (ABBR)" that ``spell_out`` wrote back to ABBR."""
    for abbr, long in defined.items():
        name = name.replace(f"{long.lower()} ({abbr})", abbr)
    return name
