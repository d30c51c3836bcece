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
from dataclasses import dataclass
from typing import Any

from pipeline.check.injection import quote_for_prompt
from pipeline.draft import SectionStream
from pipeline.draft.llm import LLMClient, LLMError, LLMResult, LLMUnavailable
from pipeline.draft.prompts import Prompt
from pipeline.models import (
    Case,
    CaseFact,
    Chunk,
    Document,
    Evidence,
    SearchFilters,
    Section,
    Statement,
)
from pipeline.policy.models import PolicyDecision
from pipeline.render import page_words
from pipeline.retrieve import sentence_of
from pipeline.retrieve.search import Searcher
from pipeline.settings import Settings
from pipeline.sources.chunk import sentence_spans
from pipeline.sources.store import Store

log = logging.getLogger(__name__)
PROMPT = "review-select@1"


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str
    queries: Callable[[str, str], list[str]]  # (treatment, diagnosis) → queries
    guideline_first: bool = True
    approve_or_continuation_only: bool = False
    # The policy speaks through the worksheet; only dosing may quote it (its dose limits).
    include_policies: bool = False
    # Sentences that recommend, or advise against, rank first in this section.
    recommendations: bool = False


SECTIONS: list[SectionSpec] = [
    SectionSpec(
        "rationale",
        "Guideline-Based Rationale",
        lambda t, dx: [
            f"{dx}: recommended treatment, strong or conditional recommendation",
            f"{dx} first-line therapy guideline recommendation",
        ],
        recommendations=True,
    ),
    SectionSpec(
        "evidence",
        "Evidence on the Requested Treatment",
        lambda t, dx: [f"{t} for {dx}: evidence, trials, efficacy", f"{t} {dx}"],
        guideline_first=False,
    ),
    SectionSpec(
        "role",
        "Where the Treatment Has a Role",
        lambda t, dx: [f"{t} is recommended or indicated for", f"{t} use"],
        guideline_first=False,
    ),
    SectionSpec("application", "Application to This Patient", lambda t, dx: []),
    SectionSpec(
        "path",
        "Appropriate Treatment Path",
        lambda t, dx: [
            f"{dx}: initial therapy, then escalation after an inadequate response",
            f"{dx} treatment algorithm biologic after conventional therapy",
        ],
        recommendations=True,
    ),
    SectionSpec(
        "dosing",
        "Dosing and Monitoring",
        lambda t, dx: [f"{t} dose, dosing interval and monitoring", f"{t} dosage"],
        guideline_first=False,
        approve_or_continuation_only=True,
        include_policies=True,
    ),
    SectionSpec(
        "pitfalls",
        "Common Pitfalls to Avoid",
        lambda t, dx: [f"{t} is not recommended for {dx}", f"{dx}: avoid, risks, lack of benefit"],
        recommendations=True,
    ),
]
HEADINGS = {s.key: s.heading for s in SECTIONS}
_COMPLETE = re.compile(r"^[\"'“(]?[A-Z0-9].*[.!?][\"'”)]?$", re.S)


_CITATION = re.compile(r"\b[A-Z][a-zA-Z'-]+ [A-Z]{1,3}[,.]")
_NOT_PROSE = re.compile(r"^(figure|table|fig\.)\b|\bet al\b|doi:|https?://", re.I)


def complete_sentence(text: str) -> bool:
    """A whole sentence of prose: starts with a capital or digit, ends with a full stop;
    no fragments from a chunk's edge, no captions, reference-list lines or legends of
    abbreviations."""
    words = text.split()
    return (
        bool(_COMPLETE.match(text))
        and 8 <= len(words) <= 80
        and not _NOT_PROSE.search(text)
        and len(_CITATION.findall(text)) < 2
        and text.count(" = ") < 2
    )


def _secondary(doc: Document | None) -> bool:
    """A summary of a guideline ranks after the guideline itself."""
    if doc is None:
        return True
    return "summary" in f"{doc.title} {doc.publisher or ''}".lower()


@dataclass
class Candidates:
    by_section: dict[str, list[Evidence]]
    evidence: list[Evidence]  # every candidate, in id order (what the model was shown)
    queries: list[str]


