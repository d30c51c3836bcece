"""A criterion that the requested drug be used together with another drug or class ("Esketamine
will be used together with an oral antidepressant", "X is given in combination with
methotrexate"): the other is the object, one thing, named by the drug vocabulary.

Met where a note names it (a drug of the class it names) in a clause that does not deny it,
in a note that says the two go together ("given together with the esketamine course",
"continues alongside"). Not met where a clause denies or refuses it ("He declined every oral
antidepressant offered; none is prescribed") and none names it otherwise (one stopped says
neither). A criterion with another way ("..., unless contraindicated", "X or Y") is not read
here."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, is_absence, negates
from pipeline.policy.match import drug_words, words
from pipeline.policy.polarity import _ALONGSIDE, _SKIP, _STOPPED, _names

_USED_WITH = re.compile(
    r"^\s*(?P<subject>.+?)\s+(?:will|is|are|must|should)\s+(?:be\s+|to be\s+)?"
    r"(?:used|given|taken|prescribed|administered)\s+"
    r"(?:together|in combination|concurrently|concomitantly|along|in addition)\s+with\s+"
    r"(?P<other>.+?)\s*\.?$",
    re.I,
)
_THIS_DRUG = re.compile(
    r"^(?:it|this (?:drug|medication|agent)|the requested (?:drug|agent|medication))$", re.I
)
# another way, or more than one thing: not this reading
_OTHER_WAY = re.compile(r"\b(?:or|and|unless|if|except|when|where|nor)\b|[,;(]", re.I)
_REFUSED = re.compile(r"\b(?:declined|refused|none is|not prescribed)\b", re.I)
_ARTICLE = re.compile(r"^(?:an?|the|another)\s+", re.I)


def _vocabulary_item(item: str) -> bool:
    """The item is a drug or class the vocabulary knows (not "standard care")."""
    from pipeline.terms import find_classes, find_drugs

    return bool(find_drugs(item) or find_classes(item))


def judge_used_with(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """(status, cited fact ids, reason) for "the drug will be used together with X"; None
    where code cannot be sure."""
    m = _USED_WITH.match(text)
    if not m or is_absence(text):
        return None
    subject = m.group("subject").strip()
    if not (_THIS_DRUG.match(subject) or drug_words(drug) & words(subject)):
        return None  # something else is to be taken with X: not this reading
    item = _ARTICLE.sub("", m.group("other").strip())
    if _OTHER_WAY.search(item) or not _vocabulary_item(item):
        return None
    denied: list[str] = []
    stated = False
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        together = bool(_ALONGSIDE.search(fact.text))
        for clause in _clauses(fact.text):
            if not _names(item, clause):
                continue
            if _STOPPED.search(clause):
                continue  # one stopped says nothing of what is given now
            if negates(clause) or _REFUSED.search(clause):
                denied.append(fact.id)
                continue
            stated = True
            if together:
                return "met", [fact.id], f"{fact.id} states {item} given together with it"
    if denied and not stated:
        cited = list(dict.fromkeys(denied))[:3]
        return "not_met", cited, f"{cited[0]} states no {item} is given"
    return None
