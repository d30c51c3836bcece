"""`necessity eval ...`: the QA workbench."""

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
from pipeline.runtime import Pipeline
from pipeline.settings import Settings

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


@eval_app.command("keypoints")
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
        run = run_eval(config, settings, progress=bar)
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
        fail("give --bioasq DIR, --corpus DIR, or both")
    settings = settings_from(**({"store": store} if store else {}))
    progress = _progress_bar(tqdm)
    results: dict = {}
    if bioasq:
        with tempfile.TemporaryDirectory(prefix="necessity-bioasq-") as tmp:
            try:
                results["bioasq"] = bioasq_benchmark(
                    bioasq, Path(tmp), settings, limit, progress=progress
                )
            except FileNotFoundError as exc:
                fail(str(exc))
    if corpus:
        from pipeline.sources.ingest import ingest as run_ingest

        try:
            page_questions = load_page_questions(questions)
        except (OSError, ValueError) as exc:
            fail(str(exc))
        with open_pipeline(settings) as pipeline:
            report = run_ingest([corpus], pipeline.store, settings)
            for r in report.results:
                if r.status == "failed":
                    typer.echo(f"skipped {r.file}: {r.reason}", err=True)
            try:
                results["acr"] = page_benchmark(
                    page_questions, pipeline.store, settings, progress=progress
                )
            except ValueError as exc:
                fail(str(exc))
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


def _progress_bar(tqdm):  # noqa: ANN001, ANN202 (tqdm's own types)
    """A progress bar on stderr for long loops; silent when stderr is not a terminal."""

    def wrap(items, desc: str = ""):  # noqa: ANN001, ANN202
        return tqdm(items, desc=desc, file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)

    return wrap


@eval_app.command("intake")
def eval_intake(
    dataset: Annotated[
        Path,
        typer.Option(
            help="JSONL (packet, reference, variant), or a folder of packets with references "
            "(AutoAuth's layout, a JSONL inside, or packet folders each with reference.yaml)"
        ),
    ] = Path("evals/datasets/intake.jsonl"),
    shared: Annotated[Path, typer.Option(help="the folder the dataset's paths start in")] = Path(
        "../shared"
    ),
    model: Annotated[bool, typer.Option(help="read narrative notes with the model")] = True,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Case intake against reviewer-extracted references: field precision and recall."""
    from pipeline.evals.intake import packet_table, run_intake_eval
    from pipeline.runtime import Pipeline

    if not dataset.exists():
        fail(f"{dataset}: no such dataset")
    if dataset.is_file() and not shared.is_dir():
        fail(f"{shared}: not a folder (the AutoAuth packets live under ../shared/autoauth)")
    settings = settings_from()
    pipeline = Pipeline.open(settings) if model else None

    def progress(result) -> None:  # noqa: ANN001
        if result is None:
            return  # a failed packet: listed in the report
        typer.echo(
            f"{result.packet}: {result.facts} facts, {len(result.unverified)} not found on "
            f"their page, {result.seconds:.0f}s",
            err=True,
        )

    try:
        report = run_intake_eval(
            dataset, shared, pipeline.llm if pipeline else None, progress=progress
        )
    finally:
        if pipeline:
            pipeline.close()
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"{'field':14} {'precision':>9} {'recall':>7}   (matched/extracted, matched/ref)")
    for name, s in [*report["fields"].items(), ("ALL (micro)", report["micro"])]:
        p = "-" if s["precision"] is None else f"{s['precision']:.2f}"
        r = "-" if s["recall"] is None else f"{s['recall']:.2f}"
        typer.echo(
            f"{name:14} {p:>9} {r:>7}   ({s['matched_extracted']}/{s['extracted']}, "
            f"{s['matched_reference']}/{s['reference']})"
        )
    typer.echo(f"facts {report['facts']}, not found on their page {report['facts_unverified']}")
    typer.echo("")
    for line in packet_table(report):
        typer.echo(line)


@eval_app.command("policies")
def eval_policies(
    gold_dir: Annotated[Path, typer.Argument(help="folder of gold policy trees (*.json)")] = Path(
        "evals/policies/gold"
    ),
    store: Annotated[
        Path | None,
        typer.Option("--store", help="a store whose cached tree is used for a PDF it holds"),
    ] = None,
    shared: Annotated[Path, typer.Option(help="the folder the gold files' 'dir' is under")] = Path(
        "../shared"
    ),
    split: Annotated[str, typer.Option(help="tune, holdout or all")] = "all",
    as_json: Annotated[bool, typer.Option("--json")] = False,
    compiler: Annotated[
        str,
        typer.Option(
            help="rules (the store's or the layout compiler's trees) or model (every PDF "
            "compiled afresh by the configured endpoint, policy.compiler: model)"
        ),
    ] = "rules",
) -> None:
    """Compiled policy trees against gold trees: indication recall, leaf recall and
    precision, logic accuracy; per policy and per split."""
    from pipeline.evals.policies import GoldError, compile_for_eval, load_gold, run_policy_eval

    if split not in {"tune", "holdout", "all"}:
        fail(f"--split {split!r}: expected tune, holdout or all")
    if compiler not in {"rules", "model"}:
        fail(f"--compiler {compiler!r}: expected rules or model")
    try:
        gold = load_gold(gold_dir)
    except GoldError as exc:
        fail(str(exc))
    gold = [g for g in gold if split == "all" or g.get("split", "tune") == split]
    roots = [shared, gold_dir, gold_dir.parent]
    settings = settings_from(policy={"compiler": compiler}) if compiler == "model" else None
    if settings is None:
        report = run_policy_eval(gold, compile_for_eval(store), roots)
    else:
        from pipeline.llm import LLMError, open_llm
        from pipeline.policy.model_compiler import llm_settings

        try:
            with open_llm(llm_settings(settings)) as llm:
                report = run_policy_eval(gold, compile_for_eval(store, settings, llm), roots)
        except LLMError as exc:  # the endpoint refused (remote not allowed) or is missing
            fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(format_policy_report(report))


def format_policy_report(report: dict) -> str:
    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    cols = f"{'ind.rec':>7} {'leaf.rec':>8} {'leaf.prec':>9} {'logic':>6} empty"
    lines = [f"{'policy':52} {'split':7} {cols}"]
    for r in report["policies"]:
        lines.append(
            f"{r['file'][:52]:52} {r['split']:7} {f(r['indication_recall']):>7} "
            f"{f(r['leaf_recall']):>8} {f(r['leaf_precision']):>9} {f(r['logic_accuracy']):>6} "
            f"{'EMPTY' if r['empty'] else ''}{(' ' + r['error']) if r['error'] else ''}"
        )
    for name, o in report["overall"].items():
        lines.append(
            f"{'OVERALL ' + name:52} {'':7} {f(o['indication_recall']):>7} "
            f"{f(o['leaf_recall']):>8} {f(o['leaf_precision']):>9} {f(o['logic_accuracy']):>6} "
            f"{len(o['empty'])} empty"
        )
    return "\n".join(lines)
