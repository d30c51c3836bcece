"""The parts a ``Pipeline`` is made of, as the stages see them: a Store, an Embedder, an LLM
and a support Judge. Stages are typed against these protocols, so the real classes
(``sources.store.Store``, ``sources.embed.*Embedder``, ``llm.OpenAICompatClient``,
``check.judge.SupportJudge``) and the test fakes (``tests/fakes.py``) are interchangeable,
and ``tests/unit/test_ports.py`` checks that both kinds fit.

This module sits on the bottom floor: it imports only ``pipeline.models`` at run time.
``LLMResult``, what every LLM call returns, is defined here with the LLM port.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from pipeline.models import Chunk, Document, SearchFilters

if TYPE_CHECKING:  # a type only: the BM25 index is the sources' (above this module)
    from pipeline.sources.lexical import LexicalIndex


@dataclass
class LLMResult:
    data: dict[str, Any]
    raw: str
    model: str
    seconds: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    # From llama.cpp-style servers' "timings": prompt processing time (≈ time to first
    # token) and decode speed. None where the endpoint does not report them.
    prompt_seconds: float | None = None
    decode_tokens_per_s: float | None = None


@runtime_checkable
class Embedder(Protocol):
    """Texts to L2-normalized vectors, with the tokenizer's view of a text's length."""

    name: str
    dim: int
    max_tokens: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...

    def truncates(self, text: str) -> bool: ...


@runtime_checkable
class Store(Protocol):
    """Documents, their chunks and vectors, and the BM25 index over them."""

    embedder: Embedder
    path: Path  # the folder (the policy trees compiled from its documents live beside it)
    url: str | None  # a Chroma server, where the store is one

    def documents(self) -> list[Document]: ...

    def document(self, source_id: str) -> Document | None: ...

    def has(self, source_id: str) -> bool: ...

    def add(self, doc: Document, chunks: list[Chunk], embeddings: np.ndarray) -> None: ...

    def update_document(self, doc: Document) -> None: ...

    def remove(self, source_id: str) -> None: ...

    def reload(self) -> None: ...

    def purge_orphans(self) -> int: ...

    def stats(self) -> dict[str, Any]: ...

    def stamp(self) -> str: ...

    def lexical(self) -> LexicalIndex: ...

    def iter_chunks(self, batch: int = 5000) -> Iterator[Chunk]: ...

    def allowed_sources(self, filters: SearchFilters | None) -> set[str] | None: ...

    def get_chunks(self, ids: Sequence[str]) -> tuple[list[Chunk], np.ndarray]: ...

    def query(
        self,
        embedding: np.ndarray,
        k: int,
        where: dict[str, Any] | None = None,
        allowed: set[str] | None = None,
    ) -> list[tuple[Chunk, float]]: ...


@runtime_checkable
class LLM(Protocol):
    """One JSON-schema-constrained chat completion per call (local or remote alike)."""

    model: str
    endpoint: str

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None = None,
    ) -> LLMResult: ...


@runtime_checkable
class Judge(Protocol):
    """Scores (claim, cited text) pairs: the probability that the text supports the claim;
    a score at or above ``threshold`` counts as supported."""

    @property
    def threshold(self) -> float: ...

    @property
    def name(self) -> str: ...

    def scores(self, pairs: Sequence[tuple[str, str]]) -> list[float]: ...
