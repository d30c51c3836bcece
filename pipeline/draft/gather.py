"""The candidates of each compose section: per-section questions that name the case,
retrieval, the quotable sentences of the passages found (and of the condition's own
guidelines), ranked (ranking.py) and the best few kept with stable ids."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from pipeline.draft.anaphora import referent, written_out
from pipeline.draft.graded import listed_recommendations
from pipeline.draft.guideline_chunks import guideline_texts, own_chunks
from pipeline.draft.levels import level_fits
from pipeline.draft.measures import measure_fits
from pipeline.draft.population import (
    after_untried,
    case_record,
    naive_fits,
    population_fits,
    population_of,
)
from pipeline.draft.position import places_drug
from pipeline.draft.quotable import ellipsis_spans, population_label, trimmed, why_not
from pipeline.draft.ranking import (
    FLOOR,
    POSITION_K,
    PRE_K,
    SIM_WEIGHT,
    Sentence,
    complete_sentence,
    course_weight,
    diverse,
    fits,
    near_repeat,
    reviewer_order,
    score_sentence,
    similarities,
    word_set,
)
from pipeline.draft.sections import DOSE, RECOMMEND, SECTIONS, SectionSpec
from pipeline.models import Case, Chunk, Document, Evidence, SearchFilters
from pipeline.policy.models import PolicyDecision
from pipeline.retrieve import sentence_of
from pipeline.retrieve.corpus_classes import teach_classes
from pipeline.retrieve.search import Searcher
from pipeline.retrieve.states import names_setting, stage_fits, state_document
from pipeline.retrieve.topic import CaseTopic, case_topic, find_therapies
from pipeline.settings import Settings
from pipeline.sources.chunk import sentence_spans
from pipeline.sources.pages import page_text
from pipeline.sources.parse import ParseError, normalize
from pipeline.sources.store import Store

log = logging.getLogger(__name__)


# "... multicenter study. Clin Rheumatol 2009;28:129–37": what follows a reference's title
_JOURNAL = re.compile(r"\s*[A-Z][A-Za-z.()& ]{2,60}\s(?:19|20)\d\d\s?;\s?\d+")


@dataclass
class Candidates:
    by_section: dict[str, list[Evidence]]
    evidence: list[Evidence]  # every candidate, in id order (what the model was shown)
    queries: list[str]
    topic: CaseTopic | None = None
    # Quotable sentences of the condition's guidelines, best first (the position reads them)
    # and the treatment path's (rationale, path) beyond those shown.
    position_pool: list[Evidence] = field(default_factory=list)
    path_pool: list[Evidence] = field(default_factory=list)
    # The condition's own graded recommendations on the request, listed by code (graded.py):
    # quoted first in their section, whatever the model picks.
    listed: dict[str, list[Evidence]] = field(default_factory=dict)


def search_section(
    searcher: Searcher,
    queries: list[str],
    spec: SectionSpec,
    k: int,
) -> list[tuple[Chunk, float]]:
    """Guidelines first where the section wants them; the wider search only when they hold
    too little (each search re-scores its pool, so fewer searches is faster)."""
    guideline = SearchFilters(doc_types=["guideline"])
    not_policy = SearchFilters(doc_types=["guideline", "research", "other"])
    tiers = [guideline] if spec.guideline_first else []
    tiers.append(None if spec.include_policies else not_policy)
    scored: dict[str, tuple[float, Chunk]] = {}
    for tier, filters in enumerate(tiers):
        for query in queries:
            for rank, (chunk, _) in enumerate(searcher.search(query, k, filters=filters)):
                score = 1.0 / (10 + rank) - 0.02 * tier
                if chunk.id not in scored or scored[chunk.id][0] < score:
                    scored[chunk.id] = (score, chunk)
        if len(scored) >= k:
            break
    ranked = sorted(scored.values(), key=lambda item: -item[0])
    per_doc: dict[str, int] = {}
    out = []
    for score, chunk in ranked:
        if chunk.flags or per_doc.get(chunk.source_id, 0) >= 3:
            continue
        per_doc[chunk.source_id] = per_doc.get(chunk.source_id, 0) + 1
        out.append((chunk, score))
    return out[:k]


def gather(
    case: Case,
    store: Store,
    settings: Settings,
    documents: dict[str, Document],
    decision: PolicyDecision,
    searcher: Searcher | None = None,
) -> Candidates:
    """Per-section questions that name this case → retrieval → the quotable sentences of the
    passages found → ranked against the section's question (e5) and the case's terms → the
    best few with diversity, in a reviewer's order, with stable ids (a sentence shown under
    two sections keeps one id)."""
    searcher = searcher or Searcher(store, settings.retrieval)
    cfg = settings.draft
    topic = case_topic(case, lambda c: guideline_texts(store, documents, c))
    questions = topic.questions()
    wanted = decision.verdict == "medically_necessary" or (
        case.requested_treatment.request_type == "continuation"
    )
    position_spec = SectionSpec("position", "Guideline position", recommendations=True)
    specs = [
        s
        for s in [*SECTIONS, position_spec]
        if s.key != "application" and not (s.approve_or_continuation_only and not wanted)
    ]
    k = cfg.chunks_per_section * 3
    all_queries: list[str] = []
    pools: dict[str, list[Sentence]] = {}

    def doc_title(chunk: Chunk) -> str:
        doc = documents.get(chunk.source_id)
        return doc.title if doc else chunk.file.rsplit("/", 1)[-1]

    def doc_name(chunk: Chunk) -> str:
        doc = documents.get(chunk.source_id)
        return f"{doc.title if doc else ''} {chunk.file.rsplit('/', 1)[-1].replace('-', ' ')}"

    def on_topic(chunk: Chunk) -> bool:
        name = doc_name(chunk)
        return topic.names_condition(name) or own_kind(name)

    def own_kind(name: str) -> bool:
        """A document on the request's kind, not about another disease's patients."""
        return topic.names_kind(name) and fit_for(topic, name, kind_named) == "specific"

    def request_doc(chunk: Chunk) -> bool:
        """A document about the request itself: it names the drug, or the kind of a
        request that is no drug (a vaccination guideline for a vaccine)."""
        name = doc_name(chunk)
        return topic.names_drug(name) or topic.names_kind(name)

    # A guideline on the diagnosis's own form beats one on the condition in general, and
    # one on other forms of it ranks down (doc_weight). For a request that is no drug (a
    # vaccine), the documents about its kind are the request's own, before the condition's.
    names_of = {
        sid: f"{d.title} {d.file.rsplit('/', 1)[-1].replace('-', ' ')}"
        for sid, d in documents.items()
    }
    # a guideline on the request's kind that names the condition (the timing of
    # arthroplasty for osteonecrosis) is the request's own before one that does not (the
    # perioperative drugs of patients with rheumatic disease)
    kind_named = any(
        topic.names_kind(n) and topic.names_condition(n)
        for sid, n in names_of.items()
        if documents[sid].doc_type == "guideline"
    )
    fit_of = {sid: fit_for(topic, n, kind_named) for sid, n in names_of.items()}
    has_specific = any(
        f == "specific" and documents[sid].doc_type == "guideline" for sid, f in fit_of.items()
    )
    has_own = any(
        f in {"specific", "general"} and documents[sid].doc_type == "guideline"
        for sid, f in fit_of.items()
    )
    doc_weight = {"specific": 0.4, "other_form": -0.8, "general": -0.5 if has_specific else 0.0}
    topical_exist = any(f != "off" for f in fit_of.values())

    def reads_position(sent: Sentence) -> bool:
        """Where the position and the path are read from: not a guideline on other forms of
        the condition, nor the general one where the diagnosis's form has its own."""
        fit = fit_of.get(sent.chunk.source_id, "off")
        if fit == "other_form":
            return not has_own
        return not (fit == "general" and has_specific)

    def own_guideline(sent: Sentence) -> bool:
        """The condition's own guideline (its form's, where the store has one)."""
        doc = documents.get(sent.chunk.source_id)
        fit = fit_of.get(sent.chunk.source_id, "off")
        return bool(doc and doc.doc_type == "guideline") and (
            fit == "specific" or (fit == "general" and not has_specific)
        )

    def sentences(chunk: Chunk, retrieval: float, cue: re.Pattern | None = None) -> list[Sentence]:
        out: list[Sentence] = []
        on_drug = request_doc(chunk)
        doc = documents.get(chunk.source_id)
        # the condition's own guideline: its recommendations are on the condition
        condition_guideline = bool(doc and doc.doc_type == "guideline") and on_topic(chunk)
        spans = ellipsis_spans(chunk.text, sentence_spans(chunk.text))
        for j, (a, b) in enumerate(spans, 1):
            if _JOURNAL.match(chunk.text, b):
                continue  # a cited work's title: the journal, year and pages follow it
            # a list item's bullet is no part of it, nor a footnote's mark
            text = chunk.text[a:b].lstrip("-•*–·†‡§¶ ")
            if j == 1:
                text = heading_sentence(chunk, text)
            label, text = population_label(text)
            if label and not population_fits(label, case, topic):
                continue  # a statement for the patients its label names: not this case
            text = trimmed(text)
            if cue is not None and not (
                cue.search(text) or (cue is RECOMMEND and find_therapies(text))
            ):
                continue
            why = why_not(text, topic, chunk.section, on_drug, condition_guideline)
            if why is None and complete_sentence(text):
                before = [chunk.text[slice(*spans[i])] for i in range(max(0, j - 4), j - 1)]
                out.append(Sentence(chunk, j, text, retrieval, referent(text, before)))
        return out

    # The condition's own guidelines, read whole for their recommendation sentences: a
    # search for the condition finds its introductions first, not its recommendations.
    own = own_chunks(
        store,
        documents,
        own_kind if topic.kind else topic.names_condition,
        guidelines_only=True,
    )
    if topic.states:
        # a guideline on the patient's state (reproductive health, for a man coded for
        # fertility preservation) holds the recommendations on the state: read whole too
        known = {c.id for c in own}
        own += [
            c
            for c in own_chunks(
                store, documents, lambda n: state_document(n, topic.states), guidelines_only=True
            )
            if c.id not in known
        ]
    teach_classes(topic, [c.text for c in own])  # the drug's class, as they name it by example
    # ... and the documents about the drug itself, for its dose.
    own_drug = own_chunks(store, documents, topic.names_drug) if wanted else []
    for spec in specs:
        queries = questions[spec.key]
        all_queries += queries if spec.key != "position" else []
        pool: list[Sentence] = []
        found: set[str] = set()
        for chunk, retrieval in search_section(searcher, queries, spec, k):
            found.add(chunk.id)
            pool += sentences(chunk, retrieval)
        extra, cue = (own, RECOMMEND) if spec.recommendations else ([], None)
        if spec.key == "dosing":
            extra, cue = own_drug, DOSE
        for chunk in extra:
            if chunk.id not in found:
                pool += sentences(chunk, 0.0, cue)
        pools[spec.key] = pool
    # Score each section's sentences on what they name of the case first (cheap), keep the
    # best PRE_K, and only those meet e5: embedding whole guidelines costs minutes.
    pre: dict[str, list[tuple[float, Sentence]]] = {}
    full: dict[str, list[tuple[float, Sentence]]] = {}
    record, names = case_record(case), (topic.condition_words, topic.condition_abbrev)
    own_only: list[tuple[float, Sentence]] = []  # refused by a section's test, graded.py's
    for spec in specs:
        scored = []
        seen: set[str] = set()
        for sent in pools[spec.key]:
            if sent.text in seen:
                continue
            seen.add(sent.text)
            # a guideline on the patient's state (reproductive health for a pregnant woman)
            # speaks of her where the sentence names the state
            # (or, for a request made for the state, under a heading on it: "Perioperative
            # management"; a comorbid state's headings, CKD in a gout guideline, are not)
            heading = (sent.chunk.section or "") if topic.serves_state else ""
            on_state = names_setting(sent.text, heading, topic.states) and (
                state_document(doc_name(sent.chunk), topic.states) or topic.names_state(heading)
            )
            topical = on_topic(sent.chunk) or on_state
            if spec.key in {"position", "rationale", "path"} and (
                not reads_position(sent) or topic.names_other_subtype(sent.chunk.section or "")
            ):
                continue  # (under a heading on another form of the condition: systemic JIA)
            if topic.other_form_only(sent.text):
                continue  # for another form's patients ("for systemic JIA without MAS")
            if (
                spec.key not in {"position", "role"}
                and level_fits(sent.text, record, *names) is False
            ):
                # for patients at another level (nonsevere disease for a severe case): the
                # drug's role there only, under "Where the Treatment Has a Role"
                continue
            if spec.key == "position":
                if topic.for_target_patients(sent.text):
                    continue  # patients who already have what the test is for
                doc = documents.get(sent.chunk.source_id)
                if not (doc and doc.doc_type == "guideline"):
                    continue
                if not (
                    topical
                    or topic.names_condition(sent.text)
                    # under a heading that names it ("Other therapies for refractory OB APS")
                    or topic.names_condition(sent.chunk.section or "")
                    # "for patients with RMD ..., the recombinant zoster vaccine is
                    # recommended": a population the condition is one of, on this drug
                    or (topic.names_population(sent.text) and topic.names_drug(sent.text))
                ):
                    continue
            elif not fits(sent.text, spec, topic, topical, request_doc(sent.chunk)):
                if spec.key in {"rationale", "path"} and own_guideline(sent):
                    # the condition's own recommendation that names another disease only
                    # as a qualifier ("lower in patients with CKD"): the code's list reads it
                    score = score_sentence(sent.text, spec, topic, True, 0.0, sent.retrieval)
                    own_only.append((score, sent))
                continue
            score = score_sentence(sent.text, spec, topic, topical, 0.0, sent.retrieval)
            score += course_weight(sent.text, spec.key, topic)
            population = ""
            if spec.key in {"rationale", "path", "position", "pitfalls"}:
                score += state_weight(sent.text, case, topic, on_state, heading)
                population = population_of(sent.text)
                if not (population_fits(population, case, topic) and naive_fits(sent.text, topic)):
                    # a recommendation for other patients (age, comorbidity; against ULT
                    # "in patients with asymptomatic hyperuricemia" is no pitfall of a flare)
                    score -= 1.0
                    population = "-"
            if spec.key in {"rationale", "path", "position"} and population != "-":
                if measure_fits(population, case):
                    score += 0.5  # for the case's own band of a measure (BMI 40-49)
                elif spec.key == "rationale" and after_untried(population, topic):
                    score -= 1.0  # patients further along than this case: the path's, later
                elif places_drug(written_out(sent.text, sent.refers), topic):
                    score += 1.0  # the guideline's word on where the request stands
            if topic.names_other_condition(doc_name(sent.chunk)) and not topical:
                if topical_exist and (
                    RECOMMEND.search(sent.text)
                    or (spec.recommendations and not topic.names_drug(sent.text))
                ):
                    # another disease's recommendation is for its own patients, and in the
                    # path sections only its word on this very drug may stand beside the
                    # condition's own guideline (its findings on the drug may, elsewhere)
                    continue
                score -= 1.2  # a document about another disease, even where it names the drug
            score += doc_weight.get(fit_of.get(sent.chunk.source_id, "off"), 0.0)
            scored.append((score, sent))
        scored.sort(key=lambda item: -item[0])
        full[spec.key] = scored
        pre[spec.key] = scored[: POSITION_K if spec.key == "position" else PRE_K]
    sims = similarities(
        searcher, settings, {k: [x for _, x in v] for k, v in pre.items()}, questions, doc_title
    )
    passage_of: dict[str, int] = {}
    made: dict[tuple[str, int], Evidence] = {}

    def evidence_of(sent: Sentence) -> Evidence:
        key = (sent.chunk.id, sent.j)
        if key not in made:
            n = passage_of.setdefault(sent.chunk.id, len(passage_of) + 1)
            doc = documents.get(sent.chunk.source_id)
            made[key] = sentence_of(sent.chunk, n, sent.j, sent.text, doc.title if doc else None)
            made[key].refers = sent.refers
        return made[key]

    ranked_by: dict[str, list[tuple[float, Sentence]]] = {
        key: sorted(
            ((score + SIM_WEIGHT * sims[key].get(x.text, 0.0), x) for score, x in scored),
            key=lambda item: -item[0],
        )
        for key, scored in pre.items()
    }
    for key, ranked in ranked_by.items() if log.isEnabledFor(logging.DEBUG) else ():
        for score, x in ranked[:15]:
            log.debug("%s %.2f %s", key, score, x.text[:100])
    graded = listed_recommendations(
        [
            *full.get("rationale", []),
            *full.get("path", []),
            *[
                x
                for x in full.get("position", [])
                if level_fits(x[1].text, record, *names) is not False
            ],
            *own_only,
        ],
        case,
        topic,
        own_guideline,
    )
    listed = {key: [evidence_of(x) for x in sents] for key, sents in graded.items()}
    by_section: dict[str, list[Evidence]] = {}
    # What the code lists is not shown to the model again, nor a near-repeat of it (the
    # table's row, the text's numbered copy).
    shown: set[str] = {e.text for evs in listed.values() for e in evs}
    listed_words = [word_set(t) for t in shown]
    for ranked in ranked_by.values():
        for _, x in ranked:
            words = word_set(x.text)
            if near_repeat(words, listed_words):
                shown.add(x.text)
    for spec in specs:
        if spec.key == "position":
            continue
        # A sentence is shown under one section only, the first that ranks it: the prompt
        # stays short and each section says something new.
        # Far below the section's best is beside the point: better fewer than off the case.
        floor = ranked_by[spec.key][0][0] - FLOOR if ranked_by[spec.key] else 0.0
        ranked = [(sc, x) for sc, x in ranked_by[spec.key] if x.text not in shown and sc >= floor]
        topical_docs = {x.chunk.source_id for _, x in ranked if on_topic(x.chunk)}
        chosen = diverse(
            [(s, evidence_of(x)) for s, x in ranked], cfg.candidates_per_section, topical_docs
        )
        by_section[spec.key] = reviewer_order(chosen) if spec.recommendations else chosen
        shown |= {e.text for e in chosen}
    unique: dict[str, Evidence] = {}
    for evs in [*listed.values(), *by_section.values()]:
        for ev in evs:
            unique.setdefault(ev.id, ev)
    ordered = sorted(unique.values(), key=id_order)
    position_pool = [evidence_of(x) for _, x in ranked_by.get("position", [])[:POSITION_K]]
    path_pool = [
        evidence_of(x) for key in ("rationale", "path") for _, x in ranked_by.get(key, [])[:12]
    ]
    return Candidates(by_section, ordered, all_queries, topic, position_pool, path_pool, listed)


