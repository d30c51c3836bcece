"""What kind of request a case makes: a drug to treat the condition, or something else the
patient needs because of the condition or its treatment (a vaccine, a test, a procedure).

A vaccine for a patient on methotrexate is not a treatment of the arthritis: the reviewer
wants what the guidelines say of that vaccine for patients like this one (on
immunosuppressive medication, of this age), when to give it around the current therapies,
and its risks there; not the arthritis's first-line drug. The section questions, the
documents read as the request's own (those whose title names the kind: a vaccination
guideline) and what a quoted sentence must name follow the kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestKind:
    name: str  # "vaccination"
    request: re.Pattern  # the requested item is one ("Recombinant zoster vaccine")
    words: tuple[str, ...]  # word starts naming the kind in a title or a sentence
    situation: str  # the patient's circumstances the guidelines judge it by
    path: tuple[str, ...]  # what the path of such a request is about ({on}: the therapies)


KINDS: tuple[RequestKind, ...] = (
    RequestKind(
        "vaccination",
        re.compile(r"\b(?:vaccin\w*|immuni[sz]ation|toxoid)\b", re.I),
        ("vaccin", "immuniz", "immunis"),
        "patients on immunosuppressive medication",
        (
            "vaccination timing around the current immunosuppressive medication ({on}): "
            "continue, hold or defer",
            "vaccination and glucocorticoid dose, disease activity, {on}",
        ),
    ),
    RequestKind(
        "testing",
        re.compile(
            r"\b(?:test(?:ing)?|assay|screening|panel|imaging|MRI|ultrasound|radiograph\w*|"
            r"x-ray|biopsy|densitometry|DXA|DEXA|scan)\b",
            re.I,
        ),
        ("test", "screening", "assay", "imaging", "biopsy", "densitometry"),
        "patients with the condition or starting its therapies",
        ("when to test and how often: before starting and while taking {on}",),
    ),
    RequestKind(
        "procedure",
        re.compile(
            r"\b(?:surgery|surgical|arthroplasty|replacement|procedure|aspiration|"
            r"physical therapy|occupational therapy|rehabilitation|plasmapheresis|"
            r"plasma exchange)\b",
            re.I,
        ),
        ("surg", "arthroplast", "procedur", "rehabilitat", "plasma exchange"),
        "patients with the condition and its current therapies",
        ("procedure timing around the current therapies ({on}): continue, hold or stop",),
    ),
)


# CPT code ranges by what the code describes (the CPT sections): a scan or a laboratory
# test is testing, a surgical code a procedure, a vaccine's administration vaccination;
# physical medicine, acupuncture and manipulative treatment are therapies of the
# condition itself (asked about like a drug), and so are drug codes (infusions).
_CPT_KINDS: tuple[tuple[int, int, str | None], ...] = (
    (100, 1999, "procedure"),  # anesthesia
    (10004, 69990, "procedure"),  # surgery
    (70010, 79999, "testing"),  # radiology
    (80047, 89398, "testing"),  # pathology and laboratory
    (90460, 90749, "vaccination"),  # immunization and vaccines
    (93000, 93799, "testing"),  # cardiovascular tests
    (94010, 94799, "testing"),  # pulmonary function
    (95004, 95199, "testing"),  # allergy testing
    (95700, 96020, "testing"),  # neurologic tests
    (97010, 97814, "therapy"),  # physical medicine, rehabilitation, acupuncture
    (98925, 98943, "therapy"),  # osteopathic and chiropractic manipulative treatment
)
_CPT = re.compile(r"\bCPT(?:\s+code)?\s*:?\s*(\d{5})\b", re.I)


def cpt_kind(requested: str) -> str | None:
    """What the request's CPT code describes ("CPT 71250": testing), or None."""
    m = _CPT.search(requested)
    if not m:
        return None
    code = int(m.group(1))
    return next((kind for lo, hi, kind in _CPT_KINDS if lo <= code <= hi), None)


def request_kind(requested: str, service: str | None = None) -> RequestKind | None:
    """The kind of a request that is no drug treatment of the condition, or None for a
    drug or a non-drug therapy of the condition (``service``: the kind the vocabulary
    gives the service the request names, "therapy" for chiropractic). The name decides
    first, then the CPT code."""
    if service == "therapy":
        return None
    by_name = {k.name: k for k in KINDS}
    if service in by_name:
        return by_name[service]
    for kind in KINDS:
        if kind.request.search(requested):
            return kind
    return by_name.get(cpt_kind(requested) or "")


