"""Drug and diagnosis vocabularies, from tables PyPI packages ship (nothing is downloaded):
drug names and their brand names and synonyms from ``drug-named-entity-recognition``
(MeSH, DrugBank, NHS and MedlinePlus names), and the ICD-10-CM code table with its
descriptions from ``simple-icd-10-cm``. They decide what a form's words are: a requested
drug must be a known drug, a diagnosis a condition; and they give a diagnosis its code."""

from __future__ import annotations

import functools
import re

# Chapters that name symptoms, injuries, external causes and encounters, not conditions a
# request is for: their descriptions ("Fever", "Pain") are words any note uses.
_NOT_CONDITIONS = tuple("RSTVWXYZ")
_MAX_WORDS = 8
# A state the name alone does not say: "... not having achieved remission", "..., in remission".
_STATE = re.compile(r",?\s+(not having achieved remission|in remission|in relapse)$", re.I)
_QUALIFIER = re.compile(r"\s*\[[^\]]*\]|\s*\([^)]*\)")


def flat(text: str) -> str:
    text = text.lower().replace("’", "'").replace("'s ", " ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@functools.cache
def _drug_finder():  # noqa: ANN202 the package's own function
    from drug_named_entity_recognition import find_drugs

    return find_drugs


def drugs_in(text: str) -> list[tuple[str, str]]:
    """(the words as written, the drug's generic name) for each known drug in the text."""
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9-]*", text)
    found = []
    for info, start, end in _drug_finder()(tokens, is_ignore_case=True):
        written = " ".join(tokens[start:end])
        if len(written) >= 4 and not written.isdigit():
            found.append((written, str(info.get("name") or written)))
    return found


def known_drug(name: str) -> str | None:
    """The generic name when ``name`` is, or starts with, a known drug; else None."""
    found = drugs_in(name)
    return found[0][1] if found else None


@functools.cache
def _conditions() -> dict[str, str]:
    """Condition name (the description before its first comma, lower case) → the first
    billable code under it, an "unspecified" one first: "Crohn's disease" → K50.90."""
    import simple_icd_10_cm as cm

    best: dict[str, tuple[int, int, str]] = {}
    for order, code in enumerate(cm.get_all_codes(True)):
        if code.startswith(_NOT_CONDITIONS) or not cm.is_leaf(code):
            continue
        if "." not in code:
            continue
        description = cm.get_description(code)
        trimmed = _STATE.sub("", description)
        parts = {description.split(",")[0], description, trimmed}
        for part in parts:
            name = flat(_QUALIFIER.sub("", part))
            words = name.split()
            if len(name) < 5 or len(words) > _MAX_WORDS or words[0] in {"other", "unspecified"}:
                continue
            # The code a coder gives the name alone: "<name>, unspecified" first, then any
            # unspecified one, then the first in the table's order.
            plain = flat(description) in {name, f"{name} unspecified"} or (
                trimmed != description and part == trimmed
            )
            rank = (0 if plain else 1 if "unspecified" in description.lower() else 2, order, code)
            if name not in best or rank < best[name]:
                best[name] = rank
    return {name: rank[2] for name, rank in best.items()}


def icd10_for(name: str) -> str | None:
    """The ICD-10-CM code for a diagnosis name: its own entry, else the longest condition
    the name holds ("IBD, likely Crohn's disease" → K50.90)."""
    found = conditions_in(name)
    if found:
        return found[0][1]
    from difflib import get_close_matches

    key = flat(name)  # a slip of spelling ("Lennox-Gustaut") still names the condition
    close = get_close_matches(key, list(_conditions()), n=1, cutoff=0.9) if key else []
    return _conditions()[close[0]] if close else None


# Abbreviations clinicians write for conditions, as written (capitals matter: "ALL" is a
# leukemia, "all" is a word), to the name the ICD-10-CM table uses.
ABBREVIATIONS = {
    "B-ALL": "acute lymphoblastic leukemia",
    "T-ALL": "acute lymphoblastic leukemia",
    "ALL": "acute lymphoblastic leukemia",
    "AML": "acute myeloblastic leukemia",
    "CLL": "chronic lymphocytic leukemia of B-cell type",
    "CML": "chronic myeloid leukemia, BCR/ABL-positive",
    "RA": "rheumatoid arthritis",
    "JIA": "juvenile arthritis",
    "UC": "ulcerative colitis",
    "SLE": "systemic lupus erythematosus",
    "MS": "multiple sclerosis",
    "COPD": "chronic obstructive pulmonary disease",
    "LGS": "Lennox-Gastaut syndrome",
    "HS": "hidradenitis suppurativa",
    "CKD": "chronic kidney disease",
}
_ABBREVIATION = re.compile(
    r"(?<![\w-])("
    + "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))
    + r")(?![\w-])"
)


def conditions_in(text: str) -> list[tuple[str, str]]:
    """(condition name, code) for each ICD-10-CM condition the text names, longest first,
    none inside another; abbreviations ("B-ALL") read as the condition they stand for."""
    table = _conditions()
    text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    words = flat(text).split()
    found: list[tuple[str, str]] = []
    used: set[int] = set()
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            span = set(range(start, start + size))
            name = " ".join(words[start : start + size])
            if name in table and not span & used:
                found.append((name, table[name]))
                used |= span
    return found


def describe(code: str) -> str | None:
    import simple_icd_10_cm as cm

    try:
        return cm.get_description(code) if cm.is_valid_item(code) else None
    except ValueError:
        return None
