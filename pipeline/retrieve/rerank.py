"""Second stage: re-score a small pool of first-stage hits with e5 (see search.py).

Passage vectors are computed on first use and kept in ``<store>/rerank.sqlite`` keyed by
chunk id and text hash, so a chunk is embedded by e5 once however often it is retrieved.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pipeline.models import Chunk
from pipeline.sources.chunk import embedding_text
from pipeline.sources.embed import E5Embedder


class Reranker:
    def __init__(self, cache_path: Path | None, embedder: E5Embedder | None = None) -> None:
        self.embedder = embedder or E5Embedder()
        self.cache_path = cache_path
        self._db: sqlite3.Connection | None = None

    @property
    def name(self) -> str:
        return self.embedder.name

    def _conn(self) -> sqlite3.Connection | None:
        if self.cache_path is None:
            return None
        if self._db is None:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.cache_path, check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors "
                "(key TEXT PRIMARY KEY, model TEXT NOT NULL, vector BLOB NOT NULL)"
            )
        return self._db

    def passage_vectors(self, chunks: Sequence[Chunk]) -> np.ndarray:
        texts = [embedding_text(c) for c in chunks]
        keys = [
            f"{c.id}:{hashlib.sha256(t.encode()).hexdigest()[:16]}"
            for c, t in zip(chunks, texts, strict=True)
        ]
        return self._cached(keys, texts)

    def text_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors of free texts (compose mode's sentences), cached by their hash."""
        keys = [f"text:{hashlib.sha256(t.encode()).hexdigest()[:24]}" for t in texts]
        return self._cached(keys, list(texts))

    def _cached(self, keys: list[str], texts: list[str]) -> np.ndarray:
        out = np.zeros((len(keys), self.embedder.dim), dtype=np.float32)
        db = self._conn()
        found: dict[str, np.ndarray] = {}
        if db is not None and keys:
            marks = ",".join("?" * len(keys))
            rows = db.execute(
                f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})",
                [self.name, *keys],
            ).fetchall()
            found = {k: np.frombuffer(v, dtype=np.float32) for k, v in rows}
        todo = [i for i, k in enumerate(keys) if k not in found]
        if todo:
            fresh = self.embedder.embed([texts[i] for i in todo])
            for row, i in enumerate(todo):
                found[keys[i]] = fresh[row]
            if db is not None:
                db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                    [(keys[i], self.name, fresh[r].tobytes()) for r, i in enumerate(todo)],
                )
                db.commit()
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out

    def scores(self, query: str, chunks: Sequence[Chunk]) -> np.ndarray:
        if not chunks:
            return np.zeros(0, dtype=np.float32)
        q = self.embedder.embed_queries([query])[0]
        return self.passage_vectors(chunks) @ q
