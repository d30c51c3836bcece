"""A test that must be repeated at least so often ("Liver tests done at least every 3
months", "CBC monitored every 4 weeks or more often"), judged from a fact that says how
often the same test was done ("ALT and AST checked monthly 08/2025 to 12/2025", "CBC
every 2 weeks").

The test is matched by its words or by a panel's members (liver tests: ALT, AST,
bilirubin). Met where the documented interval is as short or shorter; not met where a
fact documents a longer one; a plan ("will be checked monthly") or a test named without
how often says nothing: the model, or a person, reads it."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.analytes import named
from pipeline.policy.criterion_terms import record_facts
from pipeline.policy.units import NUMBER_WORD, count_value

_DONE = r"(?:done|checked|monitored|measured|performed|obtained|tested|repeated|drawn)"
_ASKS = re.compile(
    rf"^(?P<test>[A-Za-z0-9 ,/-]{{3,60}}?)\s+(?:(?:is|are|was|were|must be|should be)\s+)?"
    rf"{_DONE}\s+(?:at least\s+)?every\s+(?:(?P<n>\d+|{NUMBER_WORD})\s+)?"
    r"(?P<unit>days?|weeks?|months?)(?:\s+or\s+more\s+often)?\s*[.;]?$",
    re.I,
)
_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 52 / 12}
# how often a note says a test was done
_HOW_OFTEN = re.compile(
    rf"\b(?:every\s+(?:(?P<n>\d+|{NUMBER_WORD})\s+)?(?P<unit>days?|weeks?|months?)|"
    r"(?P<word>daily|weekly|biweekly|fortnightly|monthly|bimonthly|quarterly|yearly|annually))\b",
    re.I,
)
_WORD_WEEKS = {"daily": 1 / 7, "weekly": 1.0, "biweekly": 2.0, "fortnightly": 2.0}
_WORD_WEEKS |= {"monthly": 52 / 12, "bimonthly": 104 / 12, "quarterly": 13.0}
_WORD_WEEKS |= {"yearly": 52.0, "annually": 52.0}
_PLAN = re.compile(r"\b(?:will|plan\w*|to be|scheduled|should|recommend\w*)\b", re.I)
# a panel named by the criterion and the tests a note writes for it
_PANELS = {
    r"liver (?:tests?|function(?: tests?)?|enzymes|panel)|LFTs?|hepatic (?:function|panel)|"
    r"transaminases": {"ALT", "AST", "bilirubin", "alkaline phosphatase"},
    r"kidney function|renal function": {"creatinine", "eGFR"},
    r"blood counts?|CBC|complete blood count": {
        "platelet count",
        "neutrophil count",
        "hemoglobin",
        "white cell count",
    },
}
_GENERIC = {"test", "tests", "level", "levels", "the", "and", "blood", "serum"}


def _weeks(n: str | None, unit: str) -> float:
    count = count_value(n.lower()) if n else 1.0
    return count * _WEEKS[unit.lower().rstrip("s")]


def _names_test(test: str, clause: str) -> bool:
    """The clause names the criterion's test: a panel member, the analyte, or its words."""
    for panel, members in _PANELS.items():
        if re.search(rf"\b(?:{panel})\b", test, re.I):
            return bool({n.analyte for n in named(clause)} & members) or bool(
                re.search(rf"\b(?:{panel})\b", clause, re.I)
            )
    asked = {n.analyte for n in named(test)}
    if asked:
        return bool(asked & {n.analyte for n in named(clause)})
    words = [w for w in re.findall(r"[a-z]{3,}", test.lower()) if w not in _GENERIC]
    return bool(words) and all(re.search(rf"\b{w}", clause, re.I) for w in words)


def judge_monitoring_frequency(
    text: str, facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    m = _ASKS.match(text.strip())
    if m is None:
        return None
    test, limit = m.group("test").strip(), _weeks(m.group("n"), m.group("unit"))
    found: dict[bool, list[str]] = {}
    for fact in record_facts(facts):
        for clause in re.split(r";\s+|(?<=[a-z0-9)])\.\s+", fact.text):
            often = _HOW_OFTEN.search(clause)
            if often is None or _PLAN.search(clause) or not _names_test(test, clause):
                continue
            if not re.search(_DONE, clause, re.I):
                continue  # "every 4 weeks" of a dose, not of a test
            word = often.group("word")
            weeks = (
                _WORD_WEEKS[word.lower()] if word else _weeks(often.group("n"), often.group("unit"))
            )
            found.setdefault(weeks <= limit + 1e-9, []).append(fact.id)
    if len(found) != 1:
        return None  # nothing said, or facts that disagree
    ok, cited = next(iter(found.items()))
    said = "as often as" if ok else "less often than"
    return (
        "met" if ok else "not_met",
        cited[:3],
        f"the note documents {test} {said} the criterion asks",
    )
