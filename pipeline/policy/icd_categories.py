"""Criteria that name a kind of disease ("a non-myeloid cancer", "a solid tumor", "a
hematologic malignancy"), judged by the ICD-10 codes of the case's diagnoses: a lung
adenocarcinoma (C34) is a non-myeloid cancer because its code lies among the malignant
neoplasms (C00-C96) and not among the myeloid ones (C92-C94, D45-D47).

Code decides only a criterion that says nothing else (its every term is the category's),
and only from a coded diagnosis: met where a diagnosis lies in the category (and outside
the one it excludes); not met where every diagnosis in the broader kind lies in the
excluded one ("non-myeloid cancer" for acute myeloid leukemia alone).
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import requirements

# words → ICD-10 blocks (first and last three-character category, both included)
_KINDS: list[tuple[str, list[tuple[str, str]]]] = [
    (r"solid tumou?rs?|solid malignan\w*", [("C00", "C80")]),
    (
        r"h(?:a)?ematologic(?:al)? (?:cancers?|malignan\w*)|blood cancers?",
        [("C81", "C96"), ("D45", "D47")],
    ),
    (r"cancers?|malignan\w*|carcinomas?|neoplasms?|tumou?rs?", [("C00", "C96")]),
    (r"myeloid|myelogenous|myelodysplastic|myeloproliferative", [("C92", "C94"), ("D45", "D47")]),
    (r"lymphomas?", [("C81", "C88")]),
    (r"leuk(?:a)?emias?", [("C91", "C95")]),
    (r"lymphoid|lymphocytic", [("C81", "C91")]),
]
_KIND = "|".join(f"(?:{w})" for w, _ in _KINDS)
_PHRASE = re.compile(rf"\b(?:(non|not)[- ]?(?P<without>{_KIND})\s+)?(?P<kind>{_KIND})\b", re.I)
_CODE = re.compile(r"\(ICD-10 ([A-Z]\d{2})")


def _blocks(words: str) -> list[tuple[str, str]]:
    for pattern, blocks in _KINDS:
        if re.fullmatch(pattern, words, re.I):
            return blocks
    return []


def _within(code: str, blocks: list[tuple[str, str]]) -> bool:
    return any(low <= code <= high for low, high in blocks)


def judge_category(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """(status, cited diagnosis facts, reason) for a criterion that names only a kind of
    disease; None otherwise."""
    m = _PHRASE.search(text)
    if not m:
        return None
    rest = text[: m.start()] + " " + text[m.end() :]
    if requirements(rest):
        return None  # the criterion asks more than the kind ("metastatic", "relapsed")
    kind = _blocks(m.group("kind"))
    without = _blocks(m.group("without")) if m.group("without") else []
    coded = [
        (f, c.group(1))
        for f in facts
        if f.text.startswith("Diagnosis:") and (c := _CODE.search(f.text))
    ]
    inside = [(f, code) for f, code in coded if _within(code, kind)]
    wanted = [(f, code) for f, code in inside if not _within(code, without)]
    label = m.group(0)
    if wanted:
        f, code = wanted[0]
        return "met", [f.id], f"{f.id}: ICD-10 {code} is a {label}"
    if inside and without:
        f, code = inside[0]
        return "not_met", [f.id], f"{f.id}: ICD-10 {code} is a {m.group('without')} kind"
    return None
