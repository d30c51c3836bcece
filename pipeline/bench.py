"""`necessity bench`: speed and memory side by side in one run (numbers, never asserts).

- ingest: our pipeline and a plain LangChain one (PyPDFLoader → RecursiveCharacterTextSplitter
  1000/200 → Chroma.from_documents), each in its own process so its peak RSS is its own; ours
  embeds with the configured MiniLM (q8 by default), the baseline with the packaged int8
  file, the baseline issue 18 fixed (`ingest-langchain DIR STORE EMBEDDER` gives it another);
- embedding throughput against the CPU's ceiling: MiniLM's FLOPs per chunk (from its shapes
  and each chunk's real token count) over the FLOP/s a float32 GEMM reaches here; for a
  float32 embedder only, since integer kernels are not bounded by it;
- hybrid query latency on a store scaled up from the real chunks;
- one review on the configured model: time to first token, decode tokens/s, total.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.cases import load_case
from pipeline.models import Chunk, Document
from pipeline.ports import Store
from pipeline.retrieve.search import Searcher
from pipeline.review import write_outputs
from pipeline.runtime import Pipeline
from pipeline.settings import Settings, load_settings
from pipeline.sources.chunk import embedding_text
from pipeline.sources.embed import get_embedder

# all-MiniLM-L6-v2's shapes
_LAYERS, _DIM, _FF = 6, 384, 1536


def minilm_flops(tokens: int) -> float:
    """Forward FLOPs for one sequence: dense layers plus attention's two n×n products."""
    dense = 2 * (4 * _DIM * _DIM + 2 * _DIM * _FF) * tokens
    attention = 2 * 2 * tokens * tokens * _DIM
    return _LAYERS * (dense + attention)


def gemm_flops_per_s(threads: int = 2, n: int = 1024, repeats: int = 5) -> float:
    """Best float32 GEMM rate numpy's BLAS reaches on this CPU."""
    a = np.random.default_rng(0).standard_normal((n, n), dtype=np.float32)
    b = np.random.default_rng(1).standard_normal((n, n), dtype=np.float32)
    a @ b  # warm up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t0)
    return 2 * n**3 / best


def _run_child(args: list[str], timeout: float = 3600) -> dict[str, Any]:
    """Run a bench step in its own process, so its peak RSS is its own; its JSON result."""
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.bench", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench step {args[0]} failed: {proc.stderr.strip()[-800:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux; include the step's own child processes (parse worker)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)


# --- steps, each run in a child process ---------------------------------------------------
def step_ingest_ours(pdf_dir: str, settings: Settings) -> dict[str, Any]:
    # Libraries imported before the clock starts, as the LangChain step imports its own
    # (langchain_chroma brings chromadb): both sides time the work, not Python's imports.
    import chromadb  # noqa: F401
    import onnxruntime  # noqa: F401
    import pypdf  # noqa: F401

    from pipeline.sources import ingest  # noqa: F401

    settings.ensure_home()
    t0 = time.perf_counter()
    with Pipeline.open(settings) as pipeline:
        report = pipeline.ingest([Path(pdf_dir)])
    seconds = time.perf_counter() - t0
    failed = [f"{r.file}: {r.reason}" for r in report.failed]
    main = ("open", "waiting", "embed", "write", "index")
    stages = dict(report.stages)
    # What this process spent outside the stages: imports, store and model start-up.
    stages["startup"] = round(seconds - sum(stages.get(k, 0.0) for k in main), 3)
    return {
        "seconds": round(seconds, 2),
        "stages": stages,
        "pages": sum(r.pages for r in report.results),
        "chunks": sum(r.chunks for r in report.results),
        "failed": failed,
        "peak_rss_mb": _peak_rss_mb(),
    }


