"""A renewal's criterion that the symptoms improved on the drug ("His symptoms have improved
since testosterone was started."), judged by code from the case's prior-therapy record of
that drug and the response it states ("Prior therapy: Testosterone cypionate 100 mg weekly
since 07/2025; response: symptoms improved.").

Met: a record of the drug the criterion names (or, where it says "treatment", the requested
drug) states an improvement with no word that takes it back. Not met: such a record states
no improvement, no response or worsening. Anything else (no record of the drug, a partial
or mixed response) is for the model or a person."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.improvement_words import BETTER
from pipeline.policy.improvement_words import DOUBT as _NOT
from pipeline.policy.improvement_words import NONE as _NONE

_ASKS = re.compile(
    r"^\s*(?:(?:his|her|their|the\s+(?:patient|member|recipient)'s)\s+)?"
    r"(?:symptoms?|signs?\s+and\s+symptoms|condition)\s+(?:has|have)\s+improved\s+"
    r"(?:since|on|with|while\s+on|during)\s+(?:the\s+)?(?P<what>[A-Za-z][\w-]+)",
    re.I,
)
_GENERIC = {"treatment", "therapy", "the", "this", "it", "medication", "drug", "starting"}
_RECORD = re.compile(r"^Prior therap(?:y|ies):\s*(?P<name>[^;]+);\s*response:\s*(?P<response>.+)$")
_BETTER = re.compile(rf"\b{BETTER}\b", re.I)


def judge_improved_since(
    text: str, facts: list[CaseFact], drug: str
) -> tuple[str, list[str], str] | None:
    asks = _ASKS.match(text)
    if not asks:
        return None
    what = asks.group("what").lower()
    if what in _GENERIC:
        what = (drug.split() or [""])[0].lower()
    if len(what) < 4:
        return None
    said: list[tuple[str, str]] = []
    for fact in facts:
        m = _RECORD.match(fact.text.strip())
        if m and re.search(rf"\b{re.escape(what)}", m.group("name"), re.I):
            said.append((fact.id, m.group("response").strip().rstrip(".")))
    better = [(i, r) for i, r in said if _BETTER.search(r) and not _NOT.search(r)]
    worse = [(i, r) for i, r in said if _NONE.search(r)]
    if better and not worse:
        return "met", [better[0][0]], f"the record of {what} states: {better[0][1]}"
    if worse and not better:
        return "not_met", [worse[0][0]], f"the record of {what} states: {worse[0][1]}"
    return None
