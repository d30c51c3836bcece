"""Criteria that compare a measurement now with its value before treatment ("INCAT score
lower than before the first dose", "HbA1c lower than at baseline"), judged by code from a
sentence that names the measurement and gives two values, the first marked as the earlier
one ("INCAT disability score 4 before the first dose (07/2025); 2 on 01/15/2026").

Met: the later value lies on the asked side of the earlier (or, for "unchanged", equals
it); not met: it does not. "Unchanged, with better grip strength": a change is not met, no
change leaves the rest to the model. Anything
else (one value, three, no mark of which came first, "better" or "worse", whose side
depends on the scale) decides nothing. A fact naming both readings restates no comparison:
the model's "met" on such a criterion is not accepted (``compares_readings``).
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts

_COMPARED = re.compile(
    r"^(?P<name>.+?)\s+(?:is\s+|are\s+|has\s+been\s+)?(?P<dir>lower|higher|less|greater|"
    r"fewer|more|smaller|larger|better|worse)\s+than\s+(?P<ref>(?:at\s+)?baseline|before\b.*|"
    r"(?:at\s+)?(?:the\s+)?(?:baseline|pre-?treatment|previous|prior|last|first|start)\b.*)$",
    re.I,
)
# "INCAT score unchanged, with better grip strength": the same value before and after
_UNCHANGED = re.compile(
    r"^(?P<name>.+?)\s+(?:is\s+|has\s+)?(?P<dir>unchanged)\b(?P<rest>.*)$", re.I
)
# "Epworth score at least 3 points below the score before the drug": a change of N at least
_BY_POINTS = re.compile(
    r"^(?P<name>.+?)\s+(?:is\s+)?(?:at\s+least|by\s+at\s+least)\s+(?P<n>\d+(?:\.\d+)?)\s+"
    r"points?\s+(?P<dir>below|above|lower|higher)\s+(?:than\s+)?(?:the\s+)?"
    r"(?:(?:score|value|level|reading)\s+)?(?:before\b|at\s+baseline\b|baseline\b).*$",
    re.I,
)
_DOWN = {"lower", "less", "fewer", "smaller"}
_UP = {"higher", "greater", "more", "larger"}
_GENERIC = {"score", "scores", "level", "levels", "value", "count", "total", "the", "a", "an"}
_EARLIER = re.compile(
    r"^\W{0,3}(?:[\w/]+\s+){0,1}(?:before|at baseline|baseline|pre-?treatment|"
    r"at (?:the )?start|when\s+(?:\w+\s+){1,3}(?:was|were)\s+(?:started|begun|initiated))\b",
    re.I,
)
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}")
_VALUE = re.compile(r"(?<![\w./-])(\d+(?:\.\d+)?)(?![\w/]|\.\d)")


# "Fewer treated bleeds since emicizumab was started than in the 12 months before it": the
# comparative first; code does not read it yet, but the model's "met" is no reading of it
_LEADING = re.compile(
    r"^(?:(?:a|an)\s+)?(?:lower|higher|less|greater|fewer|more|smaller|larger)\s+\w.*\bthan\b", re.I
)


def compares_readings(text: str) -> bool:
    """The criterion compares a measurement with an earlier value of it."""
    text = text.strip()
    return bool(_COMPARED.match(text) or _UNCHANGED.match(text) or _LEADING.match(text))


def _values(sentence: str) -> list[tuple[float, str]]:
    """(value, the text after it) for each number outside dates and parentheses."""
    plain = _DATE.sub(" ", re.sub(r"\([^)]*\)", " ", sentence))
    return [(float(m.group(1)), plain[m.end() :]) for m in _VALUE.finditer(plain)]


def judge_comparison(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if (by := _BY_POINTS.match(text.strip())) is not None:
        return _judge_by_points(by, facts)
    m = _COMPARED.match(text.strip()) or _UNCHANGED.match(text.strip())
    if not m or m.group("dir").lower() not in _DOWN | _UP | {"unchanged"}:
        return None  # "better", "worse": which way is better depends on the scale
    if m.group("dir").lower() == "unchanged" and m.group("rest").strip(" ."):
        # "INCAT score unchanged, with better grip strength": a change is not met; no
        # change leaves the rest to read
        found = judge_comparison(m.group("name") + " unchanged", facts)
        return found if found and found[0] == "not_met" else None
    words = _name_words(m.group("name"))
    pairs = _pairs(words, facts)
    if not pairs:
        return None
    found: list[tuple[str, str]] = []
    for before, after, fid in pairs:
        if m.group("dir").lower() == "unchanged":
            status = "met" if after == before else "not_met"
        elif after == before:
            status = "not_met"
        else:
            lower = after < before
            status = "met" if lower == (m.group("dir").lower() in _DOWN) else "not_met"
        found.append((status, fid))
    if len({s for s, _ in found}) != 1:
        return None
    status, cited = found[0][0], [found[0][1]]
    asked = m.group("dir").lower()
    if asked == "unchanged":
        said = "the same as" if status == "met" else "changed from"
    else:
        said = "on the asked side of" if status == "met" else f"not {asked} than"
    return status, cited, f"{cited[0]}: the later {' '.join(words)} {said} the earlier"


# "has a Total Maximal Chorea score": the verb and article are no part of the name
_HAS = re.compile(r"^(?:(?:has|have|had|shows?|with)\s+)?(?:(?:a|an|the)\s+)?", re.I)


def _name_words(name: str) -> list[str]:
    name = _HAS.sub("", name.strip())
    return [w for w in re.findall(r"[A-Za-z][\w-]+", name) if w.lower() not in _GENERIC]


def _pairs(words: list[str], facts: list[CaseFact]) -> list[tuple[float, float, str]] | None:
    """(earlier, later, fact id) for each sentence naming the measurement with two values,
    the first marked earlier; None where a sentence names it otherwise (a person reads it)."""
    if not words:
        return None
    name = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w-])", re.I)
    found: list[tuple[float, float, str]] = []
    for fact in record_facts(facts):
        for sentence in re.split(r"(?<=[a-z0-9)])\.\s+", fact.text):
            hit = name.search(sentence)
            if not hit:
                continue
            values = _values(sentence[hit.end() :])
            if not values:
                continue  # "left IGF-1 high": no reading written, nothing to compare
            if len(values) != 2 or not _EARLIER.match(values[0][1]):
                return None
            found.append((values[0][0], values[1][0], fact.id))
    return found


def _judge_by_points(m: re.Match[str], facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """ "Score at least 3 points below the score before the drug": the later value at least
    that far on the asked side of the earlier."""
    words = _name_words(m.group("name"))
    pairs = _pairs(words, facts)
    if not pairs:
        return None
    need = float(m.group("n"))
    down = m.group("dir").lower() in {"below", "lower"}
    statuses = {
        ("met" if ((b - a) if down else (a - b)) >= need else "not_met", fid) for b, a, fid in pairs
    }
    if len({s for s, _ in statuses}) != 1:
        return None
    status, fid = sorted(statuses)[0]
    b, a, _ = next(p for p in pairs if p[2] == fid)
    return status, [fid], f"{fid}: {' '.join(words)} {b:g} before, {a:g} later ({need:g} asked)"
