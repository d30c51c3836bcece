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
    for key in ("ours_chunks_per_s", "langchain_chunks_per_s", "ratio_vs_langchain"):
        assert ingest[key] > 0, key
    assert 0 < ingest["ceiling_fraction"] < 5
    assert ingest["ours"]["pages"] == ingest["langchain"]["pages"] > 0
    assert (
        report["query"]["chunks"] == 5000
        and report["query"]["p95_ms"] >= report["query"]["p50_ms"] > 0
    )
    review = report["review"]
    assert review["seconds"] > 0 and review["completion_tokens"] > 0 and review["tokens_per_s"] > 0
