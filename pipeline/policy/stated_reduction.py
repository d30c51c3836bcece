"""A measure reduced by at least a share since treatment began ("Parenteral support volume
or calories reduced by at least 20% from the start of treatment"), read from a note that
states that measure's change in its own words: "down from 7,350 to 4,500 mL", "about 39%
less", "calories unchanged".

Each alternative joined by "or" is looked up by its last word ("volume", "calories") in a
note that also names the subject's head ("parenteral"). Met where one alternative's
readings all reach the share; not met only where every alternative is read and none
does; readings of one alternative that disagree, or an alternative not stated where
none is met, decide nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, record_facts, stem
from pipeline.policy.models import Found

_ASKED = re.compile(
    r"^(?P<subject>[A-Za-z][\w ,/-]{2,80}?)\s+(?:has\s+been\s+|was\s+|is\s+)?"
    r"(?:reduced|decreased|lowered|cut)\s+by\s+(?:at\s+least\s+|a\s+minimum\s+of\s+)?"
    r"(?P<n>\d+(?:\.\d+)?)\s*%(?:\s+or\s+more)?\s+(?:from|since|compared\s+with)\s+"
    r"(?:the\s+)?(?:start|baseline|beginning|initiation|pre-?treatment)\b[^;:]*$",
    re.I,
)
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_FROM_TO = re.compile(
    rf"\b(?P<dir>down|up|reduced|decreased|increased)\s+from\s+{_NUM}\s+to\s+{_NUM}", re.I
)
_SHARE = re.compile(
    r"(?:about\s+|around\s+|roughly\s+)?(?P<p>\d+(?:\.\d+)?)\s*%\s*(?P<w>less|lower|fewer|"
    r"reduction|decrease|down|more|higher|increase|up)\b",
    re.I,
)
_SAME = re.compile(r"\b(?:unchanged|no\s+change|not\s+changed|the\s+same|no\s+reduction)\b", re.I)


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _shares(clause: str, key: str) -> list[float]:
    """The reductions (percent; an increase negative) the clause states after the key word."""
    at = re.search(rf"\b{re.escape(key)}\w*", clause, re.I)
    if at is None:
        return []
    rest = clause[at.start() :]
    out: list[float] = []
    for m in _FROM_TO.finditer(rest):
        before, after = _num(m.group(2)), _num(m.group(3))
        if before > 0:
            out.append((before - after) / before * 100)
    for m in _SHARE.finditer(rest):
        p = float(m.group("p"))
        out.append(-p if m.group("w").lower() in {"more", "higher", "increase", "up"} else p)
    if not out and _SAME.search(rest[:40]):
        out.append(0.0)
    return out


def judge_stated_reduction(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.match(text.strip().rstrip("."))
    if m is None:
        return None
    wanted = float(m.group("n"))
    alts = [a.strip() for a in re.split(r"\s+or\s+|,\s*", m.group("subject")) if a.strip()]
    head = {stem(w) for w in re.findall(r"[A-Za-z]{4,}", alts[0])[:-1]}
    keys = [re.findall(r"[A-Za-z]+", a)[-1] for a in alts if re.findall(r"[A-Za-z]+", a)]
    if not head or not keys:
        return None
    read: dict[str, tuple[list[float], list[str]]] = {k: ([], []) for k in keys}
    for fact in record_facts(facts):
        if not head & {stem(w) for w in re.findall(r"[A-Za-z]+", fact.text)}:
            continue
        for clause in clauses(fact.text):
            for key in keys:
                if got := _shares(clause, key):
                    read[key][0].extend(got)
                    read[key][1].append(fact.id)
    outcomes: dict[str, bool | None] = {}
    for key, (shares, _) in read.items():
        reached = {s >= wanted for s in shares}
        outcomes[key] = reached.pop() if len(reached) == 1 else None
    met = [k for k, ok in outcomes.items() if ok]
    if met:
        shares, cited = read[met[0]]
        said = f"{met[0]} reduced by {min(shares):.0f}% (at least {wanted:g}% asked)"
        return "met", cited[:3], said
    if all(ok is False for ok in outcomes.values()):
        cited = list(dict.fromkeys(i for _, ids in read.values() for i in ids))[:3]
        said = ", ".join(f"{k} {max(read[k][0]):.0f}%" for k in keys)
        return "not_met", cited, f"reduced by {said}, less than the {wanted:g}% asked"
    return None
