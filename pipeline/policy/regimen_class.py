"""An earlier regimen asked to have contained a class of drug ("The earlier course was: a
regimen that contained an NS5A inhibitor"), judged by code from the case's prior-therapy
records: each record's drugs are read through the drug vocabulary (a combination's brand
names each of its ingredients: "Mavyret" is glecaprevir and pibrentasvir), and a drug's
classes are its own and the broader ones above them.

Met: a prior-therapy record holds a drug of the class. Nothing else is decided here (a
record naming no known drug may still be of the class): the model or a person decides."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.terms import find_classes, find_drugs

_ASKS = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?:earlier\s+|prior\s+|previous\s+)?"
    r"(?:regimen|course|therapy|treatment)\s+(?:that\s+)?"
    r"(?:contained|contains|containing|included|includes|including|with)\s+"
    r"(?:an?\s+|at\s+least\s+one\s+)?(?P<what>[^;,.]+?)\s*[;.]?\s*$",
    re.I,
)
_RECORD = re.compile(r"^Prior therap(?:y|ies):\s*(?P<name>[^;]+)")


def judge_regimen_class(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asks = _ASKS.match(text)
    if not asks or re.search(r"\b(?:no|not|without)\b", asks.group("what"), re.I):
        return None
    wanted = {c.name for c in find_classes(asks.group("what"))}
    if not wanted:
        return None
    for fact in facts:
        m = _RECORD.match(fact.text.strip())
        if not m:
            continue
        for drug in find_drugs(m.group("name")):
            if held := wanted & set(drug.classes):
                cls = sorted(held)[0]
                return "met", [fact.id], f"{drug.name} in {m.group('name').strip()} is a {cls}"
    return None
