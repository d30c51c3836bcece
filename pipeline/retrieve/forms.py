"""Forms of a condition (vocabulary ``subtypes``: "systemic JIA|systemic juvenile|M08.2"):
their names, whether a diagnosis's code places it in one, and which of a case's own forms
the request treats (the active one)."""

from __future__ import annotations

import re

from pipeline.terms import mentions
from pipeline.terms import term_pattern as _pattern

_ICD = re.compile(r"[A-Z]\d{2}(?:\.\w{1,4})?")


def _form_names(form: str) -> list[str]:
    """A form's names ("systemic JIA|systemic juvenile|M08.2"), without its ICD-10 codes."""
    return [n for n in form.split("|") if not _ICD.fullmatch(n)]


def _form_coded(form: str, codes: list[str]) -> bool:
    """A form listed with ICD-10 codes is the diagnosis's own when a code starts with one."""
    return any(c.startswith(n) for n in form.split("|") if _ICD.fullmatch(n) for c in codes)


def _mask(text: str, names: list[str]) -> str:
    """The text with every mention of these names blanked (longest names first)."""
    for name in sorted(names, key=len, reverse=True):
        pattern = _pattern((), (name,)) if name.isupper() else _pattern((name,))
        if pattern:
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _names_any(text: str, names: list[str], interposed: bool = False) -> bool:
    """Names one of these (all-capital names as whole words, in capitals); ``interposed``:
    or one of several words with a qualifier inside it (names_interposed)."""
    lower = tuple(n for n in names if not n.isupper())
    upper = tuple(n for n in names if n.isupper())
    return mentions(text, lower, upper) or (interposed and names_interposed(text, names))


def names_interposed(text: str, names: list[str]) -> bool:
    """Names one of these multi-word names with one qualifier inside it, as ICD-10 titles
    write a form ("Erythema chronicum migrans" for erythema migrans): read on a diagnosis
    only, where a word between is the code's qualifier, not another clause."""
    for name in names:
        words = name.split()
        if len(words) < 2 or not all(w.isalpha() for w in words):
            continue
        gap = r"\s+(?:[a-z]+\s+)?"
        if re.search(rf"\b{gap.join(map(re.escape, words))}\b", text, re.I):
            return True
    return False


# "active" (not "inactive") a few words before a form's name, or in the same bracket after
# it: "new active bilateral temporomandibular joint arthritis", "TMJ arthritis, active
# synovitis on MRI"
_ACTIVE = re.compile(r"(?<!in)\bactive\b", re.I)


def active_forms(own: list[list[str]], texts: list[str]) -> list[str]:
    """Of a case's own forms (each by its names), the names of those its diagnoses or
    question call active, where some are and others are not: the form the request
    treats (TMJ arthritis beside an inactive oligoarthritis). Empty where none or all are."""
    own = [list(g) for g in dict.fromkeys(tuple(names) for names in own)]
    if len(own) < 2:
        return []
    active: list[list[str]] = []
    for names in own:
        for text in texts:
            for m in _ACTIVE.finditer(text):
                near = text[m.end() : m.end() + 40]
                clause = re.split(r"[;.]", text[max(0, m.start() - 80) : m.start()])[-1]
                if _names_any(near, names) or (
                    "(" in clause and ")" not in clause and _names_any(clause, names)
                ):
                    active.append(names)
                    break
            if names in active:
                break
    if not active or len(active) == len(own):
        return []
    return [n for names in active for n in names]
