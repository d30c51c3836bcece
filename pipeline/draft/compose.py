"""The review's sections composed from the sources: the model selects, the code quotes.

Each section has its own retrieval (guideline recommendations for the diagnosis, the
treatment in this condition, where it has a role, the treatment path, dosing, pitfalls). The
candidate sentences are complete sentences only; one short schema-constrained call lets the
model pick, per section, the ids that matter for this case (it writes no prose, so nothing it
says can be misquoted or cut). Each pick becomes a statement whose text *is* the source
sentence, attributed to its document and page. "Application to this patient" is composed
from the case facts and the policy worksheet, no model involved. Without a model (or when
its answer is unusable) the best-ranked candidates are taken.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pipeline.draft import SectionStream
from pipeline.draft.position import guideline_position
from pipeline.draft.quotable import complete_sentence as quotable_sentence
from pipeline.draft.quotable import why_not
from pipeline.llm import LLMClient, LLMError, LLMResult, LLMUnavailable
from pipeline.llm.prompts import Prompt
from pipeline.models import (
    Case,
    CaseFact,
    Chunk,
    Document,
    Evidence,
    GuidelinePosition,
    SearchFilters,
    Section,
    Statement,
)
from pipeline.policy.models import PolicyDecision
from pipeline.render import page_words
from pipeline.retrieve import sentence_of
from pipeline.retrieve.search import Searcher, zscore
from pipeline.retrieve.topic import CaseTopic, case_topic, find_drugs
from pipeline.settings import Settings
from pipeline.sources.chunk import sentence_spans
from pipeline.sources.injection import quote_for_prompt
from pipeline.sources.store import Store

log = logging.getLogger(__name__)
PROMPT = "review-select@1"


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str
    guideline_first: bool = True
    approve_or_continuation_only: bool = False
    # The policy speaks through the worksheet; only dosing may quote it (its dose limits).
    include_policies: bool = False
    # Sentences that recommend, or advise against, rank first in this section.
    recommendations: bool = False
    # The sentence must name the requested drug (or its class).
    needs_drug: bool = False


SECTIONS: list[SectionSpec] = [
    SectionSpec("rationale", "Guideline-Based Rationale", recommendations=True),
    SectionSpec(
        "evidence", "Evidence on the Requested Treatment", guideline_first=False, needs_drug=True
    ),
    SectionSpec("role", "Where the Treatment Has a Role", guideline_first=False, needs_drug=True),
    SectionSpec("application", "Application to This Patient"),
    SectionSpec("path", "Appropriate Treatment Path", recommendations=True),
    SectionSpec(
        "dosing",
        "Dosing and Monitoring",
        guideline_first=False,
        approve_or_continuation_only=True,
        include_policies=True,
        needs_drug=True,
    ),
    SectionSpec("pitfalls", "Common Pitfalls to Avoid", recommendations=True),
]
HEADINGS = {s.key: s.heading for s in SECTIONS}
FLOOR = 2.5  # a candidate scoring this far below its section's best is not shown
MIN_PICKS = 2  # a section holds at least this many of its candidates (when it has them)
PRE_K = 40  # per section, the sentences scored by e5 (the best by what they name)
SIM_WEIGHT = 0.6  # e5 similarity (z-scored in the section) against the topical terms
_NOT_PROSE = re.compile(r"\bet al\b|doi:|https?://", re.I)
_RECOMMEND = re.compile(
    r"\b(recommend\w*|should|preferred|first-line|is indicated|are indicated|not indicated|"
    r"may be (?:added|considered|used)|cornerstone|in preference|over (?:oral|other)|"
    r"avoid\w*|contraindicat\w*|not among)\b",
    re.I,
)
_CONDITIONS = re.compile(r"\b(when|if|unless|after|despite|for patients|in patients|only)\b", re.I)
_DOSE = re.compile(
    r"\b(\d+(?:\.\d+)?\s*(?:g/kg|mg/kg|mg|g)\b|dose\w*|dosing|dosage|monitor\w*|course|"
    r"infusions?|every \d+|weekly|monthly|titrat\w*)",
    re.I,
)
_RISK = re.compile(
    r"\b(risk\w*|adverse|thrombo\w*|infection\w*|toxicit\w*|contraindicat\w*|avoid\w*|"
    r"not recommended|should not|against|caution|monitor\w*|screen\w*|safety)\b",
    re.I,
)


_LEAD = {
    "rationale": re.compile(
        r"\b(first|preferred|initial|starting point|cornerstone|every patient)\b", re.I
    ),
    "path": re.compile(
        r"\b(inadequate|escalat\w*|adding|add|switch\w*|after|despite|not respond|"
        r"adequate trial)\b",
        re.I,
    ),
    "dosing": re.compile(
        r"\d+(?:\.\d+)?\s*(?:g/kg|mg/kg|mg|g)\b|\bevery \d+ (?:weeks?|days?)", re.I
    ),
}


def complete_sentence(text: str) -> bool:
    """A whole sentence of prose (see quotable.py), and no citation or link in it."""
    return quotable_sentence(text) and not _NOT_PROSE.search(text)


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


@dataclass
class _Sentence:
    chunk: Chunk
    j: int
    text: str
    retrieval: float  # best 1/(10+rank) over the searches that found its chunk


def _search_section(
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


def _fits(
    text: str, spec: SectionSpec, topic: CaseTopic, on_topic_doc: bool, drug_doc: bool
) -> bool:
    """The section's own test on top of the quotable filter."""
    on_drug = topic.names_drug(text) or topic.names_class(text)
    if topic.names_other_condition(text):
        return False  # another disease's sentence is beside this case, drug or not
    if spec.needs_drug and not (on_drug or (drug_doc and spec.key == "dosing")):
        return False
    if spec.key == "dosing" and not _DOSE.search(text):
        return False
    if spec.key == "pitfalls" and not (_RISK.search(text) and (on_drug or on_topic_doc)):
        return False
    # Documents about other conditions only where the sentence names the drug.
    return on_drug or drug_doc or on_topic_doc or topic.names_condition(text)


