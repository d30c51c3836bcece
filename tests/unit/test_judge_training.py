"""Judge training without an embedder: calibration, thresholds, folds and the refit on labels,
on feature matrices whose truth is known."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pipeline.check.judge import JudgeModel, SupportJudge, load_model
from pipeline.evals.labels import training_rows
from pipeline.evals.metrics import best_threshold, binary_report, fit_platt
from pipeline.evals.validator import (
    cross_validate,
    folds_of,
    refit_with_labels,
    save_model,
    train,
)
from tests.fakes import HashingEmbedder


def f_beta(gold: list[bool], pred: list[bool], beta: float) -> float:
    """F-beta of the positive class, counted row by row (the reference)."""
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum((not g) and p for g, p in zip(gold, pred, strict=True))
    fn = sum(g and (not p) for g, p in zip(gold, pred, strict=True))
    b2 = beta * beta
    return (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0


def _brute_force(gold: list[bool], scores: list[float], beta: float | None) -> float:
    best, best_f = 0.5, -1.0
    for t in sorted({round(s, 3) for s in scores}):
        pred = [s >= t for s in scores]
        f = binary_report(gold, pred)["macro_f1"] if beta is None else f_beta(gold, pred, beta)
        if round(f, 4) > best_f:
            best, best_f = t, round(f, 4)
    return best


def test_best_threshold_matches_a_brute_force_search() -> None:
    rng = random.Random(3)
    for _ in range(40):
        scores = [rng.random() for _ in range(rng.randint(3, 200))]
        gold = [rng.random() < 0.8 * s for s in scores]
        for beta in (None, 0.5):
            assert best_threshold(gold, scores, beta) == _brute_force(gold, scores, beta)


def test_platt_scaling_recovers_a_known_sigmoid() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=20_000)
    y = rng.random(20_000) < 1 / (1 + np.exp(-(2.0 * x - 0.5)))
    a, b = fit_platt(x, y)
    assert abs(a - 2.0) < 0.1 and abs(b + 0.5) < 0.1


def _synthetic(n: int, groups: int, signal: int, seed: int) -> tuple[list[dict], np.ndarray]:
    """Rows whose feature ``signal`` carries the label (noisily), grouped like topics."""
    rng = np.random.default_rng(seed)
    y = rng.random(n) < 0.35
    x = rng.normal(size=(n, 4))
    x[:, signal] += np.where(y, 1.2, -0.2)
    rows = [
        {"label": "Supports" if g else "Neutral", "topic_ip": f"t{seed}-{i % groups}"}
        for i, g in enumerate(y)
    ]
    return rows, x


def test_training_calibrates_on_out_of_fold_scores_and_reads_both_thresholds_off_it() -> None:
    rows, x = _synthetic(1500, 40, 0, seed=1)
    model = train(rows, x, "synthetic")
    gold = np.array([r["label"] == "Supports" for r in rows])
    p = model.probabilities(x)
    # Calibrated: in each well-filled bin the mean score is the supported rate, within
    # three standard errors of a rate measured on that many rows.
    for b in model.calibration:
        if b["n"] >= 100:
            se = (b["supports_rate"] * (1 - b["supports_rate"]) / b["n"]) ** 0.5
            assert abs(b["mean_score"] - b["supports_rate"]) < 3 * se + 0.01, b
    assert abs(p.mean() - gold.mean()) < 0.03
    # The reviews' bar weighs precision: at least as strict as macro-F1's optimum.
    assert model.review_threshold is not None and model.review_threshold >= model.threshold
    cv = cross_validate(rows, x)
    assert cv["folds"] == 5 and 0.6 < cv["macro_f1"] <= 1.0
    assert cv["at_review_threshold"]["n"] == len(rows) and cv["calibration"]


def test_folds_follow_groups_and_new_groups_move_no_old_row() -> None:
    rows, _ = _synthetic(300, 30, 0, seed=2)
    before = folds_of(rows)
    by_group: dict[str, set[int]] = {}
    for r, f in zip(rows, before, strict=True):
        by_group.setdefault(r["topic_ip"], set()).add(f)
    assert all(len(f) == 1 for f in by_group.values())  # a topic never straddles folds
    more, _ = _synthetic(50, 5, 0, seed=9)
    assert folds_of(rows + more)[: len(rows)] == before
    assert len(set(before)) == 5


def test_labels_refit_learns_the_in_domain_shift_and_reports_before_after(tmp_path: Path) -> None:
    # HealthVer-like rows, and "labelled" rows where another feature carries the label: a
    # judge trained on the first is near chance on the second; the refit learns both.
    hv, x_hv = _synthetic(1200, 40, 0, seed=4)
    lab, x_lab = _synthetic(400, 40, 1, seed=5)
    for r in lab:
        r["topic_ip"] = "review:" + r["topic_ip"]
    model, report = refit_with_labels(hv, x_hv, lab, x_lab, "hv+labels(400)")
    labels = report["labels"]
    assert labels["before"]["n"] == labels["after"]["n"] > 0
    assert labels["after"]["macro_f1"] > labels["before"]["macro_f1"]
    assert report["healthver"]["before"]["n"] > 0 and labels["train_n"] > 0
    path = tmp_path / "judge.json"
    save_model(model, path)
    loaded = load_model(path)
    assert isinstance(loaded, JudgeModel) and loaded.trained_on == "hv+labels(400)"
    assert np.allclose(loaded.probabilities(x_lab[:5]), model.probabilities(x_lab[:5]))
    data = json.loads(path.read_text())
    assert data["review_threshold"] == model.review_threshold and data["calibration"]


def test_a_judge_uses_its_calibrated_bar_unless_one_is_configured() -> None:
    model = JudgeModel([0.0], [1.0], [1.0], 0.0, threshold=0.3, review_threshold=0.45)
    assert SupportJudge(model=model).threshold == 0.45
    assert SupportJudge(model=model, threshold=0.6).threshold == 0.6
    model.review_threshold = None  # weights from before calibration
    assert SupportJudge(model=model).threshold == 0.3


def test_labels_become_training_rows_as_the_validator_joins_cited_text() -> None:
    labels = [
        {
            "statement": "MTX is first line.",
            "evidence": json.dumps(["MTX is recommended", "as initial therapy."]),
            "label": "partial",
            "review_id": 7,
        },
        {"statement": "x", "evidence": json.dumps([]), "label": "supported", "review_id": 7},
    ]
    rows = training_rows(labels)
    assert rows == [
        {
            "claim": "MTX is first line.",
            "evidence": "MTX is recommended as initial therapy.",
            "label": "Neutral",  # partial is not supported
            "topic_ip": "review:7",
        }
    ]


class _RecordingE5(HashingEmbedder):
    """The shared hashing stand-in with e5's two entry points; records what it was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, list[str]]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(("passage", list(texts)))
        return super().embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(("query", list(texts)))
        return super().embed([f"query {t}" for t in texts])