def fit_for(topic: CaseTopic, name: str, kind_named: bool = False) -> str:
    """How a document (title and file name) is about the case (CaseTopic.document_fit); for
    a request that is no drug, one about its kind is the request's own ("specific"), but
    where another of its kind names the condition (``kind_named``), one that does not is
    about the kind for other patients ("other_form"). A request made for the patient's
    state (a dose "around surgery") has the state's guideline as its own ("specific")."""
    if topic.serves_state and state_document(name, topic.states):
        return "specific"
    if topic.kind is not None and topic.names_kind(name):
        if kind_named and not topic.names_condition(name):
            return "other_form"
        # a test for another disease's patients ("screening ... of lupus nephritis") is
        # theirs: the kind's document is the request's own where it names no other
        # condition, or names this one or a population of it
        if not topic.names_other_condition(name) or (
            topic.names_condition(name) or topic.names_population(name)
        ):
            return "specific"
    return topic.document_fit(name)


def state_weight(
    text: str, case: Case, topic: CaseTopic, state_doc: bool = False, heading: str = ""
) -> float:
    """A recommendation that names the patient's state (pregnancy, heart failure) on the
    drug, or in a document about the state, speaks of this patient first; one for another
    stage of it ("the third trimester" at 17 weeks), of other patients. (The condition's
    other therapies in the state, "allopurinol in CKD stage >3" for a flare, gain nothing.)"""
    on_drug = topic.names_drug(text) or topic.names_class(text)
    if not names_setting(text, heading, topic.states):
        # a request made for the state (testosterone "to protect fertility"): the
        # condition's sentences on neither the state nor the drug are beside it
        return -0.8 if topic.serves_state and not on_drug else 0.0
    if not stage_fits(text, case):
        return -1.0
    return (0.8 if on_drug or state_doc else 0.0) + (0.8 if topic.serves_state else 0.0)


def heading_sentence(chunk: Chunk, text: str) -> str:
    """A chunk's first sentence that starts in lowercase under a heading with no end stop
    is the heading's own sentence, cut where the chunker took the heading ("Methotrexate
    monotherapy is strongly" | "recommended over bDMARD ..."): joined, where the page
    prints them so (the quote stays verbatim)."""
    heading = (chunk.section or "").strip()
    if not (heading and text[:1].islower() and heading[-1:].isalnum() and len(heading) < 150):
        return text
    joined = f"{heading} {text}"
    try:
        page = page_text(chunk.file, chunk.page)
    except (OSError, IndexError, ParseError):
        return text
    return joined if normalize(joined) in page else text


def id_order(e: Evidence) -> tuple[int, ...]:
    return tuple(int(x) for x in e.id[1:].split("."))
