"""How the case's earlier therapy failed, against the failure a recommendation is for.

Guidelines tell failures apart: after a primary nonresponse to a first drug of a class
(it never worked: the class's target is likely not the one driving the disease) they
prefer another class; after a secondary loss of response, a second drug of the same class;
after intolerance, another drug of either. And a recommendation of the class for patients
who have not had it ("TNFi over no TNFi" after NSAIDs) is an earlier line for a case whose
first drug of that class already failed: a second one is endorsed only where a sentence
speaks of patients after the class ("a different TNFi", "nonresponse to the first TNFi").
"""

from __future__ import annotations

import re

from pipeline.models import Case
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import drug_classes, find_therapies, term_pattern

KINDS: dict[str, re.Pattern] = {
    "primary": re.compile(
        r"\bprimary (?:non-?\s?respon\w*|failure|inefficacy|lack of (?:response|efficacy))|"
        r"\bnever (?:responded|had a response)|\bno (?:clinically )?meaningful (?:improvement|"
        r"response)|\bdid not respond at (?:any|all)",
        re.I,
    ),
    "secondary": re.compile(
        r"\bsecondary (?:non-?\s?respon\w*|failure|loss of (?:response|efficacy))|"
        r"\bloss of (?:response|efficacy)|\blost (?:its |their |the )?(?:response|efficacy)|"
        r"\bno longer respond\w*|\bstopped working",
        re.I,
    ),
    "intolerance": re.compile(
        r"\bintoleran\w*|\bnot tolerated|\bpoor(?:ly)? tolera\w*|\badverse (?:events?|"
        r"reactions?|effects?)|\bside effects?",
        re.I,
    ),
}
# A failure of efficacy of any kind ("inadequate response", "despite", "not at target").
_EFFICACY = re.compile(
    r"\b(?:inadequate(?:ly)?|insufficient|partial|no) respon\w*|\bnon-?\s?respon\w*|\bfail\w*|"
    r"\brefractory|\bnot at target|\bdespite|\bactive disease|\bdid not respond|"
    r"\bwithout (?:adequate )?response|\black of (?:response|efficacy)",
    re.I,
)


def failure_kinds(text: str) -> set[str]:
    """The kinds of failure a text names: primary, secondary, intolerance."""
    return {kind for kind, pattern in KINDS.items() if pattern.search(text)}


def case_failure_kinds(case: Case) -> set[str]:
    """The kinds of failure the case records for its prior therapies (their response, and
    history lines that name a prior therapy)."""
    texts = [f"{p.name} {p.response or ''}" for p in case.prior_therapies]
    texts += [h for h in case.history if find_therapies(h)]
    kinds: set[str] = set()
    for t in texts:
        kinds |= failure_kinds(t)
    return kinds


def failure_fits(population: str, case: Case) -> bool:
    """The population's kind of failure can be the case's: a recommendation for a secondary
    loss of response is not for a case whose drug never worked (nor the reverse); one for
    patients intolerant of a drug only is not for a case whose every failure was of
    efficacy. Where either side names no kind, nothing is ruled out."""
    wanted = failure_kinds(population)
    had = case_failure_kinds(case)
    if not wanted or not had:
        return True
    response = wanted & {"primary", "secondary"}
    if response:
        had_response = had & {"primary", "secondary"}
        return not had_response or bool(response & had_response)
    # intolerance only: the case's failures must include one (or say nothing of efficacy)
    records = " ".join(f"{p.response or ''}" for p in case.prior_therapies)
    either = bool(_EFFICACY.search(population))  # "inadequate response to or intolerance of"
    return "intolerance" in had or either or not _EFFICACY.search(records)


def strip_kinds(population: str) -> str:
    """The population without its kind-of-failure words (the drug's role for them)."""
    for pattern in KINDS.values():
        population = pattern.sub(" ", population)
    return population


