"""One query against the store: dense (MiniLM in Chroma), lexical (BM25), or both fused.

``hybrid`` pools the top ``pool_k`` of each side and scores the pool by a weighted sum of
per-pool z-scores (score fusion kept more of each ranker's information than RRF on BioASQ:
see evals/README.md). ``rerank`` adds e5's similarity to the same sum for the pool only.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from pipeline.models import Chunk, SearchFilters
from pipeline.retrieve.rerank import Reranker
from pipeline.settings import RetrievalSettings
from pipeline.sources.store import Store

Mode = Literal["dense", "bm25", "hybrid", "rerank"]
MODES: tuple[Mode, ...] = ("bm25", "dense", "hybrid", "rerank")


def zscore(values: np.ndarray) -> np.ndarray:
    if len(values) < 2:
        return np.zeros(len(values), dtype=np.float32)
    std = float(values.std())
    return (values - values.mean()) / std if std > 1e-9 else np.zeros_like(values)


class Searcher:
    def __init__(
        self, store: Store, settings: RetrievalSettings, reranker: Reranker | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self._reranker = reranker

    @property
    def reranker(self) -> Reranker:
        if self._reranker is None:
            self._reranker = Reranker(self.store.path / "rerank.sqlite")
        return self._reranker

    def search(
        self,
        query: str,
        k: int,
        mode: Mode | None = None,
        filters: SearchFilters | None = None,
    ) -> list[tuple[Chunk, float]]:
        mode = mode or self.settings.mode
        allowed = self.store.allowed_sources(filters or self.settings.filters)
        if mode == "dense":
            return self.store.query(self._dense_vector(query), k, allowed=allowed)
        lexical = self.store.lexical()
        bm25 = lexical.scores(query)
        if allowed is not None and len(bm25):
            bm25 = np.where(np.isin(lexical.source_ids, list(allowed)), bm25, 0.0)
        if mode == "bm25":
            ids = _top_ids(lexical.ids, bm25, k)
            chunks, _ = self.store.get_chunks(ids)
            return [(c, float(bm25[lexical.row(c.id)])) for c in chunks]
        pool_k = max(self.settings.pool_k, k)
        vector = self._dense_vector(query)
        dense_hits = self.store.query(vector, pool_k, allowed=allowed)
        chunks = [c for c, _ in dense_hits]
        dense = [score for _, score in dense_hits]
        seen = {c.id for c in chunks}
        extra = [cid for cid in _top_ids(lexical.ids, bm25, pool_k) if cid not in seen]
        if extra:  # BM25-only hits: their dense similarity from the stored vectors
            more, vectors = self.store.get_chunks(extra)
            chunks += more
            dense += list(vectors @ vector)
        if not chunks:
            return []
        s = self.settings
        rows = [lexical.row(c.id) for c in chunks]
        lexical_scores = np.array([bm25[r] if r >= 0 else 0.0 for r in rows], dtype=np.float32)
        score = s.dense_weight * zscore(np.array(dense, dtype=np.float32)) + (
            s.lexical_weight * zscore(lexical_scores)
        )
        if mode == "rerank":
            score = score + s.rerank_weight * zscore(self.reranker.scores(query, chunks))
        order = np.argsort(-score, kind="stable")[:k]
        return [(chunks[i], float(score[i])) for i in order]

    def _dense_vector(self, query: str) -> np.ndarray:
        return self.store.embedder.embed([query])[0]


def _top_ids(ids: list[str], scores: np.ndarray, k: int) -> list[str]:
    k = min(k, int((scores > 0).sum()))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    return [ids[i] for i in top[np.argsort(-scores[top], kind="stable")]]
