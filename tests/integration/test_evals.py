"""The QA eval commands: they run, their JSON has the contract keys, their numbers add up."""

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evals.metrics import auc, best_threshold, binary_report
from tests.conftest import SHARED, FakeLLM, review_to
from tests.unit.test_review_fake import careful_model

runner = CliRunner()
CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def _bench(*parts: str) -> Path:
    path = SHARED.joinpath("bench", *parts)
    if not path.exists():
        pytest.skip(f"../shared is absent ({path} not found)")
    return path


def _eval_json(tmp_path: Path, *args: str):  # noqa: ANN202
    return runner.invoke(
        app, ["eval", *args, "--json"], env={"NECESSITY_HOME": str(tmp_path / "home")}
    )


def test_binary_report_and_threshold() -> None:
    gold = [True, True, False, False]
    r = binary_report(gold, [True, False, False, False])
    assert r["accuracy"] == 0.75 and r["confusion"]["supports"] == {"supports": 1, "not": 1}
    assert r["macro_f1"] == round((2 / 3 + 0.8) / 2, 4)
    assert best_threshold(gold, [0.9, 0.8, 0.2, 0.1]) in {0.8}


def test_auc_counts_pairs_won_and_ties_as_half() -> None:
    gold = [True, True, False, False]
    assert auc(gold, [0.9, 0.8, 0.2, 0.1]) == 1.0
    assert auc(gold, [0.1, 0.2, 0.8, 0.9]) == 0.0
    # positives 0.5, 0.3 against negatives 0.5, 0.1: 0.5 + 1 + 0 + 1 of 4 pairs
    assert auc(gold, [0.5, 0.3, 0.5, 0.1]) == 0.625


def _write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "evidence", "claim", "label", "topic_ip"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_eval_validator_on_a_small_csv(tmp_path: Path) -> None:
    rows = [
        {
            "id": 1,
            "claim": "Vitamin D lowers COVID-19 risk.",
            "evidence": "Vitamin D lowers the risk of COVID-19 in older adults.",
            "label": "Supports",
            "topic_ip": 1,
        },
        {
            "id": 2,
            "claim": "Masks cause hypoxia.",
            "evidence": "Masks were not associated with hypoxia in any trial.",
            "label": "Refutes",
            "topic_ip": 2,
        },
        {
            "id": 3,
            "claim": "Zinc cures COVID-19.",
            "evidence": "Hand washing reduces transmission.",
            "label": "Neutral",
            "topic_ip": 3,
        },
    ]
    path = _write_csv(tmp_path / "hv.csv", rows)
    r = runner.invoke(
        app,
        ["eval", "validator", "--healthver", str(path), "--json"],
        env={"NECESSITY_HOME": str(tmp_path / "h")},
    )
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["n"] == 3
    confusion = report["confusion"]  # gold label -> predicted label -> count
    assert sum(sum(v.values()) for v in confusion.values()) == 3
    # The headline numbers are what the confusion matrix says, not merely in [0, 1].
    right = sum(confusion[k].get(k, 0) for k in confusion)
    assert report["accuracy"] == round(right / 3, 4)
    f1s = []
    for k in ("supports", "not"):
        tp = confusion.get(k, {}).get(k, 0)
        fp = sum(confusion[g].get(k, 0) for g in confusion if g != k)
        fn = sum(v for p, v in confusion.get(k, {}).items() if p != k)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    assert report["macro_f1"] == round(sum(f1s) / 2, 4)
    assert report["threshold"] > 0 and report["calibration"]


