"""Does a heading name a condition? The one test the readers share (names_condition): a
word heading an ICD-10-CM condition name (or of its symptom chapter), a disease noun or a
disease's word form, or an ICD-10 code; not the other words of those names (a plan's
"Valley", "weeks", "first", "release") nor the words documents use for their own parts
("Coverage Policy", "Approval Criteria"). The names' every word (_condition_vocabulary)
spells a condition out in full (condition_spelling.py)."""

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
    # a document's advice to its reviewers ("Implementation guidance", "Clinical guidance")
    + ["guidance"]
    # a funder's word for coverage ("Reimbursement conditions", "Reimbursement criteria")
    + ["reimbursement"]
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
    """The words hold a word that names a condition (condition_word) or an ICD-10 code: the
    one test every reader uses for "does this name a condition?" ("Dupuytren contracture",
    "SECTION A - cream, nonsegmental vitiligo"; not "WHAT WE NEED - FIRST CORD", "6 weeks",
    "extended release", "Care pathway", a plan's name)."""
    words = words_of(_FORMULATION.sub(" ", PAREN.sub("", text)))
    return any(condition_word(w) for w in words) or bool(F.icd10_codes(text))


@functools.cache
def condition_word(word: str) -> bool:
    """A word that names a condition by itself: the head of an ICD-10-CM condition name
    (the noun its other words qualify: "contracture" of "contracture of muscle", "fever" of
    "Rift Valley fever"; "diabetes" of "diabetes mellitus"), a disease noun, or a word of
    a disease's form ("-itis", "-osis", "-emia", "-oma" ...). The other words of those names
    ("first" of "first degree hemorrhoids", "valley", "weeks", "release") name none."""
    word = word.lower()
    if word in DOCUMENT_WORDS or word in _MODIFIERS or word in _NOT_CONDITION:
        return False
    heads = _head_vocabulary()
    return word in heads or word in DISEASE_NOUNS or bool(DISEASE_FORM.fullmatch(word))


# nouns that say "a condition" whatever precedes them ("Peyronie disease", "X syndrome")
DISEASE_NOUNS = frozenset(
    """disease diseases disorder disorders syndrome syndromes deficiency deficiencies
    infection infections failure insufficiency injury injuries cancer cancers carcinoma
    tumor tumors tumour tumours neoplasm neoplasms malformation dysfunction""".split()
)
# a disease's word form: inflammation, condition, blood state, growth, nerve or organ harm
DISEASE_FORM = re.compile(
    r"[a-z]{3,}(?:itis|osis|oses|a?emia|omas?|opathy|opathies|plasia|algia|iasis|uria|"
    r"rrh(?:o)?ea|plegia|paresis|megaly|penia|ectasia|ectasis|stenosis|spasm|trophy|"
    r"philia|rrhage|ism)"
)
# words that head an ICD-10-CM name (or match a form above) but alone name no condition:
# durations and counts ("28 completed weeks"), grades, a document's or a list's words
_NOT_CONDITION = frozenset(
    """week weeks month months day days year years hour hours minute minutes degree degrees
    grade grades first second third fourth diploma aroma stoma prognosis diagnosis
    tongue lateral release mechanism mechanisms organism organisms metabolism study studies
    test tests""".split()
)
# a Latin adjective after its noun ("diabetes mellitus", "prurigo nodularis", "acne
# vulgaris"): the noun before it heads the name
_LATIN_TAIL = re.compile(r"[a-z]+(?:us|is|ans|ens|um|ae|osa|iva|ica|ata)")
# where a name's head ends: the words after it qualify it ("contracture of muscle")
_AFTER_HEAD = re.compile(
    r"\s(?:of|due|with|without|in|from|by|following|and|or|to|on|at|after|during|"
    r"involving|complicating|affecting|associated|not|as|for|nos|unspecified|other|except|"
    r"than|into)\b.*|\s*[\[(].*"
)


@functools.cache
def _head_vocabulary() -> frozenset[str]:
    """The head words of the ICD-10-CM condition names and of its symptom chapter's."""
    import simple_icd_10_cm as cm

    from pipeline.cases.vocabulary import _conditions

    names = list(_conditions())
    names += [
        cm.get_description(code).split(",")[0].lower()
        for code in cm.get_all_codes(True)
        if code.startswith("R") and cm.is_leaf(code)
    ]
    heads: set[str] = set()
    for name in names:
        # the name's head, and the head of what it comes "with" (a manifestation: "alcohol
        # dependence with withdrawal")
        for part in re.split(r"\swith\s", " " + name.replace("'s", ""))[:2]:
            words = re.findall(r"[a-z]+", _AFTER_HEAD.sub("", " " + part))
            if not words:
                continue
            heads.add(words[-1])
            latin = _LATIN_TAIL.fullmatch(words[-1]) and not DISEASE_FORM.fullmatch(words[-1])
            if len(words) >= 2 and latin:
                heads.add(words[-2])
    # the short disease categories ("Gout", "Acne") stay
    short = {w for w in _condition_vocabulary() if len(w) <= 4}
    return frozenset((heads & _condition_vocabulary()) | short)


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
