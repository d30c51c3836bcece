"""Binary classification metrics used by the evals (supports vs not)."""

from __future__ import annotations

from collections.abc import Sequence


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


def best_threshold(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """The score cut that maximizes macro-F1 on these examples."""
    candidates = sorted(set(round(s, 3) for s in scores))
    best, best_f1 = 0.5, -1.0
    for t in candidates:
        f = binary_report(gold, [s >= t for s in scores])["macro_f1"]
        if f > best_f1:
            best, best_f1 = t, f
    return best
