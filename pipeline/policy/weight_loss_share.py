"""A criterion that asks a share of body weight lost within a window ("Unintended weight loss
of at least 5% of body weight in the last 6 months"), judged by code from one record sentence
that gives two dated weights in one unit ("Weight 72 kg in 06/2026 and 64 kg on 11/16/2026").
The loss is the earlier weight less the later, as a share of the earlier. Both readings must
lie inside the window (months apart fewer than the window's, as a month-only date may sit
anywhere in its month); more or fewer readings, other units, another sentence with weights,
or a loss said to be intended (where the criterion asks an unintended one) decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.models import Found

_ASKED = re.compile(
    r"^\s*(?P<unintended>(?:unintended|unintentional|involuntary)\s+)?weight\s+loss\s+of\s+"
    r"(?P<op>at\s+least|more\s+than|≥|>)?\s*(?P<pct>\d+(?:\.\d+)?)\s*%\s+"
    r"(?:of\s+(?:(?:the\s+)?(?:usual|baseline|total)\s+)?(?:body\s+)?weight\s+)?"
    r"(?:in|within|over|during)\s+the\s+(?:last|past|previous|preceding)\s+"
    r"(?P<n>\d{1,2})\s+(?P<unit>months?|weeks?)\s*\.?\s*$",
    re.I,
)
# "72 kg in 06/2026", "64 kg on 11/16/2026": a weight and the date it was taken
_READING = re.compile(
    r"(?<![\d.])(?P<value>\d{2,3}(?:\.\d+)?)\s*(?P<unit>kg|lbs?|pounds)\b[^;,.\d]{0,12}?"
    r"\b(?:in|on)\s+(?P<month>\d{1,2})/(?:\d{1,2}/)?(?P<year>\d{4})",
    re.I,
)
_INTENDED = re.compile(
    r"\b(?<!un)intentional(?:ly)?\b|\bintended\b|\bdiet(?:ing)?\b|\btrying\s+to\s+lose\b|"
    r"\bbariatric\b|\bon\s+purpose\b",
    re.I,
)


def _sentences_with_weights(facts: list[CaseFact]) -> list[tuple[CaseFact, str]]:
    out = []
    for fact in record_facts(facts):
        for sentence in re.split(r"(?<=[a-z0-9)])\.\s+|;\s+", fact.text):
            if re.search(r"\bweigh(?:t|s|ed)\b", sentence, re.I) and _READING.search(sentence):
                out.append((fact, sentence))
    return out


def judge_weight_loss_share(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.match(text)
    if not m:
        return None
    window = int(m.group("n")) / (4 if m.group("unit").lower().startswith("week") else 1)
    found = _sentences_with_weights(facts)
    if len(found) != 1:
        return None  # no weights, or weights in two places: a person reads them
    fact, sentence = found[0]
    readings = list(_READING.finditer(sentence))
    if len(readings) != 2 or len({r.group("unit").lower()[:2] for r in readings}) != 1:
        return None
    (first, second) = sorted(readings, key=lambda r: (int(r.group("year")), int(r.group("month"))))
    apart = (
        (int(second.group("year")) - int(first.group("year"))) * 12
        + int(second.group("month"))
        - int(first.group("month"))
    )
    if apart >= window:
        return None  # the earlier weight may lie outside the window
    before, after = float(first.group("value")), float(second.group("value"))
    loss = (before - after) / before * 100
    pct = float(m.group("pct"))
    strict = bool(m.group("op")) and m.group("op").lower() in {"more than", ">"}
    ok = loss > pct if strict else loss >= pct
    said = f"{fact.id}: weight {before:g} to {after:g}, a {loss:.1f}% loss over {apart} months"
    if ok and m.group("unintended") and _INTENDED.search(fact.text):
        return None  # the loss may have been meant: a person reads it
    if ok:
        return "met", [fact.id], f"{said}, at least {pct:g}%"
    return "not_met", [fact.id], f"{said}, less than {pct:g}%"
