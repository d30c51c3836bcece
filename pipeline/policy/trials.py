"""A criterion asking that named drugs (or a class of drugs) were tried and failed,
judged by code against the case's prior therapies and history.

"Inadequate response to, or intolerance of, 12 weeks of methotrexate, cyclosporine or
acitretin" against "Methotrexate 15 mg weekly for 16 weeks gave an inadequate response";
"Doxycycline or minocycline" under "inadequate response to at least 90 days of one of the
following" against "Doxycycline ... for 4 months ... failed to control the disease"; a
class ("a topical corticosteroid used daily for at least 4 weeks") against a drug of that
class in the drug vocabulary, or a clause naming the class, with the route the criterion
names. Drugs are known by the drug vocabularies (pipeline/cases/vocabulary.py, the drug
classes in pipeline/data/vocabulary.yaml), never by a list here.

Met when a clause names one of the drugs, states that it failed, and (where the criterion
asks a length of trial) states a length at least as long. Nothing else is decided here: a
clause that negates the trial ("never tried") is for the model and its check.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import MONTHS, requirements
from pipeline.policy.dates import as_of, months_between
from pipeline.policy.measures import bounds
from pipeline.policy.units import NUMBER_WORD, NUMBER_WORDS, count_value

_DENIED_FAILURE = re.compile(
    r"\b(?:no|never)\s+(?:(?:known|suspected|or|earlier|previous|prior|documented|"
    r"virologic(?:al)?|treatment|clinical)\s+){0,5}(?:resistance|failure|failed)\b",
    re.I,
)
_ASKS_FAILURE = re.compile(
    r"\b(inadequate|insufficient|failed|failure|fail|tried|trial|intoleran\w*|refractory|"
    r"progress\w*|relapsed|response to|not tolerated|unable to tolerate)\b",
    re.I,
)
_FAILED = re.compile(
    r"\b(inadequate|insufficient|failed|failure|intoleran\w*|refractory|progress\w*|"
    r"relapse\w*|not tolerated|discontinued due|without (?:an? )?(?:adequate|sufficient) "
    r"(?:response|improvement|control)|no (?:adequate )?(?:response|improvement)|"
    r"not (?:adequately )?controlled|continued flares|flares? returned|symptoms returned|"
    r"(?:flares?|symptoms?|lesions?|ulcers?|nodules?|disease) (?:continued|persisted|recurred))\b",
    re.I,
)
_NEVER = re.compile(
    r"\b(?:never|not)\s+(?:been\s+)?(?:tried|taken|received|used|given)\b|"
    r"\bhas not (?:tried|taken|received|used)\b|^\s*no\b|\bno (?:trial|prior)\b",
    re.I,
)
# "has received at least 3 months of X": a length of therapy, failed or not.
_RECEIVED = re.compile(r"\b(received|receiving|taken|taking|used|using|treated with|on)\b", re.I)
_BOTH = re.compile(r"\bboth\b", re.I)
_ROUTES = ("topical", "inhaled", "oral", "intravenous", "subcutaneous", "systemic", "intranasal")
_LENGTH = re.compile(
    r"(?:for|over|of)\s+(?:at least\s+)?(\d+|" + NUMBER_WORD + r")\s*[- ]?"
    r"(days?|weeks?|months?|years?)\b"
    r"|(\d+)[- ](days?|weeks?|months?|years?)\b",
    re.I,
)


def _drug_names(text: str) -> set[str]:
    from pipeline.cases.vocabulary import drugs_in

    return {generic.lower() for _, generic in drugs_in(text)}


def _classes(text: str) -> set[str]:
    from pipeline.terms import find_classes

    return {c.name for c in find_classes(text)}


def _classes_of_drugs(text: str) -> set[str]:
    from pipeline.terms import find_drugs

    return {c for d in find_drugs(text) for c in d.classes}


def _routes_of(text: str) -> set[str]:
    from pipeline.terms import class_routes

    return class_routes(_classes_of_drugs(text))


def _narrowest(classes: set[str]) -> set[str]:
    """The classes none of the others belongs to ("inhaled corticosteroid", not also
    "glucocorticoid")."""
    from pipeline.terms import lineage

    return {c for c in classes if not any(c in lineage((o,))[1:] for o in classes if o != c)}


def _months(text: str, today: date | None = None, spans: bool = False) -> list[float]:
    """The lengths of treatment the clause states, in months: written ("for 5 months"), or
    between its dates ("since 03/2022", "06/2025 to 11/2025"; the case's latest date
    standing for today) where ``spans``, counting whole months only (a month and year is any
    day of it): the least it can be, for a length that must be long enough."""
    out = []
    for m in _LENGTH.finditer(text):
        n, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        value = count_value(n)
        out.append(value * MONTHS[unit.lower().rstrip("s")])
    for m in _SPAN.finditer(text) if spans else ():
        start = _month_of(m.group("start") or m.group("s2"))
        end = _month_of(m.group("end") or m.group("e2")) or today
        if start is not None and end is not None and end > start:
            out.append(max(0.0, months_between(start, end) - 1))  # "03/2022" may be its end
    return out


_DOSE = re.compile(r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(mg|mcg|g)\b", re.I)


def _dose_ok(asked: str, clause: str) -> bool:
    """The clause's dose is at least the one the criterion names ("metformin at 1,500 mg a
    day or the highest tolerated dose"), or it says the dose was the most tolerated; a
    criterion that names no dose asks none."""
    wanted = [(float(n.replace(",", "")), u.lower()) for n, u in _DOSE.findall(asked)]
    if not wanted:
        return True
    if re.search(r"\b(?:highest|maximum|maximally|max)\b.{0,20}\btolerated\b", clause, re.I):
        return True
    given = [(float(n.replace(",", "")), u.lower()) for n, u in _DOSE.findall(clause)]
    low = min(wanted)
    return any(u == low[1] and v >= low[0] for v, u in given)


_MY = r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4})"
_SPAN = re.compile(
    rf"\b(?:since|from|started(?: on| in)?|beginning)\s+(?P<start>{_MY})"
    rf"(?:\s*(?:to|through|until|-|–)\s*(?P<end>{_MY}))?"
    rf"|(?P<s2>{_MY})\s*(?:to|through|until|-|–)\s*(?P<e2>{_MY})",
    re.I,
)


def _month_of(text: str | None) -> date | None:
    if not text:
        return None
    parts = [int(x) for x in text.split("/")]
    try:
        return date(parts[-1], parts[0], parts[1] if len(parts) == 3 else 1)
    except (ValueError, IndexError):
        return None


def _clauses(fact: CaseFact) -> list[str]:
    text = re.sub(r"^(?:History|Prior therapy):\s*", "", fact.text)
    if fact.text.startswith("Prior therapy:"):
        return [text]  # one therapy and its response: one clause
    return [c for c in re.split(r";\s+|(?<=[a-z0-9)])\.\s+", text) if c.strip()]


# "at least two different oral antidepressants", "two or more TNF inhibitors": a count of
# drugs (not of days or units), each a separate trial
_HOW_MANY = re.compile(
    r"\b(?:at least|a minimum of|minimum of)?\s*(?P<n>two|three|four|[2-4])\s+(?:or more\s+)?"
    r"(?:different\s+|distinct\s+|separate\s+)?(?:[a-z0-9-]+\s+){0,3}?(?P<noun>[a-z0-9-]+s)\b",
    re.I,
)
_NOT_DRUGS = re.compile(
    r"^(?:days|weeks|months|years|units|doses|times|episodes|attacks|tests|visits|lines|regimens)$",
    re.I,
)


def drugs_asked(text: str) -> int:
    """How many different drugs the criterion asks tried (1 where it names no count)."""
    for m in _HOW_MANY.finditer(text):
        if not _NOT_DRUGS.match(m.group("noun")):
            return int(count_value(m.group("n").lower()))
    return 1


def judge_trial(
    text: str, facts: list[CaseFact], drug: str = "", context: str = ""
) -> tuple[str, list[str], str] | None:
    """("met", [fact], reason) where a fact states that a drug the criterion names (or one
    of the class it names) was tried and failed, long enough (where it asks trials of two
    drugs or more, as many different drugs, each so); None otherwise."""
    if _DENIED_FAILURE.search(text):
        return None  # "no resistance to X, and no failure on it": an absence, not a trial
    asked = f"{context} {text}"
    need = drugs_asked(text)
    passed: dict[str, str] = {}  # drug → the fact stating its trial
    seen: dict[str, str] = {}  # drug → passed, open (may yet count) or short
    failure = bool(_ASKS_FAILURE.search(asked))
    if not failure and not _RECEIVED.search(text):
        return None
    names = _drug_names(text) - _drug_names(drug)
    classes = _classes(text) - _classes_of_drugs(drug)
    if not names and not classes:
        return None
    routes = [r for r in _ROUTES if re.search(rf"\b{r}\b", text, re.I)]
    needed = [
        b.low * MONTHS[b.unit] for b in bounds(asked) if b.unit in MONTHS and b.op in {">=", ">"}
    ]
    if not failure and not needed:
        return None  # "has received X" with no length asked: the restated reader's
    today = as_of(facts)
    short: list[CaseFact] = []  # trials of the drugs shorter than the criterion asks
    unsure = False  # a trial of them with no length, or one long enough
    for fact in facts:
        if not fact.text.startswith(("Prior therapy:", "History:")):
            continue
        for clause in _clauses(fact):
            by_name = names & _drug_names(clause)
            by_drug = classes & _classes_of_drugs(clause)
            by_class = classes & _classes(clause) | by_drug
            if not by_name and not by_class:
                continue
            # "topical corticosteroid" is not oral prednisone: the route is the clause's,
            # or the class of its drug names it ("inhaled corticosteroid": fluticasone)
            routed = [r for r in routes if re.search(rf"\b{r}\b", clause, re.I)]
            routed += [r for r in routes if any(r in c for c in by_drug)]
            # a class every drug of which is given one way ("an SSRI": oral)
            routed += [r for r in routes if by_drug and r in _routes_of(clause)]
            if not by_name and set(routed) != set(routes):
                continue
            other = [r for r in _ROUTES if r not in routes and re.search(rf"\b{r}\b", clause, re.I)]
            if routes and other and not routed:
                continue  # "topical clindamycin" is no trial of an oral antibiotic
            if _NEVER.search(clause):
                continue
            mine = {n for n in _drug_names(clause) if n in names or classes & _classes_of_drugs(n)}
            lengths = _months(clause)
            if needed and lengths and max(lengths) < max(needed) - 1e-6:
                short.append(fact)
                for name in mine or {"?"}:
                    seen.setdefault(name, "short")
                continue
            unsure = True
            # until it passes below, each of its drugs is open, or short where even the
            # longest its dates allow is shorter than asked
            brief = needed and _longest(clause, today) < max(needed) - 1e-6
            for name in mine or {"?"}:
                seen.setdefault(name, "short" if brief else "open")
            if failure and not _FAILED.search(clause):
                continue
            if _BOTH.search(text) and len(by_name | _narrowest(by_class)) < 2:
                continue  # "both of the following: X and Y": one of them is not both
            if needed and not any(
                m >= max(needed) - 1e-6 for m in _months(clause, today, spans=True)
            ):
                continue
            if not _dose_ok(text, clause):
                continue
            what = ", ".join(sorted(by_name or by_class))
            length = f", for at least {max(needed):g} months" if needed else ""
            how = "tried and failed" if failure else "taken"
            if need <= 1:
                return "met", [fact.id], f"{fact.id}: {what} {how}{length}"
            # a drug of the class counts once, however many facts state its trial
            for name in sorted(mine) or [what]:
                passed.setdefault(name, fact.id)
                seen[name] = "passed"
    if need > 1 and len(passed) >= need:
        cited = list(dict.fromkeys(passed.values()))[:3]
        return "met", cited, f"{len(passed)} different drugs tried, {need} asked"
    if need > 1:
        return _too_few(seen, need, facts, drug)
    if short and not unsure:
        # every trial of the drugs the case states is shorter than the criterion asks
        cited = list(dict.fromkeys(f.id for f in short))[:3]
        return "not_met", cited, f"trial shorter than the {max(needed):g} months asked"
    return None


def _longest(clause: str, today: date | None) -> float:
    """The longest the clause's trial can have lasted, in months: a written length, or its
    dates (a month and year may be any day of it); infinite where it gives neither."""
    out = [float(m) for m in _months(clause)]
    for m in _SPAN.finditer(clause):
        start_text, end_text = m.group("start") or m.group("s2"), m.group("end") or m.group("e2")
        start, end = _month_of(start_text), _month_of(end_text) or today
        if start is None or end is None:
            return float("inf")
        exact = start_text.count("/") == 2 and (end_text is None or end_text.count("/") == 2)
        out.append(months_between(start, end) + (0 if exact else 1))
    return max(out) if out else float("inf")


def _too_few(
    seen: dict[str, str], need: int, facts: list[CaseFact], drug: str
) -> tuple[str, list[str], str] | None:
    """Not met where fewer drugs than asked passed or may yet pass, every other trial too
    short, and every drug the record names is one the vocabulary knows (a drug it does not
    know may be a trial of the class): else nothing."""
    from pipeline.cases.vocabulary import drugs_in
    from pipeline.terms import find_drugs

    may = [n for n, st in seen.items() if st in {"passed", "open"}]
    if not seen or "?" in seen or len(may) >= need:
        return None  # a trial named by its class alone may be of several drugs
    requested = _drug_names(drug)
    for fact in facts:
        if fact.text.startswith(("Prior therapy:", "History:")):
            found = [w for w, g in drugs_in(fact.text) if g.lower() not in requested]
            if any(not find_drugs(w) for w in found):
                return None
    ids = [f.id for f in facts if f.text.startswith("Prior therapy:")][:3]
    return "not_met", ids, f"{len(may)} different drugs tried long enough, {need} asked"


_LINES = re.compile(
    r"\bat least\s+(one|two|three|four|\d+)\s+(?:prior\s+|previous\s+)?(?:lines?|regimens?)\b",
    re.I,
)
_RESPONSE = re.compile(r";\s*response:\s*(.+)$", re.I)
# What a trial of therapies named by no drug or class is written with ("at least one
# conventional therapy", "two standard first-line treatments", "a prior systemic agent")
_GENERIC_THERAPY = set(
    "conven standa tradit first- first line altern other option agent medica treatm therap "
    "drug drugs prior previo systemic one two three four".split()
)
# the stems that ask a trial and its outcome, not what was tried
TRIAL_TERMS = {"inadeq", "respon", "trial", "tried", "intole", "refrac", "progre", "relaps"}


def _failed_priors(facts: list[CaseFact]) -> list[CaseFact]:
    """The prior therapies on file whose response states that they failed."""
    return [
        f
        for f in facts
        if f.text.startswith("Prior therapy:")
        and (r := _RESPONSE.search(f.text))
        and (_FAILED.search(r.group(1)) or re.search(r"\bflare", r.group(1), re.I))
        and not _NEVER.search(r.group(1))
    ]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)


def judge_lines(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """("met", facts, reason) for "relapsed or refractory to at least N prior lines
    (regimens)", or a failed trial of therapies named by no drug or class ("inadequate
    response to at least one conventional therapy"), where as many prior therapies are on
    file, each with a response that failed. Nothing otherwise: the model reads it."""
    if not _ASKS_FAILURE.search(text):
        return None
    if m := _LINES.search(text):
        need = _count(m.group(1))
    else:
        groups = [g for g in requirements(text) if not g & TRIAL_TERMS]
        if not groups or not all(g <= _GENERIC_THERAPY for g in groups):
            return None
        counted = [_count(w) for g in groups for w in g if _count(w)]
        named = {"conven", "standa", "tradit", "first-", "first", "altern", "other"}
        if not counted and not any(g & named for g in groups):
            return None  # "prior therapy" alone: its group may name the therapies
        need = max(counted or [1])
    failed = _failed_priors(facts)
    if not need or len(failed) < need:
        return None
    return "met", [f.id for f in failed[:3]], f"{len(failed)} prior therapies on file failed"
