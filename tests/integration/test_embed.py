import numpy as np

from pipeline.sources.embed import get_embedder


def test_minilm_loads_from_packages_and_embeds_meaningfully(real_settings) -> None:
    emb = get_embedder("minilm-l6-int8")
    vecs = emb.embed(
        [
            "IVIG is not covered for juvenile idiopathic arthritis.",
            "Immune globulin is excluded for juvenile arthritis.",
            "Total knee arthroplasty timing in osteoarthritis.",
        ]
    )
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2


def test_tokenizer_reads_256_pieces_not_the_shipped_128(real_settings) -> None:
    emb = get_embedder("minilm-l6-int8")
    long = " ".join(["methotrexate"] * 200)
    assert emb.count_tokens(long) > 256
    assert emb.truncates(long)
    assert len(emb._tokenizer.encode(long).ids) == 256
    assert not emb.truncates("short text")


def test_batch_order_does_not_change_vectors(real_settings) -> None:
    emb = get_embedder("minilm-l6-int8")
    texts = ["a short one", "a much longer sentence about hydroxychloroquine in lupus care"]
    together = emb.embed(texts)
    alone = np.vstack([emb.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
