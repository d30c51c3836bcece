"""The drug and condition vocabulary (``pipeline/data/vocabulary.yaml``): drugs with their
brands, other names and classes (each class under its broader one), conditions with their
synonyms, abbreviations and ICD-10 blocks, and the word-start matching every reader of it
uses. It needs nothing of the package, so the policy judge (which reads a drug's class) and
the retrieval topic (which builds a case's questions) share one vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

VOCABULARY = Path(__file__).resolve().parent / "data" / "vocabulary.yaml"


@dataclass(frozen=True)
class Term:
    """One drug or condition: its canonical name and every surface form."""

    name: str
    words: tuple[str, ...]  # lowercase, matched at word starts
    abbrev: tuple[str, ...] = ()  # matched case-sensitively as whole words
    classes: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrugClass:
    """A class of drugs: the words sources use for it, the broader class it belongs to, and
    whether it is broad (a bDMARD, a DMARD: many kinds of drug, often named with the kind
    in front, "a TNFi biologic")."""

    name: str
    words: tuple[str, ...]
    parent: str | None = None
    broad: bool = False
    # the one route every drug of the class is given by ("oral": an SSRI is an oral
    # antidepressant), or None where its drugs differ (a glucocorticoid may be topical)
    route: str | None = None


@cache
def _data() -> dict:
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


@cache
def drug_classes() -> dict[str, DrugClass]:
    return {
        name: DrugClass(
            name=name,
            words=tuple(dict.fromkeys([name, *(c.get("words") or [])])),
            parent=c.get("parent"),
            broad=bool(c.get("broad")),
            route=c.get("route"),
        )
        for name, c in (_data().get("classes") or {}).items()
    }


def class_routes(names: tuple[str, ...] | set[str]) -> set[str]:
    """The routes these classes fix for their drugs (see ``DrugClass.route``)."""
    known = drug_classes()
    return {r for n in names if n in known and (r := known[n].route)}


def lineage(names: tuple[str, ...]) -> tuple[str, ...]:
    """These classes and every broader class they belong to, narrowest first."""
    known = drug_classes()
    out: list[str] = []
    for name in names:
        while name and name not in out:
            out.append(name)
            name = known[name].parent if name in known else None
    return tuple(out)


@cache
def vocabulary() -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """(drugs, conditions). A drug's classes are its own and the broader ones above them."""
    data = _data()
    drugs = tuple(
        Term(
            name=name,
            words=tuple(dict.fromkeys([name, *(d.get("other") or []), *(d.get("brands") or [])])),
            classes=lineage(tuple(d.get("classes") or [])),
        )
        for name, d in data["drugs"].items()
    )
    conditions = tuple(
        Term(
            name=name,
            words=tuple(dict.fromkeys([name, *(c.get("synonyms") or [])])),
            abbrev=tuple(c.get("abbrev") or []),
            icd10=tuple(c.get("icd10") or []),
            subtypes=tuple(c.get("subtypes") or []),
        )
        for name, c in data["conditions"].items()
    )
    return drugs, conditions


def combination_of(drugs: list[Term]) -> Term | None:
    """The fixed-dose combination these drugs make, where the vocabulary names a class by
    its parts (``combines``: drugs or classes) and each drug is one part and each part has
    a drug ("levonorgestrel / ethinyl estradiol" is a combined hormonal contraceptive):
    named by its parts together, in the class the sources name it by."""

    def part_of(drug: Term, part: str) -> bool:
        return drug.name == part or part in drug.classes

    for name, c in (_data().get("classes") or {}).items():
        parts = c.get("combines") or []
        if (
            len(drugs) > 1
            and parts
            and all(any(part_of(d, p) for d in drugs) for p in parts)
            and all(any(part_of(d, p) for p in parts) for d in drugs)
        ):
            names = [d.name for d in drugs]
            words = ("/".join(names), " / ".join(names), " and ".join(names))
            return Term(name="/".join(names), words=words, classes=lineage((name,)))
    return None


_HEAD = re.compile(r"^(.+?)\s+(inhibitors?|antagonists?|blockers?|agonists?|modulators?)$")


def _coordinated(word: str) -> str | None:
    """ "IL-1 and IL-6 inhibitors", "TNF or IL-17 inhibitor": a class written with its head
    noun shared by two or three names (the first of them matched here)."""
    m = _HEAD.match(word)
    if not m:
        return None
    other = r"[\w/-]+(?:\s[\w/-]+)?"
    joint = r"\s*(?:,|and/or|and|or|/)\s*"
    return rf"\b{re.escape(m.group(1))}(?:{joint}{other}){{1,3}}\s+{m.group(2)}"


@cache
def _loose(word: str) -> str:
    """A word's pattern that lets a hyphen in it take a space after it."""
    return re.escape(word).replace(r"\-", r"-\s?")


