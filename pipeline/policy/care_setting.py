"""Who treats the patient and where: "Must be treated by a respiratory physician working in
a specialist cystic fibrosis centre, or by a paediatrician in consultation with one",
"works at a federally recognized hemophilia treatment center". Each alternative (split at
", or by" / " or ") is a specialty phrase and, where it says "working in / at", a setting
phrase; a fact meets the alternative where one of its clauses holds every phrase whole:
each content word of the phrase, or its initials ("CF centre" for "cystic fibrosis
centre"). A lone word is never enough ("center" is any medical center). Met only: a
setting not found is for the model or a person, never a denial by code."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import negates

_ASKS = re.compile(
    r"\b(?:(?:treated|managed|prescribed|supervised|initiated|followed)\s+by|under\s+the\s+care\s+of)"
    r"\s+(?P<rest>.+)$",
    re.I,
)
_ALTERNATIVE = re.compile(r",?\s+or\s+(?:by\s+)?(?=an?\s)", re.I)
_SETTING = re.compile(
    r"\s+(?:working|based|practi[cs]ing)\s+(?:in|at|within)\s+|\s+(?:in|at)\s+(?=an?\s)", re.I
)
# words that qualify a phrase but are not written in a note ("federally recognized")
_QUALIFIERS = set(
    "a an the federally recognized recognised accredited certified designated qualified "
    "experienced appropriate relevant works working practices practicing at in within "
    # "Prescribed by or with a hematologist" compiles to the specialty "with hematologist"
    "with by treating".split()
)
# words a specialty is named with that name no specialty by themselves
_GENERIC = {"specialist", "physician", "provider", "doctor", "disease"}
# an alternative that leans on another ("a paediatrician in consultation with one")
_LEANS = re.compile(
    r"\b(?:in\s+consultation\s+with|with\s+input\s+from|after\s+consulting)\b", re.I
)


def _words(phrase: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _QUALIFIERS]


def phrase_in(phrase: str, clause: str) -> bool:
    """Every content word of the phrase in the clause, or a run of them by its initials."""
    words = _words(phrase)
    if not words:
        return False
    have = set(re.findall(r"[a-z]+", clause.lower()))
    initials = {w.lower() for w in re.findall(r"\b[A-Z]{2,4}\b", clause)}
    i = 0
    while i < len(words):
        if _forms(words[i]) & have:
            i += 1
            continue
        for n in (4, 3, 2):  # "CF" for "cystic fibrosis"
            if i + n <= len(words) and "".join(w[0] for w in words[i : i + n]) in initials:
                i += n
                break
        else:
            return False
    return True


# "Endocrinology referral declined by family": a specialty named for a visit that did not
# happen is no prescriber of that specialty
REFUSED_VISIT = re.compile(
    r"\b(?:declined|refused|cancel+ed|pending|awaiting|not yet (?:seen|scheduled))\b", re.I
)


def names_specialty(specialty: str, stem: str, clause: str) -> bool:
    """A specialty of a prescriber list in a clause: a one-word specialty by its stem
    ("gastroenterolog" for gastroenterology), a longer one by its whole phrase
    ("works at a hemophilia treatment center" is no "Mercy Medical Center")."""
    core = [w for w in _words(specialty) if w not in _GENERIC]
    if len(core) >= 2:
        # "sleep medicine specialist": a note says "board-certified sleep medicine"
        return phrase_in(" ".join(core), clause)
    return stem in clause.lower()


def _forms(word: str) -> set[str]:
    """A word and its spellings across English ("centre"/"center", "paediatric")."""
    forms = {word, word.rstrip("s")}
    if word.endswith("re"):
        forms.add(word[:-2] + "er")
    if word.endswith("er"):
        forms.add(word[:-2] + "re")
    forms |= {f.replace("ae", "e") for f in list(forms)} | {
        f.replace("oe", "e") for f in list(forms)
    }
    return forms | {f + "s" for f in list(forms)}


def _alternatives(rest: str) -> list[list[str]]:
    rest = re.split(r"[.;:]|\(", rest)[0]
    out = []
    for alt in _ALTERNATIVE.split(rest):
        if _LEANS.search(alt):
            continue  # needs the other alternative's specialist too: not read here
        phrases = [p.strip() for p in _SETTING.split(alt) if p.strip()]
        if phrases and all(len(_words(p)) >= 1 for p in phrases):
            out.append(phrases)
    return out


def judge_treated_by(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    """Met where one fact's clause names an alternative's specialty and setting whole."""
    m = _ASKS.search(text)
    if not m or negates(text[: m.start()]):
        return None
    for phrases in _alternatives(m.group("rest")):
        if all(len(_words(p)) < 2 and not re.search(r"\w{6,}", p) for p in phrases):
            continue  # "a doctor": too little to read
        for fact in facts:
            for clause in re.split(r"(?<=[.;])\s+|:\s+", fact.text):
                if negates(clause):
                    continue
                if all(phrase_in(p, clause) for p in phrases):
                    return "met", [fact.id], "the note names " + " at ".join(phrases)
    return None


# Who prescribes, named in a clause ("Prescriber: her family physician", "Requesting
# physician specialty: internal medicine"). "Metformin prescribed by her PCP" is another
# drug's prescriber, not the request's.
_PRESCRIBER_ROLE = re.compile(
    r"\bprescrib(?:er|ers|ing)\b|\b(?:requesting|ordering)\s+(?:physician|provider)\b|"
    # "(Dr. Owen Brandt, family physician, who writes the prescription)"
    r"\bwho\s+(?:writes|wrote|signs|signed)\s+(?:the\s+|this\s+)?(?:prescription|request)\b",
    re.I,
)
# A clinician named by title or specialty ("-ologist", "-iatrist", "-ician"); "specialty:"
# as a label. A bare "specialty" is no clinician ("a specialty pharmacy").
_CLINICIAN = re.compile(
    r"\b(?:\w{3,}(?:ologists?|iatrists?|icians?)|internists?|specialists?|practitioners?|"
    r"surgeons?|doctors?|PCP|GP)\b|\bspecialty\s*:",
    re.I,
)
_NOT_A_PRESCRIBER = re.compile(r"pharmac", re.I)
# "never seen a dermatologist", "without specialist input": a clinician named to deny it
_DENIED = re.compile(r"\b(?:no|not|never|without|nor)\s+(?:\w+\s+){0,3}$", re.I)


def states_prescriber(fact: CaseFact) -> bool:
    """A clause of the fact names who prescribes, by a clinician's title or specialty: the
    only kind of fact that can show a prescriber outside a policy's list. A clause about a
    pharmacy ("filled at a specialty pharmacy", "prescriber and specialty pharmacy are
    enrolled"), a drug prescribed, or the prescriber's attestation names no specialty."""
    pieces = re.split(r"(?<=[.;])\s+|\s+-\s+", fact.text)
    # "(Dr. Mei Tanaka, general pediatrician; prescriber of the request)": a note's author
    # and role in one bracket, whatever its inner stops
    pieces += re.findall(r"\(([^()]{5,160})\)", fact.text)
    for clause in pieces:
        if _NOT_A_PRESCRIBER.search(clause):
            continue
        labelled = re.search(r"\bspecialty\s*:", clause, re.I)
        if not (labelled or _PRESCRIBER_ROLE.search(clause)):
            continue
        if any(not _DENIED.search(clause[: m.start()]) for m in _CLINICIAN.finditer(clause)):
            return True
    return False
