"""`necessity eval run CONFIG.yaml`: prompts × providers over a dataset, scored, stored.

Tasks:
- ``review``: case files → the full pipeline → verdict accuracy (the rule's verdict against
  the expected one) and the grounding metrics of `eval grounding`;
- ``pubmedqa``: question + abstract → yes/no/maybe under a JSON schema → accuracy;
- ``policy``: case file + policy PDFs → compiled criteria trees → the policy decision →
  verdict accuracy and, where labels exist, agreement on "some criterion not fully met".
LLM calls go through an on-disk cache keyed by the request, so a re-run pays only for
requests that changed (a prompt edit re-runs that prompt, nothing else).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, Field, ValidationError

from pipeline.evals.cache import CachedClient
from pipeline.evals.datasets import REPO, Record, load_dataset
from pipeline.evals.runs import ExampleResult, Run
from pipeline.llm import LLMClient, LLMError, open_llm
from pipeline.llm.prompts import load_prompt
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


# --- tasks ------------------------------------------------------------------------------
PUBMEDQA_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "enum": ["yes", "no", "maybe"]},
        "reason": {"type": "string", "maxLength": 300, "pattern": r"^[ -~]{1,300}$"},
    },
    "required": ["answer", "reason"],
    "additionalProperties": False,
}


def pubmedqa_example(record: Record, prompt_ref: str, client: LLMClient) -> ExampleResult:
    prompt = load_prompt(prompt_ref)
    messages = prompt.render(**record.inputs)
    schema = dict(PUBMEDQA_SCHEMA)
    # The prompt's front matter may order the fields ("fields: [reason, answer]"): a model
    # writes them in schema order, so this decides whether it reasons before answering.
    order = prompt.meta.get("fields") or ["answer", "reason"]
    schema["properties"] = {k: PUBMEDQA_SCHEMA["properties"][k] for k in order}
    t0 = time.perf_counter()
    result = client.complete_json(messages, schema, "pubmedqa_answer")
    answer = result.data.get("answer")
    expected = record.expected.get("answer")
    return ExampleResult(
        variant="",
        example_id=record.id,
        expected=record.expected,
        output={"answer": answer, "reason": result.data.get("reason")},
        correct=answer == expected,
        scores={"correct": float(answer == expected)},
        latency_s=round(result.seconds if result.seconds else time.perf_counter() - t0, 3),
        tokens=result.completion_tokens,
    )


def review_example(
    record: Record,
    prompt_ref: str,
    client: LLMClient,
    settings: Settings,
    store,  # noqa: ANN001
    judge,  # noqa: ANN001
    keys: dict | None = None,
) -> ExampleResult:
    from pipeline.cases import load_case
    from pipeline.evals.grounding import record_metrics
    from pipeline.review import draft_review

    case = load_case(REPO / record.inputs["case_file"])
    t0 = time.perf_counter()
    review = draft_review(case, store, client, settings, prompt_ref=prompt_ref, judge=judge)
    seconds = time.perf_counter() - t0
    grounding = record_metrics(review, judge, settings)
    counts = [len(s.statements) for s in review.sections]
    grounding["statements_per_section"] = sum(counts) / len(counts) if counts else 0.0
    grounding["empty_sections"] = sum(c == 0 for c in counts)
    grounding["review_seconds"] = review.provenance.seconds or 0.0
    spec = (keys or {}).get("cases", {}).get(review.case_id)
    if spec is not None:  # on point: the key file's points, topic, boilerplate, stance
        from pipeline.evals.keypoints import score_case

        kp = score_case(review, spec, list(keys.get("boilerplate") or []))
        grounding["keypoint_recall"] = kp["recall"] or 0.0
        grounding["off_topic_share"] = kp["off_topic_share"]
        grounding["boilerplate_quoted"] = kp["boilerplate"]
        if kp["stance_right"] is not None:
            grounding["stance_right"] = float(kp["stance_right"])
    expected = record.expected.get("verdict")
    statements = [
        {"section": s.key, "text": st.text, "citations": st.citations, "supported": st.supported}
        for s in review.sections
        for st in s.statements
    ]
    return ExampleResult(
        variant="",
        example_id=record.id,
        expected=record.expected,
        output={
            "verdict": review.verdict,
            "recommendation": review.recommendation,
            "verdict_rule": review.verdict_rule,
            "statements": statements,
            "dropped": [d.text for d in review.validation.dropped],
            "support_scores": [
                st.support_score
                for s in review.sections
                for st in s.statements
                if st.support_score is not None
            ],
        },
        correct=review.verdict == expected if expected else None,
        scores={k: float(v) for k, v in grounding.items() if isinstance(v, int | float)},
        latency_s=round(seconds, 2),
        tokens=review.provenance.completion_tokens,
    )


def _policy_pdf(spec: str, settings: Settings) -> Path:
    """A dataset's policy: a path (relative to the repo), or ``corpus:NAME`` for one of
    our sample sources, rendered to PDF under the home on first use."""
    if spec.startswith("corpus:"):
        from pipeline.sources.corpus import CORPUS_DIR, read_source, render_pdf

        name = spec.split(":", 1)[1]
        target = settings.home / "corpus" / f"{name}.pdf"
        if not target.exists():
            meta, body = read_source(CORPUS_DIR / "sources" / f"{name}.md")
            render_pdf(meta, body, target)
        return target
    path = Path(spec)
    return path if path.is_absolute() else REPO / path


def policy_example(
    record: Record, prompt_ref: str, client: LLMClient, settings: Settings, trees: dict
) -> ExampleResult:
    from pipeline.cases import load_case
    from pipeline.policy.compile import compile_policy
    from pipeline.policy.decide import apply_policy

    selected = []
    for spec in record.inputs["policies"]:
        if spec not in trees:
            pdf = _policy_pdf(spec, settings)
            if not pdf.exists():
                raise ValueError(f"policy {spec}: no such file ({pdf})")
            sid = hashlib.sha256(pdf.read_bytes()).hexdigest()
            trees[spec] = compile_policy(pdf, source_id=sid, title=_policy_title(pdf))
        selected.append(trees[spec])
    case = load_case(REPO / record.inputs["case_file"])
    t0 = time.perf_counter()
    decision = apply_policy(case, selected, client, prompt_ref=prompt_ref)
    seconds = time.perf_counter() - t0
    expected = record.expected.get("verdict")
    scores = {"llm_calls": float(decision.llm_calls)}
    label = record.expected.get("any_criterion_not_fully_met")
    if label is not None:
        ours = decision.status != "met"
        scores["criteria_agreement"] = float(ours == label)
    leaves = [j for j in decision.judgments if j.op == "leaf" and j.method != "none"]
    scores["criteria_judged"] = float(len(leaves))
    scores["criteria_by_model"] = float(sum(j.method == "model" for j in leaves))
    failed = [j.text for j in decision.judgments if j.status == "not_met"]
    failed += [j.text for j in decision.exclusions if j.status == "met"]  # an exclusion applied
    if expected:
        scores.update(confident_errors(expected, decision.verdict, record.expected, failed))
    return ExampleResult(
        variant="",
        example_id=record.id,
        expected=record.expected,
        output={
            "verdict": decision.verdict,
            "rule": decision.rule,
            "indication": decision.indication,
            "branch": decision.branch,
            "criteria": [
                {"id": j.node_id, "status": j.status, "method": j.method, "facts": j.facts}
                for j in leaves
            ],
            "failed": failed,  # not-met criteria and applied exclusions, as printed
        },
        correct=decision.verdict == expected if expected else None,
        scores=scores,
        latency_s=round(seconds, 2),
    )


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", text).lower()).split())


def confident_errors(
    expected: str, verdict: str, labels: dict[str, Any], failed: list[str]
) -> dict[str, float]:
    """The verdicts a reviewer cannot trust: an approval the case does not earn (expected a
    denial or "insufficient information"), a denial of a case that should be approved or
    abstained on, and, where the record names the criterion that fails
    (``failed_criterion``: the first words of it, or of any of several, as printed), a right
    denial for a wrong reason (no not-met criterion or applied exclusion contains them)."""
    out = {
        "false_approval": float(verdict == "medically_necessary" and expected != verdict),
        "false_denial": float(verdict == "not_medically_necessary" and expected != verdict),
    }
    wanted = labels.get("failed_criterion")
    if wanted and expected == verdict == "not_medically_necessary":
        wanted = [wanted] if isinstance(wanted, str) else wanted
        texts = [_normal(t) for t in failed]
        hit = any(_normal(w) in t for w in wanted for t in texts)
        out["denied_for_other_criterion"] = float(not hit)
    return out


def _policy_title(pdf: Path) -> str:
    from pipeline.sources.parse import pdf_info

    return pdf_info(pdf).get("title") or pdf.stem.replace("-", " ")


# --- the run ------------------------------------------------------------------------------
@contextmanager
def provider_client(provider: Provider, settings: Settings, cache: Path) -> Iterator[Any]:
    llm = settings.llm.model_copy(
        update={
            "base_url": provider.base_url,
            "model": provider.model or settings.llm.model,
            "api_key": api_key_from_env(provider.api_key_env),
        }
    )
    with open_llm(settings.model_copy(update={"llm": llm})) as client:
        yield CachedClient(client, cache)


def run_eval(
    config: EvalConfig,
    settings: Settings,
    run_id: str | None = None,
    progress: Callable[[list, str], Any] | None = None,
    client_factory: Callable[[Provider], Any] | None = None,
    store: Any = None,
) -> Run:
    """Every prompt × provider over the dataset. ``client_factory`` replaces the providers'
    clients and ``store`` the configured store (tests pass fakes)."""
    settings = settings.model_validate(_merge(settings.model_dump(), config.settings))
    records = load_dataset(config.dataset, config.limit, config.split)
    if not records:
        raise ValueError(f"dataset {config.dataset}: no records (split {config.split!r})")
    cache = settings.home / "cache" / "llm-calls.sqlite"
    judge = None
    keys = None
    if config.keypoints:
        from pipeline.evals.keypoints import load_keyfile

        keys = load_keyfile(REPO / config.keypoints)
    if config.task == "review":
        from pipeline.runtime import Pipeline, PipelineError

        runtime = Pipeline.open(settings, store=store)
        try:
            runtime.require_chunks()
        except PipelineError as exc:
            raise ValueError(f"{exc} (`make demo` builds it)") from exc
        store, judge = runtime.store, runtime.judge
    examples: list[ExampleResult] = []
    models: dict[str, str] = {}
    trees: dict = {}  # policy task: each policy compiled once per run
    for provider in config.providers:
        with (
            _fake(client_factory(provider))
            if client_factory
            else provider_client(provider, settings, cache)
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
                                record, prompt_ref, client, settings, store, judge, keys
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


@contextmanager
def _fake(client: Any) -> Iterator[Any]:
    yield client


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
