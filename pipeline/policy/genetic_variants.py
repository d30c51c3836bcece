"""A criterion that genetic testing shows variants of named genes ("Genetic testing shows
biallelic variants of the POMC, PCSK1 or LEPR gene interpreted as pathogenic, likely
pathogenic or of uncertain significance", "a deleterious germline BRCA1 or BRCA2 mutation"),
judged by code from a fact clause that names one of the genes with the variant's
classification ("LEPR c.2051A>C homozygous, classified likely pathogenic").

The classes accepted are those the criterion names (pathogenic, likely pathogenic, of
uncertain significance; "deleterious" and "suspected deleterious" stand for pathogenic and
likely pathogenic); where it names none, pathogenic and likely pathogenic. Where the
criterion asks both copies (biallelic, homozygous, compound heterozygous, two variants),
the clause must say so; where it asks a germline or a somatic (tumor) variant, the fact must
say which. Met only, by a clause that denies nothing: a single heterozygous
variant may have a second one elsewhere in the record, and a benign finding in one gene
says nothing of the others, so nothing here is read as not met.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import _clauses, negates, record_facts

_ASKS = re.compile(r"\b(?:variants?|mutations?|alterations?)\b", re.I)
# a gene symbol: capitals and digits, a letter first ("PKD1", "BRCA2", "LEPR")
_GENE = re.compile(r"\b[A-Z][A-Z0-9]{2,7}\b")
_NOT_GENES = {"FDA", "CLIA", "DNA", "RNA", "NGS", "PCR", "ICD", "VUS", "HRD", "HRR", "AND"}
_BOTH = re.compile(
    r"\b(?:biallelic|bi-allelic|homozygous|compound heterozygous|two (?:pathogenic\s+)?"
    r"(?:variants|mutations|copies))\b",
    re.I,
)
_ORIGIN = {
    "germline": re.compile(r"\b(?:germline|inherited|hereditary)\b", re.I),
    "somatic": re.compile(r"\b(?:somatic|tumou?r)\b", re.I),
}
_CLASSES = {
    "likely pathogenic": re.compile(
        r"\blikely[- ]pathogenic\b|\bsuspected deleterious\b|\blikely deleterious\b", re.I
    ),
    "uncertain": re.compile(r"\buncertain significance\b|\bVUS\b", re.I),
    "benign": re.compile(r"\bbenign\b", re.I),
    "pathogenic": re.compile(r"(?<!likely )(?<!likely-)\bpathogenic\b|\bdeleterious\b", re.I),
}


def _classes(text: str) -> set[str]:
    """The classes a text names; "likely pathogenic" is not also "pathogenic"."""
    found = set()
    rest = text
    for name, pattern in _CLASSES.items():
        if pattern.search(rest):
            found.add(name)
            rest = pattern.sub(" ", rest)
    return found


def judge_genetic_variant(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    if not _ASKS.search(text):
        return None
    genes = [g for g in dict.fromkeys(_GENE.findall(text)) if g not in _NOT_GENES]
    if not genes or re.search(r"\band\b(?![^()]*\))", _strip_lists(text, genes)):
        return None  # no gene named, or a second statement besides the variant's
    accepted = _classes(text) - {"benign"} or {"pathogenic", "likely pathogenic"}
    both = bool(_BOTH.search(text))
    # "a germline BRCA mutation": a tumor's variant is not one, nor a germline one a tumor's
    origin = [o for o, p in _ORIGIN.items() if p.search(text)]
    origin = origin if len(origin) == 1 else []
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            named = [g for g in genes if re.search(rf"\b{g}\b", clause)]
            if not named or negates(clause):
                continue
            stated = _classes(clause)
            if not stated or not stated <= accepted:
                continue  # no class, or a benign one beside it
            if both and not _BOTH.search(clause):
                continue
            if origin and not _ORIGIN[origin[0]].search(fact.text):
                continue
            kind = ", ".join(sorted(stated))
            return "met", [fact.id], f"{fact.id}: {named[0]} variant classified {kind}"
    return None


def _strip_lists(text: str, genes: list[str]) -> str:
    """The criterion without its lists of genes and classes ("BRCA1 and BRCA2", "pathogenic
    and likely pathogenic"), whose "and" joins names, not statements."""
    names = "|".join(re.escape(g) for g in genes)
    text = re.sub(rf"\b(?:{names})\b(?:\s*(?:,|and|or)\s*\b(?:{names})\b)+", " ", text)
    return re.sub(
        r"\b(?:likely\s+)?pathogenic\s+(?:and|or)\s+(?:likely\s+)?pathogenic\b", " ", text
    )
