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

from pipeline.draft.population import QUALIFIER, after_untried, population_fits, population_of
from pipeline.draft.position import places_drug
from pipeline.draft.ranking import GRADED, Sentence, word_set
from pipeline.models import Case
from pipeline.retrieve.topic import CaseTopic, find_therapies, mentions

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
CAPS = {"rationale": 4, "path": 3, "role": 2}


def graded_key(text: str, topic: CaseTopic, path: tuple[str, ...] = ()) -> tuple[int, int]:
    """How much a graded recommendation says about this request: (tier, strength). Tier 3:
    it places the drug or its class (endorsed, below another, against); 2: it names the
    drug or its class; 1: a therapy the case tried, or one the guideline places around the
    drug (``path``: "allopurinol over all other ULT" for febuxostat); 0: another therapy."""
    if places_drug(text, topic):
        tier = 3
    elif topic.names_drug(text) or topic.names_class(text):
        tier = 2
    elif any(mentions(text, t.words) for t in topic.prior_terms) or mentions(text, path):
        tier = 1
    else:
        tier = 0
    return tier, int(bool(re.search(r"\bstrong", text, re.I)))


def _qualified_only(population: str, case: Case, topic: CaseTopic) -> bool:
    """The population is other patients only by a qualifier the record does not show
    (severe psoriasis, a history of CVD), not by age or another disease."""
    return not population_fits(population, case, topic) and population_fits(
        QUALIFIER.sub(" ", population), case, topic
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
        if not GRADED.search(text) or not own_guideline(sent):
            continue
        if not find_therapies(text) and not topic.names_drug(text):
            continue  # exercise, counselling: beside a drug request
        if topic.names_other_condition(text) or topic.names_other_subtype(text):
            continue
        graded.append((score, sent))
    # The therapies the guideline places around the drug ("allopurinol over all other ULT"):
    # their own recommendations (dose, titration) are the path's too.
    around = tuple(
        t.name
        for _, sent in graded
        if places_drug(sent.text, topic)
        for t in find_therapies(sent.text)
        if not mentions(t.name, topic.drug_words) and t.name not in topic.drug_lineage
    )
    ranked = []
    for score, sent in graded:
        text = sent.text
        key = graded_key(text, topic, around)
        population = population_of(text)
        if not population_fits(population, case, topic):
            if key[0] >= 2 and _qualified_only(population, case, topic):
                ranked.append((key, score, "role", sent))
            continue
        # for patients further along than this case (taking a therapy it has not had):
        # a later line, the path's
        later = bool(LATER.search(text)) or after_untried(population, topic)
        ranked.append((key, score, "path" if later else "rationale", sent))
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    out: dict[str, list[Sentence]] = {key: [] for key in caps}
    taken: list[set[str]] = []
    for _, _, key, sent in ranked:
        if len(out.get(key, [])) >= caps.get(key, 0):
            continue
        words = word_set(sent.text)
        # a near-repeat only: two recommendations for one population share most words
        if any(len(words & w) / max(1, len(words | w)) > 0.8 for w in taken):
            continue
        taken.append(words)
        out[key].append(sent)
    return out