def kind_questions(
    kind: RequestKind, request: str, dx: str, age: int | None, therapies: list[str]
) -> dict[str, list[str]]:
    """Per compose section, questions about the request itself in this patient's situation
    (their condition, age and current therapies), not the condition's treatment path."""
    on = ", ".join(therapies) if therapies else "current therapy"
    who = f"a {age}-year-old" if age else "a patient"
    return {
        "rationale": [
            f"{request} recommended for {kind.situation} with {dx}",
            f"{kind.name} of {kind.situation}: {request} strongly or conditionally recommended",
        ],
        "evidence": [
            f"{request} in {kind.situation}: safety, efficacy, immunogenicity, risk",
            f"{request} in {dx}: studies and outcomes",
        ],
        "role": [
            f"{request} for {who} with {dx} taking {on}",
            f"{request} age and risk: who should receive it",
        ],
        "path": [q.format(on=on) for q in kind.path],
        "dosing": [f"{request} doses, schedule and interval", f"{request} dose series"],
        "pitfalls": [
            f"{request} risks in {kind.situation}: flares, reactions, contraindications",
            f"{request}: when to defer or not to give it",
        ],
        "position": [
            f"{request} is recommended for {kind.situation}",
            f"{request} recommended for {dx} on {on}",
            f"{request} is not recommended",
        ],
    }


def therapy_questions(request: str, dx: str, siblings: list[str]) -> dict[str, list[str]]:
    """Per compose section, questions about a non-drug therapy of the condition
    (chiropractic, physical therapy): where it stands among the condition's other non-drug
    therapies, beside its drugs; its risks and harms, its course of sessions."""
    others = ", ".join(siblings) if siblings else "other non-drug therapies"
    return {
        "rationale": [
            f"{dx}: non-drug therapies recommended beside drug treatment: {others}",
            f"{request} for {dx}: recommended, conditionally recommended or recommended against",
        ],
        "evidence": [
            f"{request} in {dx}: studies, benefit, evidence",
            f"{request} for {dx}: trials, outcomes, certainty of evidence",
        ],
        "role": [
            f"{request} is recommended for {dx}",
            f"{request} not recommended, no role, only for",
        ],
        "path": [
            f"we recommend {others} for {dx}",
            f"{dx}: drug treatment to target, then non-drug therapies",
        ],
        "dosing": [f"{request} sessions, frequency and duration", f"{request} course"],
        "pitfalls": [
            f"{request} risks, complications and harms in {dx}",
            f"{request}: when not to use it; burden and costs",
        ],
        "position": [
            f"we recommend {request} for {dx}",
            f"we recommend against {request} for {dx}",
            f"{request} is not recommended",
        ],
    }


# The words before a kind's noun that do not name another item of the kind ("any non-live
# vaccinations", "the recommended vaccine").
_GENERIC = {
    "a",
    "an",
    "the",
    "any",
    "all",
    "other",
    "these",
    "those",
    "such",
    "this",
    "that",
    "each",
    "nonlive",
    "inactivated",
    "recommended",
    "multiple",
    "same",
    "individual",
    "routine",
    "indicated",
    "additional",
    "their",
    "of",
    "for",
    "and",
    "or",
    "to",
    "after",
    "before",
    "receive",
    "receiving",
    "giving",
    "administering",
    "given",
    "with",
    "on",
    "at",
    "by",
    "attenuated",
}
# A kind's noun whose modifiers are only these is the kind itself, not one item of it.
_NOT_ITEM = {"virus", "nonlive"}


def _initials(words: tuple[str, ...]) -> set[str]:
    """ "RZV" for "recombinant zoster vaccine": how sources abbreviate a request."""
    out = set()
    for w in words:
        parts = w.split()
        if len(parts) >= 2:
            out.add("".join(p[0] for p in parts).upper())
    return out


def names_other_item(text: str, kind: RequestKind, request_words: tuple[str, ...]) -> bool:
    """The sentence is about another item of the request's kind ("influenza vaccination",
    "HPV vaccine", "live attenuated virus vaccination" in a zoster vaccine case), and does
    not name the request (by its words or their initials, "RZV")."""
    lower = text.lower()
    if any(w in lower for w in request_words):
        return False
    if any(re.search(rf"\b{a}\b", text) for a in _initials(request_words)):
        return False
    nouns = "|".join(re.escape(w) for w in kind.words)
    for m in re.finditer(rf"\b(?:{nouns})", text, re.I):
        before = re.findall(r"[\w–-]+", text[max(0, m.start() - 40) : m.start()])[-3:]
        mods = [re.sub(r"[–-]", "", w.lower()) for w in before]
        # the modifiers next to the noun, up to the first generic word
        near: list[str] = []
        for w in reversed(mods):
            if w in _GENERIC:
                break
            near.append(w)
        live = "live" in mods and (mods.index("live") == 0 or mods[mods.index("live") - 1] != "non")
        if live or any(w not in _NOT_ITEM and not w.isdigit() for w in near):
            return True
    return False