def step_ingest_langchain(
    pdf_dir: str, home: str, embedder_key: str = "minilm-l6-int8"
) -> dict[str, Any]:
    import warnings  # below: the bench extra (LangChain), for this baseline step only

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from langchain_chroma import Chroma
    from langchain_community.document_loaders import PyPDFLoader
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    # By default the packaged int8 file: the baseline as issue 18 defined it.
    class MiniLM(Embeddings):
        def __init__(self) -> None:
            self.inner = get_embedder(embedder_key)

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return self.inner.embed(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return self.inner.embed([text])[0].tolist()

    embedder = MiniLM()
    t0 = time.perf_counter()
    docs = []
    for pdf in sorted(Path(pdf_dir).glob("*.pdf")):
        docs.extend(PyPDFLoader(str(pdf)).load())
    load_s = time.perf_counter() - t0
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        docs
    )
    split_s = time.perf_counter() - t0 - load_s
    Chroma.from_documents(chunks, embedding=embedder, persist_directory=str(Path(home) / "lc"))
    seconds = time.perf_counter() - t0
    truncated = sum(1 for c in chunks if embedder.inner.truncates(c.page_content))
    return {
        "seconds": round(seconds, 2),
        "load_seconds": round(load_s, 2),
        "stages": {
            "parse": round(load_s, 3),
            "chunk": round(split_s, 3),
            "embed_and_write": round(seconds - load_s - split_s, 3),
        },
        "pages": len(docs),
        "chunks": len(chunks),
        "truncated_chunks": truncated,
        "peak_rss_mb": _peak_rss_mb(),
    }


def step_embed_ceiling(settings: Settings, sample: int) -> dict[str, Any]:
    """Our embedder on the store's real chunks, against the GEMM ceiling."""
    with Pipeline.open(settings) as pipeline:
        texts = [embedding_text(c) for c in pipeline.store.iter_chunks()][:sample]
        embedder = pipeline.store.embedder
    tokens = [min(embedder.count_tokens(t), embedder.max_tokens) for t in texts]
    embedder.embed(texts[:8])
    t0 = time.perf_counter()
    embedder.embed(texts)
    seconds = time.perf_counter() - t0
    flops = sum(minilm_flops(n) for n in tokens)
    ceiling = gemm_flops_per_s()
    weights = getattr(embedder, "weights", "float32")
    report = {
        "chunks": len(texts),
        "chunks_per_s": round(len(texts) / seconds, 1),
        "mean_tokens": round(float(np.mean(tokens)), 1),
        "gflops_per_chunk": round(flops / len(texts) / 1e9, 3),
        "achieved_gflops": round(flops / seconds / 1e9, 1),
        "gemm_fp32_gflops": round(ceiling / 1e9, 1),
        "weights": weights,
    }
    if weights == "float32":
        return report | {"ceiling_fraction": round(flops / seconds / ceiling, 3)}
    # Integer kernels are not bounded by a float32 GEMM (the q8 default read 2.30), so a
    # fraction of it would read as headroom that is not there.
    return report | {
        "ceiling_fraction": None,
        "ceiling_note": f"{weights} weights: a float32 GEMM is no ceiling for them",
    }


def step_query(settings: Settings, sizes: list[int], queries: int) -> dict[str, Any]:
    """Hybrid top-10 latency on stores scaled up from the real chunks."""
    with Pipeline.open(settings) as base:
        chunks = list(base.store.iter_chunks())
        _, vectors = base.store.get_chunks([c.id for c in chunks])
    rng = np.random.default_rng(7)
    words = " ".join(c.text for c in chunks[:500]).split()
    questions = _bench_questions(chunks, queries)
    out: dict[str, Any] = {}
    for size in sizes:
        folder = settings.store_path.with_name(f"scale-{size}")
        # Each size its own throwaway store, so a pipeline of its own (a pipeline is one store).
        with Pipeline.open(settings.model_copy(update={"store": folder, "store_url": None})) as p:
            out[str(size)] = _query_at(
                p.store, settings, chunks, vectors, size, words, questions, rng
            )
        shutil.rmtree(folder, ignore_errors=True)
    return out


