"""States of the patient, and settings of a request, that guidelines give their own
recommendations for, whatever the condition: pregnancy, heart failure, kidney disease,
surgery, fertility preservation (``states`` in ``pipeline/data/vocabulary.yaml``). A case is
in a state by a diagnosis's ICD-10 code, or by the words the case gives the request's
setting in (``case_words``: "a perioperative stress dose ... undergoing an elective total
knee arthroplasty", "to protect fertility"): its question, the request and the diagnoses'
names, not the history (a past operation is no setting of this request).

A recommendation that names a state the patient is in speaks of this patient before one
that does not ("nonselective NSAIDs over COX-2 inhibitors in the first 2 trimesters" over
"NSAIDs over no NSAIDs" for a pregnant woman with axial SpA); one for a stage of the state
the patient is not at says nothing of her ("against NSAIDs in the third trimester" at 17
weeks). Documents whose title names a state (a reproductive health guideline) are about
the patient's situation even where they do not name her condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.models import Case
from pipeline.terms import _data, mentions


@dataclass(frozen=True)
class State:
    name: str
    words: tuple[str, ...]
    icd10: tuple[str, ...]
    documents: tuple[str, ...]
    phrase: str  # how a question names it ("during pregnancy")
    document: str = ""  # what the reviewer asks the record for ("Gestational age (weeks)")
    case_words: tuple[str, ...] = ()  # how a case's question or request names the setting


@cache
def states() -> tuple[State, ...]:
    return tuple(
        State(
            name=name,
            words=tuple(s.get("words") or [name]),
            icd10=tuple(s.get("icd10") or []),
            documents=tuple(s.get("documents") or s.get("words") or [name]),
            phrase=s.get("phrase") or f"in patients with {name}",
            document=s.get("document") or "",
            case_words=tuple(s.get("case_words") or []),
        )
        for name, s in (_data().get("states") or {}).items()
    )


def case_states(case: Case, by_words: bool = True) -> tuple[State, ...]:
    """The states a case's diagnoses code for, and (with ``by_words``) the settings its
    question, request or diagnoses' names put the request in."""
    codes = [d.icd10.upper() for d in case.diagnoses if d.icd10]
    told = setting_text(case) if by_words else ""
    return tuple(
        s
        for s in states()
        if any(c.startswith(p) for c in codes for p in s.icd10)
        or (s.case_words and mentions(told, _lower(s.case_words), _upper(s.case_words)))
    )


def setting_text(case: Case) -> str:
    """Where a case says what the request is for and around what: its question, the
    request's own line, the diagnoses' names (with their brackets: "scheduled total knee
    arthroplasty")."""
    t = case.requested_treatment
    return " ; ".join([case.question or "", t.drug, *(d.name for d in case.diagnoses)])


def names_setting(text: str, heading: str | None, found: tuple[State, ...]) -> bool:
    """The sentence, or the section heading it stands under ("Glucocorticoids around
    surgery"), names one of these states: a section on the setting speaks of it in each
    of its sentences."""
    return names_state(text, found) or bool(heading and names_state(heading, found))


def names_state(text: str, found: tuple[State, ...]) -> bool:
    """The text names one of these states ("during pregnancy", "NYHA class III")."""
    return any(mentions(text, _lower(s.words), _upper(s.words)) for s in found)


def state_document(name: str, found: tuple[State, ...]) -> bool:
    """A document (title and file name) about one of these states."""
    return any(mentions(name, _lower(s.documents), _upper(s.documents)) for s in found)


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if not w.isupper() and not w[:1].isupper())


def _upper(words: tuple[str, ...]) -> tuple[str, ...]:
    # "NYHA", "CKD", "eGFR": written with capitals, matched as whole words in capitals
    return tuple(w for w in words if w.isupper() or (w[:1].islower() and not w.islower()))


_WEEKS = re.compile(
    r"\b(\d{1,2})\s*(?:weeks?|wks?)\b(?:\s+(?:of\s+)?(?:gestation|pregnan\w*|pregnant))", re.I
)
_TRIMESTERS = re.compile(
    r"\b((?:(?:first|second|third|1st|2nd|3rd)(?:\s*(?:,|and|or|and/or|to)\s*)?)+)"
    r"(?:\s+(2|two))?\s+trimesters?\b",
    re.I,
)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def gestational_week(case: Case) -> int | None:
    """The week of pregnancy: the Z3A code (weeks of gestation), else the record's "17
    weeks pregnant"."""
    for d in case.diagnoses:
        m = re.match(r"Z3A\.(\d{2})", (d.icd10 or "").upper())
        if m and 8 <= int(m.group(1)) <= 42:
            return int(m.group(1))
    for text in [case.question or "", *case.history, *(d.name for d in case.diagnoses)]:
        m = _WEEKS.search(text)
        if m:
            return int(m.group(1))
    return None


def trimesters(text: str) -> set[int]:
    """The trimesters a sentence names ("in the first 2 trimesters": {1, 2}; "in the second
    and third trimesters": {2, 3}); empty where it names none."""
    out: set[int] = set()
    for m in _TRIMESTERS.finditer(text):
        words = re.findall(r"first|second|third|1st|2nd|3rd", m.group(1), re.I)
        named = [_ORDINAL[w.lower()] for w in words]
        if m.group(2) and named:  # "the first 2 trimesters"
            out |= set(range(named[0], named[0] + 2))
        else:
            out |= set(named)
    return out


def stage_fits(text: str, case: Case) -> bool:
    """A sentence for a stage of pregnancy the patient is not at ("in the third trimester"
    at 17 weeks) does not fit; any other does (and any sentence where the week is unknown)."""
    named = trimesters(text)
    week = gestational_week(case)
    if not named or week is None:
        return True
    own = 1 if week < 14 else 2 if week < 28 else 3
    return own in named
