"""Criteria that ask how much a measurement changed since an earlier point ("A gain of 5 or
more letters of visual acuity since the first injection", "A reduction of lesion thickness
of at least 10% since baseline"), judged by code from a fact sentence that names the
measurement and gives its value before and after, the first marked as the earlier one
("visual acuity 6/36 (54 letters) before the first injection; 6/18 (66 letters) on
01/15/2026").

The amount is the difference in the criterion's own unit (a count unit such as letters or
points, read only where the fact writes that unit after the value), or for a percent the
relative change of the value in the fact's unit. Each clause of the sentence after the
measurement's name (clauses split at ";") must give one value; exactly two such values, the
first marked before/baseline and the second not. Anything else decides nothing, and no such
criterion is read as a plain value (measures skips a gain or a change "since").
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.measures import bounds

_ASKED = re.compile(
    r"^(?:an?\s+)?(?P<dir>gain|increase|rise|reduction|decrease|drop|fall)\s+(?:in|of)\s+"
    r"(?P<body>.+?)\s+(?:since|from|compared with)\s+(?P<ref>(?:the\s+)?(?:first|start|"
    r"beginning|baseline|initiation|pre-?treatment)\b.*)$",
    re.I,
)
_UP = {"gain", "increase", "rise"}
_EARLIER = re.compile(r"\b(?:before|baseline|pre-?treatment|prior to)\b", re.I)
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\d+/\d+")
_GENERIC = {"the", "of", "in", "a", "an", "and", "or", "more", "least", "at", "than"}


def _name_words(body: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", body)} - _GENERIC


def _clause_value(clause: str, unit: str | None) -> tuple[float, str] | None:
    """The clause's one value (with its unit word): in the count unit asked, or any unit."""
    plain = _DATE.sub(" ", clause)
    if unit:
        found = re.findall(rf"(?<![\w.])(\d+(?:\.\d+)?)\s+({re.escape(unit)}s?)\b", plain, re.I)
    else:
        found = re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)\s*([A-Za-zµ]+)\b", plain)
    if len(found) != 1:
        return None
    return float(found[0][0]), found[0][1].lower()


def judge_change_amount(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text.strip().rstrip("."))
    if not m:
        return None
    found = bounds(m.group("body"))
    if len(found) != 1:
        return None
    bound = found[0]
    body = m.group("body")
    # a count unit written after the number ("5 or more letters"); a percent is relative
    unit = None
    if bound.unit != "%":
        after = re.match(r"\s*([A-Za-z]+)", body[bound.end :])
        if bound.unit is not None or not after:
            return None
        unit = after.group(1).lower().removesuffix("s")
    name = _name_words(body[: bound.start] + " " + body[bound.end :])
    name -= {unit or "", f"{unit}s"}
    need = max(1, (len(name) + 1) // 2)
    results: list[tuple[str, str, str]] = []
    for fact in record_facts(facts):
        for sentence in re.split(r"(?<=[a-z0-9)])\.\s+", fact.text):
            words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", sentence)}
            if len(words & name) < need:
                continue
            read = [(c, v) for c in sentence.split(";") if (v := _clause_value(c, unit))]
            if len(read) != 2:
                continue
            clauses, values = [c for c, _ in read], [v for _, v in read]
            if not _EARLIER.search(clauses[0]) or _EARLIER.search(clauses[1]):
                return None  # not one earlier and one later value: a person reads it
            (before, u1), (later, u2) = values
            if u1 != u2 or (bound.unit == "%" and before == 0):
                return None
            change = later - before if m.group("dir").lower() in _UP else before - later
            if bound.unit == "%":
                change = change / before * 100
            ok = bound.holds(change)
            shown = f"{change:.1f}%" if bound.unit == "%" else f"{change:g} {u1}"
            results.append(
                ("met" if ok else "not_met", fact.id, f"{before:g} to {later:g}: {shown}")
            )
    if not results or len({s for s, _, _ in results}) != 1:
        return None
    status, cited, said = results[0]
    verb = "satisfies" if status == "met" else "fails"
    return status, [cited], f"{cited}: {m.group('dir').lower()} {said} {verb} {bound.words()}"
