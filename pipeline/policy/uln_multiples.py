"""A measurement bounded by a multiple of its upper limit of normal ("ALT and AST under 5
times normal", "bilirubin no more than 3 x ULN", "AST below 2.5 times the upper limit of
normal"), judged from facts that state each named value and the laboratory's upper limit
after it ("ALT 38 U/L, AST 31 U/L (upper limit 40)", "ALT 52 (reference 7-56)").

The bound is a ratio, not a value: the raw number must never be compared with it (31 U/L
is not "under 5"). measures.py leaves any criterion with such a bound alone
(``has_multiple``); here every named measurement needs one value and its written limit, or
nothing is decided."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.analytes import named, readings_of
from pipeline.policy.criterion_terms import record_facts

_LESS = r"under|below|less than|lower than|<"
_AT_MOST = r"no (?:higher|more|greater) than|not (?:higher|more|greater) than|at most|up to|≤|<="
_MORE = r"above|over|more than|greater than|higher than|exceeding|>"
_AT_LEAST = r"at least|≥|>="
_TIMES = r"\s*(?:times\b|x|×|-?fold\b)\s*"
_LIMIT = (
    r"(?:the\s+)?(?:upper\s+limits?\s+of\s+(?:the\s+)?(?:normal|reference)(?:\s+range)?|"
    r"upper\s+normal\s+limit\b|ULN\b|normal\b|the\s+upper\s+limit\b)"
)
# "above the upper limit of normal": the limit itself, a multiple of one (no number, so
# "normal" alone is no limit here: "above normal" may mean a clinical judgement)
_ONCE = re.compile(
    r"(?P<op>above|over|higher than|greater than|exceeding|below|under|lower than)\s+"
    r"(?:the\s+)?(?:upper\s+limits?\s+of\s+(?:the\s+)?(?:normal|reference)(?:\s+range)?|"
    r"upper\s+normal\s+limit|ULN)\b",
    re.I,
)
# what may follow the bound and qualify only how the sample was taken or read ("on a
# morning sample taken before the glucocorticoid dose", "for age and sex"): no number,
# no second requirement
_QUALIFIER = re.compile(r"^(?:on|in|for|at|taken|measured|drawn|when)\b[^;:,\d]{0,90}$", re.I)
_BOUND = re.compile(
    rf"(?P<op>{_LESS}|{_AT_MOST}|{_MORE}|{_AT_LEAST})\s*(?P<n>\d+(?:\.\d+)?){_TIMES}{_LIMIT}",
    re.I,
)
# any number followed by "times" / "x ULN": a multiple, whatever words bound it
_ANY_MULTIPLE = re.compile(rf"\d(?:\.\d+)?{_TIMES}{_LIMIT}", re.I)
# the laboratory's limit written after a value: "(upper limit 40)", "(ULN 40)",
# "(reference 7-56)", "(normal < 40)"
_WRITTEN = re.compile(
    r"(?:upper limit(?: of normal)?|ULN)\s*(?:is|of|:|=)?\s*(?P<u>\d+(?:\.\d+)?)"
    r"|(?:reference|normal|ref\.?)(?:\s+range)?\s*:?\s*(?:\d+(?:\.\d+)?\s*(?:-|–|to)\s*"
    r"(?P<high>\d+(?:\.\d+)?)|(?:<|≤|below|under|up\s+to)\s*(?P<below>\d+(?:\.\d+)?))",
    re.I,
)
_OPS = {"<": lambda r, n: r < n, "<=": lambda r, n: r <= n}
_OPS |= {">": lambda r, n: r > n, ">=": lambda r, n: r >= n}


def has_multiple(text: str) -> bool:
    """The criterion bounds something by a multiple of a normal limit."""
    return _ANY_MULTIPLE.search(text) is not None


def _op(words: str) -> str:
    for pattern, op in ((_LESS, "<"), (_AT_MOST, "<="), (_MORE, ">"), (_AT_LEAST, ">=")):
        if re.fullmatch(pattern, words, re.I):
            return op
    return "<"


def _limit_after(text: str) -> float | None:
    """The first upper limit written after a value, in the same sentence part."""
    part = re.split(r";|(?<=\D)\.\s", text)[0]
    m = _WRITTEN.search(part)
    if m is None:
        return None
    return float(m.group("u") or m.group("high") or m.group("below"))


def _ratios(analyte: str, facts: list[CaseFact]) -> list[tuple[float, str]]:
    """(value / its upper limit, fact id) for each value with a written limit; a value
    without one makes the analyte unreadable (an empty list)."""
    out: list[tuple[float, str]] = []
    for fact in record_facts(facts):
        for value, end in readings_of(analyte, fact.text):
            limit = _limit_after(fact.text[end:])
            if limit is None or limit <= 0:
                return []
            out.append((value / limit, fact.id))
    return out


def judge_uln_multiple(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """Met where every named measurement's ratio holds the bound, not met where one
    fails it; None where the criterion has no such bound or a value or limit is missing."""
    text = re.sub(r"\s*\[\d+\]\s*$", "", text)  # a footnote mark
    m = _BOUND.search(text)
    once = _ONCE.search(text) if m is None else None
    if once is not None and not _ANY_MULTIPLE.search(text):
        m = once
    elif m is None or len(_ANY_MULTIPLE.findall(text)) != 1:
        return None
    clause, rest = text[: m.start()], text[m.end() :].strip(" .;")
    short = len(rest.split()) <= 3 and not re.search(r"[;:,]", rest)
    if re.search(r"[;:,]", clause) or not (short or _QUALIFIER.match(rest)):
        return None  # the bound is one statement of several: each is read on its own
    analytes = list(dict.fromkeys(n.analyte for n in named(clause)))
    if not analytes:
        return None
    op = _op(m.group("op"))
    times = 1.0 if m is once else float(m.group("n"))
    cited: list[str] = []
    failed: list[str] = []
    for analyte in analytes:
        ratios = _ratios(analyte, facts)
        if not ratios:
            return None
        outcomes = {_OPS[op](r, times) for r, _ in ratios}
        if len(outcomes) > 1:
            return None  # readings that disagree: a person reads them
        shown = ", ".join(f"{r:.2g}" for r, _ in ratios[:2])
        if not outcomes.pop():
            failed.append(f"{analyte} {shown} times the limit")
        cited += [i for _, i in ratios if i not in cited]
    bound = f"{op} {times:g} times the upper limit"
    if failed:
        return "not_met", cited[:3], f"documented {'; '.join(failed)} fails {bound}"
    return "met", cited[:3], f"{', '.join(analytes)} within {bound}"
