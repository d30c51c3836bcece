"""Case → queries → one search per query (search.py) → reciprocal-rank fusion across the
queries → per-document cap → the picked passages as citable Evidence (evidence.py)."""

from __future__ import annotations

from collections import defaultdict

from pipeline.models import Case, Chunk, Evidence
from pipeline.retrieve.evidence import sentence_evidence
from pipeline.retrieve.queries import case_queries
from pipeline.retrieve.search import Searcher
from pipeline.settings import RetrievalSettings
from pipeline.sources.store import Store


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
