"""The store: a Chroma collection of chunks plus a manifest of completed documents.

A document enters the manifest only after all its chunks are upserted, so a crash mid-file
leaves chunks the next ingest overwrites (ids are deterministic) or purges; the manifest is
replaced atomically, so it is never half-written.

Chroma runs in-process (``PersistentClient`` under ``<store>/chroma``) or, when ``store_url``
is set, as a shared server (``chroma run``): then the manifest is a second collection on that
server, so every machine sees the same documents, and ``<store>`` only caches derived indexes
(BM25, e5 vectors) that rebuild themselves from the server.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from pipeline.models import Chunk, Document, SearchFilters
from pipeline.sources.chunk import embedding_text
from pipeline.sources.embed import Embedder, get_embedder, registry_key
from pipeline.sources.lexical import LexicalIndex, manifest_stamp
from pipeline.sources.manifest import (  # noqa: F401 (MANIFEST, StoreError re-exported)
    MANIFEST,
    ChromaManifest,
    FileManifest,
    StoreError,
)

log = logging.getLogger(__name__)
COLLECTION = "chunks"
_BATCH = 256
# A document another machine is still writing to a shared server is not an orphan yet;
# an hour also covers clock differences between machines.
SHARED_GRACE_S = 3600.0


_locks_held = threading.local()


@contextmanager
def store_lock(path: Path, wait_s: float = 600.0) -> Iterator[None]:
    """One writer at a time per store folder: a second one waits for the first. Take it
    before opening the store to write (the CLI does), or ``reload`` once it is held: a
    manifest read before is stale. Re-entrant in one thread; on a shared Chroma server this
    orders the writers of this machine only."""
    import fcntl  # Unix only: the store's advisory lock

    key = str(Path(path).resolve())
    held: set[str] = _locks_held.__dict__.setdefault("paths", set())
    if key in held:
        yield
        return
    path.mkdir(parents=True, exist_ok=True)
    with (path / ".ingest.lock").open("w") as handle:
        deadline = time.monotonic() + wait_s
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:  # a silent wait would look like a hang
                    log.warning("store %s is being written by another ingest; waiting", path)
                    told = True
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"store {path} is being written by another ingest; waited {wait_s:.0f}s"
                    ) from None
                time.sleep(0.2)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            fcntl.flock(handle, fcntl.LOCK_UN)


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
        return ChromaEmbedding(get_embedder(registry_key(config["embedder"])))

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


def _chroma_client(path: Path, url: str | None = None) -> Any:
    import chromadb  # Chroma at first open (seconds): unit tests run on InMemoryStore
    from chromadb.config import Settings as ChromaSettings

    path.mkdir(parents=True, exist_ok=True)
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if url:
        parsed = urlparse(url)
        if not parsed.hostname:
            raise StoreError(f"store_url {url!r} is not a URL like http://127.0.0.1:8000")
        try:
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # chromadb raises plain ValueError/ConnectError here
            raise StoreError(f"cannot reach the Chroma server at {url}: {exc}") from exc
    return chromadb.PersistentClient(path=str(path / "chroma"), settings=chroma_settings)


class Store:
    def __init__(
        self, path: Path, embedder: Embedder, url: str | None = None, adopt: bool = False
    ) -> None:
        """``adopt``: when the store was built with another known embedder, use that one
        (the embedder was not chosen explicitly; a store from before a default changed
        keeps working instead of failing)."""
        self.path = Path(path)
        self.url = url
        try:
            self._open_chroma(embedder, adopt)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 (chromadb's InternalError, sqlite3's, OSError...)
            raise self._unreadable(exc) from exc
        stored = (self.collection.metadata or {}).get("embedder")
        if stored and stored != embedder.name:
            raise StoreError(
                f"store {self.path} was built with embedder {stored!r}, not {embedder.name!r}; "
                f"set NECESSITY_EMBEDDER={_key_or_name(stored)} to keep using it, use another "
                "--store, or re-ingest into an empty one"
            )
        self._manifest = ChromaManifest(self._client) if url else FileManifest(self.manifest_path)
        self._documents = self._manifest.load()
        self._lexical: LexicalIndex | None = None
        self._count: int | None = None

    def reload(self) -> None:
        """Read the manifest again. A writer calls this once it holds the store's lock
        (``store_lock``): documents another writer completed since this store was opened
        are then known, so its orphan purge and its saves keep them."""
        self._documents = self._manifest.load()
        self._count = None

    def _open_chroma(self, embedder: Embedder, adopt: bool) -> None:
        self._client = _chroma_client(self.path, self.url)
        recorded = self._recorded_embedder() if adopt else None
        if recorded is not None and recorded.name != embedder.name:
            embedder = recorded
        self.embedder = embedder
        self.collection = self._client.get_or_create_collection(
            COLLECTION,
            embedding_function=ChromaEmbedding(embedder),  # type: ignore[arg-type]
            metadata={"hnsw:space": "cosine", "embedder": embedder.name},
        )
        self.collection.count()  # a damaged database often opens and fails at its first read

    def _unreadable(self, exc: Exception) -> StoreError:
        """One line naming the store and what to do, instead of chromadb's traceback."""
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if self.url:
            return StoreError(f"store {self.url}: the Chroma server failed ({reason})")
        db = self.path / "chroma" / "chroma.sqlite3"
        return StoreError(
            f"store {self.path}: Chroma cannot read {db} ({reason}); if it is damaged, restore "
            f"the store folder from a backup, or move it aside and re-ingest the PDFs into a new "
            "store"
        )

    def _recorded_embedder(self) -> Embedder | None:
        try:
            existing = self._client.get_collection(COLLECTION)
        except Exception:  # noqa: BLE001 (chroma raises several kinds for "not there")
            return None
        recorded = (existing.metadata or {}).get("embedder")
        try:
            return get_embedder(registry_key(recorded)) if recorded else None
        except ValueError:
            return None  # an embedder we do not know: the mismatch error below says so

    # --- manifest -------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    # --- documents ------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, source_id: str) -> Document | None:
        return self._documents.get(source_id)

    def has(self, source_id: str) -> bool:
        return source_id in self._documents

    def add(self, doc: Document, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        """Store a document's chunks, then record it as complete."""
        self._count = None
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
        self._manifest.save(self._documents, [doc.source_id], replaced)
        for source_id in replaced:
            self.collection.delete(where={"source_id": source_id})

    def update_document(self, doc: Document) -> None:
        """Replace a completed document's record (its chunks stay as they are)."""
        if doc.source_id not in self._documents:
            raise StoreError(f"document {doc.source_id[:12]} is not in the store")
        self._documents[doc.source_id] = doc
        self._manifest.save(self._documents, [doc.source_id], [])

    def remove(self, source_id: str) -> None:
        self._count = None
        self._documents.pop(source_id, None)
        self._manifest.save(self._documents, [], [source_id])
        self.collection.delete(where={"source_id": source_id})

    def purge_orphans(self) -> int:
        """Drop chunks of documents that never completed (a crash mid-ingest).

        Under the writer lock, with the manifest read again first. On a shared server another
        machine (which this machine's lock does not order) may be writing a document right
        now: only chunks written more than ``SHARED_GRACE_S`` ago are orphans there."""
        self.reload()
        grace = SHARED_GRACE_S if self.url else 0.0
        known = list(self._documents)
        where = {"source_id": {"$nin": known}} if known else None
        got = self.collection.get(where=where, include=["metadatas"])
        cutoff = time.time() - grace
        orphans = [
            cid
            for cid, meta in zip(
                got["ids"], got["metadatas"] or [{}] * len(got["ids"]), strict=True
            )
            if float((meta or {}).get("written", 0)) <= cutoff
        ]
        if orphans:
            self._count = None
            self.collection.delete(ids=orphans)
        return len(orphans)

    def _chunk_count(self) -> int:
        """Chroma's count costs a round trip per query; it changes only when we write."""
        if self._count is None:
            self._count = self.collection.count()
        return self._count

    # --- lexical side ---------------------------------------------------------------
    @property
    def lexical_path(self) -> Path:
        return self.path / "bm25"

    def stamp(self) -> str:
        return manifest_stamp(
            (f"{d.source_id}/{d.parser}", d.chunks) for d in self._documents.values()
        )

    def lexical(self) -> LexicalIndex:
        """The BM25 index for exactly the stored chunks, rebuilt first if it is stale."""
        stamp = self.stamp()
        if self._lexical is None or self._lexical.stamp != stamp:
            index = LexicalIndex.load(self.lexical_path)
            self._lexical = index if index and index.stamp == stamp else self.refresh_lexical()
        return self._lexical

    def refresh_lexical(self) -> LexicalIndex:
        ids, texts, sources = [], [], []
        for chunk in self.iter_chunks():
            ids.append(chunk.id)
            texts.append(embedding_text(chunk))
            sources.append(chunk.source_id)
        index = LexicalIndex.build(ids, texts, sources, self.stamp())
        index.save(self.lexical_path)
        self._lexical = index
        return index

    def iter_chunks(self, batch: int = 5000) -> Iterator[Chunk]:
        """Every chunk of a completed document, in id order."""
        known = list(self._documents)
        if not known:
            return
        offset = 0
        while True:
            got = self.collection.get(
                where={"source_id": {"$in": known}},
                include=["documents", "metadatas"],
                limit=batch,
                offset=offset,
            )
            if not got["ids"]:
                return
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
                yield _chunk_from(cid, text, meta)
            offset += len(got["ids"])

    # --- search ---------------------------------------------------------------------
    def allowed_sources(self, filters: SearchFilters | None) -> set[str] | None:
        """Documents a search may return; None means all of them."""
        if filters is None or filters.is_empty():
            return None
        return {d.source_id for d in self._documents.values() if filters.admits(d)}

    def get_chunks(self, ids: Sequence[str]) -> tuple[list[Chunk], np.ndarray]:
        """Chunks by id, in the order given, with their stored embeddings."""
        if not ids:
            return [], np.zeros((0, self.embedder.dim), dtype=np.float32)
        got = self.collection.get(ids=list(ids), include=["documents", "metadatas", "embeddings"])
        row = {cid: i for i, cid in enumerate(got["ids"])}
        missing = [c for c in ids if c not in row]
        if missing:
            raise StoreError(f"{len(missing)} chunk(s) not in the store, e.g. {missing[0]}")
        order = [row[c] for c in ids]
        chunks = [
            _chunk_from(got["ids"][i], got["documents"][i], got["metadatas"][i]) for i in order
        ]
        vectors = np.asarray(got["embeddings"], dtype=np.float32)[order]
        return chunks, vectors

    def query(
        self,
        embedding: np.ndarray,
        k: int,
        where: dict[str, Any] | None = None,
        allowed: set[str] | None = None,
    ) -> list[tuple[Chunk, float]]:
        count = self._chunk_count()
        if count == 0 or allowed == set():
            return []
        if allowed is not None:
            where = {"source_id": {"$in": sorted(allowed)}}
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
            "store": self.url or str(self.path),
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
        "written": int(time.time()),  # on a shared server, how old an orphan is
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


def _key_or_name(embedder_name: str) -> str:
    try:
        return registry_key(embedder_name)
    except ValueError:
        return embedder_name


def open_store(path: Path, embedder_name: str = "minilm-l6-q8", url: str | None = None) -> Store:
    return Store(path, get_embedder(embedder_name), url=url)
