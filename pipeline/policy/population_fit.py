"""Whether an indication's name states a population the patient is outside ("classic CAH in
adults" for a 9-year-old, "... in children" for a 40-year-old). A policy that splits one
condition by age names each part by its population; the case's age picks the part, so the
patient is never judged (and denied) by the other part's age criterion."""

from __future__ import annotations

import re

from pipeline.models import Case

# the words naming a population: read here and by branch_subjects.py (a lead-in's "for
# children aged 1 year or older with X")
ADULT_WORDS = r"adults?"
CHILD_WORDS = r"child(?:ren)?|pa?ediatric|infants?|adolescents?"
_ADULT = re.compile(rf"\b(?:{ADULT_WORDS})\b", re.I)
_CHILD = re.compile(rf"\b(?:{CHILD_WORDS}|minors?)\b", re.I)
_ADULT_AGE = 18


def population_fit(name: str, case: Case) -> tuple[float, str]:
    """-1 where the name states one population (adults or children) and the patient's
    documented age is outside it; +0.1 where inside; 0 where the name states none or both,
    or the age is not documented."""
    age = case.patient.age
    adult, child = bool(_ADULT.search(name)), bool(_CHILD.search(name))
    if age is None or adult == child:
        return 0.0, ""
    inside = age >= _ADULT_AGE if adult else age < _ADULT_AGE
    who = "adults" if adult else "children"
    if inside:
        return 0.1, f"for {who}, and the patient is {age}"
    return -1.0, f"for {who}, but the patient is {age}"
