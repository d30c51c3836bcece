"""`necessity review`, `review-batch`, `check`: cases into checked reviews."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import (
    DocTypeOpt,
    ModeOpt,
    PublisherOpt,
    StoreOpt,
    YearMaxOpt,
    YearMinOpt,
    _retrieval_overrides,
    fail,
    settings_from,
)
from pipeline.runtime import Pipeline


def review(
    case_files: Annotated[
        list[Path],
        typer.Argument(
            help="case files (YAML or JSON), or packets: a folder of clinical PDFs, a PDF, "
            "a FHIR bundle (extracted first to OUT/<case_id>.case.yaml)"
        ),
    ],
    store: StoreOpt = None,
    out: Annotated[Path | None, typer.Option(help="output folder (default out/)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the summary as JSON")] = False,
    skip_existing: Annotated[
        bool, typer.Option(help="keep records already in OUT (resume an interrupted run)")
    ] = False,
    doc_type: DocTypeOpt = None,
    publisher: PublisherOpt = None,
    year_min: YearMinOpt = None,
    year_max: YearMaxOpt = None,
    mode: ModeOpt = None,
) -> None:
    """Draft, validate and render a review for each case into OUT/<case_id>.review.{json,md}."""
    from pipeline.batch import run_batch
    from pipeline.cases import load_case

    settings = settings_from(
        store=store,
        out=out,
        retrieval=_retrieval_overrides(doc_type, publisher, year_min, year_max, mode),
    )
    from pipeline.cli.case import cases_from_packets, is_packet

    # A bad case file, an empty store, a missing model: each an error with its reason
    # (the command group prints it), before any case is drafted.
    packets = [p for p in case_files if is_packet(p)]
    case_files = [p for p in case_files if not is_packet(p)]
    for path in case_files:
        load_case(path)
    with Pipeline.open(settings) as pipeline:
        pipeline.require_chunks()
        t0 = time.perf_counter()
        client = pipeline.llm
        typer.echo(
            f"model {client.model} at {client.endpoint} (ready in {time.perf_counter() - t0:.1f}s)",
            err=True,
        )
        extracted, unready = cases_from_packets(packets, settings.out, client)
        for line in unready:
            typer.echo(f"NOT READY {line}", err=True)
        case_files = case_files + extracted

        def progress_of(case):  # noqa: ANN001, ANN202
            label = case.case_id
            if settings.log_case_text:  # opted in: progress lines name the question too
                label += f" ({case.question or case.requested_treatment.drug})"
            return _progress(label)

        # `review FILES` is the batch over those files, one at a time, re-drafted unless
        # --skip-existing; a failed case is a row and the others go on.
        rows = run_batch(
            list(case_files),
            pipeline,
            skip_existing=skip_existing,
            on_event=progress_of,
        )
    failed = [r for r in rows if r.status == "failed"]
    for row in failed:
        typer.echo(f"FAILED    {row.case_id or row.case_file}: {row.error}", err=True)
    if as_json:
        typer.echo(json.dumps([asdict(r) for r in rows], indent=2))
    else:
        _print_table(rows)
        typer.echo(f"\nreviews written to {settings.out}/")
    if failed or unready:
        raise typer.Exit(1)


def _progress(case_id: str):  # noqa: ANN202
    """Each stage of a review on stderr as it starts, with the seconds so far (no case
    text: the case id only)."""

    def on_event(kind: str, data: dict) -> None:
        if kind == "stage" and data["stage"] != "done":
            typer.echo(f"{case_id}: {data['stage']} ({data['seconds']:.0f}s)", err=True)
        elif kind == "policy":
            typer.echo(
                f"{case_id}: policy → {data['verdict']} ({data['llm_calls']} model calls)", err=True
            )

    return on_event


def _print_table(rows: list) -> None:
    cols = [
        "case_id",
        "status",
        "verdict",
        "recommendation",
        "statements",
        "supported",
        "citations",
        "resolved",
        "verbatim",
        "seconds",
    ]
    table = [{c: getattr(r, c) for c in cols} for r in rows if r.status != "failed"]
    widths = {c: max([len(c)] + [len(str(r[c])) for r in table]) for c in cols}
    typer.echo("  ".join(c.ljust(widths[c]) for c in cols))
    for row in table:
        typer.echo("  ".join(str(row[c]).ljust(widths[c]) for c in cols))


def check(
    records: Annotated[list[Path], typer.Argument(help="<case_id>.review.json files")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-validate review records against their source PDFs; exit 1 if any problem."""
    from pydantic import ValidationError

    from pipeline.models import Review

    results = []
    bad = 0
    with Pipeline.open(settings_from()) as pipeline:
        for path in records:
            try:
                review_obj = Review.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValidationError) as exc:
                fail(f"{path}: not a review record ({exc})")
            before = review_obj.validation.model_dump()
            # The record alone, no store: validation, verdict, worksheet and packet sources.
            finished = pipeline.recheck(review_obj, documents={})
            after = review_obj.validation
            changed = {k: (before[k], v) for k, v in after.model_dump().items() if before[k] != v}
            if finished.verdict_changed:
                changed["verdict"] = (finished.verdict_before, finished.verdict)
            ok = not after.problems and not changed
            bad += not ok
            results.append(
                {"record": str(path), "ok": ok, "problems": after.problems, "changed": changed}
            )
    if as_json:
        typer.echo(json.dumps(results, indent=2))
    else:
        for r in results:
            typer.echo(f"{'ok' if r['ok'] else 'PROBLEM':8} {r['record']}")
            for p in r["problems"]:
                typer.echo(f"         {p}")
            for k, (was, now) in r["changed"].items():
                typer.echo(f"         {k}: recorded {was}, recomputed {now}")
    if bad:
        raise typer.Exit(1)


