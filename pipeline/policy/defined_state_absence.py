"""A criterion asking the absence of a condition state the policy defines ("The recipient
does not have decompensated cirrhosis", with its note '"decompensated cirrhosis" means
cirrhosis with a Child-Pugh class B or C score or a history of ascites, variceal bleeding or
hepatic encephalopathy'), judged by code item by item of the definition.

An item is a scale's classes ("Child-Pugh class B or C") or a finding ("ascites"). Not met:
a clause states a finding with none of its words negated, or the scale at one of the
defining classes. Met: the case states every item absent (each finding in a negated
clause, the scale at a class outside the definition) and none present. Anything else (an
item not mentioned) is for the model or a person."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKS = re.compile(
    r"\b(?:does\s+not\s+have|has\s+no|have\s+no|is\s+free\s+of|without)\s+(?:an?\s+)?"
    r"(?P<term>[\w\s-]+?)\s*[;.]?\s*$",
    re.I,
)
_DEFINES = re.compile(r'^\s*["“](?P<term>[^"”]+)["”]\s+means\s+(?P<body>.+?)\.?\s*$', re.I)
_SCALE = re.compile(
    r"(?P<scale>[A-Z][\w-]+)\s+class\s+(?P<classes>[A-D](?:\s*(?:,|or|and)\s*[A-D])*)"
    r"(?:\s+scores?)?",
)
_HEAD = re.compile(r"^[\w\s-]*?\bwith\s+", re.I)
_LEAD = re.compile(r"^(?:(?:or|and|an?|the|any|history\s+of|a\s+history\s+of)\s+)+", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|without|denies|denied|absent|negative|none)\b", re.I)
_PIECES = re.compile(r"[,;]|(?<!\d)\.(?!\d)|\band\b", re.I)
_CLAUSES = re.compile(r"[;:]|\.(?=\s|$)|(?<!\d)\.(?!\d)")
_OPENS_NEGATED = re.compile(r"\s*(?:no|denies|denied|without|negative\s+for|free\s+of)\b", re.I)
_ENDS_CARRY = re.compile(
    r"\b(?:but|however|although|though|except|has|had|have|shows?|with)\b", re.I
)
_STOP = {"with", "from", "that", "this", "history", "score", "class"}


def _items(body: str) -> tuple[list[tuple[str, set[str]]], list[list[str]]]:
    """(scales with their defining classes, findings as their word stems)."""
    body = _HEAD.sub("", body, count=1)
    scales = [
        (m.group("scale"), set(re.findall(r"[A-D]", m.group("classes"))))
        for m in _SCALE.finditer(body)
    ]
    rest = _SCALE.sub(" ", body)
    findings = []
    for part in re.split(r",|\bor\b", rest):
        words = [w.lower()[:5] for w in re.findall(r"[A-Za-z]{4,}", _LEAD.sub("", part.strip()))]
        words = [w for w in words if w not in _STOP]
        if words:
            findings.append(words)
    return scales, findings


def _mentions(piece: str, stem: str) -> bool:
    return re.search(rf"\b{re.escape(stem)}", piece, re.I) is not None


def _denied(piece: str, stem: str) -> bool:
    """A word of the finding with a negation within two words of it ("no ascites", "varices
    never bled"); "Hepatitis B surface antigen negative" denies no hepatic finding."""
    words = re.findall(r"[\w-]+", piece)
    return any(
        w.lower().startswith(stem)
        and any(_NEGATED.fullmatch(x) for x in words[max(0, i - 2) : i + 3])
        for i, w in enumerate(words)
    )


def _list_pieces(text: str) -> list[tuple[str, bool]]:
    """The text's pieces, each with whether a negation opening its clause carries over it: in
    "No ascites, variceal bleeding or confusion" the "No" denies all three; "but" or a verb
    of having ("has", "shows") ends the carry."""
    out: list[tuple[str, bool]] = []
    for clause in _CLAUSES.split(text):
        pieces = _PIECES.split(clause)
        carry = bool(pieces) and _OPENS_NEGATED.match(pieces[0]) is not None
        for i, piece in enumerate(pieces):
            if i and _ENDS_CARRY.search(piece):
                carry = False
            out.append((piece, carry and i > 0))
    return out


def judge_defined_state_absence(
    text: str, notes: list[str], facts: list[CaseFact]
) -> tuple[str, list[str], str] | None:
    asks = _ASKS.search(text)
    if not asks:
        return None
    term = asks.group("term").strip().lower()
    body = next(
        (
            m.group("body")
            for n in notes
            if (m := _DEFINES.match(n)) and m.group("term").lower() == term
        ),
        None,
    )
    if body is None:
        return None
    scales, findings = _items(body)
    if not scales and not findings:
        return None
    absent: dict[int, str] = {}
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:")):
            continue
        for m in re.finditer(r"\b([A-Z][\w-]+)\s+class\s+([A-D])\b", fact.text):
            for k, (scale, classes) in enumerate(scales):
                if m.group(1).lower() == scale.lower():
                    if m.group(2) in classes:
                        return "not_met", [fact.id], f"{scale} class {m.group(2)}: {term}"
                    absent[k] = fact.id
        for piece, carried in _list_pieces(fact.text):
            negated = carried or _NEGATED.search(piece) is not None
            for k, words in enumerate(findings, start=len(scales)):
                if not negated and all(_mentions(piece, w) for w in words):
                    return "not_met", [fact.id], f"{' '.join(words)}… stated: {term}"
                named = any(_mentions(piece, w) for w in words)  # as _denied reads a word
                if (carried and named) or (negated and any(_denied(piece, w) for w in words)):
                    absent.setdefault(k, fact.id)
    if len(absent) == len(scales) + len(findings):
        cited = list(dict.fromkeys(absent.values()))[:3]
        return "met", cited, f"every part of the definition of {term} is stated absent"
    return None
