"""The condition a criterion asks about, where no heading or title names one: an intake
question ("Does the patient have Gaucher disease type 1, confirmed by ...?"), a statement
("Member has a diagnosis of X documented by ...", "X is confirmed by ..."). A titled part
named only by its drug ("PART 1 - DRUG (Brand) - START OF THERAPY") is named by the
condition its first criterion asks about (run_in_branches.join_titled)."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.models import PolicyNode

# the words before a condition's name: "Does the patient have", "Is", "diagnosis of",
# "diagnosed with", "member has"
_BEFORE = re.compile(
    r"^(?:(?:does|do|did)\s+(?:the\s+)?(?:patient|member|individual|child)\s+have\s+(?:a\s+)?|"
    r"(?:is|has)\s+(?:there\s+)?|"
    r"(?:the\s+)?(?:patient|member|individual)\s+has\s+(?:a\s+)?|"
    r"(?:a\s+)?(?:confirmed\s+|documented\s+)?diagnosis\s+of\s+|diagnosed\s+with\s+)+",
    re.I,
)
# where the condition's name ends: its proof, a clause, a comma
_AFTER = re.compile(
    r"\s*(?:[,;:?(]|\b(?:confirmed|documented|diagnosed|proven|shown|established|as|by|with|"
    r"that|which|who|when|if|been)\b)",
    re.I,
)
_MAX_WORDS = 8
# a yes / no question naming the condition a guide's section is for ("Does your child have
# X?", "Do you have X?", "Has the member been diagnosed with X?"): a title's whole question
# (grant_lead_ins.py), where _BEFORE reads a criterion's opening words
_HAS_QUESTION = re.compile(
    r"^(?:does|do|is|has|have)\s+(?:your\s+\w+|you|the\s+(?:patient|member|child|person|"
    r"enrollee|beneficiary|recipient|individual|covered\s+person))\s+"
    r"(?:have|has|(?:been\s+)?diagnosed\s+with|living\s+with)\s+(?P<name>[^?]+?)\s*\?$",
    re.I,
)


# a title line stating what the subject has ("Given the member has X", "And the patient is
# diagnosed with X", "Patient has X"): a scenario's or a rule's condition step, whole
_HAS_STATEMENT = re.compile(
    r"^(?:(?:given|and|where|when|if)\s+(?:that\s+)?)?(?:the\s+)?(?:patient|member|child|person|"
    r"enrollee|beneficiary|recipient|individual|covered\s+person)\s+"
    r"(?:has\s+been\s+diagnosed\s+with|has\s+a\s+diagnosis\s+of|is\s+diagnosed\s+with|"
    r"is\s+living\s+with|has|have)\s+(?:an?\s+)?(?P<name>[^.;:?]+?)\s*\.?$",
    re.I,
)


def stated_name(text: str) -> str | None:
    """What a whole statement line says the subject has ("Given the member has X" → X), as
    printed (the caller tests it names a condition), or None."""
    m = _HAS_STATEMENT.match(text.strip())
    return m["name"] if m is not None else None


def asked_condition(text: str) -> str | None:
    """The condition a criterion's opening names, or None."""
    m = _BEFORE.match(text.strip())
    if m is None:
        return None
    rest = text.strip()[m.end() :]
    end = _AFTER.search(rest)
    name = (rest[: end.start()] if end else rest).strip(" .")
    if not name or len(name.split()) > _MAX_WORDS or not names_condition(name):
        return None
    return name


def questioned_name(text: str) -> str | None:
    """What a whole yes / no question asks the subject has ("Does your child have X?" → X),
    as printed (the caller tests it names a condition), or None."""
    m = _HAS_QUESTION.match(text)
    return m["name"] if m is not None else None


def first_asked_condition(node: PolicyNode) -> str | None:
    """The condition the first criterion of a tree asks about, or None."""
    leaves = node.leaves()
    return asked_condition(leaves[0].text) if leaves else None


# "Drug (Brand) for overactive bladder in adults: approve ...": the use a lead-in grants for
_GRANTED_FOR = re.compile(
    r"\bfor\s+(?!(?:\d+|one|two|three|six|twelve)\b)(?P<name>[^,:;()]{3,60}?)\s*"
    r"(?:[:;,]|\s+(?:when|if|in\s+(?:adults|children|members|patients)|is|are|may)\b)",
    re.I,
)


def granted_for(text: str) -> str | None:
    """The condition a lead-in grants its drug for, or None."""
    m = _GRANTED_FOR.search(text)
    name = m.group("name").strip() if m else ""
    return name if name and len(name.split()) <= _MAX_WORDS and names_condition(name) else None
