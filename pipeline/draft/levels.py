"""Graded levels a recommendation's population names, and whether the case is at one of them.

Guidelines split one condition's patients by a scale: severity ("for patients with active,
nonsevere GPA", "severe disease manifestations"), risk ("adults with moderate fracture
risk", "HIGH or VERY HIGH fracture risk") or disease activity ("moderate-to-high disease
activity"). A recommendation for one level says nothing of a case at another. The case's
level is what its record says in the same words, or, for severity, what organ involvement
implies: guidelines call organ- or life-threatening disease severe (glomerulonephritis,
alveolar hemorrhage), so a case with it is not "nonsevere" whatever word it lacks.
"""

from __future__ import annotations

import re

from pipeline.terms import first_at

# Each scale's steps, lowest first. "nonsevere" is every step below severe.
_STEPS: dict[str, dict[str, tuple[int, ...]]] = {
    "severity": {
        "mild": (1,),
        "nonsevere": (1, 2),
        "moderate": (2,),
        "moderately severe": (2, 3),
        "severe": (3,),
        "organ-threatening": (3,),
        "life-threatening": (3,),
    },
    "scale": {"low": (1,), "moderate": (2,), "high": (3,), "very high": (4,)},
}
_SEVERITY = (
    r"moderately severe|non-?\s?severe|organ-threatening|life-threatening|mild|moderate|severe"
)
_SCALE = r"very high|high|moderate|low"
_JOIN = r"(?:\s*[-–/]\s*|\s+)(?:(?:to|or|and)(?:\s*[-–]\s*|\s+))?"
_SEVERITY_RUN = re.compile(
    rf"(?<![\w-])((?:{_SEVERITY})(?:{_JOIN}(?:{_SEVERITY}))*)(?![\w-])", re.I
)
_SCALE_RUN = re.compile(
    rf"(?<![\w-])((?:{_SCALE})(?:{_JOIN}(?:{_SCALE}))*)[\s-]+((?:\w+[\s-]+){{0,2}}?)"
    r"(risk|activity)\b",
    re.I,
)
# What a severity word may qualify for it to be the condition's: the condition itself, or
# its disease, manifestations, flare ("severe infections" is the infections' severity).
_DISEASE_NOUN = re.compile(
    r"^[\s,]*(?:\w+[\s,]+){0,2}?(?:disease|manifestations?|flares?|relapses?|forms?|illness|"
    r"cases?|involvement)\b",
    re.I,
)
# Organ- or life-threatening disease, as guidelines define "severe" (the record need not
# use the word).
_ORGAN_THREAT = re.compile(
    r"\b(glomerulonephritis|nephritis|renal involvement|kidney involvement|alveolar hemorrhage|"
    r"pulmonary hemorrhage|rapidly progressive|crescentic|mononeuritis multiplex|"
    r"organ-threatening|life-threatening|dialysis|respiratory failure)\b",
    re.I,
)
# "SLE (not severe)": below severe, as "nonsevere" says it
_NOT_SEVERE = re.compile(r"\bnot\s+severe\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|without|denies|negative for)\b[^.;]*", re.I)


def _steps(run: str, scale: str) -> set[int]:
    """The steps a run of level words covers: "moderate-to-high" from 2 to 3, "high or very
    high" 3 and 4."""
    table = _STEPS[scale]
    words = re.findall(rf"{_SEVERITY}|very high|high|low", run.lower())
    found = [table.get(re.sub(r"^non[-\s]*", "non", w), ()) for w in words]
    steps = {s for f in found for s in f}
    if steps and re.search(r"\bto\b|[-–]\s*to|(?<=\w)[-–](?=\w)", run) and len(found) > 1:
        steps |= set(range(min(steps), max(steps) + 1))  # "moderate-to-severe": both ends
    return steps


def levels(
    text: str, words: tuple[str, ...] = (), abbrev: tuple[str, ...] = ()
) -> dict[str, set[int]]:
    """Scale → the steps a text names: "risk" and "activity" by the noun after the level
    words ("high fracture risk"), "severity" where the severity word qualifies the condition
    (its name or abbreviation, ``words``/``abbrev``) or its disease."""
    out: dict[str, set[int]] = {}
    for m in _SCALE_RUN.finditer(text):
        out.setdefault(m.group(3).lower(), set()).update(_steps(m.group(1), "scale"))
    text = _NOT_SEVERE.sub("nonsevere", text)
    for m in _SEVERITY_RUN.finditer(text):
        # the words after it, in its own sentence: the condition within two words of it
        # ("severe, active systemic lupus", "nonsevere GPA"), not further on
        after = re.split(r"[.;:]", text[m.end() :], maxsplit=1)[0]
        starts = [w.start() for w in re.finditer(r"[\w/-]+", after)]
        at = first_at(after, words, abbrev)
        near = at is not None and at <= (starts[2] if len(starts) > 2 else len(after))
        # or in brackets right after the condition's name ("patients with SLE (not severe)")
        before = re.search(r"([\w/-]+)\s*\(\s*$", text[: m.start()])
        bracketed = bool(before and first_at(before.group(1), words, abbrev) is not None)
        if near or bracketed or _DISEASE_NOUN.match(after):
            out.setdefault("severity", set()).update(_steps(m.group(1), "severity"))
    return out


def spans(text: str) -> list[tuple[int, int]]:
    """Where a text names levels (for the qualifier check to skip the words read here)."""
    return [m.span() for m in _SEVERITY_RUN.finditer(text)]


def affirmed(record: str) -> str:
    """The record without what it rules out ("No heart failure, no serious infections")."""
    return _NEGATED.sub(" ", record)


def case_levels(
    record: str, words: tuple[str, ...] = (), abbrev: tuple[str, ...] = ()
) -> dict[str, set[int]]:
    """The case's levels: what its record says (not what it rules out), and severe where
    it records organ- or life-threatening disease."""
    said = affirmed(record)
    found = levels(said, words, abbrev)
    if "severity" not in found and _ORGAN_THREAT.search(said):
        found["severity"] = {3}
    return found


def level_fits(
    population: str, record: str, words: tuple[str, ...] = (), abbrev: tuple[str, ...] = ()
) -> bool | None:
    """Whether the case is at a level the population names: False where it names a level
    of a scale the record places the case on and the case is at another; True where every
    level it names matches; None where it names none the record speaks to."""
    wanted = levels(population, words, abbrev)
    if not wanted:
        return None
    have = case_levels(record, words, abbrev)
    verdict: bool | None = None
    for scale, steps in wanted.items():
        if scale not in have or not steps:
            continue
        if not steps & have[scale]:
            return False
        verdict = True
    return verdict


def lower_tier(
    population: str,
    others: list[str],
    record: str,
    words: tuple[str, ...] = (),
    abbrev: tuple[str, ...] = (),
) -> bool:
    """The population names a level the record does not place the case on, and another
    recommendation names a higher step of the same scale ("against X at low fracture risk"
    beside "X at very high risk"): the first is for the scale's lower tier, not the case."""
    if level_fits(population, record, words, abbrev) is not None:
        return False
    mine = levels(population, words, abbrev)
    for other in others:
        theirs = levels(other, words, abbrev)
        for scale, steps in mine.items():
            if steps and theirs.get(scale) and max(theirs[scale]) > max(steps):
                return True
    return False