def _query_at(
    store: Store,
    settings: Settings,
    chunks: list[Chunk],
    vectors: np.ndarray,
    size: int,
    words: list[str],
    questions: list[str],
    rng: np.random.Generator,
) -> dict[str, float]:
    """A store of ``size`` chunks (copies of the real ones, each a little different) and
    its hybrid top-10 latency."""
    t0 = time.perf_counter()
    batch_chunks, batch_vecs = [], []
    for i in range(size):
        src = chunks[i % len(chunks)]
        copy = src.model_copy(
            update={
                "id": f"x{i}",
                "source_id": f"synthetic-{i // 1000}",
                "text": src.text + " " + " ".join(rng.choice(words, 6)),
            }
        )
        noise = rng.standard_normal(vectors.shape[1]).astype(np.float32) * 0.02
        vec = vectors[i % len(chunks)] + noise
        batch_chunks.append(copy)
        batch_vecs.append(vec / np.linalg.norm(vec))
        if len(batch_chunks) == 1000 or i == size - 1:
            doc = Document(
                source_id=copy.source_id, file=copy.source_id, title="synthetic", pages=1
            )
            doc.chunks = len(batch_chunks)
            store.add(doc, batch_chunks, np.stack(batch_vecs))
            batch_chunks, batch_vecs = [], []
    store.lexical()
    build_s = time.perf_counter() - t0
    searcher = Searcher(store, settings.retrieval)
    searcher.search(questions[0], 10, mode="hybrid")
    times = []
    for q in questions:
        t1 = time.perf_counter()
        searcher.search(q, 10, mode="hybrid")
        times.append((time.perf_counter() - t1) * 1000)
    return {
        "p50_ms": round(float(np.percentile(times, 50)), 2),
        "p95_ms": round(float(np.percentile(times, 95)), 2),
        "build_seconds": round(build_s, 1),
    }


def _bench_questions(chunks: list, n: int) -> list[str]:
    """Queries made of real phrases from the corpus, so both retrievers have work to do."""
    rnd = random.Random(3)
    picks = rnd.sample(chunks, min(n, len(chunks)))
    return [" ".join(c.text.split()[:12]) for c in picks]


def step_review(settings: Settings, pdf_dirs: list[str], case: str) -> dict[str, Any]:
    with Pipeline.open(settings) as pipeline:
        pipeline.ingest([Path(p) for p in pdf_dirs])
        t0 = time.perf_counter()
        _ = pipeline.llm  # the model starts here: its start is timed apart
        ready = time.perf_counter() - t0
        t1 = time.perf_counter()
        review = pipeline.review(load_case(Path(case)))
        seconds = time.perf_counter() - t1
        write_outputs(review, settings.out)
    p = review.provenance
    decode = p.llm_decode_tokens_per_s
    if decode is None and p.completion_tokens and p.llm_seconds:
        decode = p.completion_tokens / p.llm_seconds
    return {
        "seconds": round(seconds, 1),
        "model_start_seconds": round(ready, 1),
        "ttft_s": p.llm_prompt_seconds,
        "tokens_per_s": round(decode, 2) if decode else None,
        "llm_seconds": p.llm_seconds,
        "completion_tokens": p.completion_tokens,
        "prompt_tokens": p.prompt_tokens,
        "model": p.model,
        "verdict": review.verdict,
        "draft_mode": settings.draft.mode,
        # All calls of the review (criterion judgments + drafting) and seconds per stage.
        "breakdown": p.breakdown,
    }