def own_classes(topic: CaseTopic) -> list[str]:
    """The drug's own narrow classes ("TNF inhibitor" for golimumab; not "bDMARD")."""
    known = drug_classes()
    return [c for c in topic.drug_lineage if c in known and not known[c].broad]


def tried_classes(topic: CaseTopic) -> list[str]:
    """The narrow classes of the therapies the case tried (TNF inhibitor, for adalimumab)."""
    known = drug_classes()
    names = [c for t in topic.prior_terms for c in (t.name, *t.classes)]
    return list(dict.fromkeys(c for c in names if c in known and not known[c].broad))


def failed_in_class(case: Case, topic: CaseTopic) -> list[tuple[str, str]]:
    """(class, prior therapy) for each drug of the drug's own narrow classes the case
    already had and that failed (adalimumab without response, for golimumab)."""
    own = own_classes(topic)
    out: list[tuple[str, str]] = []
    for p in case.prior_therapies:
        outcome = f"{p.response or ''}"
        if not (_EFFICACY.search(outcome) or failure_kinds(outcome)):
            continue
        for term in find_therapies(p.name):
            if term.words and any(w in topic.drug_words for w in term.words):
                # the drug itself, tried before: a continuation's matter; but a new course
                # of the same molecule after it failed (its biosimilar after the originator
                # did not work) is a second drug of the class, the first having failed
                if topic.request_type != "initial" or not _EFFICACY.search(outcome):
                    continue
            out += [(c, p.name) for c in own if c in term.classes]
    return out


def failed_classes(case: Case, topic: CaseTopic) -> list[str]:
    """The drug's own narrow classes of which the case already had another drug that
    failed (for golimumab after adalimumab: "TNF inhibitor")."""
    return list(dict.fromkeys(c for c, _ in failed_in_class(case, topic)))


_KIND_WORDS = {
    "primary": "primary nonresponse",
    "secondary": "secondary loss of response",
    "intolerance": "intolerance",
}


def failure_request(case: Case, topic: CaseTopic, populations: list[str]) -> str | None:
    """Where the guideline's word on the drug turns on how the first drug of its class
    failed (a population names the kind), the documentation of that failure."""
    failed = failed_in_class(case, topic)
    kinds = [k for p in populations for k in sorted(failure_kinds(p))]
    if not failed or not kinds:
        return None
    prior = failed[0][1]
    return (
        f"Documentation of the {_KIND_WORDS[kinds[0]]} to {prior}: dose, duration, adherence "
        "and disease activity measures"
    )


# Before a class word: the class again, after its first drug ("a second / different TNFi",
# "switching to another TNFi", "nonresponse to the first TNFi", "after TNFi failure").
_AFTER_CLASS = re.compile(
    r"\b(?:second|different|another|alternative|first|next|subsequent|prior|previous|"
    r"switch\w*|non-?\s?respon\w*|failure|fail\w*|inadequate|intoleran\w*|despite|after)\W+"
    r"(?:\w+\W+){0,2}$",
    re.I,
)
_CLASS_FAILED = re.compile(r"^\W*(?:\w+\W+){0,1}(?:failure|nonrespon\w*|non-respon\w*)", re.I)


def after_class(text: str, classes: list[str]) -> bool:
    """The sentence speaks of patients after a drug of one of these classes: a class word
    preceded by "second", "different", "first", "nonresponse to", or followed by
    "failure"."""
    known = drug_classes()
    pattern = term_pattern(tuple(w for c in classes if c in known for w in known[c].words))
    if pattern is None:
        return False
    for m in pattern.finditer(text):
        if _AFTER_CLASS.search(text[max(0, m.start() - 60) : m.start()]):
            return True
        if _CLASS_FAILED.search(text[m.end() : m.end() + 40]):
            return True
    return False


