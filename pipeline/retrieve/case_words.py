"""The words of a case that its topic is built from: a request's own names, what the case's
question says it is for, the drugs it records as taken, the diagnoses' names."""

from __future__ import annotations

import re

from pipeline.models import Case
from pipeline.retrieve.requests import RequestKind
from pipeline.terms import Term, find_drugs, mentions


def _words_of(text: str) -> tuple[str, ...]:
    """The words of a name we do not know, as its own vocabulary (minus filler)."""
    cleaned = re.sub(r"\([^)]*\)|,.*$", "", text).strip().lower()
    return (cleaned,) if cleaned else ()


def _diagnosis_words(names: list[str]) -> tuple[str, ...]:
    """Conditions the vocabulary does not know, each by its own words: every diagnosis's
    name and the names in its brackets ("Raynaud's syndrome without gangrene" apart from
    the disease before it), not all of them run together."""
    out: list[str] = []
    for name in names:
        out += _words_of(name)
        out += [w.strip().lower() for w in re.findall(r"\(([^)]{3,60})\)", name)]
    return tuple(dict.fromkeys(w for w in out if w))


def _generic(kind: RequestKind | None, request: str = "") -> tuple[str, ...]:
    """How guidelines name any request of a procedure kind ("delaying surgery"), and the
    request's own words with its kind's noun in any form: "influenza vaccin" of "influenza
    vaccine" names "influenza vaccination" too (a word's other form is no other item)."""
    out = ["surgery"] if kind is not None and kind.name == "procedure" else []
    for word in _request_words(request) if kind is not None else ():
        *before, last = word.split()
        stem = next((k for k in kind.words if last.startswith(k) and last != k), None)
        if before and stem:
            out.append(" ".join([*before, stem]))
    return tuple(out)


# Salt and ester words after a drug's base name ("... cypionate", "... sodium"): the form
# a product is sold in, not what guidelines call the drug.
_SALT = re.compile(
    r"(?:\s+(?:cypionate|enanthate|undecanoate|propionate|acetate|valerate|decanoate|"
    r"sodium|disodium|potassium|calcium|magnesium|hydrochloride|hcl|sulfate|sulphate|"
    r"phosphate|succinate|tartrate|maleate|mesylate|besylate|citrate|fumarate|"
    r"bromide|chloride|palmitate|hyclate|monohydrate|dihydrate))+$",
    re.I,
)


# A product's formulation after the name ("... depot", "... extended-release"): the same drug
_FORMULATION = re.compile(
    r"(?:\s+(?:depot|injection|injectable|suspension|solution|extended-release|"
    r"delayed-release|prefilled syringe|auto-?injector|pen|tablets?|capsules?))+$",
    re.I,
)


# The word before a request's head noun that names a whole kind, not this item ("virus
# vaccine", "cell therapy"), and the words of a product's form, not of what it is against.
_GENERIC_QUALIFIERS = frozenset(
    "virus viral bacterial cell acid factor protein antibody conjugate polysaccharide "
    "live attenuated inactivated recombinant adjuvanted subunit toxoid".split()
)
_FORM_WORDS = frozenset("live attenuated inactivated recombinant adjuvanted subunit".split())


