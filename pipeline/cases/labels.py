"""What a printed form label asks for: an identifier to keep out, or a clinical field."""

from __future__ import annotations

import re

_IDENTIFIER_KINDS = [
    (re.compile(r"birth|\bdob\b"), "date of birth (age kept)"),
    (re.compile(r"phone|\bfax\b|e-?mail"), "phone, fax or email"),
    (re.compile(r"address|street|\bcity\b|\bstate\b|\bzip\b|postal"), "address"),
    (
        re.compile(r"\bid\b|\bmrn\b|member|insurance|\bnpi\b|\bdea\b|\btin\b|ssn|group|policy #"),
        "identifiers (member id, MRN, NPI, DEA/TIN)",
    ),
    (re.compile(r"signature|contact person|(?<!drug )(?<!medication )\bname\b"), "names"),
]


_CLINICAL = [
    ("prior", re.compile(r"^drug name|^medication name.*dates|dates taken|previous|prior")),
    ("diagnosis", re.compile(r"diagnos")),
    ("icd", re.compile(r"\bicd")),
    ("request", re.compile(r"medication|drug|product|requested")),
    ("dose", re.compile(r"strength|\bdose|dosage|directions|\bsig\b")),
    ("frequency", re.compile(r"frequency")),
    ("route", re.compile(r"route")),
    ("duration", re.compile(r"duration|length of therapy")),
    ("specialty", re.compile(r"specialty")),
]


def label_key(label: str) -> str:
    return " ".join(label.lower().replace("*", " ").split())


def identifier_kind(label: str) -> str | None:
    """What kind of identifier a label asks for, if any. Labels split mid-word by the PDF
    ("Physician Na me") are read with their spaces removed too."""
    key = label_key(label)
    compact = key.replace(" ", "")
    if re.search(r"(?<!drug )(?<!medication )(?<!product )\bname\b", key):
        return "names"  # "Member Name / Provider Name": names, whatever else it says
    for pattern, kind in _IDENTIFIER_KINDS:
        if pattern.search(key):
            return kind
    if compact.endswith("name") and not re.search(r"(drug|medication|product)name$", compact):
        return "names"
    if re.search(r"birth|phone|address", compact):
        return identifier_kind(re.sub(r"(birth|phone|address)", r" \1 ", compact))
    return None


def clinical_kind(label: str) -> str | None:
    key = label_key(label).replace(" ", "")
    spaced = label_key(label)
    for kind, pattern in _CLINICAL:
        if pattern.search(spaced) or pattern.search(key):
            return kind
    return None
