"""A criterion's kind and structured fields, read from its own words by patterns.

Only what the text states: an age bound, a count of prior drugs and how long, the
specialties a prescriber must have, the drugs a Note names as examples. Anything the
patterns do not find stays unstructured, and the judge asks the model about it.
"""

from __future__ import annotations

import re

from pipeline.policy.models import CriterionKind
from pipeline.policy.units import NUMBER_WORDS

_WORDS = {**NUMBER_WORDS, "a": 1, "an": 1}

_AGE = re.compile(
    r"(?:is|are|be|aged?)\s*(≥|>=|>|≤|<=|<|at least|older than|younger than|under|over)\s*"
    r"(\d+)\s*(years?|months?)\s*(?:of age|old)?",
    re.I,
)
_AGE_OR_OLDER = re.compile(r"(\d+)\s*(years?|months?)\s*(?:of age\s*)?or older", re.I)
_PRESCRIBER = re.compile(
    r"(?:prescribed by(?:,?\s*or\s*in\s*consultation\s*with)?|prescriber is|"
    r"prescribing (?:physician|provider) is|"
    # "A prescription from a cardiologist or written with one" (a web page's plain words)
    r"^\W*(?:an?\s+)?prescription\s+(?:(?:is\s+)?written\s+)?(?:from|by))\s*,?\s*(.+)",
    re.I,
)
_ESTABLISHED = re.compile(
    r"established on (?:the )?therapy for at least (\d+)\s*(months?|weeks?|days?)", re.I
)
_RESPONSE = re.compile(
    r"beneficial clinical response|experienced an improvement|responding to (?:the )?therapy|"
    r"clinical response|objective (?:clinical )?response|improve(?:d|ment) from baseline",
    re.I,
)
_TRIED = re.compile(
    r"\b(tried|trial of|failed|has received|is receiving|concomitantly receiving|taking|"
    r"inadequate response|intoleran\w*)\b",
    re.I,
)
_COUNT = re.compile(
    r"\bat least\s+(one|two|three|four|five|\d+)\b(?!\s*(?:months?|weeks?|days?|years?))|"
    r"\b(ONE|TWO|THREE|FOUR)\b(?! of the following)"
)
_DURATION = re.compile(r"for at least (\d+)\s*(months?|weeks?|days?)", re.I)
_DOSE = re.compile(r"\b(dose|dosing|dosage|mg/kg|g/kg|units/kg|quantity limit)\b", re.I)
_LAB = re.compile(
    r"\b(score|level|count|index|titer|ratio|mg/dL|g/dL|mm/h|mg/L|x\s?10|/µL|/uL|percent|%)",
    re.I,
)
_DIAGNOSIS = re.compile(r"\b(diagnos\w+|confirmed|has (?:a |an )?\w+ (?:disease|syndrome))", re.I)
_DOCUMENTATION = re.compile(r"\b(documentation|documented|records? (?:show|document))", re.I)
_EXAMPLES = re.compile(
    r"(?:examples?(?: of [^:]*?)?(?: include| are| is)|e\.g\.,?|for example|such as|"
    r"an example is|i\.e\.,?|"
    r"\b(?:one|any|two) of(?! the following))"
    r"\s*:?\s*(.+?)(?:\.(?:\s|$)|\)|$)",
    re.I,
)
_SPLIT = re.compile(r",|;|\bor\b|\band\b|/", re.I)
_GENERIC = {
    "other",
    "therapy",
    "therapies",
    "medication",
    "medications",
    "agent",
    "agents",
    "drug",
    "drugs",
    "oral",
    "injectable",
    "tablets",
    "the",
    "a",
    "an",
}


def number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _WORDS.get(word)


def months(value: int, unit: str) -> float:
    unit = unit.lower()
    return value * (
        1 if unit.startswith("month") else 1 / 4.345 if unit.startswith("week") else 1 / 30
    )


def specialties(text: str) -> list[str]:
    """'a rheumatologist or a dermatologist.' → ['rheumatologist', 'dermatologist']."""
    out = []
    for part in _SPLIT.split(text.rstrip(" .;")):
        words = [w for w in re.findall(r"[A-Za-z]+", part) if w.lower() not in {"a", "an", "the"}]
        if (
            words
            and words[-1].lower() not in {"physician", "provider", "specialist"}
            or (len(words) > 1)
        ):
            out.append(" ".join(words).lower())
    return [s for s in out if s and s not in {"and", "or"}]


