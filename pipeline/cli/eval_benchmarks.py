"""`necessity eval retrieval`, `intake`, `policies`: one part of the pipeline against
reference answers (retrieval benchmarks, reviewer-extracted packets, gold policy trees)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import StoreOpt, fail, open_pipeline, settings_from
from pipeline.runtime import Pipeline


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
        # The snippets' own throwaway store, beside the configured one (so a pipeline of
        # its own: a pipeline is one store).
        with (
            tempfile.TemporaryDirectory(prefix="necessity-bioasq-") as tmp,
            Pipeline.open(settings.model_copy(update={"store": Path(tmp), "store_url": None})) as p,
        ):
            try:
                results["bioasq"] = bioasq_benchmark(
                    bioasq, p.store, settings, limit, progress=progress
                )
            except FileNotFoundError as exc:
                fail(str(exc))
    if corpus:
        try:
            page_questions = load_page_questions(questions)
        except (OSError, ValueError) as exc:
            fail(str(exc))
        with open_pipeline(settings) as pipeline:
            report = pipeline.ingest([corpus])
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

    if not dataset.exists():
        fail(f"{dataset}: no such dataset")
    if dataset.is_file() and not shared.is_dir():
        fail(f"{shared}: not a folder (the AutoAuth packets live under ../shared/autoauth)")
    settings = settings_from()

    def progress(result) -> None:  # noqa: ANN001
        if result is None:
            return  # a failed packet: listed in the report
        typer.echo(
            f"{result.packet}: {result.facts} facts, {len(result.unverified)} not found on "
            f"their page, {result.seconds:.0f}s",
            err=True,
        )

    # The model starts on first use only: with --no-model, never.
    with Pipeline.open(settings) as pipeline:
        report = run_intake_eval(
            dataset, shared, pipeline.llm if model else None, progress=progress
        )
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
    # A store's trees are sealed with the home's key: the settings' home, when a store is named.
    home = settings_from().home if store else None
    roots = [shared, gold_dir, gold_dir.parent]
    if compiler == "rules":
        report = run_policy_eval(gold, compile_for_eval(store, home), roots)
    else:
        from pipeline.llm import LLMError, open_llm
        from pipeline.policy.model_compiler import llm_settings

        settings = settings_from(policy={"compiler": compiler})
        try:
            with open_llm(llm_settings(settings)) as llm:
                compile_tree = compile_for_eval(store, home, settings, llm)
                report = run_policy_eval(gold, compile_tree, roots)
        except LLMError as exc:  # the endpoint refused (remote not allowed) or is missing
            fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(format_policy_report(report))


def format_policy_report(report: dict) -> str:
    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    cols = (
        f"{'ind.rec':>7} {'named':>5} {'leaf.rec':>8} {'leaf.prec':>9} {'logic':>6} "
        f"{'branch':>6} {'anywhere':>8} empty"
    )
    lines = [f"{'policy':52} {'split':7} {cols}"]
    for r in report["policies"]:
        lines.append(
            f"{r['file'][:52]:52} {r['split']:7} {f(r['indication_recall']):>7} "
            f"{f(r['indication_named']):>5} {f(r['leaf_recall']):>8} "
            f"{f(r['leaf_precision']):>9} {f(r['logic_accuracy']):>6} "
            f"{f(r['branch_precision']):>6} {f(r['leaf_recall_anywhere']):>8} "
            f"{'EMPTY' if r['empty'] else ''}{(' ' + r['error']) if r['error'] else ''}"
        )
    for name, o in report["overall"].items():
        lines.append(
            f"{'OVERALL ' + name:52} {'':7} {f(o['indication_recall']):>7} "
            f"{f(o['indication_named']):>5} {f(o['leaf_recall']):>8} "
            f"{f(o['leaf_precision']):>9} {f(o['logic_accuracy']):>6} "
            f"{f(o['branch_precision']):>6} {f(o['leaf_recall_anywhere']):>8} "
            f"{len(o['empty'])} empty"
        )
    return "\n".join(lines)