def term_pattern(words: tuple[str, ...], abbrev: tuple[str, ...] = ()) -> re.Pattern | None:
    # A word written in capitals in the vocabulary ("ULT", "OSM") is an abbreviation.
    abbrev = (*abbrev, *(w for w in words if w.isupper()))
    # "IL- 1 inhibitors", "first- line": a PDF's line-break hyphen keeps a space after it
    parts = [rf"\b{_loose(w)}" for w in words if w and not w.isupper()]
    parts += [p for w in words if (p := _coordinated(w))]
    if not parts and not abbrev:
        return None
    lower = "|".join(parts) or r"(?!x)x"
    upper = "|".join(rf"\b{re.escape(a)}\b" for a in abbrev) or r"(?!x)x"
    # Abbreviations keep their case ("AS", "RA" are words too in lowercase prose).
    return re.compile(rf"(?i:{lower})|{upper}")


def mentions(text: str, words: tuple[str, ...], abbrev: tuple[str, ...] = ()) -> bool:
    pattern = term_pattern(tuple(words), tuple(abbrev))
    return bool(pattern and pattern.search(text))


def first_at(text: str, words: tuple[str, ...], abbrev: tuple[str, ...] = ()) -> int | None:
    """Where a text first names one of these, or None."""
    pattern = term_pattern(tuple(words), tuple(abbrev))
    m = pattern.search(text) if pattern else None
    return m.start() if m else None


def find_drugs(text: str) -> list[Term]:
    """Every drug of the vocabulary a text names (by name, brand or other name)."""
    drugs, _ = vocabulary()
    return [d for d in drugs if mentions(text, d.words)]


def given_as(text: str, words: tuple[str, ...]) -> bool:
    """ "Intraarticular triamcinolone": a drug named with the qualifier that a class's name
    puts before the drug's own class ("intraarticular glucocorticoid", "inhaled
    corticosteroid"), so the text names a member of the qualified class."""
    for drug in find_drugs(text):
        known = drug_classes()
        bases = {*drug.words, *(w for c in drug.classes if c in known for w in known[c].words)}
        for word in (w.lower() for w in words if " " in w):
            for base in (b.lower() for b in bases):
                qualifier = word[: -len(base)].strip() if word.endswith(" " + base) else ""
                if qualifier and mentions(text, (qualifier,)):
                    return True
    return False


def find_classes(text: str) -> list[Term]:
    """Every class of drugs a text names, as terms (a class can be preferred or tried)."""
    return [
        Term(name=c.name, words=c.words, classes=lineage((c.name,)))
        for c in drug_classes().values()
        if mentions(text, c.words)
    ]


def find_therapies(text: str) -> list[Term]:
    """The drugs a text names, then the classes it names that none of those drugs is in."""
    drugs = find_drugs(text)
    covered = {c for d in drugs for c in d.classes}
    return drugs + [c for c in find_classes(text) if c.name not in covered]


@cache
def populations() -> tuple[Term, ...]:
    """Populations of many conditions ("patients with RMD"), members by ICD-10 prefix."""
    return tuple(
        Term(
            name=name,
            words=tuple(dict.fromkeys([name, *(p.get("words") or [])])),
            abbrev=tuple(p.get("abbrev") or []),
            icd10=tuple(p.get("icd10") or []),
        )
        for name, p in (_data().get("populations") or {}).items()
    )


@cache
def services() -> tuple[Term, ...]:
    """Services a case may request instead of a drug (a scan, a procedure, a non-drug
    therapy): their names, and their kind as the term's one class ("testing")."""
    return tuple(
        Term(
            name=name,
            words=tuple(dict.fromkeys([name, *(s.get("other") or [])])),
            classes=(s.get("kind") or "therapy",),
        )
        for name, s in (_data().get("services") or {}).items()
    )


def find_service(text: str) -> Term | None:
    """The service a request names, the one named by the longest words where several are
    ("high-resolution computed tomography" over "computed tomography")."""
    best: tuple[int, Term] | None = None
    for s in services():
        pattern = term_pattern(s.words)
        for m in pattern.finditer(text) if pattern else ():
            if best is None or len(m.group(0)) > best[0]:
                best = (len(m.group(0)), s)
    return best[1] if best else None


def sibling_services(service: Term) -> list[Term]:
    """The other services of the same kind (for chiropractic: exercise, physical therapy,
    massage ...): what a guideline weighs a non-drug therapy against."""
    return [s for s in services() if s.classes == service.classes and s.name != service.name]


def find_conditions(text: str) -> list[Term]:
    _, conditions = vocabulary()
    return [c for c in conditions if mentions(text, c.words, c.abbrev)]
