"""BM25 over the same chunks as the Chroma collection (bm25s, no weights to download).

The index lives in ``<store>/bm25`` with the chunk ids it covers and a stamp of the manifest
it was built from. A store whose manifest no longer matches the stamp (a re-ingest, a removal,
a crash between the two) rebuilds it from Chroma before the next search, so the lexical and
dense sides never disagree about which chunks exist.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

# Dotted codes and doses stay whole ("m08.3", "0.5"): ICD-10 codes are where BM25 earns its keep.
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")
LEXICAL_VERSION = "bm25-1"


def _bm25s():  # noqa: ANN202
    import bm25s  # at the first BM25 index or query (it pulls in scipy)

    # bm25s sets its logger to DEBUG when imported and logs every index build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


_STOP = _stopwords()


def tokenize(text: str) -> list[str]:
    return [
        t for t in _TOKEN.findall(text.lower()) if t not in _STOP and (len(t) > 1 or t.isdigit())
    ]


def manifest_stamp(documents: Iterable[tuple[str, int]]) -> str:
    """Identity of a store's content: its completed documents and their chunk counts."""
    h = hashlib.sha256(LEXICAL_VERSION.encode())
    for source_id, chunks in sorted(documents):
        h.update(f"{source_id}:{chunks};".encode())
    return h.hexdigest()


class LexicalIndex:
    def __init__(self, ids: list[str], source_ids: list[str], stamp: str, model: object) -> None:
        self.ids = ids
        self.source_ids = np.array(source_ids, dtype=object)
        self.stamp = stamp
        self._model = model
        self._row = {cid: i for i, cid in enumerate(ids)}

    @classmethod
    def build(
        cls, ids: Sequence[str], texts: Sequence[str], source_ids: Sequence[str], stamp: str
    ) -> LexicalIndex:
        bm25s = _bm25s()
        model = bm25s.BM25()
        if ids:
            model.index([tokenize(t) or [""] for t in texts], show_progress=False)
        return cls(list(ids), list(source_ids), stamp, model)

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed chunk, in index order."""
        if not self.ids:
            return np.zeros(0, dtype=np.float32)
        tokens = tokenize(query)
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)  # type: ignore[attr-defined]

    def row(self, chunk_id: str) -> int:
        """Position of a chunk in ``scores()``, or -1 when the index does not hold it."""
        return self._row.get(chunk_id, -1)

    # --- persistence ----------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write beside, then swap: a crash leaves the old index or the new, never half."""
        tmp = path.with_name(path.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self._model.save(str(tmp), show_progress=False)  # type: ignore[attr-defined]
        meta = {
            "version": LEXICAL_VERSION,
            "stamp": self.stamp,
            "ids": self.ids,
            "source_ids": list(self.source_ids),
        }
        (tmp / "chunks.json").write_text(json.dumps(meta), encoding="utf-8")
        old = path.with_name(path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if path.exists():
            path.rename(old)
        tmp.rename(path)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex | None:
        """The saved index, or None when there is none or it cannot be read (then rebuild)."""
        bm25s = _bm25s()
        meta_path = path / "chunks.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("version") != LEXICAL_VERSION:
                return None
            model = bm25s.BM25.load(str(path), show_progress=False) if meta["ids"] else bm25s.BM25()
        except (OSError, ValueError, KeyError):
            return None
        return cls(meta["ids"], meta["source_ids"], meta["stamp"], model)
