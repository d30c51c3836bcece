"""`necessity eval ...`: the QA workbench. The group and the support judge's commands
(validator, train-judge, grounding) are here; the workbench's runs are in `eval_runs.py`,
the benchmarks of one part against references in `eval_benchmarks.py`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli import eval_benchmarks, eval_runs
from pipeline.cli.common import fail, settings_from
from pipeline.runtime import Pipeline

eval_app = typer.Typer(no_args_is_help=True, help="Evaluations for QA: judge, grounding.")


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
    from pipeline.evals.validator import cross_validate, evaluate, feature_matrix, load_healthver

    settings = settings_from()
    try:
        rows = load_healthver(healthver, limit)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    # The judge reviews use (a refit on QA labels when there is one), at their bar.
    with Pipeline.open(settings) as pipeline:
        judge = pipeline.judge
    x = feature_matrix(rows, judge)
    report = evaluate(rows, judge, x) | {"file": str(healthver)}
    if judge.model is not None:
        # A refit is named "<csv>+labels(N)": it was trained on the CSV all the same.
        trained_on = judge.model.trained_on.split("+labels(")[0]
        report["in_sample"] = Path(trained_on).name == healthver.name
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
                f"({cvr['folds']} folds by topic); at the review threshold "
                f"{cvr['at_review_threshold']['macro_f1']}"
            )


@eval_app.command("train-judge")
def eval_train_judge(
    healthver: Annotated[Path, typer.Option("--healthver", help="CSV: claim, evidence, label")],
    labels: Annotated[
        bool,
        typer.Option(
            "--labels",
            help="also learn from QA staff's labels in the web app's database; reports the "
            "judge before/after on a held-back fold, writes a local refit reviews then use",
        ),
    ] = False,
    db: Annotated[
        Path | None, typer.Option(help="review database (default: the web app's)")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="weights file (default: shipped; with --labels, the home's refit)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Fit the support judge (logistic regression, out-of-fold calibration) on a
    HealthVer-style CSV, and with --labels on QA staff's labels too."""
    from pipeline.check.judge import WEIGHTS
    from pipeline.evals.validator import (
        cross_validate,
        feature_matrix,
        load_healthver,
        refit_with_labels,
        save_model,
        train,
    )

    settings = settings_from()
    try:
        rows = load_healthver(healthver)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    with Pipeline.open(settings) as pipeline:
        judge = pipeline.untrained_judge()
    x = feature_matrix(rows, judge, every=True)
    report: dict = {"healthver": str(healthver), "n": len(rows)}
    if labels:
        from pipeline.evals.labels import load_labels, training_rows

        try:
            labelled = training_rows(load_labels(db or settings.web_db_path))
        except FileNotFoundError as exc:
            fail(str(exc))
        if not labelled:
            fail("no labels yet: QA staff mark statements on a review's page in the web app")
        x_lab = feature_matrix(labelled, judge, every=True)
        source = f"{healthver.name}+labels({len(labelled)})"
        model, report["held_back"] = refit_with_labels(rows, x, labelled, x_lab, source)
        report["labels"] = len(labelled)
        target = out or settings.refit_judge_path
    else:
        model = train(rows, x, healthver.name)
        report["cross_validated"] = cross_validate(rows, x)
        target = out or WEIGHTS
    save_model(model, target)
    report |= {
        "wrote": str(target),
        "threshold": model.threshold,
        "review_threshold": model.review_threshold,
    }
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(
        f"wrote {target}: review threshold {model.review_threshold} (macro-F1 optimum "
        f"{model.threshold}), from the out-of-fold calibration curve"
    )
    if "cross_validated" in report:
        cvr = report["cross_validated"]
        typer.echo(
            f"out-of-fold macro-F1 {cvr['macro_f1']}, accuracy {cvr['accuracy']} "
            f"({cvr['folds']} topic folds); at the review threshold "
            f"{cvr['at_review_threshold']['macro_f1']}"
        )
    for name in ("healthver", "labels"):
        part = report.get("held_back", {}).get(name)
        if part:
            before, after = part["before"], part["after"]
            typer.echo(
                f"held back {name}: n={before['n']}; macro-F1 before "
                f"{before.get('macro_f1')} after {after.get('macro_f1')}; accuracy before "
                f"{before.get('accuracy')} after {after.get('accuracy')}"
            )


@eval_app.command("grounding")
def eval_grounding(
    review_dir: Annotated[
        Path | None, typer.Argument(help="folder of *.review.json records")
    ] = None,
    labels: Annotated[
        bool,
        typer.Option(
            "--labels", help="the judge against QA staff's labels in the web app's database"
        ),
    ] = False,
    db: Annotated[
        Path | None, typer.Option(help="review database (default: the web app's)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """ALCE-style citation recall/precision and grounding rates over review records; with
    --labels, the support judge against people's labels (agreement, kappa, confusion)."""
    from pipeline.evals.grounding import grounding_report

    settings = settings_from()
    if labels:
        from pipeline.evals.labels import label_report, load_labels

        try:
            report = label_report(load_labels(db or settings.web_db_path))
        except FileNotFoundError as exc:
            fail(str(exc))
        if as_json:
            typer.echo(json.dumps(report, indent=2))
            return
        typer.echo(
            f"{report['labels']} labels by {report['people']} people on {report['reviews']} "
            f"reviews; agreement {report['agreement']}, Cohen's kappa {report['kappa']}"
        )
        for human, row in report["confusion"].items():
            typer.echo(f"  human {human:14} {row}")
        for b in report["calibration"]:
            typer.echo(
                f"  judge score {b['score']}: n={b['n']}, human supported {b['human_supported']}"
            )
        return
    if review_dir is None:
        fail("give a folder of review records, or --labels")
    records = sorted(review_dir.glob("*.review.json"))
    if not records:
        fail(f"{review_dir}: no *.review.json records")
    with Pipeline.open(settings) as pipeline:
        report = grounding_report(records, pipeline.judge, settings)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            if not isinstance(value, list | dict):
                typer.echo(f"{key:32} {value}")


# The other modules' commands, in the order `necessity eval --help` lists them.
eval_app.command("keypoints")(eval_runs.eval_keypoints)
eval_app.command("run")(eval_runs.eval_run)
eval_app.command("compare")(eval_runs.eval_compare)
eval_app.command("retrieval")(eval_benchmarks.eval_retrieval)
eval_app.command("intake")(eval_benchmarks.eval_intake)
eval_app.command("policies")(eval_benchmarks.eval_policies)
