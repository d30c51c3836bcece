"""Ranking the candidate sentences of a section: the section's own test (fits), a score
from what a sentence names of the case plus its e5 similarity to the section's question,
diversity across documents, and a reviewer's order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pipeline.draft.class_switch import tried_own_class
from pipeline.draft.failures import after_class, own_classes
from pipeline.draft.quotable import complete_sentence as quotable_sentence
from pipeline.draft.sections import CONDITIONS, DOSE, LEAD, RECOMMEND, RISK, SectionSpec
from pipeline.models import Chunk, Evidence
from pipeline.retrieve.search import Searcher, zscore
from pipeline.retrieve.topic import CaseTopic, find_therapies, mentions
from pipeline.settings import Settings

FLOOR = 2.5  # a candidate scoring this far below its section's best is not shown
PRE_K = 40  # per section, the sentences scored by e5 (the best by what they name)
POSITION_K = 60  # the position reads more: every graded recommendation of the condition's
GRADED = re.compile(
    r"\b(?:strongly|conditionally) (?:recommend|advise)|\bwe (?:strongly |conditionally )?"
    r"(?:recommend|suggest)|\brecommend(?:s|ed)? against|\bis (?:strongly |conditionally )?"
    r"recommended\b|"
    # a recommendation table's row in the imperative ("Treat with a TNFi biologic over an
    # IL-17i biologic"): graded by its table, a recommendation all the same
    r"^(?:\d+\.\s+)?(?:Treat with|Use|Start|Switch to|Add)\s[^.;:]*\bover\b",
    re.I,
)
# "Providers have questions on ... how NSAIDs should be used": a question the guideline
# asks, no recommendation
ASKED = re.compile(
    r"\b(?:questions? (?:on|about|of|regarding)|how|whether)\b[^.;]{0,160}?\b(?:should|may) "
    r"(?:not )?be\b",
    re.I,
)
SIM_WEIGHT = 0.6  # e5 similarity (z-scored in the section) against the topical terms
NOT_PROSE = re.compile(r"\bet al\b|doi:|https?://", re.I)


def complete_sentence(text: str) -> bool:
    """A whole sentence of prose (see quotable.py), and no citation or link in it."""
    return quotable_sentence(text) and not NOT_PROSE.search(text)


@dataclass
class Sentence:
    chunk: Chunk
    j: int
    text: str
    retrieval: float  # best 1/(10+rank) over the searches that found its chunk
    refers: str = ""  # what its pronoun stands for (anaphora.py)


def fits(
    text: str, spec: SectionSpec, topic: CaseTopic, on_topic_doc: bool, drug_doc: bool
) -> bool:
    """The section's own test on top of the quotable filter."""
    on_drug = topic.names_drug(text) or topic.names_class(text)
    # a vaccine's own document names it by its kind too ("this vaccine", "VZV vaccination")
    on_drug = on_drug or (drug_doc and topic.names_kind(text) and not topic.names_other_item(text))
    if topic.names_other_condition(text):
        return False  # another disease's sentence is beside this case, drug or not
    if topic.names_other_subtype(text) and not (spec.key == "role" and on_drug):
        # another form of the condition (EGPA for GPA): its patients, not this case's; only
        # the drug's role there may be told, where the section is for other patients
        return False
    if spec.key != "evidence" and RECOMMEND.search(text) and topic.for_target_patients(text):
        return False  # for patients who have what the test is for: not this case's
    if spec.key in {"rationale", "path"} and topic.beside_service(text):
        return False  # the drug path, beside a non-drug therapy of the condition
    # (another test for the same purpose is an alternative: "against chest radiography")
    alternative = topic.names_sibling(text)
    if topic.kind is not None and not (
        on_drug or drug_doc or topic.names_kind(text) or alternative
    ):
        return False  # a vaccine for a patient with PsA: the PsA treatment is beside it
    if spec.recommendations and (
        (topic.names_other_item(text) and not alternative) or topic.not_taken(text)
    ):
        # another vaccine's recommendation (influenza), or one on managing a drug the
        # patient does not take: for other patients
        return False
    if spec.needs_drug and not (on_drug or (drug_doc and spec.key == "dosing")):
        return False
    if spec.key == "dosing" and not DOSE.search(text):
        return False
    if spec.key == "pitfalls" and not (RISK.search(text) and (on_drug or on_topic_doc)):
        return False
    # Documents about other conditions only where the sentence names the drug.
    return on_drug or drug_doc or on_topic_doc or topic.names_condition(text)


def score_sentence(
    text: str, spec: SectionSpec, topic: CaseTopic, on_topic_doc: bool, sim: float, retrieval: float
) -> float:
    """A sentence's score in a section: its e5 similarity to the section's question
    (z-scored in the section) plus what it names of this case."""
    score = SIM_WEIGHT * sim + 4.0 * retrieval
    if topic.names_condition(text):
        score += 0.6
    # The drug's own sentences belong where the drug is the subject; the path sections are
    # about the therapies around it.
    # (A request that is no drug treatment has no path of therapies around it: its own
    # sentences lead everywhere.)
    if spec.key not in {"rationale", "path"} or topic.kind is not None:
        if topic.names_drug(text):
            score += 0.8
        elif topic.names_class(text) or topic.names_kind(text):
            score += 0.4
    if on_topic_doc:
        score += 0.5
    if topic.names_other_condition(text):
        score -= 0.8
    if topic.names_other_item(text):
        score -= 0.8  # another item of the request's kind (another vaccine)
    if topic.names_other_subtype(text):
        score -= 2.0  # another form of the condition: last, unless nothing else
    if spec.key in LEAD and LEAD[spec.key].search(text):
        score += 1.0 if spec.key == "dosing" else 0.5  # what the section is for
    if spec.recommendations and (find_therapies(text) or topic.names_kind(text)):
        score += 0.4  # names a therapy: the path is made of them
        if any(mentions(text, t.words) for t in topic.prior_terms):
            score += 0.5  # a therapy the case has tried: where the case stands on the path
    elif spec.key in {"rationale", "path"}:
        score -= 0.6  # a recommendation on no drug (exercise, counselling): beside a drug request
    if spec.recommendations and RECOMMEND.search(text) and not ASKED.search(text):
        score += 0.7 + (0.2 if re.search(r"\bstrong", text, re.I) else 0.0)
        if GRADED.search(text):
            score += 0.5  # the guideline's own graded recommendation, not talk about one
        if spec.key == "position" and (topic.names_drug(text) or topic.names_class(text)):
            # a recommendation that places the drug or its class: what the position is read
            # from, though it may name the condition only in its heading
            score += 1.0
        elif topic.names_class(text) and not topic.names_drug(text):
            # the guideline's recommendation on the drug's class ("methotrexate over bDMARD
            # monotherapy", "TNFi over no TNFi"): where the request stands on the path
            score += 0.8
    return score


