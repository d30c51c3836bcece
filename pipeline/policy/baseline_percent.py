"""Criteria that ask a percent change of a measurement from its baseline value ("Weight loss
of at least 5% of baseline body weight", "a fall of at least 5% in baseline body mass
index", "an increase of 20% or more from baseline in the 6-minute walk distance"), judged by
code from the record's readings of that measurement: one reading in a sentence marked as the
baseline ("Baseline 01/13/2025: weight 98.0 kg, ... BMI 39.3 kg/m2") and one later reading
in another sentence ("01/16/2026: weight 88.6 kg, BMI 35.5 kg/m2"), in the same unit.

The measurement is named by the criterion's words left once the direction, the bound and
the reference are taken out: its last word ("weight") or, for a name of several words, their
initials ("body mass index": BMI). A reading is that name followed by a number and a unit.
More than one baseline value, more than one later value, or units that differ decide
nothing. A criterion with a condition before it ("For a patient still growing, a fall of
...") is read for its failure only: a change short of the bound fails it whoever the patient
is; one past the bound meets it only where the condition holds, which is not read here.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_bounds import Bound
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.measures import bounds
from pipeline.policy.negated_bounds import negated_op

_DOWN = r"loss|reduction|decrease|fall|drop|decline|lowering"
_UP = r"gain|increase|rise|improvement"
_DIRECTION = re.compile(rf"\b(?P<down>{_DOWN})\b|\b(?P<up>{_UP})\b", re.I)
_BASELINE = re.compile(
    r"\b(?:baseline|pre-?treatment|before (?:treatment|the first dose|starting)|"
    r"at (?:the )?start(?: of treatment)?)\b",
    re.I,
)
# "For a patient still growing, ...", "In children, ...": who the criterion is about
_CONDITION = re.compile(r"^\s*(?:for|in|if|when)\b[^,]{3,80},\s*", re.I)
_GENERIC = {
    "of", "in", "the", "a", "an", "at", "least", "or", "more", "from", "since", "than",
    "baseline", "value", "and", "with", "to", "is", "by", "pre", "treatment", "percent",
}  # fmt: skip
_SENTENCE = re.compile(r"(?<=[A-Za-z0-9)%])\.\s+")
_UNIT = r"\s*(?:of|was|is|:|=)?\s*(\d+(?:\.\d+)?)\s*([A-Za-z%][\w/%]*)"


def _name_pattern(words: list[str]) -> re.Pattern[str] | None:
    """The measurement's name as the record writes it: its words in a row, its initials
    ("BMI"), or its last word where it has two ("body weight": "weight")."""
    if not words:
        return None
    forms = [r"\s+".join(re.escape(w) for w in words)]
    if len(words) >= 3:
        forms.append("".join(w[0] for w in words).upper())
    elif len(words) == 2:
        forms.append(re.escape(words[-1]))
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b" + _UNIT, re.I)


def _asked(text: str) -> tuple[str, Bound, re.Pattern[str], bool] | None:
    """(direction, percent, the measurement's reading pattern, conditional) for a criterion
    of a percent change from baseline; None for any other."""
    body = text.strip().rstrip(".")
    condition = _CONDITION.match(body)
    if condition:
        body = body[condition.end() :]
    found = bounds(body)
    if len(found) != 1 or found[0].unit != "%" or not _BASELINE.search(body):
        return None
    direction = list(_DIRECTION.finditer(body))
    if len(direction) != 1:
        return None
    bound = found[0]
    if negated_op(body, bound.start, bound.op) != bound.op or bound.op not in {">=", ">"}:
        return None  # "no larger than 5%", "at most 5%": a limit, not a change asked
    rest = body[: bound.start] + " " + body[bound.end :]
    rest = _DIRECTION.sub(" ", _BASELINE.sub(" ", rest))
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", rest) if w.lower() not in _GENERIC]
    # "Weight loss of ... baseline body weight": a word named twice is one name's word
    words = [w for k, w in enumerate(words) if w.lower() not in {x.lower() for x in words[k + 1 :]}]
    pattern = _name_pattern(words)
    if pattern is None or len(words) > 4:
        return None
    way = "down" if direction[0].group("down") else "up"
    return way, bound, pattern, bool(condition)


def judge_baseline_percent(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asked = _asked(text)
    if asked is None:
        return None
    way, bound, pattern, conditional = asked
    base: list[tuple[float, str, str]] = []
    later: list[tuple[float, str, str]] = []
    for fact in record_facts(facts):
        for sentence in _SENTENCE.split(fact.text):
            read = [(float(m.group(1)), m.group(2).lower()) for m in pattern.finditer(sentence)]
            if not read:
                continue
            if len(read) > 1:
                return None  # two readings in one sentence: which is which is not read here
            value, unit = read[0]
            (base if _BASELINE.search(sentence) else later).append((value, unit, fact.id))
    if len({(v, u) for v, u, _ in base}) != 1 or len({(v, u) for v, u, _ in later}) != 1:
        return None
    (before, unit, first), (after, unit2, second) = base[0], later[0]
    if unit != unit2 or before == 0:
        return None
    change = (before - after if way == "down" else after - before) / before * 100
    cited = list(dict.fromkeys([first, second]))
    said = f"{before:g} to {after:g} {unit}: {change:.1f}%"
    if bound.holds(change):
        if conditional:
            return None  # past the bound, but whether the criterion's condition holds is unread
        return "met", cited, f"{said} {'down' if way == 'down' else 'up'}: {bound.words()}"
    return "not_met", cited, f"{said}: fails {bound.words()}"
