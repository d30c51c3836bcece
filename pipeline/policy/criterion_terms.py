"""A criterion's content as term groups, and what a fact clause states of them: the
stems of its content words (alternatives joined by "or" one group, an abbreviation the
criterion defines standing for its words, a drug standing for its classes), clauses,
negation, opposites and the numbers a clause must repeat. Read by the restated-fact judge,
the measurement rules and the check of the model's answers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from pipeline.models import CaseFact
from pipeline.policy.dates import clause_age
from pipeline.policy.units import NUMBER_WORD, count_value

_STOP = set(
    """a an the and or of to in on for with by at as is are was were be been being has have
    had do does did will would shall should must may can could this that these those which
    who whom whose its their his her there than then any all each other another such
    patient patients member members individual individuals person client clients
    beneficiary beneficiaries enrollee enrollees prescriber physician
    provider documented documentation evidence following criteria criterion meets meet met
    either both least one also only when where while if who has been currently current
    request requested requesting use used using per via including include includes e.g
    i.e etc no not never none without absence absent lack free diagnosis diagnosed
    therapy therapies treatment prior previous previously earlier require requires
    required requiring attest attests attested attestation attesting verbal verbally
    provide provides provided submit submits submitted disease diseases condition
    conditions still""".split()
)
_SEVERITY = {"mild", "moderate", "moderately", "severe", "severely", "medium", "high", "low"}
# Words of a negation. "negative" is not one: "TB test negative" states a result.
_NEG = re.compile(
    r"\b(?:no|not|never|none|without|neither|nor|absence|absent|denies|denied|free of|"
    r"ruled out|n't)\b",
    re.I,
)
# A therapy's failure, which criteria about trials ask for: not a negation of the trial.
_FAILED = re.compile(
    r"\b(?:without|no|not|did not have)\s+(?:an?\s+)?(?:adequate|sufficient|satisfactory|"
    r"meaningful|clinical)?\s*(?:response|improvement|benefit|control|remission)\b|"
    r"\b(?:not|inadequately|poorly)\s+(?:adequately\s+)?(?:controlled|responsive|respond\w*)\b|"
    r"\bdid not respond\b|\bfailed to\b",
    re.I,
)
_ABSENCE = re.compile(
    r"(?i:^\s*(?:no|not|none|never|without|absence of|free of|lack of)\b)|"
    # "is still not used with", "will currently not be given": an adverb between the verb
    # and its negation leaves it a negation
    r"(?i:\b(?:is|are|was|were|has|have|had|does|do|did|will|should|must)\s+"
    r"(?:(?:still|currently|also|yet|then)\s+)?(?:not|never)\b)|"
    r"\bNOT\b|\bNO\b",
)
# Examples and inclusions in parentheses are not what the criterion asks ("(e.g., ...)").
_EXAMPLES = re.compile(
    r"\(\s*(?:e\.g\.|eg\b|for example|such as|including|includes)[^)]*\)|"
    r",?\s*\b(?:such as|for example|e\.g\.,?)\s[^.;()]*",
    re.I,
)
# "(see Appendix 1)", "(refer to section III)": where to read more, not what to state
_POINTER = re.compile(r"\(\s*(?:see|refer to|as defined in|per)\b[^)]*\)", re.I)
# "12 mg (5 mL)": the same quantity in another unit
_RESTATED = re.compile(r"(?<=[A-Za-z%])\s*\(\s*\d[\d.,]*\s*[A-Za-z/%][A-Za-z/%0-9]*\s*\)")
_ABBREV_DEF = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,6})\(([A-Z][A-Za-z0-9-]{1,8})\)")
# "(mCRPC)", "(nr-axSpA)": an abbreviation led by lowercase letters, defined in parentheses
# after the words it stands for, which are the terms (it adds none of its own)
_LOWER_LED = re.compile(r"\(([a-z]{1,2}-?[A-Z]{2}[A-Za-z0-9-]{0,6})\)")
# Where an approval's length or a renewal window is run into a criterion by the layout.
_BOILERPLATE = re.compile(
    r"\b(?:authorization|approval|approve|renewal|reauthorization|quantity|coverage)\b.*$",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w])")
_WITHIN = re.compile(
    r"\b(?:within\s+(?:the\s+)?(?:past|last|previous|prior)?|(?:in|during|over)\s+the\s+"
    r"(?:past|last|previous|prior))\s*(\d+)\s*(day|week|month|year)s?\b",
    re.I,
)
_AGO = re.compile(r"\b(\d+|" + NUMBER_WORD + r")\s*(day|week|month|year)s?\s+ago\b", re.I)
# Months in one unit of time: the one table every reader of a duration or window uses.
MONTHS = {"day": 1 / 30.4, "week": 1 / 4.345, "month": 1.0, "year": 12.0}


# Words policies and notes use for one relation: each stem → the one it is counted as.
_SAME = {
    s: group[0]
    for group in (
        ("togeth", "combin", "concur", "concom", "along", "plus"),
        ("receiv", "given", "give", "prescr", "admini", "taking", "taken"),
        ("anothe", "additi"),
        ("inadeq", "fail", "failur", "insuff", "unsucc"),
        ("female", "woman", "women"),  # the case's "Patient: 68-year-old female."
        ("male", "man", "men"),
        # clinical words with one meaning, as notes and policies each write them
        ("cancer", "carcin", "malign"),
        ("tumor", "tumour"),
        ("kidney", "renal"),
        ("hypers", "allerg"),  # hypersensitivity
        ("pediat", "paedia", "child", "childr"),
        ("heart", "cardia"),
        ("medica", "medici"),  # medication / medicine
        ("center", "centre", "site", "facili"),  # where a drug is given
    )
    for s in group
}


def plain(text: str) -> str:
    """The text without accents ("Behçet" is "Behcet"): notes drop them, policies keep them."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stem(word: str) -> str:
    word = plain(word).lower().strip("-")
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return _SAME.get(word[:6], word[:6])