def _score(
    text: str, spec: SectionSpec, topic: CaseTopic, on_topic_doc: bool, sim: float, retrieval: float
) -> float:
    """A sentence's score in a section: its e5 similarity to the section's question
    (z-scored in the section) plus what it names of this case."""
    score = SIM_WEIGHT * sim + 4.0 * retrieval
    if topic.names_condition(text):
        score += 0.6
    # The drug's own sentences belong where the drug is the subject; the path sections are
    # about the therapies around it.
    if spec.key not in {"rationale", "path"}:
        if topic.names_drug(text):
            score += 0.8
        elif topic.names_class(text):
            score += 0.4
    if on_topic_doc:
        score += 0.5
    if topic.names_other_condition(text):
        score -= 0.8
    if topic.names_other_subtype(text):
        score -= 2.0  # another form of the condition: last, unless nothing else
    if spec.key in _LEAD and _LEAD[spec.key].search(text):
        score += 1.0 if spec.key == "dosing" else 0.5  # what the section is for
    if spec.recommendations and find_drugs(text):
        score += 0.4  # names a therapy: the path is made of them
    if spec.recommendations and _RECOMMEND.search(text):
        score += 0.7 + (0.2 if re.search(r"\bstrong", text, re.I) else 0.0)
        if spec.key == "position" and (topic.names_drug(text) or topic.names_class(text)):
            # a recommendation that places the drug or its class: what the position is read
            # from, though it may name the condition only in its heading
            score += 1.0
    return score