def test_eval_validator_rejects_a_bad_csv(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("claim,label\nx,Supports\n")
    r = runner.invoke(
        app,
        ["eval", "validator", "--healthver", str(bad), "--json"],
        env={"NECESSITY_HOME": str(tmp_path / "h")},
    )
    assert r.exit_code == 2 and "evidence" in r.output


@pytest.mark.shared
def test_eval_validator_on_a_healthver_slice(tmp_path: Path) -> None:
    path = _bench("healthver", "healthver_dev.csv")
    r = _eval_json(tmp_path, "validator", "--healthver", str(path), "--limit", "200")
    report = json.loads(r.stdout)
    assert report["n"] == 200 and report["macro_f1"] > 0.5  # well above majority (0.42)


def test_eval_grounding_over_review_records(tmp_path: Path, real_store, real_settings) -> None:
    from pipeline.cases import load_case

    out = tmp_path / "reviews"
    result = review_to(
        load_case(CASES / "ivig-jia.yaml"),
        real_store,
        FakeLLM([careful_model]),
        real_settings,
        out,
    )
    recorded = result.json_path.read_bytes()
    r = runner.invoke(
        app, ["eval", "grounding", str(out), "--json"], env={"NECESSITY_HOME": str(tmp_path / "h")}
    )
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    # The eval agrees with the validator that wrote the record: every kept statement is
    # supported, the dropped lemonade claim is not, and nothing cites what is not there.
    v = result.review.validation
    total = v.supported_statements + v.unsupported_statements
    assert total == 4 and v.unsupported_statements == 1
    assert report["citation_recall"] == round(v.supported_statements / total, 4)
    assert report["unsupported_statement_rate"] == round(v.unsupported_statements / total, 4)
    assert report["unresolvable_citation_rate"] == 0.0
    assert report["records"] == 1 and report["per_record"][0]["record"] == "ivig-jia"
    assert result.json_path.read_bytes() == recorded  # graded, never rewritten


def test_eval_retrieval_on_bioasq_slice(tmp_path: Path) -> None:
    bioasq = _bench("bioasq")
    result = _eval_json(tmp_path, "retrieval", "--bioasq", str(bioasq), "--limit", "15")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["questions"] == 15 and report["chunks"] > 15
    for mode in ("bm25", "dense", "hybrid", "rerank", "default"):
        assert set(report[mode]) >= {"ndcg@10", "recall@10", "mrr"}, mode
        # Chance is ~10 in 4,339 snippets; every retriever finds most gold snippets.
        assert report[mode]["recall@10"] > 0.4 and report[mode]["mrr"] > 0.4, mode
    assert report["default"]["ndcg@10"] == report[report["default"]["mode"]]["ndcg@10"]
    assert set(report["latency_ms"]) == {"bm25", "dense", "hybrid", "rerank"}


def test_eval_retrieval_needs_a_benchmark() -> None:
    result = runner.invoke(app, ["eval", "retrieval"])
    assert result.exit_code == 2 and "--bioasq" in result.output


@pytest.mark.shared
def test_train_judge_learns_from_qa_labels_and_reviews_then_use_the_refit(tmp_path: Path) -> None:
    import random
    import sqlite3

    from pipeline.check.judge import SupportJudge
    from pipeline.settings import Settings
    from pipeline.sources.embed import get_embedder
    from pipeline.web.db import ReviewDB

    with _bench("healthver", "healthver_dev.csv").open(newline="", encoding="utf-8") as handle:
        rows = random.Random(5).sample(list(csv.DictReader(handle)), 300)
    small = _write_csv(tmp_path / "hv.csv", [{k: r[k] for k in _FIELDS} for r in rows])
    db = tmp_path / "reviews.sqlite"
    ReviewDB(db)  # the web app's schema
    conn = sqlite3.connect(db)
    for i in range(30):  # ten reviews, three labelled statements each
        supported = i % 3 != 0
        conn.execute(
            "INSERT INTO labels (review_id, version, section, idx, statement, citations, "
            "evidence, judge_supported, judge_score, label, note, who, at) "
            "VALUES (?, 1, 'evidence', ?, ?, '[\"S1\"]', ?, 1, 0.5, ?, NULL, 'qa:Q', 'now')",
            (
                i // 3,
                i,
                f"Methotrexate is recommended as initial therapy {i}.",
                json.dumps(
                    ["Methotrexate is recommended as initial therapy for polyarthritis."]
                    if supported
                    else ["Hip replacement may be considered for advanced joint damage."]
                ),
                "supported" if supported else "not_supported",
            ),
        )
    conn.commit()
    conn.close()
    home = tmp_path / "home"
    r = runner.invoke(
        app,
        ["eval", "train-judge", "--healthver", str(small), "--labels", "--db", str(db), "--json"],
        env={"NECESSITY_HOME": str(home)},
    )
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["labels"] == 30
    held = report["held_back"]
    assert {"before", "after"} <= set(held["healthver"]) and held["healthver"]["before"]["n"] > 0
    assert held["labels"]["train_n"] + held["labels"]["before"]["n"] == 30
    refit = home / "judge" / "judge.json"
    assert report["wrote"] == str(refit) and refit.exists()
    # Reviews now use the refit: the settings point at it, and the judge says so in its name.
    settings = Settings(home=home)
    assert settings.judge_weights_path == refit
    judge = SupportJudge(get_embedder(settings.embedder), weights=settings.judge_weights_path)
    assert "labels(30)" in judge.name and judge.threshold == report["review_threshold"]
    # And QA's own eval scores that judge, not the shipped one.
    scored = runner.invoke(
        app,
        ["eval", "validator", "--healthver", str(small), "--json"],
        env={"NECESSITY_HOME": str(home)},
    )
    assert scored.exit_code == 0, scored.output
    scored_report = json.loads(scored.stdout)
    assert "labels(30)" in scored_report["judge"] and scored_report["in_sample"] is True


_FIELDS = ["id", "evidence", "claim", "label", "topic_ip"]
