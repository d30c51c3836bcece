"""The condition's own graded recommendations on this request, listed by code (issue 26).

What a reviewer expects first in "Guideline-Based Rationale" and "Appropriate Treatment
Path" are the guideline's graded recommendations ("X is strongly recommended over Y for
...", "we conditionally recommend against X") about the requested drug, its class, the
therapies before it on the path and their conditions. A 1.5B model picks introductions over
them, and a recommendation ranked sixth never reaches its prompt; so the code lists them,
verbatim and cited, from the condition's own guidelines (the one naming the diagnosis's form
first), ranked, deduplicated and capped. The model still chooses among the other candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.draft.failures import (
    after_class,
    failed_classes,
    own_classes,
    strip_kinds,
    tried_classes,
)
from pipeline.draft.levels import level_fits
from pipeline.draft.population import (
    QUALIFIER,
    after_untried,
    case_record,
    naive_fits,
    population_fits,
    population_of,
)
from pipeline.draft.position import places_drug
from pipeline.draft.ranking import (
    ASKED,
    GRADED,
    Sentence,
    contained_repeat,
    near_repeat,
    word_set,
)
from pipeline.models import Case
from pipeline.retrieve.topic import CaseTopic, find_therapies, mentions
from pipeline.terms import first_at

# A recommendation for a later line (after, despite, not at target, switching, adding, a
# target to treat to): the path's; the others (the first drug, what goes beside it): the
# rationale's.
LATER = re.compile(
    r"\b(after|despite|inadequate|not at target|nonrespon\w*|non-respon\w*|partial|refractory|"
    r"switch\w*|escalat\w*|addition of|adding|add-on|treat-\s?to-\s?target|target|taper\w*|"
    r"continu\w*|failed|failure|intoleran\w*)\b",
    re.I,
)
# A reviewer reads a few, not the guideline's table. "role": the drug's recommendations for
# other patients than this case (severe psoriasis, a history of CVD): where it has a role,
# or when not to use it.
# (one more each than a reviewer's first few: the case's guideline is where its points
# are, and a 1.5B model chooses the others)
CAPS = {"rationale": 6, "path": 5, "role": 2}


# A recommendation in the guideline's words: graded, or a "may be used instead of" /
# "should be considered only" clause; and a treat-to-target strategy is a therapy's own.
RECOMMENDATION = re.compile(
    GRADED.pattern + r"|\b(?:may|should) (?:not )?be (?:used|considered|added|given|assessed|"
    r"monitored)\b",
    re.I,
)
_BY_REFERENCE = re.compile(
    r"\b(?:in|for) (?:this|that|these|those|such) (?:setting|population|situation|group|"
    r"context|patients|cases)\b",
    re.I,
)
STRATEGY = re.compile(r"\btreat-\s?to-\s?target\b", re.I)


def graded_key(text: str, topic: CaseTopic, around: tuple[str, ...] = ()) -> tuple[int, int]:
    """How much a recommendation says about this request: (tier, strength). Tier 3: it
    places the drug or its class (endorsed, below another, against); 2: it names a therapy
    before the drug on the path (one the case tried, or one the guideline places around the
    drug, ``around``: "allopurinol over all other ULT" for febuxostat); 1: it names the drug
    or its class without placing it; 0: another therapy or strategy."""
    if places_drug(text, topic):
        tier = 3
    elif (
        any(mentions(text, t.words) for t in topic.prior_terms)
        or any(t.name in around or set(t.classes) & set(around) for t in find_therapies(text))
        or topic.names_sibling(text)  # a non-drug therapy's alternatives
    ):
        tier = 2
    elif topic.names_drug(text) or topic.names_class(text):
        tier = 1
    else:
        tier = 0
    return tier, int(bool(re.search(r"\bstrong", text, re.I)))


def other_subject(text: str, topic: CaseTopic) -> bool:
    """The sentence is about another disease: it names one before any therapy ("In
    patients with CKD, ..."), not where a therapy comes first and the disease only
    qualifies it ("Starting low-dose allopurinol (lower in patients with CKD) ...").
    Abbreviations match as terms.py matches them: whole words, in capitals."""
    if not topic.names_other_condition(text):
        return False
    at = [first_at(text, c.words, c.abbrev) for c in topic.other_conditions]
    first_other = min((a for a in at if a is not None), default=len(text))
    therapies = [first_at(text, t.words, t.abbrev) for t in find_therapies(text)]
    therapies.append(first_at(text, topic.drug_words))
    first_therapy = min((a for a in therapies if a is not None), default=len(text))
    return first_other < first_therapy


_FILLER = re.compile(
    r"\b(?:for|in|among|all|any|the|a|an|with|who|have|has|are|is|patients?|adults?|people|"
    r"persons?|individuals?|those)\b",
    re.I,
)


def _for_all(population: str, topic: CaseTopic) -> bool:
    """The recommendation names no narrower population than the condition ("for all
    patients with gout"), or one by a therapy the case tried ("despite NSAIDs"): surely
    this case's, before one for patients with some feature the record may not show."""
    if any(mentions(population, t.words) for t in topic.prior_terms):
        return True
    rest = _FILLER.sub(" ", population)
    if topic.condition_words or topic.condition_abbrev:
        for w in (*topic.condition_words, *topic.condition_abbrev):
            rest = re.sub(rf"\b{re.escape(w)}\w*", " ", rest, flags=re.I)
    return not re.search(r"[A-Za-z]{3,}", rest)


_ON = re.compile(r"\b(?:receiving|taking|while on|on treatment with|treated with)\b(.*)$", re.I)


def _already_on(population: str, topic: CaseTopic) -> bool:
    """For an initial request, a population already on the drug or its class ("in adults
    with stable AS receiving an originator TNFi"); not one whose drug failed ("despite the
    first TNFi"): what comes next if it fails is the path's."""
    m = _ON.search(population)
    return bool(
        m
        and topic.request_type == "initial"
        and (topic.names_drug(m.group(1)) or topic.names_class(m.group(1)))
    )


def _qualified_only(population: str, case: Case, topic: CaseTopic) -> bool:
    """The population is other patients only by a qualifier the record does not show
    (severe psoriasis, a history of CVD), not by age or another disease."""
    return not population_fits(population, case, topic) and population_fits(
        strip_kinds(QUALIFIER.sub(" ", population)), case, topic
    )


def listed_recommendations(
    scored: list[tuple[float, Sentence]],
    case: Case,
    topic: CaseTopic,
    own_guideline: Callable[[Sentence], bool],
    caps: dict[str, int] | None = None,
) -> dict[str, list[Sentence]]:
    """Section → the graded recommendations of the condition's own guidelines on a therapy,
    for this case's population, best first (tier, strength, then the ranking's score); a
    near-repeat (the table's row and the text's numbered copy) once."""
    caps = caps or CAPS
    best: dict[str, tuple[float, Sentence]] = {}
    for score, sent in scored:
        if sent.text not in best or best[sent.text][0] < score:
            best[sent.text] = (score, sent)
    graded = []
    for score, sent in best.values():
        text = sent.text
        if not RECOMMENDATION.search(text) or not own_guideline(sent):
            continue
        if ASKED.search(text) and not GRADED.search(text):
            continue
        if not (
            find_therapies(text)
            or topic.names_drug(text)
            or topic.names_kind(text)
            or topic.names_sibling(text)  # physical therapy beside chiropractic
            or STRATEGY.search(text)
        ):
            continue  # exercise, counselling: beside a drug request
        if topic.beside_service(text, classes=True) or topic.for_target_patients(text):
            continue  # the drug path beside a non-drug therapy; patients who have the target
        if other_subject(text, topic) or topic.names_other_subtype(text):
            continue
        if (topic.names_other_item(text) and not topic.names_sibling(text)) or topic.not_taken(
            text
        ):
            continue  # another vaccine's (another test for its purpose is an alternative)
        if _BY_REFERENCE.search(text):
            continue  # "in this setting": its population is in a sentence not read here
        if topic.serves_state and not (topic.names_state(text) or topic.names_drug(text)):
            continue  # a request for the patient's state: the condition's own path is beside it
        graded.append((score, sent))

    # The therapies the guideline places around the drug ("allopurinol over all other ULT")
    # or in place of one the case tried ("GC instead of NSAIDs"): their own recommendations
    # (dose, titration, duration) are the path's too.
    def tried(text: str) -> bool:
        return any(mentions(text, t.words) for t in topic.prior_terms)

    around = tuple(
        t.name
        for _, sent in graded
        if places_drug(sent.text, topic) or tried(sent.text)
        for t in find_therapies(sent.text)
        if not mentions(t.name, topic.drug_words) and t.name not in topic.drug_lineage
    )
    # For a case that never had a drug of the drug's class, what follows a first one
    # ("a second TNFi", "nonresponse to the first TNFi") is a later line: after the rest.
    own = [] if failed_classes(case, topic) else own_classes(topic)
    # ... and one after a class the case did have, the latest first ("despite the first
    # TNFi" after NSAIDs then adalimumab), is where the case stands: before earlier lines
    tried = tried_classes(topic)

    def line(text: str) -> int:
        return max((i for i, c in enumerate(tried) if after_class(text, [c])), default=-1)

    record, names = case_record(case), (topic.condition_words, topic.condition_abbrev)
    ranked = []
    for score, sent in graded:
        text = sent.text
        key = graded_key(text, topic, around)
        population = population_of(text)
        if _already_on(population, topic):
            continue  # continuing, tapering or switching it: nothing on starting it
        if not naive_fits(text, topic):
            continue  # "for treatment-naive patients" (wherever it says so), after a line
        if not population_fits(population, case, topic):
            on_drug = topic.names_drug(text) or topic.names_class(text)
            if on_drug and _qualified_only(population, case, topic):
                ranked.append(((int(not after_class(text, own)), 0, 0, *key), score, "role", sent))
            continue
        # for patients further along than this case (taking a therapy it has not had): a
        # later line, the path's, after what applies to the case now
        further = after_untried(population, topic)
        later = bool(LATER.search(text)) or further
        order = (
            int(not after_class(text, own)),
            line(text),
            # for the level the record places the case at ("active, nonsevere GPA"), before
            # one for patients the record does not speak to ("GPA and mass lesions")
            int(bool(level_fits(population, record, *names))),
            key[0],
            int(not further),
            int(_for_all(population, topic)),
            key[1],
        )
        ranked.append((order, score, "path" if later else "rationale", sent))
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    out: dict[str, list[Sentence]] = {key: [] for key in caps}
    per_tier: dict[tuple[str, int], int] = {}
    taken: list[set[str]] = []
    # Two passes: first no tier fills a whole section while a lower one has candidates
    # (the drug's place, then the therapies before it), then the best of the rest.
    for final in (False, True):
        for tier, _, key, sent in ranked:
            cap = caps.get(key, 0)
            if len(out.get(key, [])) >= cap or sent in out[key]:
                continue
            if not final and per_tier.get((key, tier[3]), 0) >= max(1, cap - 1):
                continue
            words = word_set(sent.text)
            # a near-repeat only: two recommendations for one population share most words
            if near_repeat(words, taken) or contained_repeat(words, taken):
                continue
            taken.append(words)
            per_tier[(key, tier[3])] = per_tier.get((key, tier[3]), 0) + 1
            out[key].append(sent)
    return out
