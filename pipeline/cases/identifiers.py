"""Identifiers the review does not need (names, MRN, member id, addresses, phone numbers,
DEA/NPI, dates of birth): what a form label asks for, the values to keep out of the case, and
masking them in the text a case quotes."""

from __future__ import annotations

import functools
import re

from pipeline.cases.facts import Draft
from pipeline.cases.labels import clinical_kind, identifier_kind
from pipeline.cases.packet import PacketPage

MASK = "[withheld]"


_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b")


_MRN = re.compile(r"\b(?:MRN|Member ID|Patient ID)\s*#?:?\s*([A-Z0-9-]{4,})", re.I)


_DOB = re.compile(
    r"\b(?:DOB|Date of Birth|Birth ?date)\s*:?\s*(\d{1,4}[/-]\d{1,2}[/-]\d{1,4})", re.I
)
# A safety net under the labelled identifiers: street addresses, state + ZIP, long numbers.
_ADDRESS = re.compile(
    r"\b\d{1,6} (?:[NSEW]\.? )?(?:[A-Z][a-z]+ ){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place)\b\.?"
)


_STATE_ZIP = re.compile(r"\b[A-Z]{2},? \d{5}(?:-\d{4})?\b")


_LONG_NUMBER = re.compile(r"(?<![\d,.])\d{6,}(?![\d,.])")


def collect_identifiers(page: PacketPage, draft: Draft) -> None:
    for value in page.values:
        kind = identifier_kind(value.label)
        if kind and clinical_kind(value.label) not in {"prior", "request"}:
            draft.withheld.add(kind)
            draft.identifiers.update(identifier_parts(value.value, kind))
    for match in _MRN.finditer(page.text):
        draft.identifiers.add(match.group(1))
        draft.withheld.add("identifiers (member id, MRN, NPI, DEA/TIN)")
    for match in _DOB.finditer(page.text):
        draft.identifiers.add(match.group(1))
        draft.withheld.add("date of birth (age kept)")
    if _PHONE.search(page.text):
        draft.withheld.add("phone, fax or email")


_TITLE_BEFORE = re.compile(r"\b(?:Dr|Doctor)\.?\s+((?:[A-Z][\w'-]+\s?){1,3})")


_TITLE_AFTER = re.compile(r"((?:[A-Z][\w'-]+\s?){1,3}),?\s*(?:MD|DO|NP|PA|RN|PhD)\b\.?")


def identifier_parts(value: str, kind: str) -> set[str]:
    """What to mask for an identifier value. A clinician's name ("Dr. Lennox", "Shiva
    Pedram, MD") is masked as written with its title and as a whole, not word by word (a
    surname can also name a syndrome); any other name word by word too."""
    parts = {value.strip()}
    if kind == "names":
        rest = value
        for pattern in (_TITLE_BEFORE, _TITLE_AFTER):
            for match in pattern.finditer(value):
                name = match.group(1).strip()
                surname = name.split()[-1]
                parts |= {match.group(0).strip(), f"Dr. {surname}", f"Dr {surname}"}
                if len(name.split()) > 1:  # a full name alone; one word alone is too common
                    parts.add(name)
                rest = rest.replace(match.group(0), " ")
        words = [w.strip(".,") for w in rest.split()]
        words = [w for w in words if len(w) > 2 and w[0].isupper() and w not in {"Mom", "Dad"}]
        parts |= set(words)
        if words:
            parts.add(" ".join(words))
    return {p for p in parts if len(p) >= 2}


def mask(text: str, identifiers: set[str]) -> str:
    """The text with every identifier replaced by ``[withheld]``, and anything shaped like
    a phone number, street address, state and ZIP, or record number. A name is masked as a
    word of its own, not inside a hyphenated term (Dr. Lennox, not Lennox-Gastaut)."""
    if identifiers:
        text = _pattern(frozenset(identifiers)).sub(MASK, text)
    for pattern in (_PHONE, _ADDRESS, _STATE_ZIP, _LONG_NUMBER):
        text = pattern.sub(MASK, text)
    return text


@functools.lru_cache(maxsize=8)
def _pattern(identifiers: frozenset[str]) -> re.Pattern[str]:
    """One pattern for all the values (longest first), compiled once per packet: a text is
    scanned once, not once per identifier."""
    values = sorted((v for v in identifiers if v), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, values)) + r")(?![\w-])")
