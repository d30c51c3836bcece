"""The list of completed documents a store keeps beside its vectors: a JSON file in the
store folder, or records of a collection on a shared Chroma server. Also the error every
store part raises (re-exported by store.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pipeline.errors import NecessityError
from pipeline.models import Document

MANIFEST = "documents.json"
MANIFEST_COLLECTION = "necessity_documents"


class StoreError(NecessityError, RuntimeError):
    pass


class FileManifest:
    """Completed documents in ``<store>/documents.json``, replaced atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Document]:
        return {d["source_id"]: Document.model_validate(d) for d in self._raw()}

    def _raw(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise StoreError(f"{self.path}: damaged manifest ({exc})") from exc
        return list(raw.get("documents", []))

    def save(self, documents: dict[str, Document], changed: list[str], dropped: list[str]) -> None:
        """Apply this writer's changes to the manifest as it is on disk now, not to the
        copy read at open: a document another writer completed meanwhile is kept."""
        current = {d["source_id"]: d for d in self._raw()}  # unvalidated: entries kept as is
        current.update({s: documents[s].model_dump() for s in changed})
        for source_id in dropped:
            current.pop(source_id, None)
        tmp = self.path.with_suffix(".tmp")
        data = {"documents": list(current.values())}
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


class ChromaManifest:
    """Completed documents as records of a collection on the shared server (one per document,
    so writers on different machines never overwrite each other's entries)."""

    def __init__(self, client: Any) -> None:
        self.collection = client.get_or_create_collection(
            MANIFEST_COLLECTION, embedding_function=None, metadata={"hnsw:space": "l2"}
        )

    def load(self) -> dict[str, Document]:
        got = self.collection.get(include=["documents"])
        return {
            sid: Document.model_validate_json(text)
            for sid, text in zip(got["ids"], got["documents"], strict=True)
        }

    def save(self, documents: dict[str, Document], changed: list[str], dropped: list[str]) -> None:
        if changed:
            self.collection.upsert(
                ids=changed,
                documents=[documents[s].model_dump_json() for s in changed],
                embeddings=[[1.0] for _ in changed],
            )
        if dropped:
            self.collection.delete(ids=dropped)
