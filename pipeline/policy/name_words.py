"""The words of a condition's name that say which condition it is (none of the generic
words a name runs on with, "disease", "severe", "due to"), and the letter that tells one
lettered form of a condition from another ("hemophilia A" is no "hemophilia B")."""

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


def other_form(name: str, *others: str) -> bool:
    """The names (a diagnosis's names, all of them) give one of the name's condition words
    other letters: another form of its condition."""
    mine, theirs = lettered_forms(name), dict[str, set[str]]()
    for other in others:
        for word, letters in lettered_forms(other).items():
            theirs.setdefault(word, set()).update(letters)
    return any(w in theirs and not mine[w] & theirs[w] for w in mine)
