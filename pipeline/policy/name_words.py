"""The words of a condition's name that say which condition it is (none of the generic
words a name runs on with, "disease", "severe", "due to"), and the letter that tells one
lettered or numbered form of a condition from another ("hemophilia A" is no "hemophilia B",
"type 1" no "type 2")."""

from __future__ import annotations

import re

GENERIC = {
    "disease",
    "diseases",
    "syndrome",
    "syndromes",
    "disorder",
    "disorders",
    "other",
    "type",
    "types",
    "including",
    "regardless",
    "onset",
    "specific",
    "conditions",
    "condition",
    "patient",
    "chronic",
    "the",
    "and",
    "with",
    "for",
    "of",
    "or",
    "in",
    "to",
    "a",
    "an",
    "use",
    "uses",
    "not",
    "i.e",
    "ie",
    "e.g",
    "eg",
    "subtypes",
    "rare",
    "treatment",
    "active",
    "severe",
    # "Clinically significant hyponatremia": a qualifier, as "severe" is, no condition
    "clinically",
    "significant",
    "moderate",
    "moderately",
    "severely",
    "due",
    "secondary",
    "any",
}


def words(text: str) -> set[str]:
    text = text.lower().replace("’", "'").replace("'s", "")
    return {w for w in re.findall(r"[a-z0-9]+", text) if len(w) > 1}


# "T-cell" and "B-cell" are different diseases: a one-letter head joined to its word keeps
# them apart (split, the letter is dropped and both read "cell").
_LETTER_COMPOUND = re.compile(r"\b([A-Za-z])-(?=[A-Za-z]{2})")


def condition_words(text: str) -> set[str]:
    text = _LETTER_COMPOUND.sub(r"\1", text)
    return {w for w in words(text) if w not in GENERIC and not w.isdigit()}


# "Hemophilia A", "hepatitis B or C": a capital letter after a condition's word names its
# form; the word alone is shared by every form, so two names holding the word with different
# letters are different conditions.
_LETTERED = re.compile(
    r"\b([A-Za-z]{4,})\s+([A-Z](?:\s*(?:,|/|or|and)\s*[A-Z])*)(?![\w'’-])(?!\.\w)"
)


def lettered_forms(text: str) -> dict[str, set[str]]:
    """Each condition word followed by its form's letters: "Hemophilia A or B" → {"hemophilia":
    {"A", "B"}}. A single capital after the word only (the article "a" is lower case)."""
    forms: dict[str, set[str]] = {}
    for m in _LETTERED.finditer(text):
        word = m.group(1).lower()
        if word in GENERIC:
            continue
        forms.setdefault(word, set()).update(re.findall(r"[A-Z]", m.group(2)))
    return forms


# "Gaucher disease type 1 or type 3", "type II": the numbered type names the form as a letter
# does ("type" itself is generic, so the words alone call type 1 and type 2 the same).
_NUMERAL = r"(?:\d+[a-z]?|[IVX]{1,4}|[A-Z])(?![\w'’-])"
_TYPED = re.compile(
    rf"\b[Tt]ypes?\s+({_NUMERAL}(?:\s*(?:,|/|or|and|&)\s*(?:[Tt]ype\s+)?{_NUMERAL})*)"
)
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6", "VII": "7"}


def typed_forms(text: str) -> set[str]:
    """The types a name states: "type 1 or type 3" → {"1", "3"}, "type II" → {"2"}."""
    out: set[str] = set()
    for m in _TYPED.finditer(text):
        for x in re.findall(_NUMERAL, m.group(1)):
            out.add(_ROMAN.get(x, x.lower()))
    return out


def _forms(text: str) -> dict[str, set[str]]:
    forms = lettered_forms(text)
    if typed := typed_forms(text):
        forms["type#"] = typed
    return forms


def other_form(name: str, *others: str) -> bool:
    """The names (a diagnosis's names, all of them) give one of the name's condition words
    other letters, or the name another numbered type: another form of its condition."""
    mine, theirs = _forms(name), dict[str, set[str]]()
    for other in others:
        for word, letters in _forms(other).items():
            theirs.setdefault(word, set()).update(letters)
    return any(w in theirs and not mine[w] & theirs[w] for w in mine)
