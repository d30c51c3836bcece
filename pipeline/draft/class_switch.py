"""A recommendation to switch to a drug of a different class over one of the same class
("Switching to a bDMARD or tsDMARD of a different class is conditionally recommended over
switching to a bDMARD or tsDMARD belonging to the same class for patients taking a bDMARD
or tsDMARD who are not at target"), read for a request of a drug whose own class the case
already tried: the request is the same-class switch, another class is preferred.

The position reader otherwise sets the sentence aside as one for patients already taking
the drug's broad class (nothing on starting it); but for a second drug of a class this
is the very population of the request.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.draft.continued_course import against_change
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, drug_classes, find_drugs

_DIFFERENT_OVER_SAME = re.compile(
    r"(?P<other>[^,;.]{0,60}?\b(?:of|from|in) an? (?:different|another|other) (?:drug )?class)\b"
    r"[^.;]*?\b(?:over|rather than|instead of)\b[^.;]*?\b(?:the )?same (?:drug )?class\b",
    re.I,
)
_SWITCH_TO = re.compile(r"^\s*(?:switching|switch|changing|change)\s+to\s+", re.I)
# "switching (from the originator) to (treatment with) X": what the switch starts is X
_SWITCH_OBJECT = re.compile(
    r"^\s*(?:the\s+)?(?:switch\w*|chang\w*)\s+(?:from\s+[^,;]{1,80}?\s+)?to\s+"
    r"(?:treatment\s+with\s+)?(?=\S)",
    re.I,
)


def switched_to(target: str) -> str:
    """What a recommendation against "switching to X" advises against: starting X (for a
    request of X, the request itself, "a biosimilar of the first TNFi" after that TNFi
    failed), not stopping the drug the patient takes; any other target as it is."""
    m = _SWITCH_OBJECT.match(target)
    return target[m.end() :] if m else target


def tried_own_class(topic: CaseTopic) -> bool:
    """The case tried a drug of the requested drug's own narrow class (adalimumab, for
    certolizumab: a TNF inhibitor)."""
    return _tried_own(tuple(topic.drug_lineage), tuple(topic.prior), tuple(topic.drug_words))


@lru_cache(maxsize=64)  # asked per sentence by the ranking: the vocabulary scan once a case
def _tried_own(lineage: tuple[str, ...], prior: tuple[str, ...], words: tuple[str, ...]) -> bool:
    known = drug_classes()
    own = [c for c in lineage if c in known and not known[c].broad]
    # every drug a prior therapy names ("adalimumab with methotrexate": both)
    tried = [d for p in prior for d in find_drugs(p)]
    return any(c in d.classes and d.name not in words for d in tried for c in own)


def other_class_preferred(text: str, topic: CaseTopic) -> list[Term] | None:
    """The therapy a different-class-over-same-class sentence prefers to the request (by
    its own words: "a bDMARD or tsDMARD of a different class"), where the case already had
    a drug of the request's class; None where the sentence is no such comparison or the
    request would not be a same-class switch."""
    m = _DIFFERENT_OVER_SAME.search(text)
    if not m or not tried_own_class(topic):
        return None
    phrase = _SWITCH_TO.sub("", m.group("other"))
    phrase = " ".join(phrase.split())
    return [Term(name=phrase, words=(phrase.lower(),))]


def course_reading(text: str, topic: CaseTopic) -> tuple[str, list[Term]] | None:
    """(kind, preferred) of a sentence on the patient's course of the drug's class, read
    before the sentence is set aside as one for patients already on it: keep the current
    course over a new one ("against": continued_course.py), or another class over a second
    drug of this one ("dispreferred")."""
    if against_change(text, topic):
        return "against", []
    other = other_class_preferred(text, topic)
    return ("dispreferred", other) if other is not None else None
