"""The store: a Chroma collection of chunks plus a manifest of completed documents.

A document enters the manifest only after all its chunks are upserted, so a crash mid-file
leaves chunks the next ingest overwrites (ids are deterministic) or purges; the manifest is
replaced atomically, so it is never half-written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.embed import Embedder, get_embedder
from pipeline.models import Chunk, Document

COLLECTION = "chunks"
MANIFEST = "documents.json"
_BATCH = 256


class StoreError(RuntimeError):
    pass


class ChromaEmbedding:
    """Adapter so Chroma never builds its own (downloading) default embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002 (Chroma's name)
        return list(self.embedder.embed(list(input)))

    def embed_query(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002
        return self(input)

    @staticmethod
    def name() -> str:
        return "necessity"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self.embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        return ChromaEmbedding(get_embedder("minilm-l6-int8"))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

    def validate_config_update(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        return None

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        return None


def _chroma_client(path: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(path / "chroma"),
        settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True),
    )


class Store:
    def __init__(self, path: Path, embedder: Embedder) -> None:
        self.path = Path(path)
        self.embedder = embedder
        self._client = _chroma_client(self.path)
        self.collection = self._client.get_or_create_collection(
            COLLECTION,
            embedding_function=ChromaEmbedding(embedder),  # type: ignore[arg-type]
            metadata={"hnsw:space": "cosine", "embedder": embedder.name},
        )
        stored = (self.collection.metadata or {}).get("embedder")
        if stored and stored != embedder.name:
            raise StoreError(
                f"store {self.path} was built with embedder {stored!r}, not {embedder.name!r}; "
                "use another --store or re-ingest into an empty one"
            )
        self._documents = self._read_manifest()

    # --- manifest -------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def _read_manifest(self) -> dict[str, Document]:
        if not self.manifest_path.exists():
            return {}
        try:
            raw = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise StoreError(f"{self.manifest_path}: damaged manifest ({exc})") from exc
        return {d["source_id"]: Document.model_validate(d) for d in raw.get("documents", [])}

    def _write_manifest(self) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        data = {"documents": [d.model_dump() for d in self._documents.values()]}
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    # --- documents ------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, source_id: str) -> Document | None:
        return self._documents.get(source_id)

    def has(self, source_id: str) -> bool:
        return source_id in self._documents

    def add(self, doc: Document, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        """Store a document's chunks, then record it as complete."""
        ids = [c.id for c in chunks]
        for i in range(0, len(chunks), _BATCH):
            part = chunks[i : i + _BATCH]
            self.collection.upsert(
                ids=ids[i : i + _BATCH],
                documents=[c.text for c in part],
                embeddings=embeddings[i : i + _BATCH],
                metadatas=[_chunk_meta(c, doc) for c in part],
            )
        # Chunks left from an earlier, interrupted or different parse of the same bytes.
        existing = self.collection.get(where={"source_id": doc.source_id}, include=[])["ids"]
        stale = sorted(set(existing) - set(ids))
        if stale:
            self.collection.delete(ids=stale)
        # Same path, new bytes: the old version goes once the new one is in.
        replaced = [
            d.source_id
            for d in self._documents.values()
            if d.file == doc.file and d.source_id != doc.source_id
        ]
        self._documents[doc.source_id] = doc
        for source_id in replaced:
            self._documents.pop(source_id, None)
        self._write_manifest()
        for source_id in replaced:
            self.collection.delete(where={"source_id": source_id})

    def remove(self, source_id: str) -> None:
        self._documents.pop(source_id, None)
        self._write_manifest()
        self.collection.delete(where={"source_id": source_id})

    def purge_orphans(self) -> int:
        """Drop chunks of documents that never completed (a crash mid-ingest)."""
        known = list(self._documents)
        where = {"source_id": {"$nin": known}} if known else None
        orphans = self.collection.get(where=where, include=[])["ids"]
        if orphans:
            self.collection.delete(ids=orphans)
        return len(orphans)

    # --- search ---------------------------------------------------------------------
    def query(
        self, embedding: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[Chunk, float]]:
        count = self.collection.count()
        if count == 0:
            return []
        result = self.collection.query(
            query_embeddings=[embedding],
            n_results=min(k, count),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        hits = []
        for cid, text, meta, dist in zip(
            result["ids"][0],
            result["documents"][0],
            result["metadatas"][0],
            result["distances"][0],
            strict=True,
        ):
            if meta["source_id"] not in self._documents:
                continue
            hits.append((_chunk_from(cid, text, meta), 1.0 - float(dist)))
        return hits

    def stats(self) -> dict[str, Any]:
        docs = self.documents()
        return {
            "documents": len(docs),
            "chunks": self.collection.count(),
            "pages": sum(d.pages for d in docs),
            "embedder": self.embedder.name,
            "store": str(self.path),
            "by_type": {
                t: sum(1 for d in docs if d.doc_type == t)
                for t in sorted({d.doc_type for d in docs})
            },
        }


def _chunk_meta(chunk: Chunk, doc: Document) -> dict[str, Any]:
    return {
        "source_id": chunk.source_id,
        "file": chunk.file,
        "page": chunk.page,
        "page_label": chunk.page_label,
        "section": chunk.section or "",
        "start": chunk.start,
        "end": chunk.end,
        "tokens": chunk.tokens,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "publisher": doc.publisher or "",
        "year": doc.year or 0,
        "flags": ",".join(chunk.flags),
    }


def _chunk_from(cid: str, text: str, meta: dict[str, Any]) -> Chunk:
    return Chunk(
        id=cid,
        source_id=meta["source_id"],
        file=meta["file"],
        page=int(meta["page"]),
        page_label=str(meta.get("page_label", meta["page"])),
        section=meta.get("section") or None,
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=text,
        tokens=int(meta.get("tokens", 0)),
        flags=[f for f in str(meta.get("flags", "")).split(",") if f],
    )


def open_store(path: Path, embedder_name: str = "minilm-l6-int8") -> Store:
    return Store(path, get_embedder(embedder_name))
