"""A drug's class as the case's own guidelines name it, where the vocabulary knows none:
"gonadotropin-releasing hormone agonist (usually leuprolide acetate)", "a TNF inhibitor
(e.g., adalimumab)", "calcineurin inhibitors such as tacrolimus". The guideline's
recommendation names the class, not the drug; the sentence that gives an example of the
class says the drug is one of it, so the class's sentences speak of the drug.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.terms import term_pattern

if TYPE_CHECKING:
    from pipeline.retrieve.topic import CaseTopic

# what introduces an example of the class right after its name
_EXAMPLE = (
    r"(?:\(\s*(?:usually|typically|mostly|mainly|most often|e\.\s?g\.,?|eg,?|such as|including|"
    r"like)|,?\s+(?:such as|e\.\s?g\.,?|including))\s+"
)
# words a class's name does not run back past: a determiner, a preposition, a verb
_STOP = re.compile(
    r"\b(?:of|with|for|to|in|on|by|a|an|the|and|or|is|are|was|were|be|use|using|used|"
    r"recommend\w*|receiv\w*|tak\w*|trials?|studies|study|evidence)\b|[,;:.()]",
    re.I,
)
_MAX_WORDS = 6


def learned_classes(texts: list[str], drug_words: tuple[str, ...]) -> tuple[str, ...]:
    """The class names these texts give the drug by example, lowercased, PDF line-break
    hyphens closed ("gonadotropin- releasing" is "gonadotropin-releasing")."""
    drug = term_pattern(tuple(w for w in drug_words if len(w) > 3))
    if drug is None:
        return ()
    found: dict[str, None] = {}
    for text in texts:
        for m in drug.finditer(text):
            before = text[max(0, m.start() - 160) : m.start()]
            example = re.search(_EXAMPLE + r"$", before, re.I)
            if not example:
                continue
            phrase = _STOP.split(before[: example.start()])[-1]
            words = phrase.replace("- ", "-").split()
            if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
                words[-1] = words[-1][:-1]  # "inhibitors": the singular names both
            if 2 <= len(words) <= _MAX_WORDS or (len(words) == 1 and len(words[0]) >= 8):
                found.setdefault(" ".join(words).lower())
    return tuple(found)


def teach_classes(topic: CaseTopic, texts: list[str]) -> None:
    """Adds to the topic's classes of the drug those these texts name by example, where the
    vocabulary knows no class for it (a known drug keeps its vocabulary's lineage)."""
    if topic.drug_lineage or topic.kind is not None or topic.service is not None:
        return
    new = [c for c in learned_classes(texts, topic.drug_words) if c not in topic.drug_classes]
    topic.drug_classes = (*topic.drug_classes, *new)
