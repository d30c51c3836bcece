"""Orders a recommendation puts the drug in besides "X over Y" (position.py reads that):
"X is ranked after Y", "reserve X for ...", "against X except in patients intolerant of Y";
and the regimen partners a recommendation gives beside its therapy ("rituximab plus
glucocorticoids"), which are neither alternatives to the drug nor therapies before it."""

from __future__ import annotations

import re

from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, find_therapies, mentions


def others(text: str, topic: CaseTopic) -> list[Term]:
    """The therapies a phrase names other than the drug: drugs, and classes the drug is
    not in ("a TNFi biologic or OSM" for ustekinumab)."""
    return [
        d
        for d in find_therapies(text)
        if not mentions(d.name, topic.drug_words) and d.name not in topic.drug_lineage
    ]


# Orders that rank the drug below others without "over": "X is ranked after Y", "reserve X
# for ...", "against X except in patients intolerant of other agents".
_RANKED_BELOW = re.compile(
    r"\b(?:is|are) (?:ranked|placed|positioned|listed) (?:after|below|behind|lower than)\b(.*)$",
    re.I | re.S,
)
_RESERVE = re.compile(r"\breserv(?:e|ed|ing)\b(.*)$", re.I | re.S)
_EXCEPT = re.compile(
    r"\b(?:except|unless|other than)\b[^.;]*?\b(intoleran\w*|contraindicat\w*|failed|failure|"
    r"inadequate|cannot (?:take|use|tolerate))\b(.*)$",
    re.I | re.S,
)
# A therapy given with the recommended one ("rituximab plus glucocorticoids", "methotrexate
# ... and glucocorticoids over cyclophosphamide ... and glucocorticoids"): part of the regimen,
# neither an alternative to the drug nor a therapy that must come first.
_PARTNER = re.compile(
    r"\b(?:plus|in combination with|combined with|together with|along with)\s+(.*)$", re.I | re.S
)


def partners(head: str, comparator: str, topic: CaseTopic) -> set[str]:
    """The therapies a recommendation gives beside the recommended one: named on both sides
    of "over", or after "plus"/"in combination with"."""
    both = {t.name for t in others(head, topic)} & {t.name for t in others(comparator, topic)}
    joined = set()
    for side in (head, comparator):
        m = _PARTNER.search(side)
        if m:
            joined |= {t.name for t in others(m.group(1), topic)}
    return both | joined


def ranked_below(text: str, topic: CaseTopic) -> tuple[str, list[Term]] | None:
    """("dispreferred", the therapies ranked first) for "X is ranked after Y"; ("second_line",
    []) for "reserve X for ..." / "X should be reserved for ..."; None otherwise."""
    below = _RANKED_BELOW.search(text)
    if below and _on_drug(text[: below.start()], topic):
        preferred = others(below.group(1), topic)
        return ("dispreferred" if preferred else "second_line"), preferred
    kept = _RESERVE.search(text)
    if not kept:
        return None
    if re.search(r"\b(?:be|is|are)\s+$", text[: kept.start()]):
        kept_what = re.split(r"[,;]", text[: kept.start()])[-1]  # "X should be reserved"
    else:
        kept_what = re.split(r"\bfor\b", kept.group(1), maxsplit=1)[0]  # "reserve X for"
    return ("second_line", []) if _on_drug(kept_what, topic) else None


def except_for(tail: str, topic: CaseTopic) -> list[Term] | None:
    """The therapies of an exception after "against X" ("except in patients intolerant of
    BP"): None where there is no exception for failure or intolerance."""
    unless = _EXCEPT.search(tail)
    return others(unless.group(2), topic) if unless else None


def _on_drug(text: str, topic: CaseTopic) -> bool:
    return topic.names_drug(text) or topic.names_class(text)


# "if there is inadequate response to NSAIDs and at least 1 csDMARD": in a recommendation's
# head, what follows such a cue must have come first (classes too), not what it recommends.
_FAILED_FIRST = re.compile(
    r"\b(?:inadequate|incomplete|insufficient)(?:ly)?\s+respon\w*(?:\s+to)?|"
    r"\bintoleran(?:ce|t)\s+(?:of|to)|\bfailure\s+of|\bafter\s+failing",
    re.I,
)


def required_after(head: str, topic: CaseTopic) -> list[Term]:
    """The therapies (drugs and classes) a recommendation's head names after a failure cue
    ("bDMARDs are recommended if there is inadequate response to ... at least 1 csDMARD")."""
    m = _FAILED_FIRST.search(head)
    return others(head[m.start() :], topic) if m else []
