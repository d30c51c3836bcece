"""`necessity bench --quick` runs end to end (real embedder, real model) and prints the
contract's keys; the numbers themselves go to the notes, never into asserts on speed."""

import json

import pytest
from typer.testing import CliRunner

from pipeline.bench import minilm_flops
from pipeline.cli import app
from pipeline.executors import InlineExecutor, PoolExecutor

runner = CliRunner()


def test_flops_grow_with_length_and_attention_is_quadratic() -> None:
    assert minilm_flops(256) > 2 * minilm_flops(128)
    # one token through 6 layers of 384/1536: 2 * (4*384^2 + 2*384*1536) * 6 plus attention
    assert minilm_flops(1) == 6 * (2 * (4 * 384 * 384 + 2 * 384 * 1536) + 4 * 384)


def test_embed_line_claims_a_ceiling_fraction_only_for_float32() -> None:
    from pipeline.cli.serve import embed_line

    base = {"chunks_per_s": 200.0, "achieved_gflops": 40.0, "gemm_fp32_gflops": 20.0}
    fp32 = embed_line(base | {"weights": "float32", "ceiling_fraction": 0.5})
    assert "50% of the 20.0 GFLOP/s GEMM" in fp32
    note = "int8 weights: a float32 GEMM is no ceiling for them"
    q8 = embed_line(base | {"weights": "int8", "ceiling_fraction": None, "ceiling_note": note})
    assert note in q8 and "%" not in q8


def _square(x: int) -> int:
    return x * x


def test_executors_keep_input_order() -> None:
    items = list(range(12))
    for executor in (InlineExecutor(), PoolExecutor(2, "thread"), PoolExecutor(2, "process")):
        assert list(executor.map(_square, items)) == [x * x for x in items]
        executor.close()


@pytest.mark.slow
def test_bench_quick_prints_the_ratios(needs_shared) -> None:
    # The default home: its model cache is reused; every store the bench makes is temporary.
    result = runner.invoke(app, ["bench", "--quick", "--json", "--acr", str(needs_shared)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    ingest = report["ingest"]
    ours, lc, emb = ingest["ours"], ingest["langchain"], ingest["embedding"]
    # Each ratio is what its own measurements say, so a report cannot drift from its data.
    assert ingest["ratio_vs_langchain"] == round(lc["seconds"] / ours["seconds"], 2)
    assert ingest["ours_chunks_per_s"] == round(ours["chunks"] / ours["seconds"], 1)
    assert ingest["ceiling_fraction"] == emb["ceiling_fraction"]
    if emb["weights"] == "float32":
        ratio = emb["achieved_gflops"] / emb["gemm_fp32_gflops"]
        assert abs(ingest["ceiling_fraction"] - ratio) < 0.01 + 0.01 * ratio
    else:  # the default q8: no float32 fraction is claimed for integer kernels
        assert emb["ceiling_fraction"] is None and emb["weights"] in emb["ceiling_note"]
    assert ours["pages"] == lc["pages"] > 0  # both read the same PDFs
    assert (
        report["query"]["chunks"] == 5000
        and report["query"]["p95_ms"] >= report["query"]["p50_ms"] > 0
    )
    review = report["review"]
    breakdown = review["breakdown"]
    # The breakdown accounts for the review: its stages add up to (at most) its time, and
    # every model call's tokens are counted (criterion judgments and drafting).
    stages = sum(v for k, v in breakdown.items() if k.endswith("_s"))
    assert 0 < stages <= review["seconds"] + 0.5
    assert breakdown["calls"] >= 1 and breakdown["prompt_tokens"] >= review["prompt_tokens"]
