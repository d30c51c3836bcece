"""`necessity eval retrieval`: every search mode side by side on the same store.

- BioASQ Task B (yes/no questions): the corpus is the pooled gold snippets of the chosen
  questions; a question's relevant set is its own snippets.
- ACR: our hand-written questions (evals/datasets/acr-retrieval.jsonl) whose answer pages we
  know; ranked chunks are collapsed to distinct pages before scoring.

Every mode runs through the real store and ``Searcher``: the numbers are the shipped path's.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.evals.datasets import load_jsonl
from pipeline.models import Chunk, Document
from pipeline.retrieve.search import MODES, Searcher
from pipeline.settings import Settings
from pipeline.sources.store import Store

K = 10


@dataclass
class Question:
    id: str
    text: str
    relevant: set[Hashable]


def ranking_metrics(ranked: Sequence[Hashable], relevant: set[Hashable], k: int = K) -> dict:
    top = list(ranked[:k])
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(top) if key in relevant)
    idcg = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    first = next((i for i, key in enumerate(top) if key in relevant), None)
    return {
        f"ndcg@{k}": dcg / idcg if idcg else 0.0,
        f"recall@{k}": len(set(top) & relevant) / len(relevant) if relevant else 0.0,
        "mrr": 1 / (first + 1) if first is not None else 0.0,
    }


def _mean(rows: list[dict]) -> dict:
    return (
        {key: round(float(np.mean([r[key] for r in rows])), 4) for key in rows[0]} if rows else {}
    )


def run_modes(
    searcher: Searcher,
    questions: Sequence[Question],
    key: Callable[[Chunk], Hashable],
    default_mode: str,
    progress: Callable | None = None,
) -> dict:
    """Metrics and latency per mode; ``default`` repeats the mode the settings ship with."""
    result: dict = {"questions": len(questions), "latency_ms": {}}
    for mode in MODES:
        rows, times = [], []
        items = progress(questions, desc=mode) if progress else questions
        for q in items:
            t0 = time.perf_counter()
            hits = searcher.search(q.text, K * 3, mode=mode)  # type: ignore[arg-type]
            times.append((time.perf_counter() - t0) * 1000)
            rows.append(ranking_metrics(list(dict.fromkeys(key(c) for c, _ in hits)), q.relevant))
        result[mode] = _mean(rows)
        result["latency_ms"][mode] = {
            "p50": round(float(np.percentile(times, 50)), 2),
            "p95": round(float(np.percentile(times, 95)), 2),
        }
    result["default"] = {"mode": default_mode, **result[default_mode]}
    return result


# --- BioASQ -------------------------------------------------------------------------------
def load_bioasq(root: Path, limit: int | None = None) -> tuple[list[Question], list[str]]:
    files = sorted(Path(root).glob("*/*_golden.json")) or sorted(Path(root).glob("*_golden.json"))
    if not files:
        raise FileNotFoundError(f"{root}: no BioASQ *_golden.json files")
    questions: list[Question] = []
    texts: dict[str, int] = {}
    for path in files:
        for q in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            if q.get("type") != "yesno":
                continue
            if limit is not None and len(questions) >= limit:
                break
            relevant: set[Hashable] = set()
            for snippet in q.get("snippets", []):
                text = " ".join(snippet["text"].split())
                if text:
                    relevant.add(texts.setdefault(text, len(texts)))
            if relevant:
                questions.append(Question(q["id"], q["body"], relevant))
    return questions, list(texts)


def build_snippet_store(store: Store, texts: Sequence[str]) -> Store:
    """Snippets as chunks of one pseudo-document, embedded and indexed like any ingest."""
    chunks = [
        Chunk(
            id=f"s{i}",
            source_id="bioasq",
            file="bioasq",
            page=1,
            page_label="1",
            section=None,
            start=0,
            end=len(t),
            text=t,
            tokens=0,
        )
        for i, t in enumerate(texts)
    ]
    if not store.has("bioasq"):
        doc = Document(source_id="bioasq", file="bioasq", title="BioASQ gold snippets")
        doc.chunks = len(chunks)
        store.add(doc, chunks, store.embedder.embed(texts))
    store.lexical()
    return store


def bioasq_benchmark(
    root: Path, store: Store, settings: Settings, limit: int | None, progress=None
) -> dict:
    """``store``: an empty throwaway store for the snippets (the caller's, beside the
    configured one)."""
    questions, texts = load_bioasq(root, limit)
    t0 = time.perf_counter()
    store = build_snippet_store(store, texts)
    build_s = time.perf_counter() - t0
    out = run_modes(
        Searcher(store, settings.retrieval),
        questions,
        key=lambda c: int(c.id[1:]),
        default_mode=settings.retrieval.mode,
        progress=progress,
    )
    out["chunks"] = len(texts)
    out["index_seconds"] = round(build_s, 1)
    return out


# --- ACR ----------------------------------------------------------------------------------
def load_page_questions(path: Path) -> list[Question]:
    """Dataset records whose ``expected`` names the answer file (stem) and its pages."""
    questions = []
    for rec in load_jsonl(path):
        try:
            stem, pages = rec.expected["file"], rec.expected["pages"]
            questions.append(
                Question(rec.id, rec.inputs["question"], {(stem, int(p)) for p in pages})
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: record {rec.id}: not a page question ({exc})") from exc
    return questions


def page_benchmark(questions: list[Question], store: Store, settings: Settings, progress=None):
    stems = {Path(d.file).stem for d in store.documents()}
    missing = sorted({stem for q in questions for stem, _ in q.relevant} - stems)
    if missing:
        raise ValueError(f"the store lacks {len(missing)} answer document(s), e.g. {missing[0]}")
    out = run_modes(
        Searcher(store, settings.retrieval),
        questions,
        key=lambda c: (Path(c.file).stem, c.page),
        default_mode=settings.retrieval.mode,
        progress=progress,
    )
    out["chunks"] = store.collection.count()
    return out
