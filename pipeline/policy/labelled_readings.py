"""Criteria that hold a measurement now against its baseline value ("PND score the same or
lower than at baseline", "NIS within 10 points of the baseline value"), judged by code from
a fact that gives the measurement under an earlier label and again under a later one
("Baseline 12/2024: PND score II, NIS 38. Now 12/2025: PND score II, NIS 41").

A value is a number or a stage in roman numerals with a letter after it ("IIIb" is above
"IIIa", both above "II"). The fact must hold one earlier and one later label, in that order,
and the measurement with one value under each; a criterion naming alternatives ("mNIS+7 or
NIS") is read by the first the fact gives. Anything else decides nothing.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts

_REF = r"(?:at\s+)?(?:the\s+)?(?:baseline|pre-?treatment|start)\b(?:\s+(?:value|score|level))?"
_SAME_OR = re.compile(
    rf"^(?P<name>.+?)\s+(?:is\s+|are\s+)?(?:the\s+same|unchanged)\s+or\s+"
    rf"(?P<dir>lower|higher|less|greater|fewer|more)\s+than\s+{_REF}\W*$",
    re.I,
)
_WITHIN = re.compile(
    rf"^(?P<name>.+?)\s+(?:is\s+|are\s+)?within\s+(?P<n>\d+(?:\.\d+)?)\s+points?\s+of\s+{_REF}\W*$",
    re.I,
)
_EARLIER = re.compile(
    r"\b(?:baseline|pre-?treatment|before (?:treatment|the first dose))\b[^:.;]{0,20}:", re.I
)
_LATER = re.compile(r"\b(?:now|currently|today|latest|most recent|at renewal)\b[^:.;]{0,20}:", re.I)
_GENERIC = {"score", "scale", "value", "level", "the"}
_VALUE = r"\s*(?:score|scale|level)?\s*(?:of\s+)?[:=]?\s*(\d+(?:\.\d+)?|[IVX]{1,4}[a-d]?)(?![\w+])"
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _number(value: str) -> float:
    if value[0].isdigit():
        return float(value)
    letter = value[-1] if value[-1].islower() else ""
    digits = value[:-1] if letter else value
    total = 0
    for k, ch in enumerate(digits):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(digits) and _ROMAN[digits[k + 1]] > v else v
    return total + (0.1 * (ord(letter) - 96) if letter else 0.0)


def _names(name: str) -> list[re.Pattern[str]]:
    out = []
    for alt in re.split(r"\s+or\s+", name):
        words = [w for w in alt.split() if w.lower() not in _GENERIC]
        if words:
            body = r"\s+".join(map(re.escape, words))
            out.append(re.compile(rf"(?<![\w+])(?i:{body})(?![\w+]){_VALUE}"))
    return out


def _readings(pattern: re.Pattern[str], fact: CaseFact) -> tuple[float, float] | None:
    """(earlier, later) values of the measurement in the fact, each under its label."""
    text = fact.text
    early, late = list(_EARLIER.finditer(text)), list(_LATER.finditer(text))
    if len(early) != 1 or len(late) != 1 or early[0].end() > late[0].start():
        return None
    before = pattern.findall(text[early[0].end() : late[0].start()])
    after = pattern.findall(text[late[0].end() :])
    if len(before) != 1 or len(after) != 1:
        return None
    return _number(before[0]), _number(after[0])


def judge_labelled_readings(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    text = text.strip()
    m = _SAME_OR.match(text) or _WITHIN.match(text)
    if m is None:
        return None
    for pattern in _names(m.group("name")):
        found = [(f.id, r) for f in record_facts(facts) if (r := _readings(pattern, f))]
        if len(found) != 1:
            continue
        fid, (before, after) = found[0]
        if "n" in m.groupdict() and m.group("n"):
            ok = abs(after - before) <= float(m.group("n"))
            said = f"changed by {abs(after - before):g} (at most {m.group('n')} asked)"
        else:
            down = m.group("dir").lower() in {"lower", "less", "fewer"}
            ok = after == before or (after < before) == down
            said = f"{after:g} now against {before:g} at baseline"
        return ("met" if ok else "not_met"), [fid], f"{fid}: {said}"
    return None
