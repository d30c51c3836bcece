"""Case → queries → one search per query (search.py) → reciprocal-rank fusion across the
queries → per-document cap → Evidence with the ids the draft may cite (E1.1, E1.2, ...)."""

from __future__ import annotations

from collections import defaultdict

from pipeline.models import Case, Chunk, Evidence
from pipeline.retrieve.search import Searcher
from pipeline.settings import RetrievalSettings
from pipeline.sources.chunk import sentence_spans
from pipeline.sources.store import Store


def case_queries(case: Case) -> list[str]:
    t = case.requested_treatment
    dx_names = ", ".join(d.name for d in case.diagnoses)
    codes = " ".join(d.icd10 for d in case.diagnoses if d.icd10)
    queries = [
        f"{t.drug} for {dx_names}",
        f"{t.drug} coverage criteria medically necessary {dx_names} {codes}".strip(),
        f"{t.drug} not covered indications {codes}".strip(),
        f"{dx_names}: preferred first-line therapy, escalation when the response is "
        "inadequate, and adjunct therapy",
    ]
    if t.request_type == "continuation":
        queries.append(f"{t.drug} continuation criteria documented response")
    return queries


def rrf(rankings: list[list[str]], k: int) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, key in enumerate(ranking):
            scores[key] += 1.0 / (k + rank + 1)
    return scores


def retrieve(
    case: Case, store: Store, settings: RetrievalSettings, titles: dict[str, str] | None = None
) -> tuple[list[Evidence], list[str]]:
    queries = case_queries(case)
    searcher = Searcher(store, settings)
    chunks: dict[str, Chunk] = {}
    rankings: list[list[str]] = []
    for query in queries:
        hits = searcher.search(query, settings.per_query_k)
        rankings.append([c.id for c, _ in hits])
        for chunk, _ in hits:
            chunks[chunk.id] = chunk
    fused = rrf(rankings, settings.rrf_k)
    per_doc: dict[str, int] = defaultdict(int)
    picked: list[tuple[Chunk, float]] = []
    taken: set[str] = set()

    def take(cid: str) -> None:
        chunk = chunks[cid]
        if cid in taken or per_doc[chunk.source_id] >= settings.per_document_cap:
            return
        taken.add(cid)
        per_doc[chunk.source_id] += 1
        picked.append((chunk, fused[cid]))

    # Every query's best hits first, so no aspect of the case (criteria, first-line
    # therapy, ...) is crowded out by another; then the rest by fused score.
    for rank in range(settings.per_query_min):
        for ranking in rankings:
            if rank < len(ranking) and len(picked) < settings.top_k:
                take(ranking[rank])
    for cid, _ in sorted(fused.items(), key=lambda kv: -kv[1]):
        if len(picked) >= settings.top_k:
            break
        take(cid)
    titles = titles or {}
    return sentence_evidence(picked, titles), queries


def sentence_evidence(picked: list[tuple[Chunk, float]], titles: dict[str, str]) -> list[Evidence]:
    """Each retrieved passage E{i} split into citable sentences E{i}.{j}, verbatim."""
    out: list[Evidence] = []
    for i, (chunk, score) in enumerate(picked, 1):
        spans = sentence_spans(chunk.text) or [(0, len(chunk.text))]
        for j, (start, end) in enumerate(spans, 1):
            out.append(
                sentence_of(chunk, i, j, chunk.text[start:end], titles.get(chunk.source_id), score)
            )
    return out


def sentence_of(
    chunk: Chunk, i: int, j: int, text: str, title: str | None, score: float | None = None
) -> Evidence:
    """Sentence j of passage E{i}: the id the draft may cite, with its page provenance."""
    return Evidence(
        id=f"E{i}.{j}",
        passage=f"E{i}",
        chunk_id=chunk.id,
        source_id=chunk.source_id,
        file=chunk.file,
        page=chunk.page,
        page_label=chunk.page_label,
        section=chunk.section,
        title=title,
        text=text,
        score=round(score, 5) if score is not None else None,
        flags=chunk.flags,
    )
