"""Facts stated in prose, read by code with the drug and condition vocabularies: prior
therapies ("tried triamcinolone 0.5% for 3 weeks", "previously treated with a standard
chemotherapy regimen"), diagnoses ("diagnosed with Crohn's disease"), and the requested drug
("Plan to initiate Epidiolex"). The fact's quote is the sentence as found on the page."""

from __future__ import annotations

import re

from pipeline.cases.facts import Draft, same_name, source
from pipeline.cases.identifiers import mask
from pipeline.cases.packet import PacketPage
from pipeline.cases.vocabulary import conditions_in, drugs_in, flat, icd10_for, known_drug
from pipeline.models import Diagnosis, PriorTherapy

# Treatments named by kind rather than by drug.
_THERAPY_WORDS = re.compile(
    r"\b(chemotherapy|chemo|radiation|radiotherapy|phototherapy|immunotherapy|"
    r"(?:standard|induction|consolidation|maintenance) (?:therapy|regimen)|steroids?|"
    r"corticosteroids?|biologics?|surgery|resection|transplant|diet|physical therapy)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(tried|failed|previously|prior|history of|was (?:on|started|treated)|were tried|took|"
    r"received|discontinued|stopped|completed|treated with|trial of|despite|intoleran|"
    r"no (?:improvement|response)|did not (?:respond|improve|tolerate)|refractory|relapsed|"
    r"achieved remission|currently (?:on|taking)|continue[sd]?)\b",
    re.I,
)
_PLAN = re.compile(
    r"\b(initiate|initiating|start(?:ing)?|begin|request(?:ing|ed)?|recommend(?:ed)?|"
    r"plan(?:ning)? to|will (?:start|begin|need)|prescrib(?:e|ing)|apply for|seeking approval)\b",
    re.I,
)
_DX_CUE = re.compile(
    r"(diagnos|history of|known|confirmed|consistent with|presents? with|suffer|assessment|"
    r"impression|likely|due to|secondary to|^#|\bwith\b)",
    re.I,
)
_NEGATED = re.compile(r"\b(no|not|denies|negative for|ruled out|without|rule out|r/o)\b", re.I)
_QUESTION = re.compile(r"\?|\byes\s*/?\s*no\b", re.I)


_STRENGTH = re.compile(
    r"\d+(?:\.\d+)?\s*(?:mg|mcg|g|ml|units?|%)\b.{0,30}\b(tablets?|capsules?|powder|injection|"
    r"solution|suspension|vials?|syringes?|pens?|kit|cream|ointment|patch)\b",
    re.I,
)


def is_strength_listing(line: str) -> bool:
    """A product line of a form's list ("Cisplatin 50mg powder for injection"): a strength
    and a dosage form, few words, no verb of starting or taking."""
    return (
        bool(_STRENGTH.search(line))
        and len(line.split()) <= 10
        and not _PLAN.search(line)
        and not _PAST.search(line)
    )


def is_therapy(name: str) -> bool:
    """A drug the vocabulary knows, or a treatment named by kind; never a form's question
    ("Blincyto: Yes No Has your patient...?") nor a condition ("MRD+ B-ALL")."""
    if _QUESTION.search(name) or len(name.split()) > 6:
        return False
    return known_drug(name) is not None or bool(_THERAPY_WORDS.search(name))


def is_condition(name: str) -> bool:
    """A condition, not a sentence fragment: the ICD-10-CM table names it (or part of it),
    or a short name with no dates, results or verbs of reporting."""
    if _QUESTION.search(name) or len(name) > 80:
        return False
    words = name.split()
    fragment = re.search(
        r"\d+/\d+|\d+\s*%|\b(confirmed|showed|revealed|on|was|were|is|of a)\b", name, re.I
    )
    if fragment or len(words) > 8:
        return False
    if icd10_for(name):
        return True
    return len(words) <= 5 and known_drug(name) is None


def from_prose(items: list[tuple[str, PacketPage]], draft: Draft, therapies: bool = True) -> None:
    """The requested drug, diagnoses and (``therapies``) prior therapies the sentences
    state, each quoting its sentence. After a model's reading, therapies are the model's."""
    for sentence, page in items:
        text = mask(sentence, draft.identifiers)
        _requested(sentence, page, text, draft)
        if therapies:
            _prior(sentence, page, text, draft)
        if _DX_CUE.search(sentence) and not _NEGATED.search(sentence[:60]):
            for name, code in conditions_in(sentence):
                written = _as_written(sentence, name)
                draft.add_diagnosis(Diagnosis(name=written, icd10=code), source(page, text))


def _requested(sentence: str, page: PacketPage, text: str, draft: Draft) -> None:
    """A drug the plan starts ("Plan to initiate Epidiolex"), not one tried before."""
    if draft.drug is not None or not _PLAN.search(sentence):
        return
    prior = [t.name for t, _ in draft.prior]
    for written, _generic in drugs_in(sentence):
        if not any(same_name(written, p) for p in prior):
            draft.drug = (written, source(page, text))
            return


def _prior(sentence: str, page: PacketPage, text: str, draft: Draft) -> None:
    """Drugs (or treatments named by kind) a sentence says were taken before."""
    if not _PAST.search(sentence) or _PLAN.search(sentence):
        return
    prior = [t.name for t, _ in draft.prior]
    named = [w for w, _ in drugs_in(sentence)]
    kinds = _THERAPY_WORDS.findall(sentence)
    if not named and any(known_drug(p) for p in prior):
        return  # "despite steroid therapy" speaks of a drug the packet already named
    for name in dict.fromkeys(named or kinds):
        if draft.drug and same_name(name, draft.drug[0]):
            continue
        if not any(same_name(name, known) for known in prior):
            draft.prior.append((PriorTherapy(name=name, response=text), source(page, text)))
            prior.append(name)


def requested_from_headings(pages: list[PacketPage], draft: Draft) -> None:
    """Last resort for the requested drug: a drug the packet's documents name in their
    first line ("ADALIMUMAB PA EXAMPLE"), in most of them, and not as a prior therapy."""
    if draft.drug is not None or not pages:
        return
    counts: dict[str, tuple[int, str, PacketPage]] = {}
    for page in pages:
        head = page.text[:80]
        for written, generic in drugs_in(head):
            n, _, first = counts.get(generic, (0, written, page))
            counts[generic] = (n + 1, written, first)
    prior = [t.name for t, _ in draft.prior]
    ranked = sorted(counts.items(), key=lambda kv: -kv[1][0])
    for generic, (n, written, page) in ranked:
        if n * 2 >= len(pages) and not any(
            same_name(generic, p) or same_name(written, p) for p in prior
        ):
            quote = mask(page.text[:80].strip(), draft.identifiers)  # a header holds the MRN
            draft.drug = (generic, source(page, quote))
            return


def _as_written(sentence: str, name: str) -> str:
    """The condition as the sentence writes it (its own capitals and spelling)."""
    words = name.split()
    pattern = r"[\W_]+".join(re.escape(w) + r"(?:'s|’s)?" for w in words)
    match = re.search(pattern, sentence, re.I)
    return match.group(0) if match else name.capitalize()


__all__ = ["flat", "from_prose", "is_condition", "is_therapy", "requested_from_headings"]
