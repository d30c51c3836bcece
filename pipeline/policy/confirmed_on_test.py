"""A diagnosis the criterion asks shown by a named kind of test ("Sickle cell disease of any
genotype (HbSS, HbSC, HbS-beta thalassemia) shown on hemoglobin testing", "Sickle cell
disease confirmed on hemoglobin testing"), met by code where the case's diagnosis holds
the condition's name and a note gives that test with a result ("Hemoglobin HPLC in
childhood and repeated 2019: HbS 88%, HbF 9%, no HbA (HbSS)").

Met only: the note must name every word of the test (less "test/testing/analysis"), be
no plan or pending order, and give a result (a number, or a finding after a colon); the
condition's words must all be in one diagnosis. A test that was not done or is awaited,
or a diagnosis of another condition, decides nothing (the model is asked)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import negates, stem

_ASKED = re.compile(
    r"^\s*(?P<condition>[A-Za-z][\w' -]{3,80}?)\s*(?:\((?P<forms>[^()]{2,80})\)\s*)?"
    r"(?:of\s+any\s+\w+\s*(?:\((?P<forms2>[^()]{2,80})\)\s*)?)?"
    r"(?:is\s+|was\s+)?(?:shown|confirmed|proven|proved|documented)\s+(?:on|by)\s+"
    r"(?:an?\s+|the\s+)?(?P<test>[A-Za-z][\w -]{2,40}?)\s*\.?\s*$",
    re.I,
)
_TEST_WORDS = {"test", "testing", "tests", "analysis", "assay", "result", "results"}
_PENDING = re.compile(
    r"\b(?:pending|awaited|ordered|planned|to be|will be|scheduled|not done|sent)\b", re.I
)
_RESULT = re.compile(r"\d|:\s*\S")
# a criterion that asks a specific variant or form is read by genetic_variants.py & co.
_SPECIFIC = re.compile(r"\b(?:variant|mutation|biopsy|pathogenic)\b", re.I)
# a gene test names itself in other words, and confirms only with a disease-causing result
_GENETIC = {stem("genetic"), stem("genomic")}
_GENE_NOTE = re.compile(r"\b(?:gene|genetic|genomic|DNA)\b", re.I)
_CAUSING = re.compile(r"\b(?:pathogenic|deletion|duplication|nonsense|frameshift)\b", re.I)
_UNSURE = re.compile(r"\b(?:uncertain|VUS|benign|negative|no pathogenic|not found)\b", re.I)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[A-Za-z]{3,}", text.lower()) if w not in _OF}


_OF = {"the", "and", "with", "any", "type", "form"}


def judge_confirmed_on_test(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    m = _ASKED.match(text)
    if not m or _SPECIFIC.search(m.group("test")):
        return None
    # every word, "disease" too: "Sickle cell disease" is no "sickle cell trait"
    condition = _stems(m.group("condition"))
    test = {stem(w) for w in re.findall(r"[A-Za-z]+", m.group("test").lower())}
    test -= {stem(w) for w in _TEST_WORDS}
    if not condition or not test:
        return None
    diagnosis = next(
        (f for f in facts if f.text.startswith("Diagnosis:") and condition <= _stems(f.text)),
        None,
    )
    if diagnosis is None:
        return None
    for fact in facts:
        if not fact.text.startswith("History:"):
            continue
        body = fact.text.split(":", 1)[1]
        stems = {stem(w) for w in re.findall(r"[A-Za-z]+", body)}
        if test & _GENETIC:
            if _GENE_NOTE.search(body) and _CAUSING.search(body) and not _UNSURE.search(body):
                stems |= _GENETIC
            else:
                continue
        if not test <= stems or _PENDING.search(body) or negates(body.split(":")[0]):
            continue
        if _RESULT.search(body):
            why = f"{diagnosis.id} names the condition; {fact.id} gives the test with its result"
            return "met", list(dict.fromkeys([diagnosis.id, fact.id])), why
    return None