_RELAPSE = re.compile(r"\brelaps\w*", re.I)


def course_weight(text: str, key: str, topic: CaseTopic) -> float:
    """Where the case is in its disease's course: the case's other form is not the active
    one the request treats; a relapse's therapy is not the path of a case that never
    relapsed (newly diagnosed disease), and is the path of one that did."""
    weight = -0.6 if topic.names_resting_form(text) else 0.0
    if key in {"rationale", "path"} and _RELAPSE.search(text):
        # (and for a relapsing case, what the guideline does on relapse is where it stands)
        weight += 0.8 if topic.relapsing else -1.0
    # (the cheap test on the text first: the case's therapies are looked up only then)
    if key == "rationale" and after_class(text, own_classes(topic)) and not tried_own_class(topic):
        # after a first drug of the class ("the biosimilar of the first TNFi") where the case
        # had none: a later line, the path's
        weight -= 1.0
    return weight


def diverse(ranked: list[tuple[float, Evidence]], n: int, topical: set[str]) -> list[Evidence]:
    """The best n: at most n - 1 from one document about the case (n // 2 from any other),
    and no near-repeat of one taken."""
    out: list[Evidence] = []
    per_doc: dict[str, int] = {}
    taken: list[set[str]] = []
    for _, ev in ranked:
        words = word_set(ev.text)
        if per_doc.get(ev.source_id, 0) >= (n - 1 if ev.source_id in topical else max(1, n // 2)):
            continue
        if near_repeat(words, taken, 0.6):
            continue
        per_doc[ev.source_id] = per_doc.get(ev.source_id, 0) + 1
        taken.append(words)
        out.append(ev)
        if len(out) >= n:
            break
    return out


def reviewer_order(evs: list[Evidence]) -> list[Evidence]:
    """Recommendations first, then the conditions they come with, then the evidence; the
    ranking's order within each."""

    def kind(ev: Evidence) -> int:
        if RECOMMEND.search(ev.text):
            return 0
        return 1 if CONDITIONS.search(ev.text) else 2

    return sorted(evs, key=kind)


def similarities(
    searcher: Searcher,
    settings: Settings,
    pools: dict[str, list[Sentence]],
    questions: dict[str, list[str]],
    title: Callable[[Chunk], str],
) -> dict[str, dict[str, float]]:
    """Per section, each sentence's similarity to the section's questions (the best over
    them), z-scored within the section. e5 in rerank mode (its query/passage sides), the
    store's embedder otherwise; every distinct sentence is embedded once."""
    # A sentence is embedded with its document's title and section heading: "Methotrexate
    # is the preferred first drug" says nothing of the condition until its context does.
    context: dict[str, str] = {}
    for pool in pools.values():
        for sent in pool:
            context.setdefault(
                sent.text, f"{title(sent.chunk)}. {sent.chunk.section or ''}. {sent.text}"
            )
    texts = sorted(context)
    if not texts:
        return {key: {} for key in pools}
    if settings.retrieval.mode == "rerank":  # e5, its vectors cached with the store
        embed_q = searcher.reranker.embedder.embed_queries
        vectors = searcher.reranker.text_vectors([context[t] for t in texts])
    else:
        embedder = searcher.store.embedder
        embed_q = getattr(embedder, "embed_queries", embedder.embed)
        vectors = np.asarray(embedder.embed([context[t] for t in texts]), dtype=np.float32)
    row = {t: i for i, t in enumerate(texts)}
    out: dict[str, dict[str, float]] = {}
    for key, pool in pools.items():
        if not pool:
            out[key] = {}
            continue
        q = np.asarray(embed_q(questions[key]), dtype=np.float32)
        mine = sorted({s.text for s in pool})
        sims = (vectors[[row[t] for t in mine]] @ q.T).max(axis=1)
        z = zscore(sims)
        out[key] = {t: float(v) for t, v in zip(mine, z, strict=True)}
    return out


def word_set(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())}


def near_repeat(words: set[str], taken: list[set[str]], share: float = 0.8) -> bool:
    """These words repeat one of ``taken`` (more than ``share`` of their union in common)."""
    return any(len(words & w) / max(1, len(words | w)) > share for w in taken)


def contained_repeat(words: set[str], taken: list[set[str]], least: int = 8) -> bool:
    """Nearly all the words of one (of ``least`` words or more) are in the other: a
    sentence cut at its start ("GPA, we conditionally recommend ...") or with an
    abbreviation written out ("GCs", "glucocorticoids") repeats the whole one."""
    return any(
        min(len(words), len(w)) >= least and len(words & w) / min(len(words), len(w)) >= 0.9
        for w in taken
    )
