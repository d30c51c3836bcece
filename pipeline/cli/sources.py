"""`necessity ingest`, `store`, `corpus`, `prepare`: documents into the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import (
    StoreOpt,
    fail,
    open_pipeline,
    settings_from,
)

store_app = typer.Typer(no_args_is_help=True, help="Inspect the document store.")
corpus_app = typer.Typer(no_args_is_help=True, help="Build the sample corpus.")


def prepare(
    model: Annotated[bool, typer.Option(help="also assemble the embedded LLM")] = True,
) -> None:
    """Make the offline assets ready (tiktoken files, embedder, embedded model)."""
    from pipeline import assets
    from pipeline.sources.embed import minilm_q8_files

    settings = settings_from()
    report = {"tiktoken": str(assets.ensure_tiktoken(settings.cache_dir, settings.chunk.encoding))}
    onnx, tokenizer = minilm_q8_files()  # writes the float32 graph it is quantized from
    report["embedder_onnx"] = str(onnx)
    report["embedder_tokenizer"] = str(tokenizer)
    if model and settings.is_embedded_llm:
        report["llm_gguf"] = str(assets.gguf_path(settings.llm.model, settings.cache_dir))
    for key, value in report.items():
        typer.echo(f"{key:20} {value}")


@corpus_app.command("build")
def corpus_build(
    out: Annotated[Path | None, typer.Option(help="folder for the PDFs")] = None,
) -> None:
    """Render corpus/sources/*.md to PDFs (and manifest.csv) for ingest."""
    from pipeline.sources.corpus import build_corpus

    settings = settings_from()
    target = out or settings.home / "corpus"
    for path in build_corpus(target):
        typer.echo(str(path))


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders")],
    store: StoreOpt = None,
    metadata: Annotated[
        Path | None, typer.Option(help="CSV of titles, years, publishers by file stem")
    ] = None,
    executor: Annotated[
        str | None,
        typer.Option(
            help="local (parse workers here) or ray (parse+chunk+embed on Ray); "
            "default: ingest.executor"
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="parse worker processes; default: ingest.workers")
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: a local Ray instance)")
    ] = None,
    policy: Annotated[
        bool,
        typer.Option(
            "--policy",
            help="declare these files payer policies: compiled into criteria trees that may "
            "decide verdicts (who and when is recorded)",
        ),
    ] = False,
    recompile: Annotated[
        bool,
        typer.Option(
            "--recompile",
            help="compile these policies' criteria trees again even where one is cached "
            "(e.g. to ask a policy.compiler: model endpoint again after it failed)",
        ),
    ] = False,
) -> None:
    """Parse, chunk, embed and store PDFs; unchanged files are skipped."""
    from tqdm import tqdm

    from pipeline.executors import make_executor
    from pipeline.sources.store import store_lock

    overrides = {"executor": executor, "workers": workers, "address": address}
    settings = settings_from(
        store=store, ingest={k: v for k, v in overrides.items() if v is not None} or None
    )
    how = settings.ingest
    try:
        pool = (
            make_executor(how.executor, how.workers, how.address, settings.limits.parse_memory_mb)
            if how.executor != "local" or how.workers != 1
            else None
        )
    except (ValueError, RuntimeError) as exc:
        fail(str(exc))

    def show(result) -> None:  # noqa: ANN001
        name = Path(result.file).name
        if result.status == "failed":
            tqdm.write(f"FAILED    {result.file}: {result.reason}", file=sys.stderr)
        else:
            tqdm.write(
                f"{result.status:9} {name}: {result.pages} pages, {result.chunks} chunks"
                + (f", {result.seconds:.1f}s" if result.status == "added" else "")
            )

    try:
        # Locked before the store opens: what it reads (manifest, Chroma's index) is what
        # the last writer left, not a state another ingest is about to change.
        with store_lock(settings.store_path), open_pipeline(settings) as pipeline:
            report = pipeline.ingest(
                paths,
                metadata=metadata,
                progress=lambda files: tqdm(files, desc="ingest", unit="file", file=sys.stderr),
                on_result=show,
                executor=pool,
                policy=policy,
                recompile=recompile,
            )
    except (FileNotFoundError, ValueError) as exc:
        fail(str(exc))
    finally:
        if pool is not None:
            pool.close()
    chunks = sum(r.chunks for r in report.results if r.status == "added")
    typer.echo(
        f"{report.count('added')} added, {report.count('unchanged')} unchanged, "
        f"{report.count('failed')} failed; {chunks} new chunks in "
        f"{report.seconds:.1f}s; store {settings.store_path}"
    )
    for error in report.policy_errors:
        typer.echo(f"POLICY ERROR {error}", err=True)
    if report.failed or report.policy_errors:
        raise typer.Exit(1)


@store_app.command("stats")
def store_stats(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Counts of documents, chunks and pages in the store."""
    settings = settings_from(store=store)
    with open_pipeline(settings) as pipeline:
        stats = pipeline.store.stats()
    if as_json:
        typer.echo(json.dumps(stats, indent=2))
    else:
        for key, value in stats.items():
            typer.echo(f"{key:10} {value}")
