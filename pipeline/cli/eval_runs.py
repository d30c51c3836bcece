"""`necessity eval run`, `compare`, `keypoints`: the workbench's stored runs (prompts ×
providers over a dataset, scored against thresholds) and the key-point score of reviews."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import fail, settings_from
from pipeline.runtime import Pipeline
from pipeline.settings import Settings


def eval_keypoints(
    keyfile: Annotated[Path, typer.Argument(help="key file (YAML/JSON): per case key points")],
    review_dir: Annotated[Path, typer.Argument(help="folder of *.review.json records")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Are the reviews on point: key-point recall, off-topic share, boilerplate quoted,
    documentation requested and the guideline stance, per case and overall."""
    from pipeline.evals.keypoints import KeyFileError, evaluate

    try:
        report = evaluate(keyfile, review_dir)
    except KeyFileError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    for case_id, row in report["cases"].items():
        if "error" in row:
            typer.echo(f"{case_id:32} error: {row['error']}")
            continue
        typer.echo(
            f"{case_id:32} recall {row['key_points_found']}/{row['key_points']}  off-topic "
            f"{row['off_topic']}/{row['statements']}  boilerplate {row['boilerplate']}  "
            f"documentation {row['documentation_recall']}  stance {row['stance']} "
            f"(expected {row['stance_expected']})"
        )
    typer.echo(f"{'overall':32} {report['overall']}")


RunsOpt = Annotated[Path, typer.Option("--runs", help="where runs are stored")]


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
    from pipeline.evals.workbench import compare, eval_settings, load_config, run_eval

    settings = settings_from()
    try:
        config = load_config(config_file)
    except ValueError as exc:
        fail(str(exc))
    if limit:
        config.limit = limit
    store = RunStore(runs / "runs.sqlite")
    previous = against or store.latest(config.name)

    def bar(items, desc):  # noqa: ANN001, ANN202
        return tqdm(items, desc=desc, unit="ex", file=sys.stderr)

    try:
        # The command's one runtime, under the config's settings: the review task's store
        # and judge, and each provider's client in turn.
        with Pipeline.open(eval_settings(config, settings)) as pipeline:
            run = run_eval(config, pipeline, progress=bar)
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
    calibrations = _judge_calibrations(settings) if config.task == "review" else None
    run.report = str(runs / f"{run.id}.html")
    Path(run.report).write_text(run_report(run, calibrations), encoding="utf-8")
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


def _judge_calibrations(settings: Settings) -> dict[str, list[dict]]:
    """The support judge's reliability: out-of-fold on HealthVer (stored with its weights
    when it was trained), and against QA staff's labels when the web app has some."""
    from pipeline.check.judge import WEIGHTS, load_model
    from pipeline.evals.labels import label_report, load_labels, reliability_rows

    out: dict[str, list[dict]] = {}
    model = load_model(settings.judge_weights_path or WEIGHTS)
    if model is not None and model.calibration:
        out[f"support judge, out-of-fold ({model.trained_on})"] = model.calibration
    if settings.web_db_path.exists():
        labels = load_labels(settings.web_db_path)
        if labels:
            out[f"support judge vs {len(labels)} QA labels"] = reliability_rows(
                label_report(labels)
            )
    return out


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
        fail(str(exc.args[0]))
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
