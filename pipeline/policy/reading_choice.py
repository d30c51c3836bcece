"""Which of two readings of a policy's indications to keep: the lead-ins' reading
(grant_lead_ins.py) replaces the other readers' only where it reads more than they did."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.grant_words import REFUSES, grant_words
from pipeline.policy.models import Indication


def named_by_condition(name: str) -> bool:
    """A name that is a condition's, not a granting sentence read as one ("To keep getting X
    for <condition> after 6 months, we approve ... when both of these are true")."""
    return names_condition(name) and not (
        grant_words(name) and re.search(r"\b(?:when|if)\b", name, re.I)
    )


def adds_criteria(found: list[Indication], had: list[Indication]) -> bool:
    """The lead-ins read more than the other readers did: branches of a stated request type,
    branches, or criteria (or, naming each indication by a condition, more than the other
    reading's indications so named); a reading that only renames what was read is no better."""

    def size(inds: list[Indication]) -> tuple[int, int, int]:
        branches = [b for i in inds for b in i.branches]
        typed = sum(b.request_type != "any" for b in branches)
        return typed, len(branches), sum(len(b.node.leaves()) for b in branches)

    named = [i for i in had if named_by_condition(i.name)]
    if not had or size(found) > size(had) and (len(had) <= 1 or not named):
        return True
    if _types_untyped(found, had, size(found), size(had)):
        return True
    # a reading naming each of its indications by a condition, over one that read several
    # under names of none ("Notes", the drug's name): better where it names as many
    # indications as that reading had (those that only refuse aside: "Notes" over "X is not
    # subsidised.") and reads more than its indications named by a condition
    granting = [
        i for i in had if not all(_refuses(x.text) for b in i.branches for x in b.node.leaves())
    ]
    return (
        len(had) >= 2  # one indication renamed is no better
        and len(named) < len(had)
        and all(names_condition(i.name) for i in found)
        and len(found) >= max(len(granting), len(named) + 1)
        and size(found) > size(named)
    )


def _refuses(text: str) -> bool:
    return bool(REFUSES.search(text))


def _types_untyped(
    found: list[Indication],
    had: list[Indication],
    found_size: tuple[int, int, int],
    had_size: tuple[int, int, int],
) -> bool:
    """The lead-ins state more request types than the other reading did, read every
    criterion it read, and name each indication by a condition where it named some by none
    ("Pathway A2 - retreatment" read as an indication: the lead-ins read it as the renewal
    of the pathway before it)."""
    return (
        found_size[0] > had_size[0]
        and found_size[2] >= had_size[2]
        and all(names_condition(i.name) for i in found)
        and not all(named_by_condition(i.name) for i in had)
    )
