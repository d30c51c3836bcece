"""Does a heading name a condition? The words of ICD-10-CM's condition names (and of its
symptom chapter) less the words documents use for their own parts ("Coverage Policy",
"Approval Criteria"), or an ICD-10 code. Shared by the condition-section reader and the
run-in condition labels."""

from __future__ import annotations

import functools
import re

from pipeline.policy import fields as F

PAREN = re.compile(r"\s*\([^)]*\)")

# Words a document uses for its own parts: a heading made only of them names no condition.
DOCUMENT_WORDS = set(
    """coverage policy policies criteria criterion clinical approval approvals initial logic
    endnotes references guideline guidelines indications indication requirements medical
    necessity necessary information general summary overview the of and for all drug drugs
    program plan request requests authorization prior therapy stage type length product name
    duration section sections table tables supporting statement position description
    background scope purpose definitions documentation review member members patient
    patients use uses approved covered benefit edit details rationale applicable appendix
    instructions diagnosis diagnoses condition conditions pathway pathways""".split()
    # a protocol's or a program's parts ("Inclusion criteria", "Eligibility", "Exclusions")
    + "eligibility inclusion inclusions exclusion exclusions enrolment enrollment".split()
)


# Words that qualify a condition without naming one.
_MODIFIERS = set(
    """other unspecified chronic acute severe moderate mild primary secondary without
    following specified elsewhere classified types initial subsequent sequela stage adults
    adult pediatric children child infants elderly evidence related history findings
    abnormal results""".split()
)


@functools.cache
def _condition_vocabulary() -> frozenset[str]:
    """Words of the ICD-10-CM condition names and of its symptom chapter's names ("nausea",
    "seizures": a policy's section may be for a symptom), and the disease categories named
    by one short word, less the words documents use for their parts."""
    import simple_icd_10_cm as cm

    from pipeline.cases.vocabulary import _conditions

    names = list(_conditions())
    names += [
        cm.get_description(code).split(",")[0].lower()
        for code in cm.get_all_codes(True)
        if code.startswith("R") and cm.is_leaf(code)
    ]
    words = {w for name in names for w in re.findall(r"[a-z]+", name) if len(w) >= 5}
    # a short word is a condition's only where a disease category is named by it alone
    # ("Gout", "Acne"): short words inside longer names ("left", "site") name none
    words |= {
        name
        for code in cm.get_all_codes(True)
        if len(code) == 3 and code[0] < "R" and cm.is_category(code)
        if re.fullmatch(r"[a-z]{3,4}", name := cm.get_description(code).split(",")[0].lower())
    }
    return frozenset(words - DOCUMENT_WORDS - _MODIFIERS)


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower().replace("'s", ""))


def names_condition(text: str) -> bool:
    """The words hold a condition's word (ICD-10-CM vocabulary) or an ICD-10 code."""
    vocab = _condition_vocabulary()
    words = words_of(_FORMULATION.sub(" ", PAREN.sub("", text)))
    return any(w in vocab for w in words) or bool(F.icd10_codes(text))


# a drug's formulation ("extended-release", "delayed release"): no condition's words
_FORMULATION = re.compile(
    r"\b(?:extended|delayed|sustained|modified|immediate|controlled|prolonged)[-\s]release\b", re.I
)


# A part for one request type ("I. Initial Approval Criteria", "II. Renewal"): parts.py
_BRANCH_WORDS = re.compile(
    r"\b(?:initial|continu\w*|renewal|re-?authori[sz]ation|recertification|new starts?)\b", re.I
)


def generic_heading(text: str) -> bool:
    """Short, made only of the words documents use for their own parts, and no part for
    one request type."""
    words = words_of(text)
    return (
        1 <= len(words) <= 6
        and all(w in DOCUMENT_WORDS for w in words)
        and not _BRANCH_WORDS.search(text)
    )


def document_heading(text: str) -> bool:
    """A document heading marked like an item ("B. Endnotes", "2. POLICY:"), no lead-in
    such as "Documentation of:" (whose words are a document's too)."""
    return generic_heading(text) and (not text.endswith(":") or text.isupper())
