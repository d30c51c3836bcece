"""The case's requested drug and the conditions of its diagnoses, found in the vocabulary
(by ICD-10 block, or by a name not inside a longer name of another condition)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pipeline.models import Case, Diagnosis
from pipeline.terms import Term, combination_of, drug_classes, find_drugs, mentions, vocabulary
from pipeline.terms import term_pattern as _pattern


def _drug_of(text: str) -> Term | None:
    found = find_drugs(text)
    # (a fixed-dose combination's parts name it as a whole, by its own class)
    return combination_of(found) or (found[0] if found else None)


def _spans(text: str, term: Term) -> list[tuple[int, int]]:
    pattern = _pattern(term.words, term.abbrev)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _conditions_of(case: Case) -> list[Term]:
    """The conditions of the case's diagnoses: by ICD-10 block, or named in the diagnosis.
    A name found only inside a longer name of another condition is not one ("rheumatoid
    arthritis" in "juvenile rheumatoid arthritis" is juvenile arthritis, not RA)."""
    out: list[Term] = []
    for d in case.diagnoses:
        out += [c for c in _diagnosis_conditions(d) if c not in out]
    return out


def _diagnosis_conditions(d: Diagnosis) -> list[Term]:
    _, conditions = vocabulary()
    coded = [c for c in conditions if d.icd10 and any(d.icd10.startswith(p) for p in c.icd10)]
    spans = {c.name: _spans(d.name, c) for c in conditions}
    named = [
        c
        for c in conditions
        if any(
            not any(
                s0 <= a and b <= s1 and (s1 - s0) > (b - a)
                for other, theirs in spans.items()
                if other != c.name
                for s0, s1 in theirs
            )
            for a, b in spans[c.name]
        )
    ]
    if coded:
        # the code places the diagnosis: a name of another coded condition in its
        # qualifiers ("psoriatic arthritis (peripheral polyarthritis)") is a description,
        # not that condition
        named = [c for c in named if c in coded or not c.icd10]
    return list(dict.fromkeys(coded + named))


def treated_conditions(
    case: Case, guideline_texts: Callable[[Term], Iterable[str]] | None
) -> tuple[list[Term], Diagnosis | None]:
    """The case's conditions the request is for, and the diagnosis that names the first.
    A patient has several diagnoses (lupus, and osteopenia from its glucocorticoids); the
    request (raloxifene) treats those whose own guidelines name the drug or its class, and
    the others are comorbidities whose guidelines say nothing of it. Where no guideline
    names it, the first diagnosis's conditions, as the case lists them."""
    mine = _conditions_of(case)
    drug = _drug_of(case.requested_treatment.drug)
    first = case.diagnoses[0] if case.diagnoses else None
    if drug is None or guideline_texts is None or len(mine) < 2:
        return mine, first
    known = drug_classes()
    narrow = [w for c in drug.classes if c in known and not known[c].broad for w in known[c].words]
    words = (*drug.words, *narrow)
    named = [c for c in mine if any(mentions(t, words) for t in guideline_texts(c))]
    each = [(d, _diagnosis_conditions(d)) for d in case.diagnoses]
    if not named:
        named = next((cs for _, cs in each if cs), mine)
    primary = next((d for d, cs in each if named[0] in cs), first)
    return named, primary
