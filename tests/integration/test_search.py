"""Hybrid retrieval: BM25 beside Chroma, fused search modes, filters, the e5 second stage."""

import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.evals.retrieval import load_page_questions, page_benchmark, ranking_metrics
from pipeline.models import SearchFilters
from pipeline.retrieve.rerank import Reranker
from pipeline.retrieve.search import MODES, Searcher
from pipeline.sources.ingest import ingest
from pipeline.sources.lexical import LexicalIndex, tokenize
from pipeline.sources.store import open_store


def _chroma_ids(store) -> set[str]:
    return set(store.collection.get(include=[])["ids"])


def test_tokenize_keeps_codes_and_doses_whole() -> None:
    tokens = tokenize("ICD-10 M08.3; give 0.5 mg/kg of IVIG, not the 2 g/kg dose")
    assert {"m08.3", "0.5", "ivig", "kg", "2"} <= set(tokens)
    assert "the" not in tokens and "of" not in tokens


def test_lexical_index_round_trips(tmp_path: Path) -> None:
    index = LexicalIndex.build(
        ["a", "b"], ["methotrexate for JIA", "IVIG for M32.10 lupus"], ["d1", "d2"], "stamp"
    )
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    assert loaded is not None and loaded.stamp == "stamp" and loaded.ids == ["a", "b"]
    assert np.allclose(loaded.scores("m32.10 ivig"), index.scores("m32.10 ivig"))
    assert loaded.scores("m32.10")[1] > 0 == loaded.scores("m32.10")[0]
    (tmp_path / "bm25" / "chunks.json").write_text("{broken")
    assert LexicalIndex.load(tmp_path / "bm25") is None  # unreadable: the store rebuilds it


def test_bm25_follows_the_store_through_removal_and_a_stale_index(
    settings, corpus_pdfs: Path
) -> None:
    store = open_store(settings.store_path)
    ingest([corpus_pdfs], store, settings)
    assert set(store.lexical().ids) == _chroma_ids(store)
    policy = next(d for d in store.documents() if d.doc_type == "policy")
    store.remove(policy.source_id)
    assert set(store.lexical().ids) == _chroma_ids(store)
    assert policy.source_id not in set(store.lexical().source_ids)
    # A crash after the manifest changed but before BM25 was saved: the next open rebuilds.
    saved = json.loads((store.lexical_path / "chunks.json").read_text())
    saved["stamp"] = "from-an-older-store"
    (store.lexical_path / "chunks.json").write_text(json.dumps(saved))
    reopened = open_store(settings.store_path)
    assert reopened.lexical().stamp == reopened.stamp()
    assert set(reopened.lexical().ids) == _chroma_ids(reopened)


def test_every_mode_returns_ranked_chunks_and_bm25_finds_the_icd_code(
    real_store, real_settings
) -> None:
    searcher = Searcher(real_store, real_settings.retrieval)
    for mode in MODES:
        hits = searcher.search("IVIG for juvenile idiopathic arthritis", 5, mode=mode)
        assert 0 < len(hits) <= 5, mode
        scores = [s for _, s in hits]
        assert scores == sorted(scores, reverse=True), mode
        assert len({c.id for c, _ in hits}) == len(hits), mode
    top, _ = searcher.search("M08.00", 1, mode="bm25")[0]
    assert "M08.00" in top.text


def test_filters_restrict_every_mode(real_store, real_settings) -> None:
    searcher = Searcher(real_store, real_settings.retrieval)
    docs = {d.source_id: d for d in real_store.documents()}
    only_policies = SearchFilters(doc_types=["policy"])
    for mode in MODES:
        hits = searcher.search("treatment of lupus", 8, mode=mode, filters=only_policies)
        assert hits and {docs[c.source_id].doc_type for c, _ in hits} == {"policy"}, mode
    too_new = SearchFilters(year_min=2030)
    assert all(not searcher.search("lupus", 5, mode=m, filters=too_new) for m in MODES)
    by_publisher = SearchFilters(publishers=["fictional payer"])
    assert {
        docs[c.source_id].doc_type for c, _ in searcher.search("IVIG", 5, filters=by_publisher)
    } == {"policy"}


class CountingE5:
    """The real e5 embedder, counting the passages it is asked to embed."""

    def __init__(self) -> None:
        from pipeline.sources.embed import E5Embedder

        self.inner = E5Embedder()
        self.name, self.dim = self.inner.name, self.inner.dim
        self.passages = 0

    def embed(self, texts):  # noqa: ANN001, ANN201
        self.passages += len(texts)
        return self.inner.embed(texts)

    def embed_queries(self, texts):  # noqa: ANN001, ANN201
        return self.inner.embed_queries(texts)


def test_rerank_embeds_each_passage_once_across_runs(real_store, tmp_path: Path) -> None:
    chunks, _ = real_store.get_chunks(_sorted_ids(real_store)[:6])
    e5 = CountingE5()
    first = Reranker(tmp_path / "rerank.sqlite", e5).scores("IVIG in lupus", chunks)
    assert e5.passages == 6 and first.shape == (6,) and np.all(np.abs(first) <= 1.0001)
    again = Reranker(tmp_path / "rerank.sqlite", e5).scores("IVIG in lupus", chunks)
    assert e5.passages == 6 and np.allclose(first, again, atol=1e-5)


def _sorted_ids(store) -> list[str]:
    return sorted(_chroma_ids(store))


def test_ranking_metrics_by_hand() -> None:
    m = ranking_metrics(["x", "a", "y", "b"], {"a", "b"}, k=10)
    ideal = 1 + 1 / np.log2(3)
    assert m["ndcg@10"] == pytest.approx((1 / np.log2(3) + 1 / np.log2(5)) / ideal)
    assert m["recall@10"] == 1.0 and m["mrr"] == 0.5
    assert ranking_metrics(["x"], {"a"})["ndcg@10"] == 0.0


def test_page_benchmark_scores_every_mode(real_store, real_settings, tmp_path: Path) -> None:
    rows = [
        {
            "id": "q1",
            "inputs": {"question": "Which ICD-10 codes cover lupus for IVIG?"},
            "expected": {"file": "sample-ivig-policy", "pages": [1, 2]},
        },
        {
            "id": "q2",
            "inputs": {"question": "first-line therapy for polyarticular JIA"},
            "expected": {"file": "jia-treatment-summary", "pages": [1]},
        },
    ]
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(json.dumps(r) for r in rows))
    out = page_benchmark(load_page_questions(qfile), real_store, real_settings)
    assert out["questions"] == 2 and out["default"]["mode"] == real_settings.retrieval.mode
    for mode in MODES:
        assert 0.0 <= out[mode]["ndcg@10"] <= 1.0 and out[mode]["recall@10"] > 0, mode
        assert out["latency_ms"][mode]["p95"] >= out["latency_ms"][mode]["p50"] > 0
    (tmp_path / "bad.jsonl").write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_page_questions(tmp_path / "bad.jsonl")
