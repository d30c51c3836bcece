"""What a recommendation's pronoun stands for: "Therefore, given their known risks of
toxicity, we strongly recommended against their use for any form of OA" advises against the
biologics the sentence before it names. The sentence is quoted as printed; the position is
read from it with the pronoun written out (the drugs or classes of the sentence before)."""

from __future__ import annotations

import re

from pipeline.terms import find_classes, find_drugs

# a pronoun that stands for therapies: "their use", "these agents", "such drugs", "them"
PRONOUN = re.compile(
    r"\b(?:their|its)\s+use\b|\b(?:these|such|those)\s+(?:agents|drugs|medications|"
    r"therapies|treatments|biologics)\b|\b(?:this|that)\s+(?:agent|drug|medication|therapy|"
    r"treatment)\b",
    re.I,
)


def referent(text: str, before: list[str]) -> str:
    """The therapies the sentence's pronoun stands for ("TNF inhibitors and IL-1 receptor
    antagonists"): those the nearest of the sentences ``before`` it (in order, the last the
    nearest) names, where the sentence names none itself; "" otherwise."""
    if not PRONOUN.search(text) or find_drugs(text) or find_classes(text):
        return ""
    for previous in reversed(before):
        named = [t.name for t in find_classes(previous)] or [t.name for t in find_drugs(previous)]
        if named:
            return " and ".join(dict.fromkeys(named))
    return ""


def written_out(text: str, refers: str) -> str:
    """The sentence with its pronoun replaced by what it stands for."""
    if not refers:
        return text
    return PRONOUN.sub(lambda m: f"the use of {refers}" if "use" in m.group(0) else refers, text, 1)
