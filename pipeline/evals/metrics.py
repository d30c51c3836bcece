"""Binary classification metrics used by the evals (supports vs not)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def binary_report(gold: Sequence[bool], pred: Sequence[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    tn = sum((not g) and (not p) for g, p in zip(gold, pred, strict=True))
    fp = sum((not g) and p for g, p in zip(gold, pred, strict=True))
    fn = sum(g and (not p) for g, p in zip(gold, pred, strict=True))

    def f1(tp_: int, fp_: int, fn_: int) -> float:
        return 2 * tp_ / (2 * tp_ + fp_ + fn_) if tp_ else 0.0

    n = len(gold)
    return {
        "n": n,
        "accuracy": round((tp + tn) / n, 4) if n else 0.0,
        "macro_f1": round((f1(tp, fp, fn) + f1(tn, fn, fp)) / 2, 4),
        "f1_supports": round(f1(tp, fp, fn), 4),
        "predicted_supports_rate": round((tp + fp) / n, 4) if n else 0.0,
        "gold_supports_rate": round((tp + fn) / n, 4) if n else 0.0,
        "confusion": {"supports": {"supports": tp, "not": fn}, "not": {"supports": fp, "not": tn}},
    }


def best_threshold(
    gold: Sequence[bool], scores: Sequence[float], beta: float | None = None
) -> float:
    """The score cut (at 3 decimals) that maximizes macro-F1 on these examples, or with
    ``beta`` the positive class's F-beta; the lowest such cut on ties."""
    if not len(scores):
        return 0.5
    g = np.asarray(gold, dtype=bool)
    s = np.asarray(scores, dtype=float)
    cuts = np.unique([round(float(x), 3) for x in s])
    # Counts at each cut "score >= t" from the sorted scores (vectorized: n cuts x n rows
    # in Python was seconds per call, and training calls it per fold).
    order = np.sort(s)
    pos = np.sort(s[g])
    tp = len(pos) - np.searchsorted(pos, cuts, side="left")
    predicted = len(order) - np.searchsorted(order, cuts, side="left")
    fp = predicted - tp
    fn = len(pos) - tp
    tn = len(s) - len(pos) - fp
    with np.errstate(divide="ignore", invalid="ignore"):
        if beta is None:
            f_pos = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
            f_neg = np.where(tn > 0, 2 * tn / (2 * tn + fn + fp), 0.0)
            f = (f_pos + f_neg) / 2
        else:
            b2 = beta * beta
            f = np.where(tp > 0, (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp), 0.0)
    return float(cuts[int(np.argmax(np.round(f, 4)))])


def fit_platt(
    logits: Sequence[float], gold: Sequence[bool], steps: int = 100
) -> tuple[float, float]:
    """Platt scaling: a, b minimizing the log-loss of sigmoid(a * logit + b) (Newton)."""
    x = np.asarray(logits, dtype=float)
    y = np.asarray(gold, dtype=float)
    a, b = 1.0, 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(a * x + b, -30, 30)))
        w = p * (1 - p) + 1e-9
        grad = np.array([np.sum((p - y) * x), np.sum(p - y)])
        hess = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]])
        step = np.linalg.solve(hess + 1e-6 * np.eye(2), grad)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-10:
            break
    return float(a), float(b)


def auc(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """ROC AUC: the chance a random positive outscores a random negative (ties count half)."""
    g = np.asarray(gold, dtype=bool)
    x = np.asarray(scores, dtype=float)
    pos, neg = x[g], x[~g]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))