# --- the whole run --------------------------------------------------------------------------
def run_bench(
    acr: Path, sample_corpus: Path, case: Path, quick: bool, echo=lambda s: None
) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="necessity-bench-"))
    try:
        pdfs = acr
        if quick:  # three small guideline PDFs stand in for the corpus
            pdfs = home / "pdfs"
            pdfs.mkdir()
            # copies, not links: a folder walk does not follow links out of the folder
            for pdf in sorted(acr.glob("*.pdf"), key=lambda p: p.stat().st_size)[:3]:
                shutil.copyfile(pdf, pdfs / pdf.name)
        echo(f"ingest (ours) {pdfs}")
        ours = _run_child(["ingest-ours", str(pdfs), str(home / "ours" / "store")])
        echo(f"ingest (langchain) {pdfs}")
        lc = _run_child(["ingest-langchain", str(pdfs), str(home / "lc")])
        one: dict[str, Any] = {}
        if quick:  # what a writer adding one policy PDF meets: the smallest PDF alone
            single = home / "one"
            single.mkdir()
            smallest = min(pdfs.glob("*.pdf"), key=lambda p: p.stat().st_size)
            shutil.copyfile(smallest, single / smallest.name)
            echo(f"one PDF: {smallest.name}")
            one_ours = _run_child(["ingest-ours", str(single), str(home / "one-ours" / "store")])
            one_lc = _run_child(["ingest-langchain", str(single), str(home / "one-lc")])
            one = {
                "file": smallest.name,
                "ours_seconds": one_ours["seconds"],
                "langchain_seconds": one_lc["seconds"],
                "ratio_vs_langchain": round(one_lc["seconds"] / one_ours["seconds"], 2),
                "ours_stages": one_ours["stages"],
                "langchain_stages": one_lc["stages"],
            }
        echo("embedding ceiling")
        ceiling = _run_child(
            ["embed-ceiling", str(home / "ours" / "store"), "300" if quick else "1000"]
        )
        sizes = [5000] if quick else [20000, 100000]
        echo(f"query latency at {sizes}")
        query = _run_child(["query", str(home / "ours" / "store"), ",".join(map(str, sizes)), "50"])
        preset = "default"
        echo(f"review ({preset} preset)")
        review = _run_child(
            ["review", str(home / "review" / "store"), f"{sample_corpus},{pdfs}", str(case), preset]
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    biggest = str(max(sizes))
    return {
        "quick": quick,
        "ingest": {
            "ours_chunks_per_s": round(ours["chunks"] / ours["seconds"], 1),
            "langchain_chunks_per_s": round(lc["chunks"] / lc["seconds"], 1),
            "ratio_vs_langchain": round(lc["seconds"] / ours["seconds"], 2),
            "ceiling_fraction": ceiling["ceiling_fraction"],
            "ours": ours | {"pages_per_s": round(ours["pages"] / ours["seconds"], 2)},
            "langchain": lc | {"pages_per_s": round(lc["pages"] / lc["seconds"], 2)},
            "embedding": ceiling,
            "one_pdf": one or None,
        },
        "query": {
            "p50_ms": query[biggest]["p50_ms"],
            "p95_ms": query[biggest]["p95_ms"],
            "chunks": int(biggest),
            "mode": "hybrid",
            "by_size": query,
        },
        "review": review,
    }


def _main(argv: list[str]) -> None:
    """A step's child process: its entry point, where its settings are loaded, once (the
    user's home for caches, tiktoken and models; the step's throwaway store)."""
    step, *args = argv
    if step == "ingest-ours":
        result = step_ingest_ours(args[0], load_settings(store=Path(args[1])))
    elif step == "ingest-langchain":
        result = step_ingest_langchain(*args[:3])  # DIR STORE [EMBEDDER]: equal embedders
    elif step == "embed-ceiling":
        result = step_embed_ceiling(load_settings(store=Path(args[0])), int(args[1]))
    elif step == "query":
        settings = load_settings(store=Path(args[0]))
        result = step_query(settings, [int(s) for s in args[1].split(",")], int(args[2]))
    elif step == "review":
        store = Path(args[0])
        settings = load_settings(store=store, preset=args[3], out=store.with_name("out"))
        result = step_review(settings, args[1].split(","), args[2])
    else:
        raise SystemExit(f"unknown bench step {step!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    _main(sys.argv[1:])
