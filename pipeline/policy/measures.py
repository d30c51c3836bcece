"""Criteria that compare a named measurement with a number ("blood eosinophil count >= 150
cells/uL", "body surface area involvement of 10% or more", "PASI score of 12 or more",
"IgE between 30 and 700 IU/mL", "at least two exacerbations in the past 12 months",
"psoriasis present for at least 6 months"), judged by code against a case fact that names
the same measurement with a number ("Blood eosinophil count 410 cells per microliter",
"body surface area involved 18%", "Three asthma exacerbations in the previous year",
"plaque psoriasis for 8 years").

Code reads what it can be sure of, and says nothing otherwise: the fact must name the
measurement (its abbreviation, or most of its words), the number must sit next to that name,
its unit must be the criterion's (or an equivalent spelling, or none written), and every
value of that measurement in the facts must agree (two counts that disagree decide
nothing). A value that fails the bound is a documented failure: not met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.analytes import ESTIMATES, analyte_at, named, readings_of
from pipeline.policy.criterion_bounds import _NUM, Bound, _number, bounds
from pipeline.policy.criterion_terms import MONTHS, coverage, denied_before, requirements
from pipeline.policy.current_value import asks_current, latest_readings, listed_after
from pipeline.policy.dates import as_of, months_between, reading_date
from pipeline.policy.negated_bounds import negated_op, own_negation
from pipeline.policy.percent_of import percent_of
from pipeline.policy.reading_reasons import reading_reason
from pipeline.policy.spelled_abbreviations import initialisms, mentions
from pipeline.policy.units import DOSE_UNIT as _DOSE_UNIT
from pipeline.policy.units import N_OF_M, WRITTEN_UNITS
from pipeline.policy.units import UNIT as _UNIT
from pipeline.policy.units import unit_of as _unit

# Words that name no measurement by themselves ("score", "level", "involvement").
_GENERIC = set(
    """level levels score scores count counts value values result results involvement
    involved total serum blood measured measurement documented patient member has have had
    with of the a an and or in on for to at is are was were be been least than more less
    greater within past last previous prior current currently during over before after
    each per from by as its their this that which who whose must should require required
    most recent baseline pretreatment present history months month weeks week years year still
    days day age aged older younger mild moderate moderately severe severely active
    graded disease diseases""".split()
)
_WINDOW = re.compile(
    # "on a sample from the last 90 days": the reading's window too
    r"\b(?:in|within|during|over|from)\s+the\s+(?:past|last|previous|prior|preceding)\s+"
    + f"(?:{_NUM})?"
    + r"\s*(years?|months?|weeks?|days?)\b",
    re.I,
)
_PAST_YEAR = re.compile(
    r"\b(?:in|within|during|over)\s+the\s+(?:past|last|previous|prior)\s+year\b", re.I
)
_ABBREV = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
# A change from a baseline ("PASI improved by at least 50%") is not the level a fact states.
_CHANGE = re.compile(
    r"\b(?:improve\w*|reduc\w*|decreas\w*|increas\w*|declin\w*|chang\w*|from baseline|"
    r"drop\w*|rise|rose|fell|gain\w*|since (?:the )?(?:first|start|baseline|beginning))\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:no|not|never|without|none)\b", re.I)
# "... of 5.5 or higher on two occasions": a count of readings, which one value does not
# meet (spaced_results.py, repeated_readings.py read those)
_OCCASIONS = re.compile(
    r"\bon\s+(?:at\s+least\s+)?(?:two|three|four|[2-9])\s+(?:separate\s+|different\s+)?"
    r"(?:occasions|tests|measurements|readings|samples|determinations|days|visits)\b",
    re.I,
)


@dataclass
class Reading:
    value: float
    unit: str | None
    fact: CaseFact
    at: int | None = None  # where the value is written in the fact
    head: str = ""  # the clause's words before the value ("total Mayo score")
    beside: bool = False  # a percent of predicted written beside another reading's value


def _stem(word: str) -> str:
    word = word.lower()
    return word[:6] if len(word) > 6 else word.rstrip("s")


_WORD = r"[A-Za-z][A-Za-z-]{2,}(?:(?<=-)\d+)?"


def _name(text: str, bound: Bound) -> tuple[set[str], set[str], str | None]:
    """(the measurement's word stems, its abbreviations, the counted noun): the words of
    the clause the bound is in, before it, less the words that name nothing by themselves;
    where the bound has no unit and a word follows it ("at least two exacerbations"), that
    word is what is counted, and a fact's number must be followed by it."""
    before = re.split(r"[;:]|\bor\b|\band\b|\bwith\b|,", text[: bound.start])[-1]
    after = re.split(r"[;:,]|\bor\b|\band\b|\bin the\b|\bwithin\b|\bdespite\b", text[bound.end :])[
        0
    ]
    abbrevs = set(_ABBREV.findall(before)) | set(_ABBREV.findall(after))
    # "PHQ-9", "HAM-D": a scale's name keeps its number
    content = [w for w in re.findall(_WORD, before) if w.lower() not in _GENERIC]
    later = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", after) if w.lower() not in _GENERIC]
    noun = None
    if bound.unit is None and re.match(r"\s+[A-Za-z]", text[bound.end :]) and later:
        first = re.findall(r"[A-Za-z][A-Za-z-]{2,}", after)[0]
        if first.lower() not in _GENERIC | {"of", "out"}:  # "7 or more out of 10"
            noun = _stem(first)
    words = content or later
    abbrevs |= {w for w in words if w.isupper() and len(w) <= 9}
    abbrevs |= initialisms(before)  # "Forced vital capacity": a note writes "FVC 86%"
    return {_stem(w) for w in words if not w.isupper() or len(w) > 9}, abbrevs, noun


def _readings(
    stems: set[str], abbrevs: set[str], noun: str | None, facts: list[CaseFact], drug: str
) -> list[tuple[Reading, str]]:
    """(value, the text after the value) for each number next to the measurement's name
    (or, for a count, followed by the counted word)."""
    drug_stems = {_stem(w) for w in re.findall(r"[A-Za-z]{3,}", drug)}
    stems = stems - drug_stems
    need = len(stems) if len(stems) <= 1 else max(2, (len(stems) + 1) // 2)
    out = []
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue  # the request's own dose and the plan's name are no measurement
        offset = 0
        for clause in re.split(r"(?<=[;.])\s+|,\s+(?=[A-Za-z])", fact.text):
            offset = fact.text.index(clause, offset)
            words = {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", clause)}
            named = any(mentions(a, clause) for a in abbrevs)  # "HAM-D": "Hamilton depression"
            trials = named and noun is not None and bool(N_OF_M.search(clause))
            if noun is not None and noun not in words and not trials:
                continue
            if noun is None and not named and (not stems or len(words & stems) < need):
                continue
            offset, outside = max(fact.text.find(clause), 0), False
            for m in _numbers(clause):
                inner = clause[: m.start()].rsplit("(", 1)
                if (
                    outside
                    and len(inner) > 1
                    and ")" not in inner[1]
                    and re.search("[a-z]", inner[1])
                ):
                    continue  # "MG-ADL 9 (ptosis 2, ...)": the parts of a reading taken
                rest = clause[m.end() :]
                if _DOSE_UNIT.match(rest):
                    continue
                unit_m = _UNIT.match(rest)
                unit = _unit(unit_m.group(1)) if unit_m else None
                head = clause[: m.start()]
                if noun is not None:
                    near = noun in {_stem(w) for w in re.findall(r"[A-Za-z]{3,}", rest)[:2]}
                    near = near or (trials and bool(N_OF_M.match(clause, m.start())))
                else:
                    # the name before the number ("PASI 16") or after it ("22% of the BSA")
                    near = any(_stem(w) in stems for w in re.findall(r"[A-Za-z]{3,}", head)[-6:])
                    near = near or any(
                        _stem(w) in stems for w in re.findall(r"[A-Za-z]{3,}", rest)[:4]
                    )
                    near = near or any(
                        mentions(a, head[-40:]) or mentions(a, rest[:30]) for a in abbrevs
                    )
                if near:
                    at = offset + m.end()
                    out.append((Reading(_number(m.group(1)), unit, fact, at, head), rest))
                    outside = outside or "(" not in clause[: m.start()]
    return out


# "MMSE 25/30": a score out of its maximum (not a date, a month and year, or a pressure)
_OUT_OF = re.compile(r"(?<![\d/.])(\d+(?:\.\d+)?)/(\d{1,3})(?![\d/])")


_COMPOUND = re.compile(r"-[A-Za-z]")


def _numbers(clause: str) -> list[re.Match[str]]:
    """The clause's numbers in order, a score out of its maximum read as the score."""
    # "(17-item) 28", "6-minute walk 310 m": a number joined to a word names the measure
    found = [m for m in re.finditer(_NUM, clause, re.I) if not _COMPOUND.match(clause, m.end())]
    found += [m for m in _OUT_OF.finditer(clause) if float(m.group(1)) <= float(m.group(2))]
    return sorted(found, key=lambda m: m.start())


_VALUE_UNIT = re.compile(_NUM + r"(" + _UNIT.pattern + r")", re.I)


def states_within(bound: Bound, text: str) -> bool:
    """The text states a value in the bound's unit that the bound holds ("10 days after
    the first dose" for "8 to 14 days after the first dose")."""
    if bound.unit is None:
        return False
    for m in _VALUE_UNIT.finditer(text):
        reading = Reading(_number(m.group(1)), _unit(m.group(2)), CaseFact(id="", text=text))
        value = _same_unit(bound, reading)
        if value is not None and reading.unit is not None and bound.holds(value):
            return True
    return False


def _same_unit(bound: Bound, reading: Reading) -> float | None:
    """The reading in the bound's unit, or None where the units differ."""
    if reading.beside and bound.unit != "%":
        return None  # the percent beside a value answers a bound in percent only
    if bound.unit in MONTHS:
        if reading.unit not in MONTHS:
            return None
        return reading.value * MONTHS[reading.unit] / MONTHS[bound.unit]
    if reading.unit in MONTHS:
        return None
    if bound.unit and reading.unit and bound.unit != reading.unit:
        return None
    if bound.unit in WRITTEN_UNITS and reading.unit != bound.unit:
        return None
    if bound.unit == "%" and reading.unit != "%":
        return None
    return reading.value


def _window(text: str) -> float | None:
    m = _WINDOW.search(text)
    if not m:
        return 12.0 if _PAST_YEAR.search(text) else None
    count = _number(m.group(1)) if m.group(1) else 1.0
    unit = m.group(2).lower().rstrip("s")
    return count * MONTHS.get(unit, 1.0)


def _qualifier(text: str, bound: Bound) -> list[set[str]]:
    """The terms that qualify a counted noun, up to the window ("exacerbations requiring
    hospitalization or an emergency department visit in the previous year")."""
    after = re.split(r"\b(?:in|within|during|over)\s+the\b|[;:]", text[bound.end :])[0]
    m = re.search(r"\b(?:requiring|required|needing|resulting in|leading to|due to)\b", after)
    return requirements(after[m.end() :]) if m else []


def _covers(text: str, window: float) -> bool:
    """The reading states a span of its own, at most the criterion's window ("over the past
    7 days" for "in the last week"): it was taken over that window, whatever its date."""
    own = _window(text)
    return own is not None and own <= window * 1.05


_AGO = re.compile(_NUM + r"\s*(years?|months?|weeks?|days?)\s+ago\b", re.I)


def _count_decides(bound: Bound, value: float, counted: float | None, window: float) -> bool:
    """A count over its own window decides a bound on a count within the criterion's:
    enough events in a window inside the criterion's are enough; too few in a window at
    least as long are too few (and the reverse for an upper bound)."""
    if counted is None:
        return False
    at_least = bound.op in {">=", ">"}
    if bound.holds(value) == at_least:
        return counted <= window + 1e-9
    return counted >= window - 1e-9


def _age(reading: Reading, today: date | None) -> float | None:
    """How old a reading is, in months, by its fact's date against the case's latest."""
    if today is None or reading.at is None:
        return None
    taken = reading_date(reading.fact, reading.at)
    return months_between(taken, today) if taken else None


def _analyte_readings(
    analyte: str, facts: list[CaseFact], current: bool = False
) -> list[tuple[Reading, str]]:
    """Each value the facts state for a named measurement, with the text after it; and,
    where the criterion asks the ``current`` value, the later readings listed after one
    (current_value.listed_after)."""
    out: list[tuple[Reading, str]] = []
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        offset = 0
        for clause in re.split(r"(?<=[;.])\s+(?=\D)", fact.text):
            offset = fact.text.index(clause, offset)
            found = readings_of(analyte, clause)
            if current and found:
                last = found[-1][1]
                stop = min((n.start for n in named(clause) if n.start >= last), default=len(clause))
                found += listed_after(clause, last, stop)
            for value, end in found:
                rest = clause[end:]
                unit_m = _UNIT.match(rest)
                unit = _unit(unit_m.group(1)) if unit_m else None
                out.append((Reading(value, unit, fact, offset + end), rest))
                if unit != "%" and (beside := _PERCENT_BESIDE.match(rest)):
                    # "FEV1 1.71 L (62% predicted)": the same reading as a share of the
                    # predicted, which a bound in % asks
                    at = offset + end + beside.end(1)
                    share = _number(beside.group(1))
                    reading = Reading(share, "%", fact, at, beside=True)
                    out.append((reading, rest[beside.end() :]))
    return out


# a value's unit, then the same reading as a percent of the predicted or normal value
_PERCENT_BESIDE = re.compile(
    r"\s*[^\s(,;]*\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*(?:of\s+)?(?:predicted|pred\b|normal)[^()]*\)",
    re.I,
)


def _ago(text: str) -> float | None:
    """How long ago a reading was taken ("three weeks ago"), in months."""
    m = _AGO.search(text[:60])
    return _number(m.group(1)) * MONTHS[m.group(2).lower().rstrip("s")] if m else None


def _best_named(
    values: list[tuple[float, CaseFact, str]], before: str
) -> list[tuple[float, CaseFact, str]]:
    """The readings whose name is most the criterion's, where several are named alike
    ("total Mayo score 9" for "a total Mayo score of 6 to 12", not "Partial Mayo 7")."""
    asked = {_stem(w) for w in re.findall(r"[A-Za-z]{3,}", before)[-4:]}
    score = [
        len(asked & {_stem(w) for w in re.findall(r"[A-Za-z]{3,}", h)[-4:]}) for *_, h in values
    ]
    return [v for v, s in zip(values, score, strict=True) if s == max(score)]


def judge_measure(
    text: str, facts: list[CaseFact], drug: str = "", context: str = ""
) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) where the criterion bounds a measurement the facts
    state with a number; None where code cannot be sure (the model, or nobody, decides).
    ``context``: the stem of the criterion's group, whose window applies to it ("Both of
    the following, measured within the past 3 months:")."""
    found = bounds(text)
    ops = [negated_op(text, b.start, b.op) for b in found]  # "not below 1": ">= 1"
    if not found or None in ops or _NEGATED.match(text.strip()) or _CHANGE.search(text):
        return None
    if _OCCASIONS.search(text):
        return None
    found = [replace(b, op=o) for b, o in zip(found, ops, strict=True) if o]
    statuses: list[tuple[str, list[str], str]] = []
    name: tuple[set[str], set[str], str | None] = (set(), set(), None)
    today = as_of(facts)
    for bound in found:
        if bound.unit in MONTHS and re.search(r"\b(?:ages?|old|older|younger)\b", text, re.I):
            return None  # an age: the age rule reads it
        if re.search(r"\b1\s*:\s*$", text[: bound.start]):
            return None  # "titer of 1:80 or more": a dilution, not a value (serology.py)
        analyte = analyte_at(text, bound.start, bound.end)
        if bound.unit in MONTHS:
            analyte = None  # "HCV RNA is detectable 12 weeks or more after ...": a time
        if analyte is None and (
            _DOSE_UNIT.match(text[bound.end :]) or re.search(r"\bdos(?:e|ing|age)\b", text, re.I)
        ):
            return None  # a dose or a quantity: not a measurement of the patient
        noun = None
        if analyte is not None:
            readings = _analyte_readings(analyte, facts, asks_current(text))
            if not readings and analyte in ESTIMATES:
                # kidney function: a note gives the eGFR where a policy asks the clearance
                readings = _analyte_readings(ESTIMATES[analyte], facts)
        else:
            stems, abbrevs, noun = _name(text, bound)
            if not stems and not abbrevs and noun is None:
                # "..., or between 30 and 1,300 IU/mL for ...": the same measurement
                stems, abbrevs, noun = name
            if not stems and not abbrevs and noun is None:
                return None
            name = (stems, abbrevs, noun)
            readings = _readings(stems, abbrevs, noun, facts, drug)
        if noun is not None and (wanted := _qualifier(text, bound)):
            # "exacerbations requiring hospitalization": a count of the qualified events
            readings = [(r, rest) for r, rest in readings if coverage(wanted, r.fact.text)]
        criterion_window = _window(text) or _window(context)
        values: list[tuple[float, CaseFact, str]] = []
        spots: list[int | None] = []  # where each value is written
        for reading, rest in readings:
            value = _same_unit(bound, reading)
            if value is None:
                continue
            if criterion_window and bound.unit not in MONTHS:
                if noun is not None:  # a count, and the window it was counted over
                    if not _count_decides(bound, value, _window(rest), criterion_window):
                        continue
                else:  # a reading, which must have been taken inside the window
                    when = _ago(rest) or _age(reading, today)
                    if when is None and _covers(reading.head + rest, criterion_window):
                        when = 0.0  # "Peak itch NRS over the past 7 days: 9/10"
                    if when is None or when > criterion_window:
                        continue
            values.append((value, reading.fact, reading.head))
            spots.append(reading.at)
        values = latest_readings(text, values, spots)
        if not values and bound.unit == "%":  # "at least 10% of the lungs"
            values = percent_of(text, bound.end, facts)
        if not values:
            return None
        values = _best_named(values, text[: bound.start])
        outcomes = {bound.holds(v) for v, _, _ in values}
        if len(outcomes) > 1:
            return None  # the facts disagree: a person reads them
        ok = outcomes.pop()
        cited = list(dict.fromkeys(f.id for _, f, _ in values))[:3]
        shown = ", ".join(f"{v:g}" for v, _, _ in values[:3])
        unit = f" {bound.unit}" if bound.unit else ""
        reason = reading_reason(f"{shown}{unit}", ok, f"{bound.words()}{unit}")
        statuses.append(("met" if ok else "not_met", cited, reason))
    kinds = {s for s, _, _ in statuses}
    if len(kinds) != 1:
        return None
    # several bounds (a range per age group): all must agree
    status = kinds.pop()
    if found[0].unit not in MONTHS and denied_before(text, own_negation(text, found[0].start)):
        # "does not have severe renal impairment (creatinine clearance below 30 mL/min)":
        # the bound defines what must be absent; "has never received X and the level is
        # below 500": the denial is another statement's, so which it governs is unsure
        if re.search(r"\s(?:and|but)\s", re.split(r"[.;:]\s", text[: found[0].start])[-1]):
            return None
        status = "not_met" if status == "met" else "met"
        statuses = [(st, ids, r + " (the criterion asks its absence)") for st, ids, r in statuses]
    if status == "not_met" and _unread_alternative(text, found):
        return None  # "1 g/day or more, or a ratio of 0.8 g/g or more": one read, one not
    cited = list(dict.fromkeys(i for _, ids, _ in statuses for i in ids))[:3]
    return status, cited, "; ".join(r for _, _, r in statuses)


# a threshold written as "N <unit> or more" (any unit, read or not)
_THRESHOLD = re.compile(
    r"(?<![\w./])\d+(?:\.\d+)?\s*[^\s,;]*\s+or\s+(?:more|greater|higher|above|over)\b", re.I
)


def _unread_alternative(text: str, found: list[Bound]) -> bool:
    """The criterion offers another threshold, joined by "or", that no bound read: a value
    that fails the read one may still be met by the other, so it denies nothing."""
    if not re.search(r"\bor\b", text):
        return False
    return any(
        not any(b.start <= m.start() < b.end for b in found) for m in _THRESHOLD.finditer(text)
    )
