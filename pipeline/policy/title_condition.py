"""The condition a title names among its other parts: a title set apart by dashes, colons,
commas or bars into a label ("Code EX-411", "SECTION A", "Panel 1"; a "Use 2" or "Table
M" label stays, as use_label_renewals.py and table references read it), a drug,
a request type ("first request", "renewal") and the condition ("Code EX-411 - primary
biliary cholangitis, renewal" → "primary biliary cholangitis"; "SECTION A - Opzelura
(ruxolitinib 1.5% cream), nonsegmental vitiligo" → "nonsegmental vitiligo (Opzelura /
ruxolitinib 1.5% cream)"). An indication is named by its condition, whatever else the
title carries; a title none of whose parts names a condition names none (the matcher and
the readers test that with condition_vocabulary.names_condition)."""

from __future__ import annotations

import re

from pipeline.policy.branch_names import REQUEST_WORD, REQUEST_WORDS
from pipeline.policy.condition_vocabulary import names_condition

# a title's parts: dashes set apart by spaces, a colon or a bar, a comma outside brackets
_PART_BREAK = re.compile(r"\s+[-–—|]\s+|:\s+|,\s+(?![^()]*\))")
# a label and its number or code: "Code EX-411", "SECTION A", "Table 2", "Part III"
_LABEL = re.compile(
    r"(?:code|section|part|panel|box|appendix|schedule|form|card|path(?:way)?|track|band|"
    r"restriction|protocol|policy|criteria\s+set|"
    # "ICD-10 I50.22", "ICD-10-CM code M04.2": a band naming its use by code and description
    r"icd-?10(?:-cm)?(?:\s+codes?)?:?)\s*(?:no\.?\s*)?[A-Z0-9][\w.\-]{0,9}\.?"
    # a test script's or a rules engine's own label words, with or without a number
    # ("Scenario: DDAVP-01 X, first request", "Rule 4: X")
    r"|(?:scenario|rule|test\s+case|use\s+case|story)(?:\s+(?:no\.?\s*)?[A-Z0-9][\w.\-]{0,9})?",
    re.I,
)
# a code opening a part before its words ("DDAVP-01 Central diabetes insipidus")
_CODE_FIRST = re.compile(r"^[A-Z]{1,5}(?:-[A-Z0-9]{1,5})*-\d[\w.\-]*\s+(?=[A-Za-z])")
# a bare code ("EX-411", "PAR-NEU-07", "A1.2")
_CODE = re.compile(r"[A-Z]{1,5}(?:-[A-Z0-9]{1,5})*-?\d[\w.\-]*|[A-Z]?\d+(?:\.\d+)*")
# a request type as a whole part ("first request", "renewal", "initial authorization")
_REQUEST = re.compile(
    rf"(?:{REQUEST_WORDS})(?:\s+(?:request|requests|review|approval|"
    r"authori[sz]ation|certification|therapy|treatment|course|criteria|application|dosing))?",
    re.I,
)


def _label_part(part: str) -> bool:
    """A part that only labels the title: its label and number, a code, a request type."""
    part = part.strip(" .;")
    return bool(_LABEL.fullmatch(part) or _CODE.fullmatch(part) or _REQUEST.fullmatch(part))


def title_condition(title: str) -> str | None:
    """The title's condition part, its other parts (a drug, a population) after it in a
    parenthesis, labels and request types dropped; None where the title has no labelling
    part to drop or no single part naming a condition."""
    parts = [p.strip(" .;") for p in _PART_BREAK.split(title.strip()) if p.strip(" .;")]
    if len(parts) < 2:
        return None
    kept = [_CODE_FIRST.sub("", p) for p in parts if not _label_part(p)]
    named = [p for p in kept if names_condition(p)]
    if len(kept) == len(parts) or len(named) != 1:
        return None
    others = [re.sub(r"\s*\(([^)]*)\)", r" / \1", p).strip() for p in kept if p != named[0]]
    return f"{named[0]} ({', '.join(others)})" if others else named[0]


# a labelled-use line opening a lead-in ("Indication: X", "Condition: X", "Diagnosis - X")
_USE_LABEL = re.compile(
    r"^(?:indication|condition|diagnosis|covered\s+use|use|disease)\s*[:\-–—]\s*(?P<name>.+)", re.I
)
# where the use's name ends: its request type ("X Initial Approval Criteria: ...") or a stop
_NAME_END = re.compile(rf"\s+(?={REQUEST_WORD.pattern})|[.:;]", re.I)


def labelled_condition(text: str) -> str | None:
    """The condition a labelled-use line names ("Condition: Anemia due to chemotherapy
    Initial Approval Criteria: X is approved if ..." → "Anemia due to chemotherapy")."""
    if (m := _USE_LABEL.match(text.strip())) is None:
        return None
    name = m.group("name")
    if (end := _NAME_END.search(name)) is not None:
        name = name[: end.start()]
    name = name.strip(" ,")
    return name if name and len(name.split()) <= 10 and names_condition(name) else None


# "For a Covered Person who has X, the Plan will cover ...": the condition a sentence's
# person has (a defined term for the person before it names none; "who has taken ..." or
# "who has Plan coverage" name none, by the vocabulary test)
_WHO_HAS = re.compile(
    r"\bwho\s+(?:has|have)\s+(?:been\s+diagnosed\s+with\s+)?(?:a\s+diagnosis\s+of\s+)?"
    r"(?P<name>[^,;:]+?)\s*(?:,|\b(?:who|when|if|and)\b)",
    re.I,
)


def who_has_condition(text: str) -> str | None:
    """The condition a "who has X," phrase names, else None."""
    m = _WHO_HAS.search(text)
    name = m.group("name").strip() if m is not None else ""
    return name if name and len(name.split()) <= 10 and names_condition(name) else None
