"""`necessity review`, `review-batch`, `check`: cases into checked reviews."""

from __future__ import annotations

import json
import sys
import time
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
    open_store_or_fail,
    settings_from,
)


def review(
    case_files: Annotated[list[Path], typer.Argument(help="case files (YAML or JSON)")],
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
    from pipeline.cases import load_case
    from pipeline.draft.llm import LLMError
    from pipeline.models import Review
    from pipeline.review import write_outputs
    from pipeline.runtime import Pipeline

    settings = settings_from(
        store=store,
        out=out,
        retrieval=_retrieval_overrides(doc_type, publisher, year_min, year_max, mode),
    )
    # A bad case file, an empty store, a missing model: each an error with its reason
    # (the command group prints it), before any case is drafted.
    cases = [load_case(path) for path in case_files]
    pipeline = Pipeline.open(settings, store=open_store_or_fail(settings))
    pipeline.require_chunks()
    rows = []
    failed = 0
    t0 = time.perf_counter()
    with pipeline:
        client = pipeline.llm
        typer.echo(
            f"model {client.model} at {client.endpoint} (ready in {time.perf_counter() - t0:.1f}s)",
            err=True,
        )
        for case in cases:
            done = settings.out / f"{case.case_id}.review.json"
            if skip_existing and done.exists():
                rows.append(_row(Review.model_validate_json(done.read_text()), 0.0, done))
                continue
            started = time.perf_counter()
            try:
                label = case.case_id
                if settings.log_case_text:  # opted in: progress lines name the question too
                    label += f" ({case.question or case.requested_treatment.drug})"
                review = pipeline.review(case, on_event=_progress(label))
            except LLMError as exc:  # this case fails; the others go on
                failed += 1
                typer.echo(f"FAILED    {case.case_id}: {exc}", err=True)
                continue
            json_path, _ = write_outputs(review, settings.out)
            rows.append(_row(review, time.perf_counter() - started, json_path))
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
    else:
        _print_table(rows)
        typer.echo(f"\nreviews written to {settings.out}/")
    if failed:
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


def _row(r, seconds: float, json_path: Path) -> dict:  # noqa: ANN001
    v = r.validation
    return {
        "case": r.case_id,
        "verdict": r.verdict,
        "recommendation": r.recommendation,
        "statements": v.supported_statements + v.unsupported_statements,
        "supported": v.supported_statements,
        "citations": v.citations,
        "resolved": v.resolved,
        "verbatim": f"{v.evidence_verbatim}/{v.evidence_checked}",
        "seconds": round(seconds, 1),
        "json": str(json_path),
        "markdown": str(json_path.with_name(json_path.name.replace(".json", ".md"))),
    }


def _print_table(rows: list[dict]) -> None:
    cols = [
        "case",
        "verdict",
        "recommendation",
        "statements",
        "supported",
        "citations",
        "resolved",
        "verbatim",
        "seconds",
    ]
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in cols}
    typer.echo("  ".join(c.ljust(widths[c]) for c in cols))
    for row in rows:
        typer.echo("  ".join(str(row[c]).ljust(widths[c]) for c in cols))


def check(
    records: Annotated[list[Path], typer.Argument(help="<case_id>.review.json files")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-validate review records against their source PDFs; exit 1 if any problem."""
    from pydantic import ValidationError

    from pipeline.models import Review
    from pipeline.policy.library import verify_worksheet
    from pipeline.runtime import Pipeline

    pipeline = Pipeline.open(settings_from())
    results = []
    bad = 0
    for path in records:
        try:
            review_obj = Review.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError) as exc:
            fail(f"{path}: not a review record ({exc})")
        before = review_obj.validation.model_dump()
        finished = pipeline.recheck(review_obj, documents={})  # the record alone, no store
        if review_obj.policy is not None:  # record v2: every worksheet row on its page
            review_obj.validation.problems.extend(verify_worksheet(review_obj.policy))
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
    if not cases:
        fail(f"{cases_dir}: no case files (*.yaml, *.yml, *.json)")
    if executor == "local":
        db = open_store_or_fail(settings)
        if db.stats()["chunks"] == 0:
            fail(f"store {settings.store_path} is empty; run `necessity ingest` first")

    def bar(rows, total):  # noqa: ANN001, ANN202
        return tqdm(rows, total=total, desc="review", unit="case", file=sys.stderr)

    try:
        rows = run_batch(cases, settings, workers, executor, address, progress=bar)
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
    if failed:
        raise typer.Exit(1)
