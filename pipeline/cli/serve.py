"""`necessity serve` and `necessity bench`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import (
    StoreOpt,
    fail,
    open_pipeline,
    settings_from,
)


def serve(
    host: Annotated[str | None, typer.Option(help="interface (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default 8000)")] = None,
    store: StoreOpt = None,
) -> None:
    """The web app for writers: case form, streamed draft, sources, edits, export."""
    settings = settings_from(store=store)
    host = host or settings.web.host
    port = port or settings.web.port
    try:
        from pipeline.web.app import check_bind, create_app
    except ImportError as exc:
        fail(f"the web app needs its extra: pip install 'necessity[web]' ({exc})")
    try:
        check_bind(host, settings.web.secret)
    except ValueError as exc:
        fail(str(exc))
    import uvicorn

    from pipeline.web.app import server_options

    # The store opened now: a clear error rather than one on the first page.
    with open_pipeline(settings) as pipeline:
        typer.echo(f"Necessity on http://{host}:{port}/ (API docs at /docs)", err=True)
        uvicorn.run(create_app(settings, pipeline=pipeline), **server_options(settings, host, port))


def bench(
    quick: Annotated[bool, typer.Option(help="3 small PDFs and a 5k-chunk query store")] = False,
    acr: Annotated[Path, typer.Option(help="PDF folder to ingest")] = Path(
        "../shared/corpus/acr-guidelines"
    ),
    case: Annotated[Path, typer.Option(help="case for the review step")] = Path(
        "corpus/cases/ivig-jia.yaml"
    ),
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Ingest (ours vs plain LangChain), embedding vs CPU ceiling, query latency, one review."""
    from pipeline.bench import run_bench
    from pipeline.sources.corpus import build_corpus

    settings = settings_from()
    if not acr.is_dir() or not any(acr.glob("*.pdf")):
        fail(f"{acr}: no PDFs to ingest (give --acr DIR)")
    if not case.exists():
        fail(f"{case}: no such case file")
    sample = settings.home / "corpus"
    build_corpus(sample)
    try:
        result = run_bench(acr, sample, case, quick, echo=lambda m: typer.echo(m, err=True))
    except RuntimeError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    ing, q, r = result["ingest"], result["query"], result["review"]
    typer.echo(
        f"ingest   ours {ing['ours']['seconds']}s ({ing['ours_chunks_per_s']} chunks/s, "
        f"{ing['ours']['peak_rss_mb']} MB)  langchain {ing['langchain']['seconds']}s "
        f"({ing['langchain_chunks_per_s']} chunks/s, {ing['langchain']['peak_rss_mb']} MB)  "
        f"ratio {ing['ratio_vs_langchain']}x"
    )
    typer.echo(embed_line(ing["embedding"]))
    typer.echo(
        f"query    hybrid top-10 at {q['chunks']} chunks: "
        f"p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms"
    )
    typer.echo(
        f"review   {r['seconds']}s on {r['model']}: ttft {r['ttft_s']}s, {r['tokens_per_s']} tok/s"
    )


def embed_line(emb: dict) -> str:
    """The bench's embedding line: a fraction of the float32 GEMM only where it bounds."""
    head = f"embed    {emb['chunks_per_s']} chunks/s = {emb['achieved_gflops']} GFLOP/s, "
    if emb.get("ceiling_fraction") is None:
        return head + f"float32 GEMM {emb['gemm_fp32_gflops']} GFLOP/s ({emb['ceiling_note']})"
    return head + f"{emb['ceiling_fraction']:.0%} of the {emb['gemm_fp32_gflops']} GFLOP/s GEMM"
