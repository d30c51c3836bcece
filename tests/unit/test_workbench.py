"""The eval workbench: datasets, cached calls, stored runs, thresholds, compare, reports."""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evals.datasets import load_dataset
from pipeline.evals.report import run_report
from pipeline.evals.runs import RunStore
from pipeline.evals.tasks import confident_errors
from pipeline.evals.workbench import EvalConfig, compare, eval_settings, run_eval
from pipeline.runtime import Pipeline
from pipeline.settings import Settings
from tests.conftest import FakeLLM
from tests.fake_openai import FakeOpenAIServer
from tests.unit.test_review_fake import careful_model

REPO = Path(__file__).resolve().parents[2]


def _run(config: EvalConfig, settings, store=None, **options):  # noqa: ANN001, ANN003, ANN202
    """``run_eval`` as the command runs it: one pipeline under the config's settings."""
    with Pipeline.open(eval_settings(config, settings), store=store) as pipeline:
        return run_eval(config, pipeline, **options)


runner = CliRunner()


def _pubmedqa(tmp_path: Path) -> Path:
    items = {
        str(i): {
            "QUESTION": f"Does drug {i} lower blood pressure?",
            "CONTEXTS": [f"In trial {i}, drug {i} lowered systolic pressure by {i} mmHg."],
            "LABELS": ["RESULTS"],
            "final_decision": "yes" if i % 3 else "no",
        }
        for i in range(1, 7)
    }
    path = tmp_path / "pqal.json"
    path.write_text(json.dumps(items))
    return path


def _always_yes(body: dict) -> dict:
    return {"answer": "yes", "reason": "The trial found a drop."}