def test_e5_features_are_computed_only_for_a_model_that_reads_them() -> None:
    from pipeline.check.judge import FEATURES, MINILM_FEATURES, MINILM_WIDTH
    from pipeline.evals.validator import feature_matrix

    rows = [
        {"claim": "Methotrexate is first-line therapy.", "evidence": "We recommend MTX first."},
        {"claim": "IVIG is not covered.", "evidence": "IVIG is excluded for JIA."},
    ]
    minilm = HashingEmbedder()
    minilm.name = "all-MiniLM-L6-v2-q8-onnx"  # so the judge loads its trained weights
    e5 = _RecordingE5()
    judge = SupportJudge(minilm, model=None, e5=e5)
    # The shipped weights read e5 too.
    assert judge.model is not None and judge.model.reads_e5
    # Training asks for every feature: the MiniLM block, then e5's, claims read as queries.
    x = feature_matrix(rows, judge, every=True)
    assert x.shape == (2, MINILM_WIDTH + 1 + 2 * 384)
    assert ("query", sorted(r["claim"] for r in rows)) in e5.calls
    assert ("passage", sorted(r["evidence"] for r in rows)) in e5.calls
    # The e5 cosine sits right after the MiniLM block.
    q = e5.embed_queries([rows[0]["claim"]])[0]
    p = e5.embed([rows[0]["evidence"]])[0]
    assert np.isclose(x[0, MINILM_WIDTH], q @ p)
    # A model fitted on that width records every feature, and so reads e5 once loaded.
    y_rows = [
        r | {"label": lab, "topic_ip": str(i)}
        for i, (r, lab) in enumerate(zip(rows * 10, ["Supports", "Refutes"] * 10, strict=True))
    ]
    wide = train(y_rows, np.vstack([x] * 10), "synthetic")
    assert wide.features == FEATURES and wide.reads_e5
    # A MiniLM-only model (the earlier shipped kind) never touches e5.
    narrow = JudgeModel([0.0] * MINILM_WIDTH, [1.0] * MINILM_WIDTH, [0.0] * MINILM_WIDTH, 0.0, 0.5)
    assert narrow.features == MINILM_FEATURES and not narrow.reads_e5
    e5.calls.clear()
    scores = SupportJudge(minilm, model=narrow, e5=e5).scores([("a claim", "some evidence")])
    assert len(scores) == 1 and e5.calls == []
    wide_scores = SupportJudge(minilm, model=wide, e5=e5).scores([("a claim", "some evidence")])
    assert len(wide_scores) == 1 and e5.calls
