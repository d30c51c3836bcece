"""The other names of a case's diagnosis, for matching it to a policy's indication: the
vocabulary's synonyms of its condition (found by its words or ICD-10 code) and ICD-10-CM's
own names for its code (the code's description and inclusion terms: D66 "Hereditary factor
VIII deficiency" is also "Hemophilia A", "Classical hemophilia"). None may widen the case:
a name that shares words with the diagnosis and adds others is another form of it, a
residual category ("Other hemochromatosis") names its parent's condition less its siblings,
an "NOS" term the form a coder assigns when none is named, and a parent code's name is
broader than the case, so none of these is taken."""

from __future__ import annotations

import functools
import re

from pipeline.policy.coded_forms import coded_forms
from pipeline.policy.name_words import condition_words

# What a code's name rules out or leaves open is no part of the condition ("Lennox-Gastaut
# syndrome, not intractable, without status epilepticus"; "(with functional defect)").
_NOT_PART = re.compile(r"\b(?:without|not|except|excluding|unspecified)\b.*", re.I | re.S)
_BRACKETS = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\])")
_RESIDUAL = re.compile(r"\b(?:other|NOS|NEC)\b", re.I)


@functools.cache
def icd10_names(code: str | None) -> tuple[str, ...]:
    """ICD-10-CM's names for the code itself (never its parent's): its description and its
    inclusion terms, each without what it rules out or leaves open; residual ("Other ...",
    "... NEC") and "NOS" names are left out."""
    if not code:
        return ()
    import simple_icd_10_cm as cm

    code = code.strip().upper()
    try:
        if not cm.is_valid_item(code):
            return ()
        names = [cm.get_description(code), *cm.get_inclusion_term(code)]
    except ValueError:
        return ()
    out = []
    for name in names:
        if _RESIDUAL.search(name):
            continue
        name = _NOT_PART.sub("", _BRACKETS.sub("", name)).strip(" ,;")
        if condition_words(name):
            out.append(name)
    return tuple(dict.fromkeys(out))


@functools.cache
def dx_names(name: str, icd10: str | None) -> tuple[str, ...]:
    """A diagnosis's name and the other names the vocabulary and ICD-10-CM give its condition:
    "Extreme immaturity" is also "prematurity", "preterm infant"; "Bronchopulmonary
    dysplasia" "chronic lung disease of prematurity"; D66 "Hemophilia A"."""
    from pipeline.terms import find_conditions, vocabulary

    known = {t.name: t for t in vocabulary()[1]}
    found = {t.name for t in find_conditions(name)}
    if icd10:
        code = icd10.upper().replace(".", "")
        found |= {
            t.name
            for t in known.values()
            if any(code.startswith(p.replace(".", "")) for p in t.icd10)
        }
    own = condition_words(name)
    # an alias that shares words with the name and adds others is another form of the
    # condition ("postmenopausal osteoporosis" is no "glucocorticoid-induced osteoporosis")
    aliases = [w for n in sorted(found) for w in known[n].words]
    aliases += icd10_names(icd10)
    kept = (a for a in aliases if widens(own, a) and a.lower() != name.lower())
    # a form the vocabulary lists with the diagnosis's own code is the diagnosis's, though
    # it adds words (coded_forms.py: M32.14 is "lupus nephritis")
    return (name, *dict.fromkeys([*kept, *coded_forms(icd10)]))


def widens(own: set[str], alias: str) -> bool:
    """The alias may stand for the name: it shares none of the name's words (another name)
    or adds none (the name's own); sharing some and adding others, it is another form."""
    words = condition_words(alias)
    return not (words & own and words - own)