# ("flare resolved": an episode's therapy that ended the episode worked, for the next one)
_WORKED = re.compile(
    r"\b(?:good|excellent|complete|effective|well tolerated|controlled|resolved)\b", re.I
)
_NOT_NOW = re.compile(
    r"\b(?:until|lost|loss|no longer|insufficient|inadequate|partial|none|not enough|failed|"
    r"flare\w*(?!\s+(?:resolved|settled|subsided))|intoleran\w*|not tolerated|"
    r"stopped working|worse\w*|not resolved|unresolved)\b",
    re.I,
)


def worked(case: Case, therapy: str) -> bool:
    """The case records this therapy (by name or class) as working, with no failure of it:
    "good relief, well tolerated" for naproxen stopped at a positive pregnancy test. A
    therapy that worked is still open where a guideline prefers it to the request."""
    responses = [
        p.response or ""
        for p in case.prior_therapies
        if any(t.name == therapy or therapy in t.classes for t in find_therapies(p.name))
    ]
    return bool(responses) and all(_WORKED.search(r) and not _NOT_NOW.search(r) for r in responses)


_RULED_OUT = re.compile(
    r"\b(?:contraindicat\w*|advis\w* against|cannot (?:take|use|tolerate|have)|ruled? out|"
    r"not an option|must avoid|to avoid)\b",
    re.I,
)


def ruled_out(case: Case, words: tuple[str, ...]) -> bool:
    """The record says a therapy (by these words) cannot be used: "colchicine and NSAIDs
    are contraindicated", "nephrology advises against NSAIDs" (clause by clause)."""
    texts = [case.question or "", case.notes or "", *case.history]
    clauses = [c for t in texts for c in re.split(r"[.;]", t)]
    pattern = term_pattern(words)
    return bool(pattern) and any(
        _ruling_out(c) and pattern.search(c)
        for c in clauses  # type: ignore[union-attr]
    )


# "has no contraindication to them", "not contraindicated": the record clears the therapy
_CLEARED = re.compile(r"\b(?:no|not|without|nor|denies|absent)\s+(?:\w+\s+){0,2}$", re.I)


def _ruling_out(clause: str) -> bool:
    """The clause rules a therapy out: a ruling-out word not negated just before it."""
    return any(
        not _CLEARED.search(clause[max(0, m.start() - 40) : m.start()])
        for m in _RULED_OUT.finditer(clause)
    )


_FAILED = re.compile(
    r"\b(inadequate response|failed|failure|intoleran\w*|refractory|no response|"
    r"did not respond|not tolerated|contraindicat\w*)\b",
    re.I,
)
_EARLIER = re.compile(r"\b(first|second)[- ]line|standard therap|conventional therap", re.I)


def earlier_failed(case: Case) -> bool:
    """The history records that earlier lines of therapy failed, without naming them."""
    return any(_EARLIER.search(h) and _FAILED.search(h) for h in case.history)


def failures_on_record(case: Case) -> bool:
    """The case documents that earlier therapies failed (a prior therapy's response, or
    the history's words)."""
    texts = [p.response or "" for p in case.prior_therapies] + list(case.history)
    return any(_FAILED.search(t) for t in texts)


_STILL_ACTIVE = re.compile(r"\b(?:still|remained|remains|persistently) active\b|\bpersist", re.I)


def refractory_request(case: Case, population: str) -> str | None:
    """An endorsement for refractory disease ("refractory to remission induction therapy",
    "after failure of"): the record must show the disease active despite the therapies the
    case tried, by name."""
    if not _EFFICACY.search(population):
        return None
    failed = [
        d.name
        for p in case.prior_therapies
        if _EFFICACY.search(p.response or "") or _STILL_ACTIVE.search(p.response or "")
        for d in find_therapies(p.name)[:1]
    ]
    failed = list(dict.fromkeys(failed))
    if not failed:
        return None
    named = failed[0] if len(failed) == 1 else ", ".join(failed[:-1]) + " and " + failed[-1]
    return f"Active disease despite {named}: dose, duration and response to each"
