import numpy as np

from pipeline.sources.embed import get_embedder

TEXTS = [
    "IVIG is not covered for juvenile idiopathic arthritis.",
    "Immune globulin is excluded for juvenile arthritis.",
    "Total knee arthroplasty timing in osteoarthritis.",
    " ".join(["hydroxychloroquine"] * 300),  # truncated at 256 pieces by every MiniLM
]


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


def test_the_float32_graph_is_built_from_the_package_weights_and_agrees_with_int8(
    real_settings, tmp_path
) -> None:
    import hashlib

    from pipeline import assets
    from pipeline.sources.minilm_graph import write_fp32_onnx

    fp32 = get_embedder("minilm-l6")
    assert fp32.name == "all-MiniLM-L6-v2-onnx" and fp32._files()[0] == assets.minilm_fp32_path()
    a, b = fp32.embed(TEXTS), get_embedder("minilm-l6-int8").embed(TEXTS)
    # int8 approximates the same network: the vectors nearly coincide, text by text.
    assert np.all(np.sum(a * b, axis=1) > 0.99)
    assert a[0] @ a[1] < a[1] @ a[1]
    # The graph is a pure function of the weights: written twice, the same bytes.
    weights = assets.minilm_files()[1].parent / "model.safetensors"
    first = write_fp32_onnx(weights, tmp_path / "one.onnx").read_bytes()
    second = write_fp32_onnx(weights, tmp_path / "two.onnx").read_bytes()
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
    assert not list(tmp_path.glob("*.partial"))


def test_the_default_int8_weights_are_quantized_here_from_the_float32_graph(
    real_settings, tmp_path
) -> None:
    from pipeline import assets
    from pipeline.settings import Settings
    from pipeline.sources.minilm_graph import write_q8_onnx

    assert Settings().embedder == "minilm-l6-q8"
    q8 = get_embedder("minilm-l6-q8")
    assert q8.name == "all-MiniLM-L6-v2-q8-onnx" and q8._files()[0] == assets.minilm_q8_path()
    a, b = q8.embed(TEXTS), get_embedder("minilm-l6").embed(TEXTS)
    # Each vector stays close to its float32 original, and the neighbours stay neighbours.
    assert np.all(np.sum(a * b, axis=1) > 0.97)
    assert a[0] @ a[1] > a[0] @ a[2] + 0.2
    # The quantized file is a pure function of the float32 graph: the same bytes twice.
    fp32_path = assets.minilm_fp32_path()
    first = write_q8_onnx(fp32_path, tmp_path / "one.onnx").read_bytes()
    second = write_q8_onnx(fp32_path, tmp_path / "two.onnx").read_bytes()
    assert first == second
    assert first == assets.minilm_q8_path().read_bytes()
    assert len(first) < fp32_path.stat().st_size / 3
    assert not list(tmp_path.glob("*.partial"))


def test_a_store_built_with_int8_keeps_it_unless_another_embedder_is_chosen(
    real_settings, tmp_path
) -> None:
    import pytest

    from pipeline.runtime import Pipeline
    from pipeline.settings import Settings
    from pipeline.sources.store import Store, StoreError

    path = tmp_path / "store"
    Store(path, get_embedder("minilm-l6-int8"))
    # The default was not chosen: the store's own embedder is used.
    adopted = Pipeline.open(Settings(home=tmp_path, store=path)).store
    assert adopted.embedder.name == "all-MiniLM-L6-v2-int8-onnx"
    # Chosen explicitly, another embedder is refused with what to do about it.
    with pytest.raises(StoreError, match="NECESSITY_EMBEDDER=minilm-l6-int8"):
        Pipeline.open(Settings(home=tmp_path, store=path, embedder="minilm-l6")).store  # noqa: B018
