"""A criterion asking symptoms of a condition and giving examples ("He has symptoms of low
testosterone, such as reduced libido, fewer morning erections, low energy or loss of body
hair."), judged by code from a case clause that states one of the examples: the example's
head word ("erections") in a clause that says it is lessened as the example does ("rarely
wakes with erections" for "fewer morning erections"), with no negation or word of a normal
finding ("normal erections", "no erectile problems").

Met only: the examples are "such as", so a case stating none of them may still have other
symptoms of the condition; that is for the model or a person."""

from __future__ import annotations

import re

from pipeline.models import CaseFact

_ASKS = re.compile(
    r"\b(?:has|have|with|shows?|reports?)\s+(?:signs\s+(?:and|or)\s+)?(?:symptoms?|signs?)\s+"
    r"of\s+(?P<cond>[^,]+),\s+such\s+as\s+(?P<examples>.+?)\.?\s*$",
    re.I,
)
# the words that say a function or finding is lessened, in an example and in a case clause
_LESS = re.compile(
    r"\b(?:fewer|few|rarely|rare|reduced|reduction|decreased?|low|lower|less|loss|lost|poor|"
    r"diminished|infrequent|weak|weaker)\b",
    re.I,
)
# a negation or a normal finding: the clause does not state the symptom
_NOT = re.compile(
    r"\b(?:no|not|never|denies|denied|without|normal|preserved|intact|unchanged|good|"
    r"improved|better|resolved)\b",
    re.I,
)
_PIECES = re.compile(r"[,;:]|(?<!\d)\.(?!\d)")


def _examples(text: str) -> list[tuple[str, bool]]:
    """(the head word's stem, whether the example says it is lessened) for each example."""
    out = []
    for part in re.split(r",|\bor\b|\band\b", text):
        words = re.findall(r"[A-Za-z]{4,}", part)
        if words:
            out.append((words[-1].lower()[:5], bool(_LESS.search(part))))
    return out


def judge_symptom_examples(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asks = _ASKS.search(text)
    if not asks:
        return None
    examples = _examples(asks.group("examples"))
    for fact in facts:
        if fact.text.startswith(("Requested", "Payer", "Patient:", "Prior therap")):
            continue
        for piece in _PIECES.split(fact.text):
            if _NOT.search(piece):
                continue
            for stem, lessened in examples:
                named = re.search(rf"\b{re.escape(stem)}\w*", piece, re.I)
                if named and (not lessened or _LESS.search(piece)):
                    said = piece.strip()
                    return "met", [fact.id], f"a symptom the criterion names is stated: {said!r}"
    return None
