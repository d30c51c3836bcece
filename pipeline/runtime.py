"""The runtime assembled once: settings, store, support judge and the LLM (started on first
use). The CLI, the web app, batch, evals, bench and notebooks take a ``Pipeline``; tests
inject fakes through ``Pipeline.open(settings, llm=..., store=...)``."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline import assets
from pipeline.check.finalize import recheck
from pipeline.check.judge import SupportJudge
from pipeline.errors import NecessityError
from pipeline.llm import open_llm
from pipeline.models import Case, Document, Review
from pipeline.policy.library import compile_ingested
from pipeline.ports import LLM, Embedder, Judge, Store
from pipeline.review import draft_review
from pipeline.settings import LLMSettings, Settings
from pipeline.sources.embed import get_embedder
from pipeline.sources.ingest import IngestReport, ingest
from pipeline.sources.store import Store as ChromaStore


class PipelineError(NecessityError, RuntimeError):
    """A runtime that cannot do what was asked (an empty store, say); the message says why."""


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        llm: LLM | None = None,
        store: Store | None = None,
        embedder: Embedder | None = None,
        llm_slots: int = 1,
    ) -> None:
        self.settings = settings
        # Requests the embedded server answers at once (a batch's workers share it).
        self.llm_slots = llm_slots
        self._llm = llm
        self._store = store
        self._embedder = embedder
        self._judge: Judge | None = None
        self._stack = contextlib.ExitStack()

    @classmethod
    def open(
        cls,
        settings: Settings,
        llm: LLM | None = None,
        store: Store | None = None,
        embedder: Embedder | None = None,
        llm_slots: int = 1,
    ) -> Pipeline:
        return cls(settings, llm=llm, store=store, embedder=embedder, llm_slots=llm_slots)

    # --- parts, each made on first use ---------------------------------------------------
    @property
    def store(self) -> Store:
        if self._store is None:
            s = self.settings
            assets.ensure_tiktoken(s.cache_dir, s.chunk.encoding)
            self._store = ChromaStore(
                s.store_path,
                self._embedder or get_embedder(s.embedder),
                url=s.store_url,
                # An existing store keeps its embedder unless one was chosen explicitly.
                adopt=self._embedder is None and "embedder" not in s.model_fields_set,
            )
        return self._store

    @property
    def embedder(self) -> Embedder:
        """The store's embedder; without a store open, the configured one (the judge of
        `necessity check` needs no store)."""
        if self._embedder is None:
            if self._store is not None:
                self._embedder = self._store.embedder
            else:
                self._embedder = get_embedder(self.settings.embedder)
        return self._embedder

    @property
    def judge(self) -> Judge:
        if self._judge is None:
            self._judge = SupportJudge(
                self.embedder,
                threshold=self.settings.validation.judge_threshold,
                weights=self.settings.judge_weights_path,
            )
        return self._judge

    def untrained_judge(self) -> Any:
        """The judge's features without its weights (a ``SupportJudge``): what training and
        the validator's cross-validation read."""
        return SupportJudge(self.embedder, model=None)

    @property
    def llm(self) -> LLM:
        if self._llm is None:
            self._llm = self._stack.enter_context(open_llm(self.settings, parallel=self.llm_slots))
        return self._llm

    @contextlib.contextmanager
    def llm_for(self, llm: LLMSettings) -> Iterator[LLM]:
        """A client for other LLM settings (an eval's providers), for the block only: an
        embedded server it starts stops at the block's end, before the next one starts."""
        with open_llm(self.settings.model_copy(update={"llm": llm})) as client:
            yield client

    def documents(self) -> dict[str, Document]:
        return {d.source_id: d for d in self.store.documents()}

    def require_chunks(self) -> None:
        """The empty-store guard, said once for every caller."""
        if self.store.stats()["chunks"] == 0:
            raise PipelineError(
                f"store {self.settings.store_path} is empty; run `necessity ingest` first"
            )

    # --- what it does --------------------------------------------------------------------
    def review(self, case: Case, on_event: Callable[[str, dict], None] | None = None) -> Review:
        return draft_review(
            case, self.store, self.llm, self.judge, self.settings, on_event=on_event
        )

    def recheck(self, review: Review, documents: dict[str, Document] | None = None):  # noqa: ANN201
        """Re-validate an edited or stored review, re-derive its verdict (no repair) and
        check its worksheet and packet sources (``check.finalize.recheck``). ``documents``
        default to the store's; pass {} to check a record without a store."""
        docs = self.documents() if documents is None else documents
        return recheck(review, self.judge, self.settings, docs)

    def ingest(
        self, paths: Iterable[Path], *, recompile: bool = False, **options: Any
    ) -> IngestReport:
        """``sources.ingest.ingest`` into this pipeline's store (``options`` are its), the
        declared policies stored now compiled there and then by the settings' compiler (an
        ingest error if one cannot decide anything); ``recompile``: even where a tree is
        cached (a model endpoint that failed is asked again)."""
        compile_policies = functools.partial(
            compile_ingested, settings=self.settings, recompile=recompile
        )
        return ingest(
            paths, self.store, self.settings, compile_policies=compile_policies, **options
        )

    # --- lifetime --------------------------------------------------------------------------
    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