def _diverse(ranked: list[tuple[float, Evidence]], n: int, topical: set[str]) -> list[Evidence]:
    """The best n: at most n - 1 from one document about the case (n // 2 from any other),
    and no near-repeat of one taken."""
    out: list[Evidence] = []
    per_doc: dict[str, int] = {}
    taken: list[set[str]] = []
    for _, ev in ranked:
        words = _words(ev.text)
        if per_doc.get(ev.source_id, 0) >= (n - 1 if ev.source_id in topical else max(1, n // 2)):
            continue
        if any(len(words & w) / max(1, len(words | w)) > 0.6 for w in taken):
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
        if _RECOMMEND.search(ev.text):
            return 0
        return 1 if _CONDITIONS.search(ev.text) else 2

    return sorted(evs, key=kind)


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
    topic = case_topic(case)
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
    pools: dict[str, list[_Sentence]] = {}

    def doc_title(chunk: Chunk) -> str:
        doc = documents.get(chunk.source_id)
        return doc.title if doc else chunk.file.rsplit("/", 1)[-1]

    def doc_name(chunk: Chunk) -> str:
        doc = documents.get(chunk.source_id)
        return f"{doc.title if doc else ''} {chunk.file.rsplit('/', 1)[-1].replace('-', ' ')}"

    def on_topic(chunk: Chunk) -> bool:
        return topic.names_condition(doc_name(chunk))

    def sentences(chunk: Chunk, retrieval: float, cue: re.Pattern | None = None) -> list[_Sentence]:
        out = []
        on_drug = topic.names_drug(doc_name(chunk))
        for j, (a, b) in enumerate(sentence_spans(chunk.text), 1):
            text = chunk.text[a:b].lstrip("-•*–· ")  # a list item's bullet is no part of it
            if cue is not None and not (
                cue.search(text) or (cue is _RECOMMEND and find_drugs(text))
            ):
                continue
            if why_not(text, topic, chunk.section, on_drug) is None and complete_sentence(text):
                out.append(_Sentence(chunk, j, text, retrieval))
        return out

    # The condition's own guidelines, read whole for their recommendation sentences: a
    # search for the condition finds its introductions first, not its recommendations.
    own = _own_chunks(store, documents, topic.names_condition, guidelines_only=True)
    # ... and the documents about the drug itself, for its dose.
    own_drug = _own_chunks(store, documents, topic.names_drug) if wanted else []
    for spec in specs:
        queries = questions[spec.key]
        all_queries += queries if spec.key != "position" else []
        pool: list[_Sentence] = []
        found: set[str] = set()
        for chunk, retrieval in _search_section(searcher, queries, spec, k):
            found.add(chunk.id)
            pool += sentences(chunk, retrieval)
        extra, cue = (own, _RECOMMEND) if spec.recommendations else ([], None)
        if spec.key == "dosing":
            extra, cue = own_drug, _DOSE
        for chunk in extra:
            if chunk.id not in found:
                pool += sentences(chunk, 0.0, cue)
        pools[spec.key] = pool
    # Score each section's sentences on what they name of the case first (cheap), keep the
    # best PRE_K, and only those meet e5: embedding whole guidelines costs minutes.
    pre: dict[str, list[tuple[float, _Sentence]]] = {}
    for spec in specs:
        scored = []
        seen: set[str] = set()
        for sent in pools[spec.key]:
            if sent.text in seen:
                continue
            seen.add(sent.text)
            topical = on_topic(sent.chunk)
            if spec.key == "position":
                doc = documents.get(sent.chunk.source_id)
                if not (doc and doc.doc_type == "guideline"):
                    continue
                if not (topical or topic.names_condition(sent.text)):
                    continue
            elif not _fits(sent.text, spec, topic, topical, topic.names_drug(doc_name(sent.chunk))):
                continue
            score = _score(sent.text, spec, topic, topical, 0.0, sent.retrieval)
            if topic.names_other_condition(doc_name(sent.chunk)) and not topical:
                score -= 1.2  # a document about another disease, even where it names the drug
            scored.append((score, sent))
        scored.sort(key=lambda item: -item[0])
        pre[spec.key] = scored[:PRE_K]
    sims = _similarities(
        searcher, settings, {k: [x for _, x in v] for k, v in pre.items()}, questions, doc_title
    )
    passage_of: dict[str, int] = {}
    made: dict[tuple[str, int], Evidence] = {}

    def evidence_of(sent: _Sentence) -> Evidence:
        key = (sent.chunk.id, sent.j)
        if key not in made:
            n = passage_of.setdefault(sent.chunk.id, len(passage_of) + 1)
            doc = documents.get(sent.chunk.source_id)
            made[key] = sentence_of(sent.chunk, n, sent.j, sent.text, doc.title if doc else None)
        return made[key]

    ranked_by: dict[str, list[tuple[float, _Sentence]]] = {
        key: sorted(
            ((score + SIM_WEIGHT * sims[key].get(x.text, 0.0), x) for score, x in scored),
            key=lambda item: -item[0],
        )
        for key, scored in pre.items()
    }
    if log.isEnabledFor(logging.DEBUG):
        for key, ranked in ranked_by.items():
            for score, x in ranked[:15]:
                log.debug("%s %.2f %s", key, score, x.text[:100])
    by_section: dict[str, list[Evidence]] = {}
    shown: set[str] = set()
    for spec in specs:
        if spec.key == "position":
            continue
        # A sentence is shown under one section only, the first that ranks it: the prompt
        # stays short and each section says something new.
        # Far below the section's best is beside the point: better fewer than off the case.
        floor = ranked_by[spec.key][0][0] - FLOOR if ranked_by[spec.key] else 0.0
        ranked = [(sc, x) for sc, x in ranked_by[spec.key] if x.text not in shown]
        ranked = [(sc, x) for sc, x in ranked if sc >= floor]
        topical_docs = {x.chunk.source_id for _, x in ranked if on_topic(x.chunk)}
        chosen = _diverse(
            [(s, evidence_of(x)) for s, x in ranked], cfg.candidates_per_section, topical_docs
        )
        by_section[spec.key] = reviewer_order(chosen) if spec.recommendations else chosen
        shown |= {e.text for e in chosen}
    unique: dict[str, Evidence] = {}
    for evs in by_section.values():
        for ev in evs:
            unique.setdefault(ev.id, ev)
    ordered = sorted(unique.values(), key=_id_order)
    position_pool = [evidence_of(x) for _, x in ranked_by.get("position", [])[:40]]
    path_pool = [
        evidence_of(x) for key in ("rationale", "path") for _, x in ranked_by.get(key, [])[:12]
    ]
    return Candidates(by_section, ordered, all_queries, topic, position_pool, path_pool)


def _own_chunks(
    store: Store,
    documents: dict[str, Document],
    names: Callable[[str], bool],
    guidelines_only: bool = False,
    most: int = 400,
) -> list[Chunk]:
    """Every chunk of the documents whose title names the condition (or the drug)."""
    own = {
        sid
        for sid, d in documents.items()
        if (d.doc_type == "guideline" or not guidelines_only)
        and names(f"{d.title} {d.file.rsplit('/', 1)[-1].replace('-', ' ')}")
    }
    if not own:
        return []
    lexical = store.lexical()
    ids = [cid for cid, sid in zip(lexical.ids, lexical.source_ids, strict=True) if sid in own]
    chunks, _ = store.get_chunks(ids[:most])
    return [c for c in chunks if not c.flags]


def _id_order(e: Evidence) -> tuple[int, ...]:
    return tuple(int(x) for x in e.id[1:].split("."))


def _similarities(
    searcher: Searcher,
    settings: Settings,
    pools: dict[str, list[_Sentence]],
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


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())}


def selection_schema(by_section: dict[str, list[Evidence]], picks: int) -> dict[str, Any]:
    properties = {
        key: {
            "type": "array",
            "items": {"type": "string", "enum": [e.id for e in evs]},
            "maxItems": picks,
        }
        for key, evs in by_section.items()
        if evs
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def format_candidates(by_section: dict[str, list[Evidence]]) -> str:
    """Documents named once in a legend (D1, D2, ...), then each section's sentences with
    their document and page: long guideline titles would otherwise fill the prompt."""
    docs: dict[str, str] = {}
    for evs in by_section.values():
        for ev in evs:
            docs.setdefault(ev.source_id, ev.title or ev.file.rsplit("/", 1)[-1])
    label = {sid: f"D{i}" for i, sid in enumerate(docs, 1)}
    blocks = ["DOCUMENTS:\n" + "\n".join(f"{label[sid]}: {t}" for sid, t in docs.items())]
    for key, evs in by_section.items():
        if not evs:
            continue
        lines = [f"SECTION {key} ({HEADINGS[key]}):"]
        for ev in evs:
            where = f"{label[ev.source_id]} p.{ev.page_label or ev.page}"
            lines.append(f"[{ev.id}] ({where}) {quote_for_prompt(ev.text)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def select(
    client: LLMClient | None,
    prompt: Prompt,
    question: str,
    facts: list[CaseFact],
    candidates: Candidates,
    picks: int,
    on_text: Callable[[str], None] | None = None,
) -> tuple[dict[str, list[str]], LLMResult | None, str | None]:
    """(section → chosen ids, the call's result, why the fallback was used). ``on_text``
    hears the reply as it streams."""
    fallback = {k: [e.id for e in evs[:2]] for k, evs in candidates.by_section.items()}
    if client is None or not any(candidates.by_section.values()):
        return fallback, None, "no model" if client is None else None
    messages = prompt.render(
        question=question,
        case_facts="\n".join(f"[{f.id}] {f.text}" for f in facts),
        candidates=format_candidates(candidates.by_section),
    )
    try:
        result = client.complete_json(
            messages,
            selection_schema(candidates.by_section, picks),
            "section_selection",
            on_text=on_text,
        )
    except LLMUnavailable:
        raise
    except LLMError as exc:
        return fallback, None, f"the model's selection was unusable ({exc}); best-ranked taken"
    chosen: dict[str, list[str]] = {}
    for key, evs in candidates.by_section.items():
        order = {e.id: n for n, e in enumerate(evs)}
        got = result.data.get(key) if isinstance(result.data, dict) else None
        ids = [i for i in (got if isinstance(got, list) else []) if i in order]
        # The model chooses which; the ranking says in what order a reviewer reads them.
        chosen[key] = sorted(dict.fromkeys(ids), key=order.__getitem__)[:picks]
    return chosen, result, None


def attribution(ev: Evidence, documents: dict[str, Document]) -> str:
    doc = documents.get(ev.source_id)
    title = (doc.title if doc else ev.title) or ev.file.rsplit("/", 1)[-1]
    year = f" ({doc.year})" if doc and doc.year and str(doc.year) not in title else ""
    return f"{title}{year}, {page_words(ev.page, ev.page_label)}"


def source_sections(
    chosen: dict[str, list[str]], candidates: Candidates, documents: dict[str, Document]
) -> dict[str, list[Statement]]:
    """Each chosen sentence as a statement: its text is the source sentence, verbatim."""
    of = {e.id: e for e in candidates.evidence}
    out: dict[str, list[Statement]] = {}
    seen: set[str] = set()
    for key, ids in chosen.items():
        statements = []
        unused = [
            e.id
            for e in candidates.by_section.get(key, [])
            if " ".join(e.text.lower().split()) not in seen
        ]
        # The model's picks first; the best-ranked fill the section to MIN_PICKS (every
        # candidate already passed the filter and the floor: nothing low-ranked comes in).
        picked = [i for i in ids if i in unused]
        fill = [i for i in unused if i not in picked][: max(0, MIN_PICKS - len(picked))]
        ids = picked + fill
        for sid in ids:
            ev = of[sid]
            norm = " ".join(ev.text.lower().split())
            if norm in seen:  # one sentence, one place: where it was first chosen
                continue
            seen.add(norm)
            statements.append(
                Statement(
                    text=ev.text,
                    attribution=attribution(ev, documents),
                    citations=[sid],
                    quote=ev.text,
                    quote_origin="extracted",
                )
            )
        out[key] = statements
    return out


def policy_evidence(decision: PolicyDecision) -> list[Evidence]:
    """The worksheet rows the application section cites, as checkable evidence (P ids)."""
    if not decision.policy_source_id or not decision.policy_file:
        return []
    rows = [*decision.exclusions, *(j for j in decision.judgments if j.op == "leaf")]
    out = []
    for n, row in enumerate(rows, 1):
        if row.method == "none" or (row.status == "not_documented" and row.method != "rule"):
            continue
        out.append(
            Evidence(
                id=f"P{n}",
                passage="P",
                chunk_id=f"policy:{row.node_id}",
                source_id=decision.policy_source_id,
                file=decision.policy_file,
                page=row.page,
                title=decision.policy_title,
                text=row.text,
            )
        )
    return out


_STATUS = {"met": "met", "not_met": "NOT met", "not_documented": "not documented"}


def application(
    facts: list[CaseFact], decision: PolicyDecision, policy_ev: list[Evidence]
) -> list[Statement]:
    """The patient's facts against the policy, each statement the words of a case fact
    or of a policy criterion (cited to both)."""
    out = [
        Statement(
            text=f.text,
            attribution="Case record",
            citations=[f.id],
            quote=f.text,
            quote_origin="extracted",
        )
        for f in facts
        if f.text.startswith(("Patient:", "Diagnosis:", "Requested", "Prior therapy:"))
    ]
    by_text = {(e.text, e.page): e.id for e in policy_ev}
    for row in [*decision.exclusions, *(j for j in decision.judgments if j.op == "leaf")]:
        pid = by_text.get((row.text, row.page))
        if pid is None:
            continue
        if row in decision.exclusions:
            label = "applies" if row.status == "met" else "does not apply"
            lead = f"Policy exclusion, p. {row.page} ({label})"
        else:
            lead = f"Policy criterion {row.node_id}, p. {row.page} ({_STATUS[row.status]})"
        out.append(
            Statement(
                text=row.text,
                attribution=lead,
                citations=[pid, *row.facts],
                quote=row.text,
                quote_origin="extracted",
            )
        )
    return out


def compose(
    case: Case,
    facts: list[CaseFact],
    question: str,
    decision: PolicyDecision,
    candidates: Candidates,
    client: LLMClient | None,
    prompt: Prompt,
    documents: dict[str, Document],
    picks: int,
    on_section: Callable[[str, Any], None] | None = None,
) -> tuple[list[Section], list[Evidence], LLMResult | None, str | None]:
    """(sections, evidence incl. policy rows, the selection call, fallback note).
    ``on_section`` hears each section as soon as it is known: the application first (it
    needs no model), then each section as the model's selection for it streams in."""
    policy_ev = policy_evidence(decision)
    applied = application(facts, decision, policy_ev)
    heard: set[str] = set()

    def tell(key: str, statements: list[Statement]) -> None:
        if on_section and key not in heard:
            heard.add(key)
            on_section(key, [s.model_dump(mode="json") for s in statements])

    tell("application", applied)
    stream = None
    if on_section:
        keys = [k for k, evs in candidates.by_section.items() if evs]

        def picked(key: str, ids: Any) -> None:
            ids = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
            tell(key, source_sections({key: ids}, candidates, documents).get(key, []))

        # A section's picks are complete when the next section's key starts; the last
        # one is told once the whole selection is in.
        stream = SectionStream(picked, keys)
    chosen, result, note = select(
        client, prompt, question, facts, candidates, picks, stream.feed if stream else None
    )
    texts = source_sections(chosen, candidates, documents)
    sections = []
    for spec in SECTIONS:
        if spec.key == "application":
            statements = applied
        elif spec.key in candidates.by_section:
            statements = texts.get(spec.key, [])
        else:
            continue
        sections.append(Section(key=spec.key, heading=spec.heading, statements=statements))
        tell(spec.key, statements)
    return sections, candidates.evidence + policy_ev, result, note


def position_for(
    case: Case, candidates: Candidates, documents: dict[str, Document]
) -> tuple[GuidelinePosition | None, list[str], list[Evidence]]:
    """(the guidelines' position on the request, documentation to request, the sentences
    it cites): read by code from the condition's recommendation sentences."""
    if candidates.topic is None:
        return None, [], []
    shown_path = [e for key in ("rationale", "path") for e in candidates.by_section.get(key, [])]
    path = list({e.id: e for e in [*shown_path, *candidates.path_pool]}.values())
    pool = list({e.id: e for e in [*candidates.position_pool, *path]}.values())
    names = {e.id: attribution(e, documents) for e in pool}
    # The path's recommendations say where the drug stands too ("X is strongly
    # recommended over <the drug's class>"): the position reads both pools.
    read = list({e.id: e for e in [*candidates.position_pool, *path]}.values())
    position, requests = guideline_position(case, candidates.topic, read, path, names)
    of = {e.id: e for e in pool}
    return position, requests, [of[i] for i in position.citations if i in of]