def _request_words(text: str) -> tuple[str, ...]:
    """A request the vocabulary does not know, by its words: the name, the names in its
    brackets ("Shingrix"), and its head noun phrase ("zoster vaccine" of "Recombinant zoster
    vaccine"), as sources shorten it."""
    words = list(_words_of(text))
    words += [
        w.strip().lower()
        for w in re.findall(r"\(([^)]{3,40})\)", text)
        if not re.search(r"\d{4,}", w)  # a code ("CPT 71250") is no name
    ]
    # the head before what qualifies it ("computed tomography" of "... of the chest
    # without contrast")
    head = re.split(r"\s+(?:of|without|with|for|in)\s+", words[0])[0] if words else ""
    base = _SALT.sub("", _FORMULATION.sub("", head)).strip()
    if base and base != head:
        # a salt or ester form is the drug itself: sources name the base ("testosterone
        # co-therapy" for "testosterone cypionate")
        words.append(base)
    elif len(head.split()) > 2:
        short = head.split()[-2:]
        if short[0] not in _GENERIC_QUALIFIERS:
            words.append(" ".join(short))
        else:
            # "virus vaccine" of "respiratory syncytial virus vaccine" names every
            # vaccine against a virus (the live attenuated ones too): sources shorten it to
            # what it is against ("influenza vaccine"), by initials where that is a
            # name of several words ("RSV vaccine")
            before = [w for w in head.split()[:-2] if w not in _GENERIC_QUALIFIERS]
            named = [w for w in head.split()[:-1] if w not in _FORM_WORDS]
            initials = "".join(w[0] for w in named) if len(named) >= 2 else ""
            what = before[0] if len(before) == 1 else initials
            if what:
                words.append(f"{what} {head.split()[-1]}")
    elif head and head != words[0]:
        words.append(head)
    return tuple(dict.fromkeys(w for w in words if w))


def _purpose(question: str) -> str:
    """What the request is for, from the case's question: "to screen for interstitial lung
    disease in a 46-year-old woman with ..." of "Is a high-resolution CT of the chest
    medically necessary to screen for ...?"."""
    m = re.search(r"\bmedically necessary\b(.*)$", question, re.I | re.S)
    rest = " ".join((m.group(1) if m else "").split()).strip(" ?.")
    return rest if len(rest.split()) >= 3 else ""


def _asked(question: str) -> str:
    """The request as the question asks it, before "medically necessary": "continued
    voclosporin through an elective total hip arthroplasty" of "Is continued voclosporin
    through an elective total hip arthroplasty medically necessary for ...?"."""
    m = re.search(
        r"^\s*(?:is|are|would|will)\b(.*?)\b(?:be )?medically necessary\b", question, re.I | re.S
    )
    return " ".join(m.group(1).split()) if m else ""


# A course that ended ("2020 to 2022", "stopped for loss of response") or was never taken
# ("discussed but not chosen"): no therapy the patient takes now.
_ENDED = re.compile(
    r"\b(?:stopped|discontinued|ceased|withdrawn|loss of response|lost response|"
    r"not (?:yet )?(?:been )?(?:tried|chosen|started|given)|never (?:tried|taken|received)|"
    r"(?:19|20)\d\d(?:-\d\d)?\s*(?:to|until|–|-)\s*(?:19|20)\d\d)\b",
    re.I,
)


def _current_therapies(case: Case) -> tuple[str, ...]:
    """The drugs the case names as taken now (prior therapies, then the history's clauses),
    by name; not a course the record gives as ended or never taken."""
    texts = [p.name for p in case.prior_therapies if not _ENDED.search(f"{p.name} {p.response}")]
    clauses = [c for h in case.history for c in re.split(r"[.;]", h)]
    texts += [c for c in clauses if not re.search(r"\bno\b", c, re.I) and not _ENDED.search(c)]
    return tuple(dict.fromkeys(d.name for t in texts for d in find_drugs(t)))


def _inverted(text: str) -> str:
    """The text with each "<noun> of the <part>" also written "<part> <noun>"
    ("osteoarthritis of the hands": "hand osteoarthritis"), as vocabularies name forms."""
    turned = re.sub(
        r"\b([a-z]+)\s+of\s+the\s+([a-z]+?)s?\b",
        lambda m: f"{m.group(2)} {m.group(1)}",
        text,
        flags=re.I,
    )
    return text if turned == text else f"{text}; {turned}"


def manifestation_of(condition: Term, mine: list[Term]) -> bool:
    """A condition whose own name holds a name of one of the case's conditions whole
    ("neuropsychiatric lupus" holds "lupus"): a manifestation or form of it, on the case's
    topic, though the vocabulary lists it apart (a judge's reader names it by its own
    words). A synonym holding one does not count ("juvenile rheumatoid arthritis" is JIA,
    no form of RA)."""
    return any(mentions(condition.name, c.words, c.abbrev) for c in mine)
