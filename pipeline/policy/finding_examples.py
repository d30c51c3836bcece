"""A criterion asking a finding documented and giving examples ("Fabry organ involvement
documented, such as albuminuria, reduced eGFR, left ventricular hypertrophy or neuropathic
pain"), judged by code from a case clause that states one of the examples as found: every
word of the example, or its head word ("pain") with a word that says what its modifier says
("burning" for "neuropathic", "lower" for "reduced"), in a clause with no negation or word
of a normal finding ("no burning pain", "normal echo").

A one-word example ("albuminuria") is met only by that word: "urine albumin 8 mg/g" shares
its stem but states a number code does not judge here. Met only: the examples are "such
as", so a case stating none of them may still have another; that is for the model."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKS = re.compile(
    r"^(?P<what>.+?)\b(?:documented|present|shown|seen|found|confirmed)\s*,?\s+such\s+as\s+"
    r"(?P<examples>.+?)\.?\s*$"
    # "A severe-deficiency genotype such as PiZZ, ...": a finding named by its noun alone
    r"|^(?P<what2>(?:an?\s+)?(?:[\w-]+\s+){0,3}(?:genotype|variant|mutation|involvement))\s*,?\s+"
    r"such\s+as\s+(?P<examples2>.+?)\.?\s*$",
    re.I,
)
_NOT = re.compile(
    r"\b(?:no|not|never|denies|denied|without|normal|negative|absent|resolved|unremarkable|"
    r"within\s+normal)\b",
    re.I,
)
# what a modifier says, in the words a note uses for it
_SAYS: dict[str, tuple[str, ...]] = {
    "neuropath": (
        "burning",
        "tingling",
        "shooting",
        "numb",
        "pins and needles",
        "paresthes",
        "acroparesthes",
        "neuropath",
    ),
    "reduc": ("reduced", "low", "lower", "decreased", "declin", "impaired"),
    "decreas": ("reduced", "low", "lower", "decreased", "declin", "impaired"),
    "low": ("reduced", "low", "lower", "decreased"),
    "left": ("left", "lv"),
    "ventricul": ("ventric", "lv"),
    "elevat": ("elevated", "raised", "high", "increased"),
    "increas": ("elevated", "raised", "high", "increased"),
}
_PIECES = re.compile(r"[;:]|,\s+(?!\d)|(?<!\d)\.(?!\d)")
_SKIP = ("Requested", "Payer", "Patient:", "Prior therap")


def _examples(listed: str) -> list[list[str]]:
    """Each example as its words, lower case."""
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+", listed)
    return [w for w in ([x.lower() for x in re.findall(r"[A-Za-z]{2,}", p)] for p in parts) if w]


def _states(words: list[str], piece: str) -> bool:
    low = piece.lower()
    if len(words) == 1:
        return bool(re.search(rf"\b{re.escape(words[0])}\b", low))
    head, modifiers = words[-1], words[:-1]
    if not re.search(rf"\b{re.escape(head[:5])}\w*", low):
        return False
    for mod in modifiers:
        said = next((v for k, v in _SAYS.items() if mod.startswith(k)), (mod[:5],))
        if not any(re.search(rf"\b{re.escape(s)}", low) for s in said):
            return False
    return True


def judge_finding_examples(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asks = _ASKS.match(text)
    if not asks or re.search(r"\bsymptoms?\s+of\b", asks.group("what") or "", re.I):
        return None  # "symptoms of X, such as": symptom_examples reads it
    examples = _examples(asks.group("examples") or asks.group("examples2"))
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for piece in _PIECES.split(fact.text):
            if _NOT.search(piece):
                continue
            for words in examples:
                if _states(words, piece):
                    said = piece.strip()
                    return "met", [fact.id], f"an example the criterion names is stated: {said!r}"
    return None
