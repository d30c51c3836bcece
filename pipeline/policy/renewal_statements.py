"""A continuation statement that serves the indications it cites: "C. Continued
subcutaneous X is covered when ...: 1. The patient met the criteria in section B ...", or
"Section 3. Continued treatment is medically necessary for XLH or TIO when ...: the member
met the criteria in Section 1 or Section 2 ...". Its criteria are the continuation branch
of every indication whose section it names, by the sections' own labels ("A.", "Section
2."), never by a condition's words.
"""

from __future__ import annotations

import re

from pipeline.policy.models import Indication
from pipeline.policy.outline import Item
from pipeline.policy.wording import _CONTINUATION

# "Continued subcutaneous spesolimab is covered when ...": a statement of continued use
_CONTINUED = re.compile(r"^\s*(?:continued|continuing)\b", re.I)
_LABEL = r"(?:[A-Z]|\d{1,2}|[IVX]{1,4})"
# "section B", "Section 1 or Section 2", "Sections 1 and 2", "sections A, B and C"
_CITED = re.compile(
    rf"\bsections?\s+({_LABEL}\b(?:\s*(?:,|and|or|&)\s*(?:sections?\s+)?{_LABEL}\b)*)",
    re.I,
)
_NAME_LABEL = re.compile(rf"^(?:section\s+)?({_LABEL})[.):]\s", re.I)


def continues(item: Item) -> bool:
    """The statement grants continued use (its condition's initial one came before)."""
    return bool(_CONTINUATION.match(item.text) or _CONTINUED.match(item.text))


def _text(item: Item) -> str:
    return " ".join([item.text, *(_text(c) for c in item.children)])


def cited(item: Item, indications: list[Indication]) -> list[Indication]:
    """The indications read so far whose sections the statement cites by label."""
    labels: set[str] = set()
    for m in _CITED.finditer(_text(item)):
        labels |= {x.upper() for x in re.findall(_LABEL, m.group(1))}
    out = []
    for ind in indications:
        found = _NAME_LABEL.match(ind.name)
        label = found.group(1) if found else ind.id
        if label.upper() in labels:
            out.append(ind)
    return out


def add_continuation(targets: list[Indication], renewal: Indication) -> None:
    """The continuation statement's branches added to each indication it serves; their
    own unlabelled branches are then the initial ones."""
    for target in targets:
        for branch in target.branches:
            if branch.request_type == "any":
                branch.request_type = "initial"
        for branch in renewal.branches:
            copy = branch.model_copy(deep=True)
            copy.request_type = "continuation"
            target.branches.append(copy)