def coverage(groups: list[set[str]], text: str) -> int:
    """How many of the criterion's term groups the text states (a drug in it standing for
    its classes too)."""
    return sum(_stated(g, _text_stems(text), text) for g in groups)


def _text_stems(text: str) -> set[str]:
    """The stems a text states: its words, the parts of its hyphenated words ("first-line"
    states "line"), and the classes of the drugs it names."""
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9-]*", plain(text))
    parts = [p for t in tokens if "-" in t for p in t.split("-") if len(p) >= 3]
    return {stem(w) for w in tokens + parts} | _vocabulary_stems(text)


def negates(text: str) -> bool:
    """The text states an absence (a therapy's failure, "without adequate response", is
    not one)."""
    return bool(_NEG.search(_FAILED.sub(" ", text)))


_OPPOSITES = (
    ("positive", "negative"),
    ("present", "absent"),
    ("normal", "abnormal"),
    ("controlled", "uncontrolled"),
    ("eligible", "ineligible"),
    ("responsive", "unresponsive"),
)


def opposes(criterion: str, text: str) -> bool:
    """The text says the opposite word of one the criterion asks ("negative" for a
    "positive skin test"), without the criterion's own word."""
    low_c, low_t = criterion.lower(), text.lower()
    for a, b in _OPPOSITES:
        for want, other in ((a, b), (b, a)):
            asks = re.search(rf"\b{want}\b", low_c) and not re.search(rf"\b{other}\b", low_c)
            if asks and re.search(rf"\b{other}\b", low_t) and not re.search(rf"\b{want}\b", low_t):
                return True
    return False


# "no more than", "not exceeding": a bound's own words, no denial of it
_BOUND_WORDS = re.compile(
    r"\b(?:no|not)\s+(?:more|less|greater|fewer|higher|lower|exceed\w*|over|under|above|"
    r"below|to exceed)\b",
    re.I,
)


def denial(text: str) -> re.Match[str] | None:
    """The text's first negation that is neither a therapy's failure ("without adequate
    response") nor a bound's wording ("no more than"), where it is written."""
    blank = _BOUND_WORDS.sub(lambda m: " " * len(m.group(0)), text)
    blank = re.sub(r"\bwith or without\b", lambda m: " " * len(m.group(0)), blank, flags=re.I)
    return _NEG.search(_FAILED.sub(lambda m: " " * len(m.group(0)), blank))


def denied_before(text: str, start: int) -> bool:
    """A negation earlier in the sentence than ``start`` that is no bound's own wording:
    "does not have severe renal impairment (creatinine clearance below 30 mL/min)" denies
    what its bound defines."""
    before = re.split(r"[.;:]\s", text[:start])[-1]
    # a criterion of absence ("does not have ..."), not one allowing either ("with or
    # without an aid (EDSS below 7.0)")
    return is_absence(before) and denial(before) is not None


def is_absence(criterion: str) -> bool:
    """The criterion asks that something be absent ("not used with another biologic");
    "has not responded to topical treatment" asks a failure, not an absence."""
    return bool(_ABSENCE.search(_FAILED.sub(" ", criterion)))


def negated_terms(groups: list[set[str]], text: str) -> int:
    """How many of the criterion's terms the text negates outright, the negation right
    before the term ("uses no ventilator", "never received gene therapy"): the absence of a
    thing states the absence of any kind of it ("not on permanent ventilator dependence")."""
    found = 0
    for g in groups:
        for m in re.finditer(
            r"\b(?:no|not|never|without|denies|free of)\s+((?:\S+\s+){0,2}?\S+)", text, re.I
        ):
            words = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z0-9-]*", m.group(1))}
            if any(alt in words for alt in g if not alt.isupper() and len(alt) >= 5):
                found += 1
                break
    return found


