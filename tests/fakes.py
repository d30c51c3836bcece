"""Offline stand-ins, so unit tests are fast and only integration tests load real models:
a scripted LLM (like simonw/llm's MockModel), a hashing embedder (no ONNX), and an
in-memory index with the Store's interface (no Chroma)."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.llm import LLMError, LLMResult
from pipeline.models import Chunk, Document, SearchFilters
from pipeline.sources.chunk import embedding_text
from pipeline.sources.lexical import LexicalIndex, manifest_stamp

Reply = dict[str, Any] | str | Callable[[list[dict[str, str]], dict[str, Any]], Any]


class FakeLLM:
    """Replays a queue of canned replies (dicts, raw strings, or functions of the request),
    the way simonw/llm's MockModel does; records every request it was given."""

    model = "fake-llm"
    endpoint = "fake://local"

    # Criterion judgments (policy/judge.py) come from their own queue, so a test that
    # scripts a draft need not script them; unscripted, the model "cannot tell".
    NOT_DOCUMENTED = {"status": "not_documented", "facts": []}
    # The fact question (policy/fact_question.py) too; unscripted, the model says "no".
    NO = {"answer": "no"}

    def __init__(self, replies: list[Reply] | None = None) -> None:
        self.replies = list(replies or [])
        self.judgments: list[Reply] = []
        self.answers: list[Reply] = []
        self.calls: list[dict[str, Any]] = []

    def queue(self, *replies: Reply) -> FakeLLM:
        self.replies.extend(replies)
        return self

    def queue_judgments(self, *replies: Reply) -> FakeLLM:
        self.judgments.extend(replies)
        return self

    def queue_answers(self, *replies: Reply) -> FakeLLM:
        self.answers.extend(replies)
        return self

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None = None,
    ) -> LLMResult:
        self.calls.append({"messages": messages, "schema": schema, "name": name})
        if name == "judgment":
            reply = self.judgments.pop(0) if self.judgments else self.NOT_DOCUMENTED
        elif name == "fact_answer":
            reply = self.answers.pop(0) if self.answers else self.NO
        elif not self.replies:
            raise AssertionError("FakeLLM: no reply queued for this call")
        else:
            reply = self.replies.pop(0)
        if callable(reply):
            reply = reply(messages, schema)
        raw = reply if isinstance(reply, str) else json.dumps(reply)
        if on_text:  # stream it the way a server would, a few characters at a time
            for end in range(0, len(raw), 16):
                on_text(raw[: end + 16])
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LLMError(f"invalid JSON from the model: {exc}") from exc
        return LLMResult(
            data=data,
            raw=raw,
            model=self.model,
            seconds=0.01,
            prompt_tokens=100,
            completion_tokens=50,
        )


class HashingEmbedder:
    """Words hashed into 384 buckets, L2-normalized: texts that share words are near.
    Deterministic, instant, and no model file; the support judge falls back to its lexical
    coverage test with it (its trained weights belong to MiniLM)."""

    name = "hashing-384-test"
    dim = 384
    max_tokens = 100_000

    def __init__(self, threads: int = 1) -> None:  # the registry passes threads
        del threads

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                out[i, zlib.crc32(word.encode()) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def truncates(self, text: str) -> bool:
        return False


class InMemoryStore:
    """The Store's interface over dicts: documents, chunks, vectors, the BM25 index."""

    url = None

    def __init__(self, path: Path, embedder: Any) -> None:
        self.path = Path(path)
        self.embedder = embedder
        self._documents: dict[str, Document] = {}
        self._chunks: dict[str, Chunk] = {}
        self._vectors: dict[str, np.ndarray] = {}
        self._lexical: LexicalIndex | None = None

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, source_id: str) -> Document | None:
        return self._documents.get(source_id)

    def has(self, source_id: str) -> bool:
        return source_id in self._documents

    def add(self, doc: Document, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        for cid in [c for c, ch in self._chunks.items() if ch.source_id == doc.source_id]:
            self._chunks.pop(cid)
            self._vectors.pop(cid)
        for chunk, vector in zip(chunks, embeddings, strict=True):
            self._chunks[chunk.id] = chunk
            self._vectors[chunk.id] = np.asarray(vector, dtype=np.float32)
        for old in [d for d in self._documents.values() if d.file == doc.file]:
            if old.source_id != doc.source_id:
                self.remove(old.source_id)
        self._documents[doc.source_id] = doc

    def update_document(self, doc: Document) -> None:
        self._documents[doc.source_id] = doc

    def remove(self, source_id: str) -> None:
        self._documents.pop(source_id, None)
        for cid in [c for c, ch in self._chunks.items() if ch.source_id == source_id]:
            self._chunks.pop(cid)
            self._vectors.pop(cid)

    def reload(self) -> None:
        return None  # one process: nothing another writer could have changed

    def purge_orphans(self) -> int:
        orphans = [c for c, ch in self._chunks.items() if ch.source_id not in self._documents]
        for cid in orphans:
            self._chunks.pop(cid)
            self._vectors.pop(cid)
        return len(orphans)

    def stats(self) -> dict[str, Any]:
        docs = self.documents()
        return {
            "documents": len(docs),
            "chunks": len(self._chunks),
            "pages": sum(d.pages for d in docs),
            "embedder": self.embedder.name,
            "store": str(self.path),
            "by_type": {t: sum(d.doc_type == t for d in docs) for t in {d.doc_type for d in docs}},
        }

    def stamp(self) -> str:
        return manifest_stamp((f"{d.source_id}/{d.parser}", d.chunks) for d in self.documents())

    def lexical(self) -> LexicalIndex:
        if self._lexical is None or self._lexical.stamp != self.stamp():
            chunks = list(self.iter_chunks())
            self._lexical = LexicalIndex.build(
                [c.id for c in chunks],
                [embedding_text(c) for c in chunks],
                [c.source_id for c in chunks],
                self.stamp(),
            )
        return self._lexical

    def iter_chunks(self, batch: int = 5000) -> Iterator[Chunk]:
        for cid in sorted(self._chunks):
            if self._chunks[cid].source_id in self._documents:
                yield self._chunks[cid]

    def allowed_sources(self, filters: SearchFilters | None) -> set[str] | None:
        if filters is None or filters.is_empty():
            return None
        return {d.source_id for d in self.documents() if filters.admits(d)}

    def get_chunks(self, ids: Sequence[str]) -> tuple[list[Chunk], np.ndarray]:
        if not ids:
            return [], np.zeros((0, self.embedder.dim), dtype=np.float32)
        return [self._chunks[c] for c in ids], np.stack([self._vectors[c] for c in ids])

    def query(
        self,
        embedding: np.ndarray,
        k: int,
        where: dict[str, Any] | None = None,
        allowed: set[str] | None = None,
    ) -> list[tuple[Chunk, float]]:
        ids = [
            c
            for c in sorted(self._chunks)
            if allowed is None or self._chunks[c].source_id in allowed
        ]
        if not ids:
            return []
        scores = np.stack([self._vectors[c] for c in ids]) @ np.asarray(embedding)
        top = np.argsort(-scores, kind="stable")[:k]
        return [(self._chunks[ids[i]], float(scores[i])) for i in top]