def test_datasets_load_with_clear_errors(tmp_path: Path) -> None:
    seeds = load_dataset("evals/datasets/seed-cases.jsonl")
    assert [r.id for r in seeds] == ["ivig-jia", "ivig-sle"] and seeds[0].split == "regression"
    assert load_dataset(_pubmedqa(tmp_path), limit=4)[0].expected == {"answer": "yes"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_dataset(bad)


def test_run_store_compare_and_report_with_a_scripted_model(settings, tmp_path: Path) -> None:
    config = EvalConfig(
        name="t",
        task="pubmedqa",
        dataset=str(_pubmedqa(tmp_path)),
        prompts=["pubmedqa@1"],
        thresholds={"accuracy": 0.9},
    )
    fake = FakeLLM([lambda m, s: _always_yes({})] * 6)
    run = _run(config, settings, client_factory=lambda p: fake)
    assert run.metrics["accuracy[pubmedqa@1|embedded]"] == round(4 / 6, 4)  # 4 yes, 2 no
    assert run.metrics["majority_baseline[pubmedqa@1|embedded]"] == round(4 / 6, 4)
    assert run.thresholds[0]["ok"] is False and not run.passed
    assert run.prompts["pubmedqa@1"] and run.git_commit
    # The schema follows the prompt's field order: @1 answers first.
    assert list(fake.calls[0]["schema"]["properties"]) == ["answer", "reason"]

    store = RunStore(tmp_path / "runs.sqlite")
    store.save(run)
    again = store.load(run.id)
    assert again.metrics == run.metrics and len(again.examples) == 6
    better = again.model_copy(deep=True)
    better.id = run.id + "-b"
    for e in better.examples:
        e.correct = True
    better.metrics = {k: (1.0 if k.startswith("accuracy") else v) for k, v in run.metrics.items()}
    result = compare(again, better)
    assert result["metrics"]["accuracy[pubmedqa@1|embedded]"]["delta"] == round(1 - 4 / 6, 4)
    assert sorted(f["example_id"] for f in result["flipped"]) == ["3", "6"]
    html = run_report(
        run,
        calibrations={
            "judge, out-of-fold": [
                {"bin": "0.5-0.6", "n": 4, "mean_score": 0.55, "supports_rate": 0.75}
            ],
            "judge vs QA labels": [
                {"bin": "0.8-1.0", "n": 2, "mean_score": 0.9, "supports_rate": 1.0}
            ],
        },
    )
    assert html.count("<svg") >= 4 and "THRESHOLDS FAILED" in html and "http" not in html
    assert "judge, out-of-fold" in html and "judge vs QA labels" in html


def test_review_task_scores_verdicts_and_grounding(sample_store, session_settings) -> None:
    config = EvalConfig(
        name="seed",
        task="review",
        dataset="evals/datasets/seed-cases.jsonl",
        limit=1,
        prompts=["review-draft@2"],
    )
    run = _run(
        config,
        session_settings,
        client_factory=lambda p: FakeLLM([careful_model]),
        store=sample_store,
    )
    variant = "review-draft@2|embedded"
    assert run.metrics[f"verdict_accuracy[{variant}]"] == 1.0
    assert run.metrics[f"unresolvable_citation_rate[{variant}]"] == 0.0
    # Recall is what the example's own statements say: kept ones supported, dropped not.
    out = run.examples[0].output
    kept = [st for st in out["statements"] if st["supported"]]
    expected = len(kept) / (len(out["statements"]) + len(out["dropped"]))
    assert run.metrics[f"citation_recall[{variant}]"] == round(expected, 4)
    assert run.examples[0].output["verdict"] == "not_medically_necessary"


def test_cli_run_caches_calls_and_reruns_only_the_edited_prompt(tmp_path: Path) -> None:
    prompt = tmp_path / "mine@1.md"
    shutil.copy(REPO / "prompts" / "pubmedqa@1.md", prompt)
    config = {
        "name": "cli",
        "task": "pubmedqa",
        "dataset": str(_pubmedqa(tmp_path)),
        "limit": 3,
        "prompts": ["pubmedqa@2", str(prompt)],
        "thresholds": {"error_rate": {"max": 0.0}},
    }
    path = tmp_path / "cfg.yaml"
    runs = tmp_path / "runs"
    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    with FakeOpenAIServer([_always_yes] * 20) as server:
        config["providers"] = [{"name": "fake", "base_url": server.base_url, "model": "m"}]
        path.write_text(yaml.safe_dump(config))
        args = ["eval", "run", str(path), "--runs", str(runs), "--json"]
        first = runner.invoke(app, args, env=env)
        assert first.exit_code == 0, first.output
        assert len(server.requests) == 6
        out = json.loads(first.stdout)
        assert set(out) >= {"run_id", "report", "metrics"} and Path(out["report"]).exists()
        second = runner.invoke(app, args, env=env)
        assert len(server.requests) == 6  # every call came from the cache
        prompt.write_text(prompt.read_text().replace("from nothing else", "and only from it"))
        third = runner.invoke(app, args, env=env)
        assert len(server.requests) == 9  # only the edited prompt's 3 calls were made
    out3 = json.loads(third.stdout)
    assert out3["compared_with"]["run_id"] == json.loads(second.stdout)["run_id"]
    assert Path(out3["compared_with"]["report"]).exists()
    cmp = runner.invoke(
        app, ["eval", "compare", out["run_id"], out3["run_id"], "--runs", str(runs), "--json"]
    )
    assert cmp.exit_code == 0 and "metrics" in json.loads(cmp.stdout)
    missing = runner.invoke(app, ["eval", "compare", "nope", out3["run_id"], "--runs", str(runs)])
    assert missing.exit_code == 2 and "no run 'nope'" in missing.output


def test_policy_task_scores_the_worksheet(session_settings) -> None:
    config = EvalConfig(
        name="policy",
        task="policy",
        dataset="evals/datasets/policy-cases.jsonl",
        split="seed",
        prompts=["criterion-judge@2"],
    )
    fake = FakeLLM()  # criterion judgments unscripted: "cannot tell"
    run = _run(config, session_settings, client_factory=lambda p: fake)
    variant = "criterion-judge@2|embedded"
    # JIA: the sample policy's exclusion decides by rule; SLE: the reference to the initial
    # criteria and the clinical response ("improvement on IVIG") are both read by rule, so the
    # unscripted model is never asked and both verdicts are the labels'.
    assert [e.output["verdict"] for e in run.examples] == [
        "not_medically_necessary",
        "medically_necessary",
    ]
    assert run.metrics[f"verdict_accuracy[{variant}]"] == 1.0
    assert run.metrics[f"llm_calls[{variant}]"] == 0.0
    assert fake.calls == []


def test_policy_task_counts_confident_errors(session_settings, tmp_path: Path) -> None:
    # The JIA case is denied by the sample policy's exclusion, with no model call; labelled
    # four ways, it is a false denial twice, a right denial and a denial for another reason.
    jia = next(r for r in load_dataset(REPO / "evals/datasets/policy-cases.jsonl", split="seed"))
    base = jia.model_dump()
    labels = {
        "should-approve": {"verdict": "medically_necessary"},
        "should-abstain": {"verdict": "insufficient_information"},
        "right-reason": {
            "verdict": "not_medically_necessary",
            "failed_criterion": ["No such criterion", "Juvenile idiopathic arthritis and"],
        },
        "other-reason": {
            "verdict": "not_medically_necessary",
            "failed_criterion": "The member has severe systemic lupus",
        },
    }
    dataset = tmp_path / "pairs.jsonl"
    dataset.write_text(
        "".join(
            json.dumps({**base, "id": name, "expected": expected, "split": "pairs"}) + "\n"
            for name, expected in labels.items()
        )
    )
    config = EvalConfig(
        name="pairs", task="policy", dataset=str(dataset), prompts=["criterion-judge@2"]
    )
    run = _run(config, session_settings, client_factory=lambda p: FakeLLM())
    variant = "criterion-judge@2|embedded"
    assert {e.output["verdict"] for e in run.examples} == {"not_medically_necessary"}
    assert run.metrics[f"verdict_accuracy[{variant}]"] == 0.5
    assert run.metrics[f"false_denials[{variant}]"] == 2
    assert run.metrics[f"false_approvals[{variant}]"] == 0
    assert run.metrics[f"denials_for_other_criterion[{variant}]"] == 1
    assert run.examples[2].output["failed"]  # the applied exclusion, as printed


def test_an_approval_not_earned_is_a_false_approval() -> None:
    for expected in ("not_medically_necessary", "insufficient_information"):
        assert confident_errors(expected, "medically_necessary", {}, []) == {
            "false_approval": 1.0,
            "false_denial": 0.0,
        }
    right = confident_errors("medically_necessary", "medically_necessary", {}, [])
    assert right == {"false_approval": 0.0, "false_denial": 0.0}
    # Matching ignores case, punctuation and the "≥" sign's spacing, as the gold trees do.
    reason = confident_errors(
        "not_medically_necessary",
        "not_medically_necessary",
        {"failed_criterion": "Patient is ≥ 6 years of age"},
        ["i. Patient is ≥6 years of age; AND"],
    )
    assert reason["denied_for_other_criterion"] == 0.0


def test_embedded_provider_calls_are_cached_across_server_ports(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded server listens on a new port at every start: a second identical run
    (provider without base_url) is still answered from the cache."""
    import contextlib

    from pipeline.llm import client as llm_client

    servers: list[FakeOpenAIServer] = []

    @contextlib.contextmanager
    def fake_embedded(settings, parallel=1):  # noqa: ANN001, ANN202
        with FakeOpenAIServer([_always_yes] * 10) as server:  # a fresh port each start
            servers.append(server)
            yield server.base_url

    monkeypatch.setattr(llm_client, "embedded_server", fake_embedded)
    config = EvalConfig(
        name="embedded",
        task="pubmedqa",
        dataset=str(_pubmedqa(tmp_path)),
        limit=3,
        prompts=["pubmedqa@2"],
    )
    first = _run(config, settings)
    second = _run(config, settings)
    assert servers[0].base_url != servers[1].base_url
    assert [len(s.requests) for s in servers] == [3, 0]
    assert all(e.cached for e in second.examples) and not any(e.cached for e in first.examples)
