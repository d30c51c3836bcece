"""LLM calls cached on disk by request hash, so re-running an eval costs only what changed.

The key covers everything that decides the answer: endpoint, model, messages, schema and the
sampling settings. The endpoint is the one configured, not the URL a client was given: the
embedded server listens on a new port at every start, so its URL would make every run miss.
A cached answer is returned with its original timing, marked ``cached``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.llm import LLMClient, LLMResult


class CachedClient:
    def __init__(self, inner: LLMClient, path: Path, endpoint: str | None = None) -> None:
        """``endpoint``: the endpoint as configured, for the key ("embedded" for the embedded
        server, whose URL changes with its port); the client's own URL when not given."""
        self.inner = inner
        self.model = inner.model
        self.endpoint = inner.endpoint
        self.key_endpoint = endpoint or inner.endpoint
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS calls (key TEXT PRIMARY KEY, result TEXT)")
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def key(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> str:
        sampling = {k: getattr(self.inner, k, None) for k in ("temperature", "max_tokens", "seed")}
        blob = json.dumps(
            [self.key_endpoint, self.model, messages, schema, name, sampling], sort_keys=True
        )
        return hashlib.sha256(blob.encode()).hexdigest()

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None = None,
    ) -> LLMResult:
        key = self.key(messages, schema, name)
        with self._lock:
            row = self._db.execute("SELECT result FROM calls WHERE key = ?", (key,)).fetchone()
        if row:
            self.hits += 1
            data = json.loads(row[0])
            if on_text:
                on_text(data["raw"])
            return LLMResult(**data)
        self.misses += 1
        result = self.inner.complete_json(messages, schema, name, on_text=on_text)
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO calls VALUES (?, ?)",
                (key, json.dumps(dataclasses.asdict(result))),
            )
        return result