def review_batch(
    cases_dir: Annotated[Path, typer.Argument(help="folder of case files (YAML or JSON)")],
    store: StoreOpt = None,
    out: Annotated[Path | None, typer.Option(help="output folder (default out/)")] = None,
    workers: Annotated[int, typer.Option(help="cases in flight at once")] = 1,
    executor: Annotated[str, typer.Option(help="local or ray")] = "local",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: a local Ray instance)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Review every case in a folder; finished cases are skipped; OUT/summary.csv lists all."""
    from dataclasses import asdict

    from tqdm import tqdm

    from pipeline.batch import find_cases, run_batch

    settings = settings_from(store=store, out=out)
    try:
        cases = find_cases(cases_dir)
    except FileNotFoundError as exc:
        fail(str(exc))
    packets = sorted(p for p in cases_dir.iterdir() if p.is_dir())
    unready: list[str] = []

    def bar(rows, total):  # noqa: ANN001, ANN202
        return tqdm(rows, total=total, desc="review", unit="case", file=sys.stderr)

    # One runtime for the command: the embedded server (a slot per worker) extracts the
    # packets and drafts the reviews; on Ray each task opens its own.
    with Pipeline.open(settings, llm_slots=workers) as pipeline:
        if packets:  # each subfolder a packet: extracted first, with the model
            from pipeline.cli.case import cases_from_packets

            extracted, unready = cases_from_packets(packets, settings.out, pipeline.llm)
            for line in unready:
                typer.echo(f"NOT READY {line}", err=True)
            cases += extracted
        if not cases:
            fail(f"{cases_dir}: no case files (*.yaml, *.yml, *.json) or packet folders")
        if executor == "local":
            pipeline.require_chunks()
        try:
            rows = run_batch(cases, pipeline, workers, executor, address, progress=bar)
        except (ValueError, RuntimeError) as exc:  # an unknown executor, Ray failing to start
            fail(str(exc))
    failed = [r for r in rows if r.status == "failed"]
    if as_json:
        typer.echo(json.dumps([asdict(r) for r in rows], indent=2))
    else:
        for r in rows:
            typer.echo(
                f"{r.status:8} {r.case_id or Path(r.case_file).name:24} {r.verdict or r.error}"
            )
        typer.echo(
            f"\n{sum(r.status == 'done' for r in rows)} done, "
            f"{sum(r.status == 'skipped' for r in rows)} skipped, {len(failed)} failed; "
            f"summary {settings.out / 'summary.csv'}"
        )
    if failed or unready:
        raise typer.Exit(1)
