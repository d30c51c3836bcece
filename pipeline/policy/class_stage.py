"""A class, stage or grade written in Roman numerals ("MGFA clinical class II, III or IV",
"WHO functional class II to IV", "FIGO stage III or higher"), judged by code against the
one a note states on the same scale ("MGFA class IIIb", "WHO functional class III").

The scale is the criterion's own capitals (MGFA, NYHA, FIGO) or, where it writes none, the
word before "class"; a note must name it, and every numeral of the kind in such a note
counts. Met: every numeral the notes state on that scale is one the criterion lists (a
subclass letter, "IIIb", is its class). Not met: every one is outside it. Notes that
disagree, a negated clause, no scale, or a criterion that asks more after the class
("NYHA class II or III heart failure despite ...") decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_NUMERAL = r"(?:IV|V|I{1,3})[A-Da-d]?"
_ASKED = re.compile(
    rf"\b(?P<kind>class|stage|grade)\s+(?P<list>{_NUMERAL}(?:\s*(?:,\s*(?:or\s+)?|or|and|to|"
    rf"through|-|–)\s*{_NUMERAL})*)\b(?P<up>\s+or\s+(?:higher|above|greater|worse|more))?",
)
_STOP = {"the", "a", "an", "of", "with", "in", "or", "and", "clinical", "disease"}


def _value(numeral: str) -> int:
    return _ROMAN[re.sub(r"[A-Da-d]$", "", numeral)]


def _allowed(m: re.Match[str]) -> set[int]:
    listed = m.group("list")
    values = [_value(n) for n in re.findall(_NUMERAL, listed)]
    if m.group("up"):
        return set(range(min(values), 6))
    if re.search(r"\b(?:to|through)\b|[-–]", listed) and len(values) == 2:
        return set(range(min(values), max(values) + 1))
    return set(values)


def _scale(text: str, m: re.Match[str]) -> list[str]:
    """The words that name the scale: the criterion's capitals, else the word before."""
    before = text[: m.start()]
    caps = [c for c in re.findall(r"\b[A-Z]{2,}\b", before) if c not in _ROMAN]
    if caps:
        return caps
    words = [w for w in re.findall(r"[A-Za-z]+", before) if w.lower() not in _STOP]
    return words[-1:] if words and len(words[-1]) >= 4 else []


def judge_class_stage(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for a class or stage asked in Roman numerals; None
    where code cannot be sure."""
    matches = list(_ASKED.finditer(text))
    if len(matches) != 1:
        return None
    m = matches[0]
    if re.sub(r"\([^)]*\)", "", text[m.end() :]).strip(" .;:,"):
        return None  # more asked after the class ("... heart failure despite X"): not read
    scale = _scale(text, m)
    if not scale:
        return None
    allowed = _allowed(m)
    kind = m.group("kind")
    stated: list[tuple[str, int]] = []
    for fact in record_facts(facts):
        if not any(re.search(rf"\b{re.escape(s)}\b", fact.text, re.I) for s in scale):
            continue
        # every numeral of the kind in a note that names the scale ("NYHA class IV at
        # diagnosis, now class II": both), so a class that changed is seen as two
        for clause in _clauses(fact.text):
            found = re.findall(rf"\b{kind}\s+({_NUMERAL})\b", clause, re.I)
            found = [n for n in found if n[:1].isupper()]  # "class iii" in prose: no numeral
            if found and negates(clause):
                return None
            stated += [(fact.id, _value(n)) for n in found]
    if not stated:
        return None
    inside = {v in allowed for _, v in stated}
    if len(inside) != 1:
        return None  # notes that disagree: a person reads them
    cited = list(dict.fromkeys(f for f, _ in stated))[:3]
    values = ", ".join(str(v) for v in sorted({v for _, v in stated}))
    scale_name = " ".join(scale)
    if inside.pop():
        return "met", cited, f"{cited[0]}: {scale_name} {kind} {values} is one asked"
    return "not_met", cited, f"{cited[0]}: {scale_name} {kind} {values} is not one asked"
