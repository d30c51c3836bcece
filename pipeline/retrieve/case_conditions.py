"""The case's requested drug and the conditions of its diagnoses, found in the vocabulary
(by ICD-10 block, or by a name not inside a longer name of another condition)."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.terms import Term, find_drugs, vocabulary
from pipeline.terms import term_pattern as _pattern


def _drug_of(text: str) -> Term | None:
    found = find_drugs(text)
    return found[0] if found else None


def _spans(text: str, term: Term) -> list[tuple[int, int]]:
    pattern = _pattern(term.words, term.abbrev)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _conditions_of(case: Case) -> list[Term]:
    """The conditions of the case's diagnoses: by ICD-10 block, or named in the diagnosis.
    A name found only inside a longer name of another condition is not one ("rheumatoid
    arthritis" in "juvenile rheumatoid arthritis" is juvenile arthritis, not RA)."""
    _, conditions = vocabulary()
    out: list[Term] = []
    for d in case.diagnoses:
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
        out += [c for c in coded + named if c not in out]
    return out
