"""`necessity eval validator`: score the support judge on HealthVer-style CSVs, and train it.

Rows: ``claim``, ``evidence``, ``label`` (Supports / Refutes / Neutral); the task is
supports-vs-not. Cross-validation groups folds by topic (``topic_ip``) so a fold's claims are
never seen in training: those are the numbers for pairs the judge was not tuned on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from dataclasses import asdict
from pathlib import Path

import numpy as np

from pipeline.check.judge import (
    JudgeModel,
    SupportJudge,
    features_of_width,
    fit_logistic,
    review_bar,
)
from pipeline.evals.metrics import best_threshold, binary_report, fit_platt


def load_healthver(path: Path, limit: int | None = None, seed: int = 13) -> list[dict]:
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    missing = {"claim", "evidence", "label"} - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    for row in rows:
        if row["label"] not in {"Supports", "Refutes", "Neutral"}:
            raise ValueError(f"{path}: row {row.get('id')}: unknown label {row['label']!r}")
    if limit and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return rows


def feature_matrix(rows: list[dict], judge: SupportJudge, every: bool = False) -> np.ndarray:
    """One row per pair: the features the judge's model reads, or (``every``, to train a
    new one) all the judge computes."""
    return judge.features([(r["claim"], r["evidence"]) for r in rows], every=every)


FOLDS = 5
HELD_BACK = 0  # the fold `train-judge --labels` reports before/after on
LABEL_WEIGHT = 3.0  # one in-domain label counts as three HealthVer rows
BETA = 0.5  # reviews' bar: F-beta of "supports", precision weighted over recall


def group_of(row: dict) -> str:
    return str(row.get("topic_ip") or row.get("id"))


def folds_of(rows: list[dict], folds: int = FOLDS) -> list[int]:
    """Each row's fold, by a hash of its group (a HealthVer topic, a labelled review): a
    group never straddles folds, and adding rows of new groups moves no old row."""
    return [int(hashlib.sha1(group_of(r).encode()).hexdigest(), 16) % folds for r in rows]


def _gold(rows: list[dict]) -> np.ndarray:
    return np.array([r["label"] == "Supports" for r in rows], dtype=float)


def _fit(rows: list[dict], x: np.ndarray, source: str, sample_weight=None) -> JudgeModel:  # noqa: ANN001
    mean, scale, w, b = fit_logistic(x, _gold(rows), sample_weight=sample_weight)
    return JudgeModel(
        mean.tolist(),
        scale.tolist(),
        w.tolist(),
        float(b),
        0.5,
        source,
        features=features_of_width(x.shape[1]),
    )


def out_of_fold_logits(
    rows: list[dict], x: np.ndarray, sample_weight: np.ndarray | None = None
) -> np.ndarray:
    fold = np.array(folds_of(rows))
    out = np.zeros(len(rows))
    for k in range(FOLDS):
        test, trn = np.flatnonzero(fold == k), np.flatnonzero(fold != k)
        if len(test) and len(trn):
            sw = None if sample_weight is None else sample_weight[trn]
            model = _fit([rows[i] for i in trn], x[trn], "fold", sw)
            out[test] = model.logits(x[test])
    return out


def train(
    rows: list[dict], x: np.ndarray, source: str, sample_weight: np.ndarray | None = None
) -> JudgeModel:
    """Fit on every row; calibrate on out-of-fold scores (Platt), and read both thresholds
    off that calibrated curve: macro-F1's optimum, and the reviews' stricter F-beta one."""
    model = _fit(rows, x, source, sample_weight)
    gold = [bool(g) for g in _gold(rows)]
    oof = out_of_fold_logits(rows, x, sample_weight)
    model.platt_a, model.platt_b = fit_platt(oof, gold)
    scores = [float(p) for p in 1 / (1 + np.exp(-(model.platt_a * oof + model.platt_b)))]
    model.threshold = best_threshold(gold, scores)
    model.review_threshold = best_threshold(gold, scores, beta=BETA)
    model.calibration = calibration(gold, scores)
    return model


def judge_report(model: JudgeModel, rows: list[dict], x: np.ndarray) -> dict:
    """A model on rows it did not train on: at the reviews' bar and at macro-F1's."""
    gold = [bool(g) for g in _gold(rows)]
    if not rows:
        return {"n": 0}
    p = model.probabilities(x)
    bar = review_bar(model)
    return binary_report(gold, [bool(s >= bar) for s in p]) | {
        "threshold": round(bar, 3),
        "macro_f1_at_f1_threshold": binary_report(gold, [bool(s >= model.threshold) for s in p])[
            "macro_f1"
        ],
    }


def cross_validate(rows: list[dict], x: np.ndarray) -> dict:
    """Out-of-fold predictions, folds grouped by topic; each fold's model (calibration and
    thresholds included) is trained on the other folds only."""
    fold = np.array(folds_of(rows))
    gold = [bool(g) for g in _gold(rows)]
    scores = np.zeros(len(rows))
    at_review = [False] * len(rows)
    at_f1 = [False] * len(rows)
    for k in range(FOLDS):
        test, trn = np.flatnonzero(fold == k), np.flatnonzero(fold != k)
        if not len(test):
            continue
        model = train([rows[i] for i in trn], x[trn], "fold")
        p = model.probabilities(x[test])
        for i, s in zip(test, p, strict=True):
            scores[i] = s
            at_f1[i] = bool(s >= model.threshold)
            at_review[i] = bool(s >= model.review_threshold)
    report = binary_report(gold, at_f1)
    return report | {
        "folds": FOLDS,
        "grouped_by": "topic_ip",
        "at_review_threshold": binary_report(gold, at_review),
        "calibration": calibration(gold, [float(s) for s in scores]),
    }


def refit_with_labels(
    healthver: list[dict],
    x_healthver: np.ndarray,
    labelled: list[dict],
    x_labelled: np.ndarray,
    source: str,
) -> tuple[JudgeModel, dict]:
    """Before/after on the held-back fold (HealthVer topics and labelled reviews the fits
    never see): before = HealthVer's training folds only; after = those plus the labels.
    The model returned is then fitted on everything."""
    rows = healthver + labelled
    x = np.vstack([x_healthver, x_labelled]) if labelled else x_healthver
    weight = np.array([1.0] * len(healthver) + [LABEL_WEIGHT] * len(labelled))
    fold = np.array(folds_of(rows))
    is_label = np.array([False] * len(healthver) + [True] * len(labelled))
    trn = np.flatnonzero(fold != HELD_BACK)
    trn_hv = trn[~is_label[trn]]
    before = train([rows[i] for i in trn_hv], x[trn_hv], "healthver")
    after = train([rows[i] for i in trn], x[trn], "healthver+labels", weight[trn])
    report: dict = {"held_back_fold": HELD_BACK, "label_weight": LABEL_WEIGHT}
    for name, mask in (("healthver", ~is_label), ("labels", is_label)):
        test = np.flatnonzero((fold == HELD_BACK) & mask)
        held = [rows[i] for i in test]
        report[name] = {
            "train_n": int(np.sum((fold != HELD_BACK) & mask)),
            "before": judge_report(before, held, x[test]),
            "after": judge_report(after, held, x[test]),
        }
    return train(rows, x, source, weight), report


def evaluate(rows: list[dict], judge: SupportJudge, x: np.ndarray | None = None) -> dict:
    gold = [r["label"] == "Supports" for r in rows]
    if judge.model is not None and x is not None:
        scores = [float(p) for p in judge.model.probabilities(x)]
    else:
        scores = judge.scores([(r["claim"], r["evidence"]) for r in rows])
    report = binary_report(gold, [s >= judge.threshold for s in scores])
    return report | {
        "threshold": judge.threshold,
        "judge": judge.name,
        "calibration": calibration(gold, scores),
    }


def calibration(gold: list[bool], scores: list[float], bins: int = 10) -> list[dict]:
    """Reliability table: per score bin, the mean score and the observed supports rate."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if idx:
            out.append(
                {
                    "bin": f"{lo:.1f}-{hi:.1f}",
                    "n": len(idx),
                    "mean_score": round(sum(scores[i] for i in idx) / len(idx), 3),
                    "supports_rate": round(sum(gold[i] for i in idx) / len(idx), 3),
                }
            )
    return out


def save_model(model: JudgeModel, path: Path) -> None:
    data = asdict(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n")