_TRIED_WHAT = re.compile(
    r"\b(?:has )?tried\s+(?:an?\s+|one\s+|at least \w+\s+)?([a-z][\w\-]+(?: [a-z][\w\-]+)?)"
    r"(?=\s*(?:[.;,]|$|\bfor\b|\bor\b))",
    re.I,
)


def example_drugs(texts: list[str]) -> list[str]:
    """Drug or therapy names a criterion or its Notes give as examples, or name as the
    thing tried ("has tried prednisone")."""
    out: list[str] = []
    for text in texts:
        for match in _TRIED_WHAT.finditer(text):
            words = [w for w in match.group(1).split() if w.lower() not in _GENERIC]
            if words and len(" ".join(words)) >= 4:
                out.append(" ".join(words).lower())
        for match in _EXAMPLES.finditer(text):
            for part in _SPLIT.split(match.group(1)):
                name = re.sub(r"\(.*?\)|\[.*?\]|[(\[].*", "", part).replace(" -", "-")
                name = name.strip(" .:()[]")
                words = [w for w in name.split() if w.lower() not in _GENERIC]
                if 1 <= len(words) <= 4 and len(" ".join(words)) >= 4:
                    out.append(" ".join(words).lower())
    return list(dict.fromkeys(out))


def classify(text: str, notes: list[str]) -> tuple[CriterionKind, dict]:
    """(kind, fields) of one criterion's text."""
    fields: dict = {}
    if m := _PRESCRIBER.search(text):
        return "prescriber", {"specialties": specialties(m.group(1))}
    if m := _AGE.search(text):
        op = m.group(1).lower()
        op = {"at least": "≥", ">=": "≥", "older than": ">", "over": ">", "<=": "≤"}.get(op, op)
        op = {"younger than": "<", "under": "<"}.get(op, op)
        value = int(m.group(2))
        years = value if m.group(3).lower().startswith("year") else value / 12
        return "age", {"op": op, "years": years}
    if m := _AGE_OR_OLDER.search(text):
        value = int(m.group(1))
        years = value if m.group(2).lower().startswith("year") else value / 12
        return "age", {"op": "≥", "years": years}
    if m := _ESTABLISHED.search(text):
        return "established_therapy", {"months": months(int(m.group(1)), m.group(2))}
    if _RESPONSE.search(text):
        return "response", fields
    if _TRIED.search(text):
        count = 1
        if m := _COUNT.search(text):
            count = number(m.group(1) or m.group(2)) or 1
        fields = {"count": count, "drugs": example_drugs([text, *notes])}
        if m := _DURATION.search(text):
            fields["months"] = months(int(m.group(1)), m.group(2))
        return "prior_therapy", fields
    if _DOSE.search(text):
        return "dose", fields
    if _DIAGNOSIS.search(text):
        return "diagnosis", fields
    if _LAB.search(text) and re.search(r"\d", text):
        return "lab_or_score", fields
    if _DOCUMENTATION.search(text):
        return "documentation", fields
    return "other", fields


# an ICD-10 code or category ("M32", "M32.14", "L40.50"): one pattern for every reader
ICD10_CODE = r"[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?"
_ICD_RANGE = re.compile(rf"\b({ICD10_CODE})\s*(?:to|through|-|–)\s*({ICD10_CODE})\b")
_ICD_ONE = re.compile(rf"\b({ICD10_CODE})\b")


def icd10_codes(text: str) -> list[str]:
    """Codes and ranges a text names: ['M32.10-M32.9', 'K50.90']. Only where the text says
    ICD (a bare 'A1' in prose is not a code)."""
    if "icd" not in text.lower():
        return []
    out = [f"{a}-{b}" for a, b in _ICD_RANGE.findall(text)]
    spans = " ".join(out)
    out += [c for c in _ICD_ONE.findall(text) if c not in spans and re.search(r"\d", c)]
    return list(dict.fromkeys(out))


def _code_key(code: str) -> str:
    return code.replace(".", "").upper()


def code_in(code: str, spec: str) -> bool:
    """Is ICD-10 ``code`` the spec's code, under it, or inside its range?"""
    key = _code_key(code)
    if "-" in spec:
        lo, hi = (_code_key(x) for x in spec.split("-", 1))
        return lo <= key <= hi or key.startswith(hi)
    spec_key = _code_key(spec)
    return key == spec_key or key.startswith(spec_key)
