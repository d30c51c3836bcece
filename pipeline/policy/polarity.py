"""Two readings of a criterion's polarity that code can be sure of.

An absence asked of a qualified condition ("does not have uncontrolled hypertension", "no
active infection"): a fact that states the absence of the condition itself ("no history of
hypertension") states the absence of every form of it, and one that states the condition
with the qualifier's opposite ("hypertension controlled on amlodipine") states the absence
of the qualified form: met. A fact that states the condition plainly or with the qualifier
decides nothing here (the model is asked, and its answer checked).

A contrast ("the intent is palliative, not curative"): a fact that states the wanted word
and not the other is met; one that states the other and not the wanted word is not met.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import (
    _EXAMPLES,
    _clauses,
    _stated,
    _text_stems,
    is_absence,
    negates,
    opposes,
    requirements,
    stem,
)
from pipeline.policy.measures import bounds

# Words that narrow a condition: its absence follows from the absence of the condition.
_QUALIFIERS = {
    stem(w)
    for w in """uncontrolled active severe significant clinically known current untreated
    serious symptomatic poorly unstable""".split()
}
_SKIP = ("Payer", "Requested", "Patient:", "Prior therapies: none")


def judge_absent_condition(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """("met", [fact], reason) where the criterion asks the absence of a qualified
    condition and a fact states the condition absent, or present in the opposite form;
    None otherwise."""
    if bounds(text) or not is_absence(text):
        return None
    groups = requirements(text, drug)
    quals = [g for g in groups if g & _QUALIFIERS]
    core = [g for g in groups if not g & _QUALIFIERS]
    if not quals or not core or len(core) > 2:
        return None
    found: tuple[CaseFact, str] | None = None
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            stems = _text_stems(clause)
            if not all(_stated(g, stems, clause) for g in core):
                continue
            if negates(clause):
                found = found or (fact, "states the condition absent")
            elif opposes(text, clause):
                found = found or (fact, "states the condition in the opposite form")
            else:
                return None  # the condition is present: whether in the asked form, not here
    if found is None:
        return None
    fact, how = found
    return "met", [fact.id], f"{fact.id} {how}, so the qualified form is absent"


_CONTRAST = re.compile(
    r"\b([A-Za-z][\w-]{3,}),?\s+(?:and\s+)?(?:not|rather than|instead of)\s+"
    r"([A-Za-z][\w-]{3,})\s*\.?$",
    re.I,
)


def judge_contrast(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """(status, [fact], reason) for a criterion ending "A, not B": the facts state A
    without B (met) or B without A (not met), and never both ways."""
    m = _CONTRAST.search(text.strip())
    if not m or len(text[: m.start()].split()) > 10 or re.search(r",\s+and\b", text):
        return None  # the contrast is not all it asks: its other statements are not read here
    want, other = stem(m.group(1)), stem(m.group(2))
    if want == other:
        return None
    said: dict[str, list[CaseFact]] = {"met": [], "not_met": []}
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            stems = _text_stems(clause)
            has_want, has_other = want in stems, other in stems
            if has_want == has_other or negates(clause):
                continue
            said["met" if has_want else "not_met"].append(fact)
    if bool(said["met"]) == bool(said["not_met"]):
        return None  # nothing said, or said both ways: a person reads it
    status = "met" if said["met"] else "not_met"
    fact = (said["met"] or said["not_met"])[0]
    word = m.group(1) if status == "met" else m.group(2)
    return status, [fact.id], f"{fact.id} states it {word}"


_WITH = re.compile(
    r"\b(?:together|concurrent\w*|concomitant\w*|in combination|combined|along)\s+with\b(.+)$",
    re.I,
)
_ALONGSIDE = re.compile(
    r"\b(?:together|alongside|concurrent\w*|concomitant\w*|combined|in combination|"
    r"in addition to|added to|add-on)\b",
    re.I,
)
_STOPPED = re.compile(r"\b(?:stopped|discontinued|will be stopped|will stop|held|switched)\b", re.I)
# "another oral urate-lowering drug": a route names no other drug ("no other urate-lowering
# drug" states it absent)
_FILLER = {"a", "an", "any", "another", "other", "drug", "drugs", "agent", "agents", "the"} | {
    "oral",
    "injectable",
    "intravenous",
    "subcutaneous",
    "topical",
}
# "not taking febuxostat or any other urate-lowering drug besides allopurinol": what the
# clause sets aside is no drug it states absent
_SET_ASIDE = re.compile(r"\s*\b(?:besides|other than|except(?: for)?|apart from)\b[^;,.]*", re.I)


def _items(listed: str) -> list[str]:
    """The things a list names ("denosumab, romosozumab, abaloparatide or a
    bisphosphonate"), each as its words."""
    listed = _EXAMPLES.sub(" ", listed)  # "(such as a Janus kinase inhibitor)": examples
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", listed.strip(" .;"))
    out = []
    for part in parts:
        words = [w for w in re.findall(r"[A-Za-z][\w-]+", part) if w.lower() not in _FILLER]
        if words:
            out.append(" ".join(words))
    return out


def _names(item: str, clause: str) -> bool:
    """The clause names the item: by its words, or by a drug of the class it names."""
    from pipeline.terms import drug_classes, find_classes, find_drugs

    if all(stem(w) in _text_stems(clause) for w in item.split()):
        return True
    low = item.lower()
    classes = {c.name for c in find_classes(item)} | {
        name  # "a targeted synthetic drug": the class "targeted synthetic DMARD"
        for name, c in drug_classes().items()
        if any(w.lower().startswith(low) for w in c.words)
    }
    stated = {c for t in [*find_drugs(clause), *find_classes(clause)] for c in t.classes}
    return bool(classes & stated)


def judge_concomitant(
    text: str, facts: list[CaseFact], drug: str = ""
) -> tuple[str, list[str], str] | None:
    """A criterion that the drug not be used with a list of others ("will not be given
    together with denosumab, romosozumab or a bisphosphonate"): not met where a clause
    states one of them given alongside; met where every one of them is stated absent or
    stopped; None otherwise."""
    m = _WITH.search(text)
    if not m or not is_absence(text):
        return None
    items = _items(m.group(1))
    if not items:
        return None
    settled: dict[str, str] = {}
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            clause = _SET_ASIDE.sub("", clause)
            for item in items:
                if not _names(item, clause):
                    # "no other immunosuppressant" states "a potent immunosuppressant" absent:
                    # the absence of the kind is the absence of each narrower one
                    if (negates(clause) or _STOPPED.search(clause)) and _names(
                        item.split()[-1], clause
                    ):
                        settled.setdefault(item, fact.id)
                    continue
                if negates(clause) or _STOPPED.search(clause):
                    settled.setdefault(item, fact.id)
                elif _ALONGSIDE.search(clause):
                    return "not_met", [fact.id], f"{fact.id} states {item} given alongside"
    if len(settled) == len(items):
        cited = list(dict.fromkeys(settled.values()))[:3]
        return "met", cited, "each of " + ", ".join(items) + " stated absent or stopped"
    return None


# "a fragility fracture that occurred while taking glucocorticoids": the thing the criterion
# asks for (the word before its qualifying clause) and the qualifier
_HEAD = re.compile(
    r"^\s*(?:an?\s+|the\s+|history of (?:an?\s+)?|prior\s+)?(?:[\w-]+\s+){0,3}?([A-Za-z][\w-]+)\s+"
    r"(?:that|which|while|during|after|despite)\b",
    re.I,
)
_EVER = re.compile(r"\b(?:at any time|ever|to date|never|of any kind)\b", re.I)


def judge_head_absent(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """("not_met", [fact], reason) for a criterion asking a qualified thing ("a fragility
    fracture that occurred while taking glucocorticoids") where a fact states that thing
    never present at all ("No fracture at any time"); None otherwise."""
    m = _HEAD.match(text)
    if not m or is_absence(text) or bounds(text):
        return None
    head = stem(m.group(1))
    for fact in facts:
        if fact.text.startswith(_SKIP):
            continue
        for clause in _clauses(fact.text):
            if head in _text_stems(clause) and negates(clause) and _EVER.search(clause):
                return "not_met", [fact.id], f"{fact.id} states no {m.group(1)} at any time"
    return None
