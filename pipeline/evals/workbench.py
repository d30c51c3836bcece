"""`necessity eval run CONFIG.yaml`: prompts × providers over a dataset, scored, stored.

The tasks (review, pubmedqa, policy) are in `tasks.py`; this module runs them, sums the
metrics per variant, checks the config's thresholds and compares runs. LLM calls go
through an on-disk cache keyed by the request, so a re-run pays only for requests that
changed (a prompt edit re-runs that prompt, nothing else).
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, Field, ValidationError

from pipeline.evals.cache import CachedClient
from pipeline.evals.datasets import REPO, load_dataset
from pipeline.evals.keypoints import load_keyfile
from pipeline.evals.runs import ExampleResult, Run
from pipeline.evals.tasks import policy_example, pubmedqa_example, review_example
from pipeline.llm import LLMError
from pipeline.llm.prompts import load_prompt
from pipeline.ports import LLM
from pipeline.runtime import Pipeline, PipelineError
from pipeline.settings import Settings, _merge, api_key_from_env


class Provider(BaseModel):
    name: str = "embedded"
    base_url: str | None = None  # None: the embedded model
    model: str | None = None
    api_key_env: str | None = None  # name of the variable holding the key, never the key


class EvalConfig(BaseModel):
    name: str
    task: Literal["review", "pubmedqa", "policy"]
    dataset: str
    limit: int | None = None
    split: str | None = None
    prompts: list[str] = Field(min_length=1)
    providers: list[Provider] = Field(default_factory=lambda: [Provider()])
    settings: dict[str, Any] = Field(default_factory=dict)  # overrides of the settings tree
    # metric → minimum, or {"min": x} / {"max": y}; checked per variant
    thresholds: dict[str, float | dict[str, float]] = Field(default_factory=dict)
    # review task: a key file (`necessity eval keypoints`) scored on every review
    keypoints: str | None = None


def load_config(path: Path) -> EvalConfig:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return EvalConfig.model_validate(data)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{path}: {where}: {first['msg']}") from exc


def git_commit() -> str | None:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def prompt_hashes(refs: list[str]) -> dict[str, str]:
    out = {}
    for ref in refs:
        prompt = load_prompt(ref)
        text = prompt.system + "\0" + prompt.user
        out[prompt.id] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return out


# --- the run ------------------------------------------------------------------------------
def eval_settings(config: EvalConfig, settings: Settings) -> Settings:
    """The settings a run works under: the caller's with the config's overrides (open the
    run's ``Pipeline`` with these)."""
    return settings.model_validate(_merge(settings.model_dump(), config.settings))


@contextmanager
def provider_client(provider: Provider, pipeline: Pipeline, cache: Path) -> Iterator[LLM]:
    """The provider's client (from the pipeline, open for the block only), its calls
    cached on disk."""
    llm = pipeline.settings.llm.model_copy(
        update={
            "base_url": provider.base_url,
            "model": provider.model or pipeline.settings.llm.model,
            "api_key": api_key_from_env(provider.api_key_env),
        }
    )
    with pipeline.llm_for(llm) as client:
        # The embedded server's URL carries a port picked at its start: keyed by it, no
        # call would be found again on the next run.
        endpoint = client.endpoint if provider.base_url else "embedded"
        yield CachedClient(client, cache, endpoint=endpoint)


def run_eval(
    config: EvalConfig,
    pipeline: Pipeline,
    run_id: str | None = None,
    progress: Callable[[list, str], Any] | None = None,
    client_factory: Callable[[Provider], Any] | None = None,
) -> Run:
    """Every prompt × provider over the dataset, with the caller's pipeline (opened with
    ``eval_settings(config, ...)``): its store and judge for the review task, a client per
    provider. ``client_factory`` replaces the providers' clients (tests pass fakes)."""
    settings = pipeline.settings
    records = load_dataset(config.dataset, config.limit, config.split)
    if not records:
        raise ValueError(f"dataset {config.dataset}: no records (split {config.split!r})")
    cache = settings.home / "cache" / "llm-calls.sqlite"
    keys = load_keyfile(REPO / config.keypoints) if config.keypoints else None
    if config.task == "review":
        try:
            pipeline.require_chunks()
        except PipelineError as exc:
            raise ValueError(f"{exc} (`make demo` builds it)") from exc
    examples: list[ExampleResult] = []
    models: dict[str, str] = {}
    trees: dict = {}  # policy task: each policy compiled once per run
    for provider in config.providers:
        with (
            nullcontext(client_factory(provider))
            if client_factory
            else provider_client(provider, pipeline, cache)
        ) as client:
            models[provider.name] = f"{client.model} @ {client.endpoint}"
            for prompt_ref in config.prompts:
                variant = f"{prompt_ref}|{provider.name}"
                items = progress(records, variant) if progress else records
                for record in items:
                    hits = getattr(client, "hits", 0)
                    try:
                        if config.task == "pubmedqa":
                            result = pubmedqa_example(record, prompt_ref, client)
                        elif config.task == "policy":
                            result = policy_example(record, prompt_ref, client, settings, trees)
                        else:
                            result = review_example(
                                record,
                                prompt_ref,
                                client,
                                settings,
                                pipeline.store,
                                pipeline.judge,
                                keys,
                            )
                    except (LLMError, ValueError, KeyError) as exc:
                        result = ExampleResult(
                            variant="",
                            example_id=record.id,
                            expected=record.expected,
                            correct=False,
                            error=str(exc)[:300],
                        )
                    result.variant = variant
                    result.cached = getattr(client, "hits", 0) > hits
                    examples.append(result)
    metrics = summarize(examples, config.task)
    now = datetime.now(UTC)
    return Run(
        id=run_id or f"{now:%Y%m%d-%H%M%S-%f}"[:-3] + f"-{config.name}",
        created_at=now.isoformat(timespec="seconds"),
        name=config.name,
        task=config.task,
        git_commit=git_commit(),
        config=config.model_dump(),
        prompts=prompt_hashes(config.prompts),
        models=models,
        metrics=metrics,
        thresholds=check_thresholds(metrics, config.thresholds),
        examples=examples,
    )


def summarize(examples: list[ExampleResult], task: str) -> dict[str, float]:
    """Per-variant metrics, keyed ``metric[variant]``."""
    out: dict[str, float] = {}
    for variant in dict.fromkeys(e.variant for e in examples):
        rows = [e for e in examples if e.variant == variant]
        graded = [e for e in rows if e.correct is not None]
        name = "accuracy" if task == "pubmedqa" else "verdict_accuracy"
        metrics = {
            name: np.mean([e.correct for e in graded]) if graded else float("nan"),
            "error_rate": np.mean([e.error is not None for e in rows]),
            "latency_s_mean": np.mean(
                [e.latency_s for e in rows if e.latency_s is not None] or [0]
            ),
            "tokens_mean": np.mean([e.tokens for e in rows if e.tokens] or [0]),
            "examples": len(rows),
        }
        expected = [e.expected.get("answer") for e in rows if e.expected.get("answer")]
        if expected:  # what always answering the commonest label would score
            metrics["majority_baseline"] = max(expected.count(a) for a in set(expected)) / len(
                expected
            )
        if task == "review":
            for key in (
                "citation_recall",
                "citation_precision",
                "unsupported_statement_rate",
                "unresolvable_citation_rate",
                "statements_per_section",
                "empty_sections",
                "review_seconds",
                "keypoint_recall",
                "off_topic_share",
                "boilerplate_quoted",
                "stance_right",
            ):
                values = [e.scores[key] for e in rows if key in e.scores]
                if values:
                    metrics[key] = np.mean(values)
        if task == "policy":
            for key in ("criteria_agreement", "criteria_judged", "criteria_by_model", "llm_calls"):
                values = [e.scores[key] for e in rows if key in e.scores]
                if values:
                    metrics[key] = np.mean(values)
            # Counts, not rates: the bar is "none", and one in 20 must show as 1.
            for key, name in (
                ("false_approval", "false_approvals"),
                ("false_denial", "false_denials"),
                ("denied_for_other_criterion", "denials_for_other_criterion"),
                ("criteria_by_fact_question", "criteria_by_fact_question"),
            ):
                values = [e.scores[key] for e in rows if key in e.scores]
                if values:
                    metrics[name] = np.sum(values)
        for key, value in metrics.items():
            out[f"{key}[{variant}]"] = round(float(value), 4)
    return out


def check_thresholds(
    metrics: dict[str, float], thresholds: dict[str, float | dict[str, float]]
) -> list[dict[str, Any]]:
    checks = []
    for metric, bound in thresholds.items():
        low = bound if isinstance(bound, int | float) else bound.get("min")
        high = None if isinstance(bound, int | float) else bound.get("max")
        for key, value in metrics.items():
            if key.split("[")[0] != metric:
                continue
            ok = (low is None or value >= low) and (high is None or value <= high)
            checks.append({"metric": key, "min": low, "max": high, "value": value, "ok": ok})
    return checks


def compare(a: Run, b: Run) -> dict[str, Any]:
    """Metric deltas (b − a) and the examples whose correctness flipped."""
    deltas = {
        key: {
            "a": a.metrics[key],
            "b": b.metrics[key],
            "delta": round(b.metrics[key] - a.metrics[key], 4),
        }
        for key in a.metrics
        if key in b.metrics
    }
    # Variants match by name when both runs have them, else the first of each is compared.
    pairs = [(v, v) for v in a.variants if v in b.variants] or [(a.variants[0], b.variants[0])]
    flipped = []
    for va, vb in pairs:
        before = {e.example_id: e for e in a.examples if e.variant == va}
        for e in (e for e in b.examples if e.variant == vb):
            old = before.get(e.example_id)
            if (
                old
                and old.correct is not None
                and e.correct is not None
                and old.correct != e.correct
            ):
                flipped.append(
                    {
                        "example_id": e.example_id,
                        "variant": vb,
                        "was": old.correct,
                        "now": e.correct,
                        "output_was": old.output,
                        "output_now": e.output,
                    }
                )
    return {"a": a.id, "b": b.id, "metrics": deltas, "flipped": flipped, "pairs": pairs}