_EXAMPLE_LIST = re.compile(r"\b(?:such as|e\.g\.,?|for example|including)\s+([^.;()]+)", re.I)


def alternatives(text: str) -> list[str]:
    """A criterion's alternatives written as phrases ("either a pathogenic PHEX variant
    ..., or a serum FGF23 level above the normal range"): its parts at a top-level ", or"
    / "; or", each of two terms or more, and the examples it gives ("such as ...") of two
    terms or more; [] where it has none."""
    depth, cuts = 0, []
    for m in re.finditer(r"[()]|[,;]\s+or\s+", text):
        if m.group(0) in "()":
            depth += 1 if m.group(0) == "(" else -1
        elif depth == 0:
            cuts.append(m)
    parts: list[str] = []
    if cuts:
        ends = [0, *(x for m in cuts for x in (m.start(), m.end())), len(text)]
        parts = [text[a:b] for a, b in zip(ends[::2], ends[1::2], strict=True)]
        parts = [re.sub(r"^\s*either\s+", "", p, flags=re.I).strip(" ,;") for p in parts]
        parts[0] = re.sub(r"^.*?\beither\s+", "", parts[0], flags=re.I)
        parts = parts if all(len(requirements(p)) >= 2 for p in parts) else []
    # "chronic liver disease, such as cirrhosis from viral hepatitis or MASH": an example
    # the policy gives states the thing it is an example of
    for m in _EXAMPLE_LIST.finditer(text):
        examples = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", m.group(1))
        parts += [e.strip() for e in examples if len(requirements(e)) >= 2]
    return parts


def clauses(text: str) -> list[str]:
    """The fact's clauses (split at semicolons and sentence ends, and at ", and" between
    two statements), its label ("History:") dropped."""
    return [p for c in _clauses(text) for p in re.split(r",\s+and\s+(?=\w+\s+\w+)", c)]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9-]*", text) if w.lower() not in _STOP]


def requirements(text: str, drug: str = "") -> list[set[str]]:
    """The criterion's content as groups of stems, one of each group to be stated: words
    joined by "or" ("advanced or metastatic", "II or III") are one group, as is an
    abbreviation with the words it stands for. The requested drug's words are no
    requirement (every fact about the request names it)."""
    text = _EXAMPLES.sub(" ", _POINTER.sub(" ", plain(text)))
    text = _BOILERPLATE.sub("", text) if _BOILERPLATE.search(text[20:]) else text
    drug_stems = {stem(w) for w in re.findall(r"[A-Za-z]{3,}", drug)}
    groups: list[set[str]] = []
    abbrev_of: dict[str, str] = {}
    for m in _ABBREV_DEF.finditer(text):
        letters = m.group(2).lower()
        for w in reversed(m.group(1).split()[-len(letters) :]):
            if w[0].lower() not in letters:
                break  # "high-dose inhaled corticosteroid (ICS)": ICS is the last two
            abbrev_of[stem(w)] = m.group(2)
    # "and/or", "loud/intense", "A, B, or C", "moderate to severe": alternatives
    text = re.sub(r"\band/or\b|(?<=[A-Za-z])/(?=[A-Za-z])", " or ", text)
    text = _WITHIN.sub(" ", text)  # a window is checked against the clause's date
    text = re.sub(r",\s+or\b", " or", text)
    text = re.sub(
        r",\s+(?!(?:with|and|in|of|for|to|the|a|an|who|that|which)\b)"
        r"(?=(?:[\w-]+\s+)?[\w-]+,?\s+or\b)",
        " or ",
        text,
    )
    text = re.sub(
        r"(?<=\w)(-?)\s+to\s+(?=\w)",
        lambda m: " or " if m.group(1) else m.group(0),
        text,
    )
    text = re.sub(rf"\b({'|'.join(_SEVERITY)})\s+to\s+(?=\w)", r"\1 or ", text, flags=re.I)
    by_abbrev: dict[str, int] = {}
    lower_led = set(_LOWER_LED.findall(text))
    pending_or = False
    for tok in re.findall(r"[A-Za-z][A-Za-z0-9-]*", text):
        if tok.lower() == "or":
            pending_or = True
            continue
        if tok.lower() in _STOP or len(tok) < 2:
            continue
        if tok in lower_led:
            continue
        s = tok if tok.isupper() and len(tok) <= 9 else stem(tok)
        if s in drug_stems:
            pending_or = False
            continue
        abbrev = abbrev_of.get(s) or (s if s in by_abbrev else None)
        if abbrev and abbrev in by_abbrev:
            groups[by_abbrev[abbrev]].add(s)  # "central nervous system (CNS)": one term
        elif pending_or and groups:
            groups[-1].add(s)  # "advanced or metastatic": either states it
            if abbrev:
                groups[-1].add(abbrev)
                by_abbrev[abbrev] = len(groups) - 1
        elif ({s, abbrev} if abbrev else {s}) not in groups:  # a term said twice is one
            groups.append({s, abbrev} if abbrev else {s})
            if abbrev:
                by_abbrev[abbrev] = len(groups) - 1
        pending_or = False
    return groups


