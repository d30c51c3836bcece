"""Does a sentence grant coverage? One reading shared by the readers of granting sentences:
a rule's § sections and a letter's statements (statute_sections.py, letter_criteria.py:
"shall authorize X ... when") and the last-resort lead-ins (grant_lead_ins.py: any sentence
granting coverage over the items after it, "We approve it for 6 months when ...", "Motion:
that X be approved ...", "Yes, for 6 more months, when all of these are true.").

A refusal ("shall not authorize", "does not cover X when:", "may NOT be eligible for:",
"Neither drug is covered for:") grants nothing, whatever its other words.
"""

from __future__ import annotations

import re

# a stated grant: "shall authorize", "will approve", "shall be released", "may cover"
MODAL_GRANT = re.compile(
    r"\b(?:shall|will|may|must|can|would)\s+(?:be\s+)?(?:authori[sz]|approv|cover|releas|"
    r"dispens|pa(?:y|id)\b|reimburs|allow|accept|renew)|"
    r"\b(?:we|the plan)\s+(?:approve|cover|authori[sz]e)s?\b",
    re.I,
)
# the words a granting lead-in uses, with or without a verb of its own ("Coverage criteria:",
# "is medically necessary when", "Members are eligible when", "Funded when", "is subsidised
# for patients who") or any other verb of approval ("grant 3 months", "OK to dispense",
# "paid for", "released"; not a drug's "extended-release")
_GRANT_WORD = re.compile(
    r"\b(?:approv\w*|cover(?:s|ed|age)?|authori[sz]\w*|medically\s+necessary|eligible|"
    r"criteri(?:a|on)|grant(?:s|ed)?|fund(?:s|ed|ing)?|subsidi[sz]\w*|reimburs\w*|"
    r"permit(?:s|ted)?|allow(?:s|ed)?|dispens\w*|pa(?:ys?|id)\s+for|(?<!-)releas(?:e|es|ed)|"
    # "X for Y is renewed for twelve months when": a renewal's own verb of granting
    r"renew(?:s|ed)|"
    # "Renew for 12 months when both points are true:": a timeline's milestone, imperative
    r"renew\s+for\s+(?:up\s+to\s+)?(?:\d{1,2}|one|two|three|six|twelve)\s+(?:months?|weeks?|years?)|"
    # "the patient qualifies for 6 months only when every answer is Y": a form's own verb
    r"qualif(?:y|ies|ied)|"
    # "We can say yes for 6 months when all of these are true:": a member guide's plain words
    r"say(?:s)?\s+yes|"
    # "X: continue for 12 months at a time when both are confirmed": a renewal's grant
    r"continue[sd]?\s+for\s+(?:up\s+to\s+)?(?:\d{1,2}|one|two|three|six|twelve)\s+(?:months?|weeks?|years?))\b",
    re.I,
)
# a grant for a further term, with no verb of granting ("Yes, for 6 more months, when ...",
# "renewal for a further 6 months when", "a further 12 months when the record shows:",
# "12 months each if")
_TERM = r"(?:\d{1,2}|one|two|three|four|six|twelve)"
_UNIT = r"(?:months?|weeks?|years?|days?)"
FURTHER_TERM = re.compile(
    rf"\b(?:further|more|another|additional)\s+{_TERM}\s*-?\s*{_UNIT}\b|"
    rf"\b{_TERM}\s+(?:more|further|additional)\s+{_UNIT}\b|"
    # "Year 2 and 3: 12 months each if both are true:": a term granted again and again
    rf"\b{_TERM}\s*-?\s*{_UNIT}\s+each\b",
    re.I,
)
# what a refusal refuses: coverage, approval, payment
COVERAGE = re.compile(r"\b(?:cover\w*|approv\w*|authori[sz]\w*|pay\s+for|eligible)\b", re.I)
REFUSES = re.compile(
    r"\b(?:shall|will|may|must|can|would|do|does)\s+not\b|\bwon't\b|"
    r"\bno\s+(?:cost\s+)?(?:authorization|payment|approval)\b|\bhard\s+stops?\b|"
    r"\b(?:not|never|no\s+longer)\s+(?:be\s+)?(?:cover|approv|authori|medically|eligible|"
    r"considered|subsidi[sz]|funded|reimburs)|\b(?:excluded|denied|rejected|refused|ineligible|disqualif\w*)\b|\bneither\b[^.:]*\b(?:covered|approved|authori[sz]ed)\b",
    re.I,
)
_CONDITIONED = re.compile(r"\b(?:when|if|where|provided|as long as|once|only)\b", re.I)


# a grant in the passive of the present ("X is covered for Y ..., provided that"): an
# amendment's clause states the plan's terms as they stand; a further term granted
# ("Coverage under paragraph (a) may be continued for 6 months if:")
_PASSIVE_GRANT = re.compile(
    r"\b(?:is|are)\s+(?:only\s+)?(?:covered|approved|authori[sz]ed)\b|"
    r"\b(?:may|shall|will|can)\s+be\s+(?:continued|extended)\b",
    re.I,
)


def grants(sentence: str) -> bool:
    """The sentence states a grant on conditions ("shall authorize X ... when", "X is
    covered ... provided that"), and refuses none ("shall not authorize")."""
    return bool(
        (MODAL_GRANT.search(sentence) or _PASSIVE_GRANT.search(sentence))
        and _CONDITIONED.search(sentence)
        and not REFUSES.search(sentence)
    )


def grant_words(sentence: str) -> bool:
    """The sentence uses a granting word ("approve", "coverage", "eligible", "criteria"), a
    stated grant, or a grant for a further term ("for 6 more months"), and refuses none."""
    said = MODAL_GRANT.search(sentence) or _GRANT_WORD.search(sentence)
    return bool(said or FURTHER_TERM.search(sentence)) and not REFUSES.search(sentence)


# the term a grant is for, right after "for" ("coverage for 4 months is authorized if")
_FOR_TERM = re.compile(rf"\bfor\s+(?:up\s+to\s+)?({_TERM}\s*-?\s*{_UNIT})\b", re.I)


def granted_term(sentence: str) -> str | None:
    """The term a granting lead-in states before its colon ("NEW START - coverage for 4
    months is authorized if any one of these applies:" → "4 months"), else None."""
    head = sentence.split(":")[0]
    if not grant_words(head) or (m := _FOR_TERM.search(head)) is None:
        return None
    return m.group(1)
