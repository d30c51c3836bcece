"""A criterion that a therapy is not taken ("The member is not taking a nitrate in any
form"), met where a case note denies it in a list of what the patient does not take ("No
nitroglycerin, isosorbide or other nitrate."): the note's denial covers every item of its
list, and the verb of taking is the note's "No" (a clause about one thing does not repeat
"taking").

Only "met" comes from here, and only where no note states the therapy without a denial
(a drug on the medication list is a question for a person, or the model checked by code).
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import (
    _clauses,
    _stated,
    _text_stems,
    is_absence,
    requirements,
)
from pipeline.policy.measures import bounds

# "in any form", "of any kind": the criterion's emphasis, no term a note must repeat
_EMPHASIS = re.compile(
    r"\b(?:in\s+any\s+(?:form|way|amount|dose)|of\s+any\s+(?:kind|type|sort)|at\s+any\s+dose)\b",
    re.I,
)
_USE = "receiv"  # the stem every verb of taking is counted as (criterion_terms._SAME)
# A note that denies a list of therapies outright: "No X, Y or other Z."
_DENIAL = re.compile(
    r"^\s*(?:no|not\s+(?:on|taking|receiving|using)|never\s+(?:took|taken|used|received))\s",
    re.I,
)
# A denial that keeps something back ("No nitrates except as needed") denies less
_EXCEPT = re.compile(
    r"\b(?:but|except|other than|unless|until|however|although|apart from|besides|only|"
    r"as needed|prn)\b",
    re.I,
)
_SKIP = ("Payer", "Requested", "Patient:")


def judge_use_denied(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """("met", [the note], reason) where a note denies every therapy the criterion asks to
    be absent; None otherwise."""
    if not is_absence(text) or bounds(text):
        return None
    groups = requirements(_EMPHASIS.sub(" ", text), drug)
    if {_USE} not in groups:
        return None  # not about taking something: the condition readers' question
    wanted = [g for g in groups if g != {_USE}]
    if not wanted or len(wanted) > 2:
        return None
    denied: CaseFact | None = None
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            stems = _text_stems(clause)
            if not any(_stated(g, stems, clause) for g in wanted):
                continue
            if not _DENIAL.match(clause) or _EXCEPT.search(clause):
                return None  # stated without a plain denial: not for code to read
            if all(_stated(g, stems, clause) for g in wanted):
                denied = denied or fact
    if denied is None:
        return None
    return "met", [denied.id], f"{denied.id} denies every therapy it asks to be absent"
