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
# how often, in the words of a criterion or a note: "every 3 months", "monthly", "each month"
_OFTEN = (
    rf"(?:every\s+(?:(?P<n>\d+|{NUMBER_WORD})\s+)?(?P<unit>days?|weeks?|months?)|"
    r"(?:each|once\s+a)\s+(?P<one>month)|"
    r"(?P<word>daily|weekly|biweekly|fortnightly|monthly|bimonthly|quarterly|yearly|annually))"
)
_HOW_OFTEN = re.compile(rf"\b{_OFTEN}\b", re.I)
_ASKS = re.compile(
    rf"^(?P<test>.+?)\s+(?:(?:is|are|was|were|must be|should be)\s+)?{_DONE}\s+"
    rf"(?:at least\s+)?{_OFTEN}(?:\s+or\s+more\s+often)?\W*$",
    re.I,
)
_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 52 / 12}
MONTH = _WEEKS["month"]
_WORD_WEEKS = {"daily": 1 / 7, "weekly": 1.0, "biweekly": 2.0, "fortnightly": 2.0}
_WORD_WEEKS |= {"monthly": MONTH, "bimonthly": 2 * MONTH, "quarterly": 13.0}
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


def _weeks(often: re.Match[str]) -> float:
    """The interval a match of _OFTEN says, in weeks."""
    if often.group("word"):
        return _WORD_WEEKS[often.group("word").lower()]
    count = count_value(often.group("n").lower()) if often.group("n") else 1.0
    return count * _WEEKS[(often.group("unit") or often.group("one")).lower().rstrip("s")]


def asked_interval(text: str) -> tuple[str, float] | None:
    """A criterion asking a test done so often: the test's words, the interval in weeks."""
    m = _ASKS.match(text.strip())
    return None if m is None else (m.group("test").strip(), _weeks(m))


def said_intervals(clause: str) -> list[float]:
    """Every interval a note's clause says, in weeks, in order."""
    return [_weeks(m) for m in _HOW_OFTEN.finditer(clause)]


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
    asked = asked_interval(text)
    # a test as the criterion writes it, no longer statement
    if asked is None or not re.fullmatch(r"[A-Za-z0-9 ,/-]{3,60}", asked[0]):
        return None
    test, limit = asked
    found: dict[bool, list[str]] = {}
    for fact in record_facts(facts):
        for clause in re.split(r";\s+|(?<=[a-z0-9)])\.\s+", fact.text):
            often = said_intervals(clause)
            if not often or _PLAN.search(clause) or not _names_test(test, clause):
                continue
            if not re.search(_DONE, clause, re.I):
                continue  # "every 4 weeks" of a dose, not of a test
            weeks = often[0]
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
