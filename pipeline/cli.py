"""The `necessity` command line. Command and option names are a contract (see README)."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from pipeline.policy.cli import policy_app
from pipeline.settings import Settings, load_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Draft citation-checked medical-necessity reviews, offline by default.",
)
store_app = typer.Typer(no_args_is_help=True, help="Inspect the document store.")
corpus_app = typer.Typer(no_args_is_help=True, help="Build the sample corpus.")
app.add_typer(store_app, name="store")
app.add_typer(corpus_app, name="corpus")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluations for QA: judge, grounding.")
app.add_typer(eval_app, name="eval")
app.add_typer(policy_app, name="policy")

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="store folder (default .necessity/store; env NECESSITY_STORE)"),
]
DocTypeOpt = Annotated[
    list[str] | None,
    typer.Option("--doc-type", help="only these document types (policy, guideline, research)"),
]
PublisherOpt = Annotated[
    list[str] | None, typer.Option("--publisher", help="only publishers containing this text")
]
YearMinOpt = Annotated[int | None, typer.Option("--year-min", help="only documents from this year")]
YearMaxOpt = Annotated[
    int | None, typer.Option("--year-max", help="only documents up to this year")
]
ModeOpt = Annotated[
    str | None, typer.Option("--retrieval-mode", help="bm25, dense, hybrid or rerank")
]
_state: dict[str, object] = {}


def _retrieval_overrides(
    doc_type: list[str] | None,
    publisher: list[str] | None,
    year_min: int | None,
    year_max: int | None,
    mode: str | None,
) -> dict[str, object] | None:
    filters = {
        k: v
        for k, v in {
            "doc_types": doc_type,
            "publishers": publisher,
            "year_min": year_min,
            "year_max": year_max,
        }.items()
        if v
    }
    out: dict[str, object] = {"filters": filters} if filters else {}
    if mode:
        out["mode"] = mode
    return out or None


@app.callback()
def _main(
    settings_file: Annotated[
        Path | None, typer.Option("--settings", help="settings file (YAML/JSON/TOML)")
    ] = None,
    preset: Annotated[str | None, typer.Option(help="default, fast or quality")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    _state["settings_file"] = settings_file
    _state["preset"] = preset


def _settings(**overrides: object) -> Settings:
    try:
        settings = load_settings(
            _state.get("settings_file"),  # type: ignore[arg-type]
            preset=_state.get("preset"),
            **overrides,
        )
        settings.ensure_home()
        return settings
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
        raise


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _open_store(settings: Settings):  # noqa: ANN202
    from pipeline import assets
    from pipeline.store import StoreError, open_store

    assets.ensure_tiktoken(settings.cache_dir, settings.chunk.encoding)
    try:
        return open_store(settings.store_path, settings.embedder, settings.store_url)
    except (StoreError, assets.AssetError) as exc:
        _fail(str(exc))
        raise


@app.command()
def prepare(
    model: Annotated[bool, typer.Option(help="also assemble the embedded LLM")] = True,
) -> None:
    """Make the offline assets ready (tiktoken files, embedder, embedded model)."""
    from pipeline import assets

    settings = _settings()
    try:
        report = assets.prepare(
            settings.cache_dir,
            settings.llm.model if model and settings.is_embedded_llm else None,
            settings.chunk.encoding,
        )
    except assets.AssetError as exc:
        _fail(str(exc))
    for key, value in report.items():
        typer.echo(f"{key:20} {value}")


@corpus_app.command("build")
def corpus_build(
    out: Annotated[Path | None, typer.Option(help="folder for the PDFs")] = None,
) -> None:
    """Render corpus/sources/*.md to PDFs (and manifest.csv) for ingest."""
    from pipeline.corpus import build_corpus

    settings = _settings()
    target = out or settings.home / "corpus"
    for path in build_corpus(target):
        typer.echo(str(path))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders")],
    store: StoreOpt = None,
    metadata: Annotated[
        Path | None, typer.Option(help="CSV of titles, years, publishers by file stem")
    ] = None,
    executor: Annotated[
        str, typer.Option(help="local (parse workers here) or ray (parse+chunk+embed on Ray)")
    ] = "local",
    workers: Annotated[int, typer.Option(help="parse worker processes (local)")] = 1,
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
) -> None:
    """Parse, chunk, embed and store PDFs; unchanged files are skipped."""
    from tqdm import tqdm

    from pipeline.executors import make_executor
    from pipeline.ingest import ingest as run_ingest

    settings = _settings(store=store)
    db = _open_store(settings)
    try:
        pool = (
            make_executor(executor, workers, address)
            if executor != "local" or workers != 1
            else None
        )
    except (ValueError, RuntimeError) as exc:
        _fail(str(exc))
        raise

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
        report = run_ingest(
            paths,
            db,
            settings,
            metadata=metadata,
            progress=lambda files: tqdm(files, desc="ingest", unit="file", file=sys.stderr),
            on_result=show,
            executor=pool,
            policy=policy,
        )
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
        raise
    finally:
        if pool is not None:
            pool.close()
    chunks = sum(r.chunks for r in report.results if r.status == "added")
    typer.echo(
        f"{report.count('added')} added, {report.count('unchanged')} unchanged, "
        f"{report.count('failed')} failed; {chunks} new chunks in "
        f"{report.seconds:.1f}s; store {settings.store_path}"
    )
    if report.failed:
        raise typer.Exit(1)


@store_app.command("stats")
def store_stats(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Counts of documents, chunks and pages in the store."""
    settings = _settings(store=store)
    stats = _open_store(settings).stats()
    if as_json:
        typer.echo(json.dumps(stats, indent=2))
    else:
        for key, value in stats.items():
            typer.echo(f"{key:10} {value}")


@app.command()
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
    from pipeline.assets import AssetError
    from pipeline.cases import CaseError, load_case
    from pipeline.llm import LLMError
    from pipeline.models import Review
    from pipeline.review import write_outputs
    from pipeline.runtime import Pipeline, PipelineError

    settings = _settings(
        store=store,
        out=out,
        retrieval=_retrieval_overrides(doc_type, publisher, year_min, year_max, mode),
    )
    try:
        cases = [load_case(path) for path in case_files]
    except CaseError as exc:
        _fail(str(exc))
        raise
    pipeline = Pipeline.open(settings, store=_open_store(settings))
    try:
        pipeline.require_chunks()
    except PipelineError as exc:
        _fail(str(exc))
    rows = []
    failed = 0
    t0 = time.perf_counter()
    try:
        with pipeline:
            client = pipeline.llm
            typer.echo(
                f"model {client.model} at {client.endpoint} (ready in "
                f"{time.perf_counter() - t0:.1f}s)",
                err=True,
            )
            for case in cases:
                done = settings.out / f"{case.case_id}.review.json"
                if skip_existing and done.exists():
                    rows.append(_row(Review.model_validate_json(done.read_text()), 0.0, done))
                    continue
                started = time.perf_counter()
                try:
                    review = pipeline.review(case, on_event=_progress(case.case_id))
                except LLMError as exc:
                    failed += 1
                    typer.echo(f"FAILED    {case.case_id}: {exc}", err=True)
                    continue
                json_path, _ = write_outputs(review, settings.out)
                rows.append(_row(review, time.perf_counter() - started, json_path))
    except (AssetError, LLMError) as exc:  # no model to talk to: say so plainly
        _fail(str(exc))
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


@app.command()
def check(
    records: Annotated[list[Path], typer.Argument(help="<case_id>.review.json files")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-validate review records against their source PDFs; exit 1 if any problem."""
    from pydantic import ValidationError

    from pipeline.models import Review
    from pipeline.policy.library import verify_worksheet
    from pipeline.runtime import Pipeline

    pipeline = Pipeline.open(_settings())
    results = []
    bad = 0
    for path in records:
        try:
            review_obj = Review.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError) as exc:
            _fail(f"{path}: not a review record ({exc})")
            raise
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


@eval_app.command("validator")
def eval_validator(
    healthver: Annotated[Path, typer.Option("--healthver", help="CSV: claim, evidence, label")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    limit: Annotated[int | None, typer.Option(help="a random sample of N rows")] = None,
    cv: Annotated[
        bool, typer.Option(help="also report topic-grouped out-of-fold numbers (retrains per fold)")
    ] = False,
) -> None:
    """Score the support judge (supports vs not): accuracy, macro-F1, confusion, threshold."""
    from pipeline.embed import get_embedder
    from pipeline.evals.validator import cross_validate, evaluate, feature_matrix, load_healthver
    from pipeline.judge import SupportJudge

    settings = _settings()
    try:
        rows = load_healthver(healthver, limit)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
        raise
    judge = SupportJudge(get_embedder(settings.embedder))
    x = feature_matrix(rows, judge)
    report = evaluate(rows, judge, x) | {"file": str(healthver)}
    if judge.model is not None:
        report["in_sample"] = Path(judge.model.trained_on).name == healthver.name
    if cv:
        report["cross_validated"] = cross_validate(rows, x)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        for key in ("judge", "n", "accuracy", "macro_f1", "threshold"):
            typer.echo(f"{key:10} {report[key]}")
        if cv:
            cvr = report["cross_validated"]
            typer.echo(
                f"cv         macro_f1 {cvr['macro_f1']} accuracy {cvr['accuracy']} "
                f"({cvr['folds']} folds by topic)"
            )


@eval_app.command("train-judge")
def eval_train_judge(
    healthver: Annotated[Path, typer.Option("--healthver", help="CSV: claim, evidence, label")],
    out: Annotated[
        Path | None, typer.Option(help="weights file (default: the shipped one)")
    ] = None,
) -> None:
    """Fit the support judge's logistic regression on a HealthVer-style CSV."""
    from pipeline.embed import get_embedder
    from pipeline.evals.validator import (
        cross_validate,
        feature_matrix,
        load_healthver,
        save_model,
        train,
    )
    from pipeline.judge import WEIGHTS, SupportJudge

    settings = _settings()
    rows = load_healthver(healthver)
    x = feature_matrix(rows, SupportJudge(get_embedder(settings.embedder), model=None))
    model = train(rows, x, healthver.name)
    cvr = cross_validate(rows, x)
    target = out or WEIGHTS
    save_model(model, target)
    typer.echo(
        f"wrote {target}: threshold {model.threshold}; out-of-fold macro-F1 "
        f"{cvr['macro_f1']}, accuracy {cvr['accuracy']} ({cvr['folds']} topic folds)"
    )


@eval_app.command("grounding")
def eval_grounding(
    review_dir: Annotated[Path, typer.Argument(help="folder of *.review.json records")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """ALCE-style citation recall/precision and grounding rates over review records."""
    from pipeline.embed import get_embedder
    from pipeline.evals.grounding import grounding_report
    from pipeline.judge import SupportJudge

    settings = _settings()
    records = sorted(review_dir.glob("*.review.json"))
    if not records:
        _fail(f"{review_dir}: no *.review.json records")
    report = grounding_report(
        records,
        SupportJudge(
            get_embedder(settings.embedder), threshold=settings.validation.judge_threshold
        ),
    )
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            if not isinstance(value, list | dict):
                typer.echo(f"{key:32} {value}")


RunsOpt = Annotated[Path, typer.Option("--runs", help="where runs are stored")]
HEALTHVER = Path("../shared/bench/healthver/healthver_dev.csv")


@eval_app.command("run")
def eval_run(
    config_file: Annotated[Path, typer.Argument(help="eval config (YAML)")],
    limit: Annotated[int | None, typer.Option(help="only the first N examples")] = None,
    runs: RunsOpt = Path("evals/runs"),
    against: Annotated[
        str | None,
        typer.Option(help="run id to compare with (default: the last run of this config)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Prompts × providers over a dataset: metrics, thresholds, a stored run, an HTML report."""
    from tqdm import tqdm

    from pipeline.evals.report import compare_report, run_report
    from pipeline.evals.runs import RunStore
    from pipeline.evals.workbench import compare, load_config, run_eval

    settings = _settings()
    try:
        config = load_config(config_file)
    except ValueError as exc:
        _fail(str(exc))
        raise
    if limit:
        config.limit = limit
    store = RunStore(runs / "runs.sqlite")
    previous = against or store.latest(config.name)

    def bar(items, desc):  # noqa: ANN001, ANN202
        return tqdm(items, desc=desc, unit="ex", file=sys.stderr)

    try:
        run = run_eval(config, settings, progress=bar)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
        raise
    calibration = _judge_calibration(settings) if config.task == "review" else None
    run.report = str(runs / f"{run.id}.html")
    Path(run.report).write_text(run_report(run, calibration), encoding="utf-8")
    store.save(run)
    out: dict = {
        "run_id": run.id,
        "report": run.report,
        "metrics": run.metrics,
        "passed": run.passed,
    }
    if previous:
        before = store.load(previous)
        result = compare(before, run)
        path = runs / f"compare-{before.id}-vs-{run.id}.html"
        path.write_text(compare_report(result, before, run), encoding="utf-8")
        out["compared_with"] = {
            "run_id": before.id,
            "report": str(path),
            "flipped": len(result["flipped"]),
        }
    if as_json:
        typer.echo(json.dumps(out, indent=2))
    else:
        for key, value in run.metrics.items():
            typer.echo(f"{key:60} {value}")
        typer.echo(
            f"\nrun {run.id}: {'passed' if run.passed else 'THRESHOLDS FAILED'}; "
            f"report {run.report}"
        )
        if previous:
            typer.echo(f"compared with {previous}: {out['compared_with']['report']}")
    if not run.passed:
        raise typer.Exit(1)


def _judge_calibration(settings: Settings) -> list[dict] | None:
    """The support judge's reliability on a HealthVer slice, when ../shared has it."""
    if not HEALTHVER.exists():
        return None
    from pipeline.embed import get_embedder
    from pipeline.evals.validator import evaluate, load_healthver
    from pipeline.judge import SupportJudge

    rows = load_healthver(HEALTHVER, 300)
    judge = SupportJudge(get_embedder(settings.embedder))
    return evaluate(rows, judge)["calibration"]


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[str, typer.Argument(help="the earlier run id")],
    run_b: Annotated[str, typer.Argument(help="the later run id")],
    runs: RunsOpt = Path("evals/runs"),
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Metric deltas (B − A) and the examples that flipped, plus an HTML report."""
    from pipeline.evals.report import compare_report
    from pipeline.evals.runs import RunStore
    from pipeline.evals.workbench import compare

    store = RunStore(runs / "runs.sqlite")
    try:
        a, b = store.load(run_a), store.load(run_b)
    except KeyError as exc:
        _fail(str(exc.args[0]))
        raise
    result = compare(a, b)
    path = runs / f"compare-{a.id}-vs-{b.id}.html"
    path.write_text(compare_report(result, a, b), encoding="utf-8")
    result["report"] = str(path)
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    for key, d in result["metrics"].items():
        typer.echo(f"{key:60} {d['a']:>8} → {d['b']:>8} ({d['delta']:+.4f})")
    for f in result["flipped"]:
        typer.echo(f"flipped  {f['example_id']} ({f['variant']}): {f['was']} → {f['now']}")
    typer.echo(f"report {path}")


@eval_app.command("retrieval")
def eval_retrieval(
    bioasq: Annotated[
        Path | None, typer.Option("--bioasq", help="BioASQ Task B folder (*_golden.json)")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="PDF folder to ingest and query (e.g. ACR)")
    ] = None,
    questions: Annotated[Path, typer.Option(help="page questions (JSONL) for --corpus")] = Path(
        "evals/datasets/acr-retrieval.jsonl"
    ),
    limit: Annotated[int | None, typer.Option(help="the first N BioASQ yes/no questions")] = None,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """nDCG@10, recall@10, MRR and latency for bm25, dense, hybrid and rerank side by side."""
    import tempfile

    from tqdm import tqdm

    from pipeline.evals.retrieval import (
        bioasq_benchmark,
        load_page_questions,
        page_benchmark,
    )

    if not bioasq and not corpus:
        _fail("give --bioasq DIR, --corpus DIR, or both")
    settings = _settings(**({"store": store} if store else {}))
    progress = _progress_bar(tqdm)
    results: dict = {}
    if bioasq:
        with tempfile.TemporaryDirectory(prefix="necessity-bioasq-") as tmp:
            try:
                results["bioasq"] = bioasq_benchmark(
                    bioasq, Path(tmp), settings, limit, progress=progress
                )
            except FileNotFoundError as exc:
                _fail(str(exc))
    if corpus:
        from pipeline.ingest import ingest as run_ingest

        try:
            page_questions = load_page_questions(questions)
        except (OSError, ValueError) as exc:
            _fail(str(exc))
            raise
        st = _open_store(settings)
        report = run_ingest([corpus], st, settings)
        for r in report.results:
            if r.status == "failed":
                typer.echo(f"skipped {r.file}: {r.reason}", err=True)
        try:
            results["acr"] = page_benchmark(page_questions, st, settings, progress=progress)
        except ValueError as exc:
            _fail(str(exc))
    out = next(iter(results.values())) if len(results) == 1 else results
    if as_json:
        typer.echo(json.dumps(out, indent=2))
        return
    for name, res in results.items():
        typer.echo(f"{name}: {res['questions']} questions, {res['chunks']} chunks")
        typer.echo(
            f"  {'mode':8} {'ndcg@10':>8} {'recall@10':>9} {'mrr':>6} {'p50 ms':>8} {'p95 ms':>8}"
        )
        for mode in ("bm25", "dense", "hybrid", "rerank"):
            m, lat = res[mode], res["latency_ms"][mode]
            typer.echo(
                f"  {mode:8} {m['ndcg@10']:8.4f} {m['recall@10']:9.4f} {m['mrr']:6.3f} "
                f"{lat['p50']:8.1f} {lat['p95']:8.1f}"
            )
        typer.echo(f"  default = {res['default']['mode']}")


@app.command("review-batch")
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

    from pipeline.assets import AssetError
    from pipeline.batch import find_cases, run_batch
    from pipeline.llm import LLMError

    settings = _settings(store=store, out=out)
    try:
        cases = find_cases(cases_dir)
    except FileNotFoundError as exc:
        _fail(str(exc))
        raise
    if not cases:
        _fail(f"{cases_dir}: no case files (*.yaml, *.yml, *.json)")
    if executor == "local":
        db = _open_store(settings)
        if db.stats()["chunks"] == 0:
            _fail(f"store {settings.store_path} is empty; run `necessity ingest` first")

    def bar(rows, total):  # noqa: ANN001, ANN202
        return tqdm(rows, total=total, desc="review", unit="case", file=sys.stderr)

    try:
        rows = run_batch(cases, settings, workers, executor, address, progress=bar)
    except (AssetError, LLMError, ValueError, RuntimeError) as exc:
        _fail(str(exc))
        raise
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


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="interface (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default 8000)")] = None,
    store: StoreOpt = None,
) -> None:
    """The web app for writers: case form, streamed draft, sources, edits, export."""
    settings = _settings(store=store)
    host = host or settings.web.host
    port = port or settings.web.port
    try:
        from pipeline.web.app import check_bind, create_app
    except ImportError as exc:
        _fail(f"the web app needs its extra: pip install 'necessity[web]' ({exc})")
        raise
    try:
        check_bind(host, settings.web.secret)
    except ValueError as exc:
        _fail(str(exc))
    import uvicorn

    _open_store(settings)  # a clear error now rather than on the first page
    typer.echo(f"Necessity on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


@app.command()
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
    from pipeline.corpus import build_corpus

    settings = _settings()
    if not acr.is_dir() or not any(acr.glob("*.pdf")):
        _fail(f"{acr}: no PDFs to ingest (give --acr DIR)")
    if not case.exists():
        _fail(f"{case}: no such case file")
    sample = settings.home / "corpus"
    build_corpus(sample)
    try:
        result = run_bench(acr, sample, case, quick, echo=lambda m: typer.echo(m, err=True))
    except RuntimeError as exc:
        _fail(str(exc))
        raise
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
    typer.echo(
        f"embed    {ing['embedding']['chunks_per_s']} chunks/s = "
        f"{ing['embedding']['achieved_gflops']} GFLOP/s, "
        f"{ing['ceiling_fraction']:.0%} of the {ing['embedding']['gemm_fp32_gflops']} GFLOP/s GEMM"
    )
    typer.echo(
        f"query    hybrid top-10 at {q['chunks']} chunks: "
        f"p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms"
    )
    typer.echo(
        f"review   {r['seconds']}s on {r['model']}: ttft {r['ttft_s']}s, {r['tokens_per_s']} tok/s"
    )


def _progress_bar(tqdm):  # noqa: ANN001, ANN202 (tqdm's own types)
    """A progress bar on stderr for long loops; silent when stderr is not a terminal."""

    def wrap(items, desc: str = ""):  # noqa: ANN001, ANN202
        return tqdm(items, desc=desc, file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)

    return wrap


def main() -> None:
    app()


if __name__ == "__main__":
    main()