# facts that restate the payer, the request or the patient's age and sex: not the record
_REQUEST_FACTS = ("Payer", "Requested", "Patient:")


def record_facts(facts: list[CaseFact], *also: str) -> list[CaseFact]:
    """The facts a reader of the record looks in (``also``: more openings to leave out)."""
    return [f for f in facts if not f.text.startswith(_REQUEST_FACTS + also)]


def _clauses(text: str) -> list[str]:
    text = re.sub(r"^(?:History|Diagnosis|Prior therapy|Notes):\s*", "", text)
    return [c for c in re.split(r";\s+|(?<=[a-z0-9)])\.\s+", text) if c.strip()]


# each stem _SAME counts as another → every spelling of it ("cancer" → carcin, malign)
_SPELLINGS: dict[str, set[str]] = {}
for _spelling, _key in _SAME.items():
    _SPELLINGS.setdefault(_key, {_key}).add(_spelling)


def _stated(group: set[str], stems: set[str], clause: str) -> bool:
    clause = plain(clause)
    for alt in group:
        if alt.isupper():
            if re.search(rf"(?<![A-Za-z0-9]){re.escape(alt)}(?![A-Za-z0-9])", clause):
                return True
        elif alt in stems or any(
            len(a) >= 4 and _compound(a).search(clause) for a in _SPELLINGS.get(alt, {alt})
        ):
            return True
    return False


def _compound(alt: str) -> re.Pattern[str]:
    """The term as the second half of a compound word ("feed" in "breastfeeding"), after a
    head of four letters or more that is no negating prefix ("nonsmoker" is no "smoker")."""
    return re.compile(
        rf"\b(?!(?:non|un|in|dis|anti|de)(?:-)?{re.escape(alt)})[a-z]{{4,}}{re.escape(alt)}", re.I
    )


def numbers_ok(
    criterion: str, clause: str, fact: CaseFact | None = None, today: date | None = None
) -> bool:
    """Every number the criterion states is the text's too (see ``_numbers_ok``)."""
    return _numbers_ok(criterion, clause, fact, today)


def _numbers_ok(
    criterion: str, clause: str, fact: CaseFact | None = None, today: date | None = None
) -> bool:
    """Every number the criterion states (less its boilerplate) is the clause's too, or a
    "within the past N months" the clause's "N' months ago", or its date (``today`` the
    case's latest), lies inside."""
    body = _BOILERPLATE.sub("", criterion) if _BOILERPLATE.search(criterion[20:]) else criterion
    body = _RESTATED.sub(" ", _POINTER.sub(" ", _EXAMPLES.sub(" ", body)))
    if within := _WITHIN.search(body):
        limit = float(within.group(1)) * MONTHS[within.group(2).lower()]
        ago = _AGO.search(clause)
        if ago:
            n = ago.group(1).lower()
            if count_value(n) * MONTHS[ago.group(2).lower()] > limit:
                return False
        else:
            age = clause_age(clause, fact, today) if fact is not None else None
            if age is None or age[1] > limit:
                return False
        body = body[: within.start()] + body[within.end() :]
    numbers = set(_NUMBER.findall(body))
    return numbers <= set(_NUMBER.findall(clause))


def _vocabulary_stems(clause: str) -> set[str]:
    """The stems of the drug classes the clause's drugs belong to ("fluticasone" → the
    class words of an inhaled corticosteroid), from the drug vocabulary."""
    try:
        from pipeline.terms import drug_classes, find_classes, find_drugs
    except ImportError:  # pragma: no cover - the vocabulary ships with the package
        return set()
    out: set[str] = set()
    known = drug_classes()
    for named in find_classes(clause):
        # a class named by one of its spellings states its others ("JAK inhibitor" states
        # "Janus kinase inhibitor"); a broad class's spellings name too much to count
        if (c := known.get(named.name)) and not c.broad:
            for phrase in c.words:
                out |= {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z0-9-]*", phrase)}
    for drug in find_drugs(clause):
        for name in drug.classes:
            c = known.get(name)
            for phrase in [name, *(c.words if c else ())]:
                out |= {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z0-9-]*", phrase)}
    return out