def gather(
    case: Case,
    store: Store,
    settings: Settings,
    documents: dict[str, Document],
    decision: PolicyDecision,
    searcher: Searcher | None = None,
) -> Candidates:
    """Per-section retrieval → complete candidate sentences with stable ids (a passage
    shown under two sections keeps one id)."""
    searcher = searcher or Searcher(store, settings.retrieval)
    cfg = settings.draft
    treatment = case.requested_treatment.drug
    dx = "; ".join(d.name for d in case.diagnoses)
    passage_of: dict[str, int] = {}
    chunks_seen: dict[str, Chunk] = {}
    by_section: dict[str, list[Evidence]] = {}
    all_queries: list[str] = []
    wanted = decision.verdict == "medically_necessary" or (
        case.requested_treatment.request_type == "continuation"
    )
    guideline = SearchFilters(doc_types=["guideline"])
    not_policy = SearchFilters(doc_types=["guideline", "research", "other"])
    for spec in SECTIONS:
        queries = spec.queries(treatment, dx)
        if not queries or (spec.approve_or_continuation_only and not wanted):
            continue
        all_queries += queries
        scored: dict[str, tuple[float, Chunk]] = {}
        # Guidelines first where the section wants them; the wider search only when they
        # hold too little (each search re-scores its pool, so fewer searches is faster).
        tiers = [guideline] if spec.guideline_first else []
        tiers.append(None if spec.include_policies else not_policy)
        for tier, filters in enumerate(tiers):
            for query in queries:
                hits = searcher.search(query, cfg.chunks_per_section * 2, filters=filters)
                for rank, (chunk, _) in enumerate(hits):
                    score = 1.0 / (10 + rank) - tier
                    if chunk.id not in scored or scored[chunk.id][0] < score:
                        scored[chunk.id] = (score, chunk)
            if len(scored) >= cfg.chunks_per_section * 2:
                break

        picked: list[Chunk] = []
        per_doc: dict[str, int] = {}
        ranked = sorted(
            scored.values(), key=lambda item, g=spec.guideline_first: _order(item, g, documents)
        )
        if spec.recommendations:  # passages that recommend something come first
            ranked.sort(key=lambda item: not _recommends(item[1].text))
        for _, chunk in ranked:
            if chunk.flags or per_doc.get(chunk.source_id, 0) >= 2:
                continue
            per_doc[chunk.source_id] = per_doc.get(chunk.source_id, 0) + 1
            picked.append(chunk)
            if len(picked) >= cfg.chunks_per_section:
                break
        sentences: list[Evidence] = []
        for chunk in picked:
            n = passage_of.setdefault(chunk.id, len(passage_of) + 1)
            chunks_seen[chunk.id] = chunk
            for j, (a, b) in enumerate(sentence_spans(chunk.text), 1):
                text = chunk.text[a:b]
                if complete_sentence(text):
                    doc = documents.get(chunk.source_id)
                    sentences.append(sentence_of(chunk, n, j, text, doc.title if doc else None))
        if spec.recommendations:  # how a guideline was made is no reason for a decision
            sentences = [e for e in sentences if not _META.search(e.text)]
        ranked_sentences = _rank(sentences, queries, treatment, dx, spec.recommendations)
        by_section[spec.key] = ranked_sentences[: cfg.candidates_per_section]
    unique: dict[str, Evidence] = {}
    for evs in by_section.values():
        for ev in evs:
            unique.setdefault(ev.id, ev)
    ordered = sorted(unique.values(), key=lambda e: tuple(int(x) for x in e.id[1:].split(".")))
    return Candidates(by_section, ordered, all_queries)


def _order(item: tuple[float, Chunk], guideline_first: bool, documents: dict) -> tuple:
    """Guidelines before other documents (primary before summaries) where the section wants
    them; within each, retrieval order."""
    doc = documents.get(item[1].source_id)
    is_guideline = bool(doc and doc.doc_type == "guideline")
    return (guideline_first and not is_guideline, guideline_first and _secondary(doc), -item[0])


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())}


_RECOMMEND = re.compile(
    r"\b(recommend\w*|should|preferred|first-line|is indicated|are indicated|not indicated|"
    r"initial therapy|in preference|over (?:oral|other)|avoid\w*|contraindicat\w*)\b",
    re.I,
)
_META = re.compile(
    r"\b(objective|methods?|voting panel|literature review|systematic review|PICO|GRADE|"
    r"we searched|this guideline|this summary|this document|to provide|consensus|"
    r"evidence report|questions)\b",
    re.I,
)


def _recommends(text: str) -> bool:
    return any(
        _RECOMMEND.search(text[a:b]) and not _META.search(text[a:b])
        for a, b in sentence_spans(text)
    )


def _rank(
    sentences: list[Evidence], queries: list[str], treatment: str, dx: str, recommendations: bool
) -> list[Evidence]:
    """Sentences that share the most words with the section's queries, treatment and
    diagnosis first; in sections about what to do, sentences that recommend (or advise
    against) before those about how the guideline was made. Ties keep retrieval order."""
    want = _words(" ".join(queries) + " " + treatment + " " + dx)
    order = {e.id: i for i, e in enumerate(sentences)}

    def key(e: Evidence) -> tuple[int, int, int]:
        cue = bool(_RECOMMEND.search(e.text)) and not _META.search(e.text)
        return (-(cue if recommendations else 0), -len(_words(e.text) & want), order[e.id])

    return sorted(sentences, key=key)


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
        allowed = {e.id for e in evs}
        got = result.data.get(key) if isinstance(result.data, dict) else None
        ids = [i for i in (got if isinstance(got, list) else []) if i in allowed]
        chosen[key] = list(dict.fromkeys(ids))[:picks]
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
        if not any(i in unused for i in ids) and unused:
            # Every pick was already quoted above (or none was made): a section stays
            # empty only when its retrieval found nothing new, so take its best-ranked.
            ids = unused[:1]
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
