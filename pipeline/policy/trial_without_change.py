"""A criterion that a drug was tried long enough without moving a measurement by a percent
("Sapropterin was: tried for at least 4 weeks without a 30% fall in phenylalanine"), the
drug named by the criterion or by the stem of its group ("Sapropterin was:"), judged by
code from the facts that name the drug, its trial's length ("for 4 weeks") and the change
("phenylalanine 1,080 -> 1,010 umol/L (6% fall)", or the two readings alone).

Met where every such fact gives a trial at least as long and a change short of the
percent; not met where every one gives a trial at least as long and the change reached;
a shorter trial, no change stated, or facts that disagree decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.units import NUMBER_WORD, count_value

_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 4.345, "year": 52.0}
_ASKED = re.compile(
    r"^\s*(?:(?P<drug>[A-Za-z][\w-]{3,})\s+(?:was\s+|has\s+been\s+)?)?tried\s+for\s+"
    r"(?:at\s+least\s+)?(?P<n>\d+|" + NUMBER_WORD + r")\s+(?P<unit>day|week|month|year)s?\s+"
    r"without\s+an?\s+(?P<pct>\d+(?:\.\d+)?)\s*%\s+"
    r"(?P<way>fall|drop|decrease|reduction|rise|increase)\s+in\s+(?P<measure>[A-Za-z][\w-]+)",
    re.I,
)
_STEM_DRUG = re.compile(r"^\s*(?P<drug>[A-Za-z][\w-]{3,})\s+(?:was|were|has been)\s*:?\s*$", re.I)
_LASTED = re.compile(r"\b(\d+|" + NUMBER_WORD + r")\s+(day|week|month|year)s?\b", re.I)
_PERCENT = re.compile(
    r"(\d+(?:\.\d+)?)\s*%\s*(fall|drop|decrease|reduction|lower|rise|increase|higher)", re.I
)
# "1,080 -> 1,010": not a span of dates ("10/2025 to 12/2025")
_PAIR = re.compile(
    r"(?<![\d/])(\d[\d,]*(?:\.\d+)?)(?![\d/])\s*(?:->|→|to)\s*(\d[\d,]*(?:\.\d+)?)(?![\d/])"
)
_DOWN = {"fall", "drop", "decrease", "reduction", "lower"}


def _change(text: str, down: bool) -> float | None:
    """The percent the fact says the measurement moved the asked way (negative if the other)."""
    if m := _PERCENT.search(text):
        said_down = m.group(2).lower() in _DOWN
        return float(m.group(1)) * (1 if said_down == down else -1)
    if m := _PAIR.search(text):
        a, b = (float(x.replace(",", "")) for x in m.groups())
        if a > 0:
            return ((a - b) if down else (b - a)) / a * 100
    return None


def judge_trial_without_change(
    text: str, facts: list[CaseFact], context: str = ""
) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m:
        return None
    drug = m.group("drug") or ((s := _STEM_DRUG.match(context)) and s.group("drug"))
    if not drug or drug.lower() in {"drug", "medication", "medicine", "therapy"}:
        return None
    need = count_value(m.group("n").lower()) * _WEEKS[m.group("unit").lower()]
    pct, down = float(m.group("pct")), m.group("way").lower() in _DOWN
    measure = m.group("measure").lower()[:6]
    outcomes: list[tuple[bool, CaseFact]] = []
    for fact in facts:
        body = fact.text.lower()
        if fact.text.startswith(("Payer", "Requested")) or drug.lower()[:6] not in body:
            continue
        lasted = [count_value(n.lower()) * _WEEKS[u.lower()] for n, u in _LASTED.findall(body)]
        change = _change(fact.text, down) if measure in body else None
        if not lasted or change is None or max(lasted) < need:
            continue
        outcomes.append((change < pct, fact))
    if not outcomes or len({ok for ok, _ in outcomes}) > 1:
        return None
    ok = outcomes[0][0]
    cited = [f.id for _, f in outcomes][:3]
    if ok:
        return "met", cited, f"{drug} tried long enough; change short of {pct:g}%"
    return "not_met", cited, f"{drug} tried; the change reached {pct:g}%"
