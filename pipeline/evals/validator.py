"""`necessity eval validator`: score the support judge on HealthVer-style CSVs, and train it.

Rows: ``claim``, ``evidence``, ``label`` (Supports / Refutes / Neutral); the task is
supports-vs-not. Cross-validation groups folds by topic (``topic_ip``) so a fold's claims are
never seen in training: those are the numbers for pairs the judge was not tuned on.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import asdict
from pathlib import Path

import numpy as np

from pipeline.check.judge import FEATURES, JudgeModel, SupportJudge, fit_logistic
from pipeline.evals.metrics import best_threshold, binary_report


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


def feature_matrix(rows: list[dict], judge: SupportJudge) -> np.ndarray:
    return judge.features([(r["claim"], r["evidence"]) for r in rows])


def train(rows: list[dict], x: np.ndarray, source: str) -> JudgeModel:
    y = np.array([r["label"] == "Supports" for r in rows], dtype=float)
    mean, scale, w, b = fit_logistic(x, y)
    model = JudgeModel(mean.tolist(), scale.tolist(), w.tolist(), float(b), 0.5, source)
    probs = model.probabilities(x)
    model.threshold = best_threshold(list(y.astype(bool)), [float(p) for p in probs])
    return model


def cross_validate(rows: list[dict], x: np.ndarray, folds: int = 5) -> dict:
    """Out-of-fold predictions, folds grouped by topic; threshold chosen on training folds."""
    topics = sorted({r.get("topic_ip") or r.get("id") for r in rows})
    random.Random(7).shuffle(topics)
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    gold = [r["label"] == "Supports" for r in rows]
    pred = [False] * len(rows)
    for k in range(folds):
        test = [i for i, r in enumerate(rows) if fold_of[r.get("topic_ip") or r.get("id")] == k]
        trn = [i for i in range(len(rows)) if i not in set(test)]
        model = train([rows[i] for i in trn], x[trn], "fold")
        for i, p in zip(test, model.probabilities(x[test]), strict=True):
            pred[i] = bool(p >= model.threshold)
    return binary_report(gold, pred) | {"folds": folds, "grouped_by": "topic_ip"}


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
    data = asdict(model) | {"features": FEATURES}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n")
