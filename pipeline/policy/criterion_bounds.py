"""The numeric bounds a criterion states ("at least 150 cells/uL", "between 30 and 700 IU/mL",
"6 to 12", "10% or more", "a score of 0.5 or 1"), each with its operator, unit and place in
the text: read here once for every rule that compares a reading with a criterion."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.policy.units import NUMBER_WORD, count_value
from pipeline.policy.units import UNIT as _UNIT
from pipeline.policy.units import unit_of as _unit

# a minus sign belongs to the number ("T-score -2.5"), a hyphen between numbers does not
_NUM = r"(?<![\w.^/])(?<![A-Za-z]-)([-−]?\d+(?:,\d{3})*(?:\.\d+)?|" + NUMBER_WORD + r")(?![\w]|/\d)"

# "at or above 8%", "at or below 8%": the bound itself included
_AT_LEAST = (
    r"(?:at least|a minimum of|minimum of|no (?:fewer|less) than|at or (?:above|over)|≥|>=|=>)"
)
# "larger than", "longer than": a size or a length (negated, "no larger than", by the caller)
_MORE = (
    r"(?:more than|greater than|higher than|larger than|bigger than|longer than|above|over|"
    r"exceeding|>)"
)
_AT_MOST = (
    r"(?:at most|no more than|not (?:more|greater) than|at or (?:below|under)|"
    r"(?:does|do|will|shall|must|should|may) not exceed|≤|<=|=<|up to)"
)
_LESS = r"(?:less than|fewer than|lower than|smaller than|shorter than|below|under|<)"
_BOUND = re.compile(
    r"\bbetween\s+"
    + _NUM
    + r"(?P<u1>"
    + _UNIT.pattern
    + r")?\s+and\s+"
    + _NUM
    + r"(?P<u2>"
    + _UNIT.pattern
    + r")?"
    r"|(?P<pre>"
    + "|".join([_AT_LEAST, _MORE, _AT_MOST, _LESS])
    + r")\s*(?:of\s+)?"
    + _NUM
    + r"(?P<u3>"
    + _UNIT.pattern
    + r")?"
    r"|" + _NUM + r"(?P<u4>" + _UNIT.pattern + r")?(?:\s+(?:of\s+(?:the\s+)?)?predicted)?\s+or\s+"
    r"(?P<post>more|greater|higher|above|over|less|lower|fewer|below|under)\b",
    re.I,
)
# "a total Mayo score of 6 to 12", "2 to 4 copies", "a subscore of 2 or 3": a range, in
# digits (words are counts of other things: "one to two doses"), read as "between"
_DIGITS = r"\d+(?:\.\d+)?"
_RANGE = re.compile(
    rf"(?<![\w.,/-])(?P<low>{_DIGITS})(?P<u1>{_UNIT.pattern})?\s*(?:to|through|-|–)\s*"
    rf"(?P<high>{_DIGITS})(?P<u2>{_UNIT.pattern})?(?![\w.,/%-]*\d)"
    r"|(?<![\w.,/-])(?P<a>\d+(?:\.\d+)?)\s+or\s+(?P<b>\d+(?:\.\d+)?)"
    r"(?![\w.,/]|\s*(?:or|and)\s+(?:more|greater|higher|less|lower|fewer))",
    re.I,
)
# a score, grade or class whose values are steps: "0.5 or 1" names two of them
_SCORED = re.compile(r"\b(?:score|grade|rating|class|stage)\s+(?:of\s+)?$", re.I)


@dataclass
class Bound:
    op: str  # ">=", ">", "<=", "<", "between"
    low: float
    high: float | None
    unit: str | None  # canonical
    start: int  # where the bound is written in the criterion
    end: int

    def holds(self, value: float) -> bool:
        if self.op == "between":
            return self.low <= value <= (self.high if self.high is not None else value)
        if self.op == "one_of":
            return value in {self.low, self.high}
        return {
            ">=": value >= self.low,
            ">": value > self.low,
            "<=": value <= self.low,
            "<": value < self.low,
        }[self.op]

    def words(self) -> str:
        if self.op in {"between", "one_of"}:
            joint = "and" if self.op == "between" else "or"
            return f"{'between ' if joint == 'and' else ''}{self.low:g} {joint} {self.high:g}"
        return f"{self.op} {self.low:g}"


def _number(text: str) -> float:
    text = text.lower().replace(",", "").replace("−", "-")
    return count_value(text)


def bounds(text: str) -> list[Bound]:
    """Every numeric bound the criterion states, with its unit where one is written."""
    out: list[Bound] = []
    for m in _BOUND.finditer(text):
        if m.group(0).lower().startswith("between"):
            u = _unit(m.group("u2")) or _unit(m.group("u1"))
            low, high = sorted(_number(n) for n in re.findall(_NUM, m.group(0), re.I)[:2])
            out.append(Bound("between", low, high, u, m.start(), m.end()))
        elif m.group("pre"):
            pre = m.group("pre").lower()
            num = re.search(_NUM, m.group(0)[len(m.group("pre")) :], re.I)
            if num is None:
                continue
            op = (
                ">="
                if re.fullmatch(_AT_LEAST, pre, re.I)
                else ">"
                if re.fullmatch(_MORE, pre, re.I)
                else "<="
                if re.fullmatch(_AT_MOST, pre, re.I)
                else "<"
            )
            out.append(
                Bound(op, _number(num.group(1)), None, _unit(m.group("u3")), m.start(), m.end())
            )
        else:
            num = re.match(_NUM, m.group(0), re.I)
            if num is None:
                continue
            post = m.group("post").lower()
            op = ">=" if post in {"more", "greater", "higher", "above", "over"} else "<="
            out.append(
                Bound(op, _number(num.group(1)), None, _unit(m.group("u4")), m.start(), m.end())
            )
    for m in _RANGE.finditer(text):
        if any(b.start <= m.start() < b.end for b in out):
            continue  # inside a bound already read ("between 2 and 4")
        if re.search(r"\b(?:ages?|aged|years?)\s*(?:of\s+|from\s+)?$", text[: m.start()], re.I):
            continue  # "for age 6 to 11": an age group, the age rule's
        if m.group("low") is not None:
            low, high = float(m.group("low")), float(m.group("high"))
            unit = _unit(m.group("u2")) or _unit(m.group("u1"))
        else:  # "2 or 3": a range only where nothing lies between them
            low, high = float(m.group("a")), float(m.group("b"))
            if (high - low != 1 or low != int(low)) and _SCORED.search(text[: m.start()]):
                # "a CDR global score of 0.5 or 1": either value, nothing between
                out.append(Bound("one_of", low, high, None, m.start(), m.end()))
                continue
            if high - low != 1 or low != int(low):
                continue
            unit = None
        if low < high:
            out.append(Bound("between", low, high, unit, m.start(), m.end()))
    return sorted(out, key=lambda b: b.start)
