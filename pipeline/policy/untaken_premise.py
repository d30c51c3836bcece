"""A criterion premised on the patient's use of another drug ("patiromer was taken for 4
weeks or more without potassium falling", "patiromer caused constipation ... that stopped
it") where a fact says that drug was never taken ("Has never taken patiromer"): not met,
since nothing can have happened on a drug never used.

Only where the criterion asks no absence and no inability ("cannot be used",
"contraindicated", "intolerant": those a patient may meet without ever taking the drug),
nor does the stem of its group ("At least one of these has failed or cannot be used:"),
and the drug is not the one requested (its own use is the request's to state)."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses

_USE = re.compile(
    r"\b(?:taken|took|tried|used|received|given|caused|failed|stopped|discontinued)\b", re.I
)
_NOT_PREMISED = re.compile(
    r"\b(?:no|not|never|nor|none|cannot|can't|unable|contraindicat\w*|unsuitable|allerg\w*|"
    r"intoleran\w*|unavailable|declined|refused)\b",
    re.I,
)
# "never" only: "has not used X since 2020" is a use all the same
_NEVER_TOOK = re.compile(
    r"\b(?:never|not\s+ever)\s+(?:been\s+)?(?:taken|took|received|used|tried|treated\s+with|given)\s+"
    r"(?:any\s+|a\s+|the\s+)?(?P<drug>[A-Za-z][\w-]{4,})",
    re.I,
)
# a group's stem that lets an item be met without use ("has failed or cannot be used:")
_UNUSABLE = re.compile(
    r"\b(?:cannot|can't|unable|contraindicat\w*|intoleran\w*|allerg\w*|"
    r"not\s+(?:be\s+)?(?:used|tolerated|given|taken))\b",
    re.I,
)
# "has never taken it before ... but": a clause that goes on to a use after all
_BUT = re.compile(r"\b(?:but|until|except|before|prior to|since|again)\b", re.I)


def judge_untaken_premise(
    text: str, facts: list[CaseFact], drug: str, context: str = ""
) -> tuple[str, list[str], str] | None:
    if not _USE.search(text) or _NOT_PREMISED.search(text) or _UNUSABLE.search(context):
        return None
    asked = text.lower()
    requested = drug.lower()
    for fact in facts:
        if not fact.text.startswith(("History:", "Prior therapy:")):
            continue
        for clause in _clauses(fact.text):
            for m in _NEVER_TOOK.finditer(clause):
                name = m.group("drug").lower()
                if name in requested or not re.search(rf"\b{re.escape(name)}\b", asked):
                    continue
                if _BUT.search(clause[m.end() :]):
                    continue
                return "not_met", [fact.id], f"{fact.id}: {m.group('drug')} never taken"
    return None
