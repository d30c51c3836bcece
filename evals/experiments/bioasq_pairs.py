"""BioASQ pairs as extra training rows for the support judge (an experiment; not shipped).

For 400 BioASQ questions (seed 7) with an ideal answer and 3+ snippets: the answer against
its most similar gold snippet (MiniLM) counts as "supports", against its least similar one
as "not" (a same-topic negative, as HealthVer's are). The pairs join every training fold;
HealthVer's topic folds are scored as in ``eval validator --cv``.

    .venv/bin/python evals/experiments/bioasq_pairs.py

2026-11-24: 752 pairs; out-of-fold macro-F1 (macro-F1 bar / reviews' bar) 0.674 / 0.660
without them, 0.635 / 0.504 at weight 0.3 per pair, 0.646 / 0.520 at weight 1. The bars are
read off curves that include these pairs, a confound this run does not separate.
"""

from __future__ import annotations

import glob
import json
import random
import re
from pathlib import Path

import numpy as np

from pipeline.check.judge import SupportJudge
from pipeline.evals.metrics import binary_report
from pipeline.evals.validator import FOLDS, feature_matrix, folds_of, load_healthver, train
from pipeline.sources.embed import get_embedder

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "bench"


def bioasq_pairs(judge: SupportJudge, questions: int = 400, seed: int = 7) -> list[dict]:
    qs = []
    for f in sorted(glob.glob(str(SHARED / "bioasq" / "*" / "*_golden.json"))):
        qs += [
            q
            for q in json.loads(Path(f).read_text())["questions"]
            if q.get("ideal_answer") and len(q.get("snippets", [])) >= 3
        ]
    random.Random(seed).shuffle(qs)
    pairs = []
    for i, q in enumerate(qs[:questions]):
        answer = re.sub(r"^(Yes|No)[.,]\s*", "", q["ideal_answer"][0].strip())
        snippets = sorted({s["text"].strip() for s in q["snippets"] if len(s["text"]) > 40})
        if len(snippets) < 3 or len(answer) < 30:
            continue
        v = judge.embedder.embed([answer, *snippets])
        order = np.argsort(-(v[1:] @ v[0]))
        for snippet, label in ((snippets[order[0]], "Supports"), (snippets[order[-1]], "Neutral")):
            pairs.append(
                {"claim": answer, "evidence": snippet, "label": label, "topic_ip": f"bioasq{i}"}
            )
    return pairs


def main() -> None:
    judge = SupportJudge(get_embedder("minilm-l6-q8"), model=None)
    extra = bioasq_pairs(judge)
    print("pairs", len(extra))
    rows = load_healthver(SHARED / "healthver" / "healthver_dev.csv")
    x = feature_matrix(rows, judge, every=True)
    x_extra = feature_matrix(extra, judge, every=True)
    fold = np.array(folds_of(rows))
    gold = [r["label"] == "Supports" for r in rows]
    for weight in (0.0, 0.3, 1.0):
        at_f1, at_review = [False] * len(rows), [False] * len(rows)
        for k in range(FOLDS):
            test, trn = np.flatnonzero(fold == k), np.flatnonzero(fold != k)
            train_rows, train_x, sw = [rows[i] for i in trn], x[trn], None
            if weight:
                train_rows = train_rows + extra
                train_x = np.vstack([train_x, x_extra])
                sw = np.concatenate([np.ones(len(trn)), np.full(len(extra), weight)])
            model = train(train_rows, train_x, "fold", sw)
            for i, s in zip(test, model.probabilities(x[test]), strict=True):
                at_f1[i] = bool(s >= model.threshold)
                at_review[i] = bool(s >= model.review_threshold)
        print(
            weight,
            binary_report(gold, at_f1)["macro_f1"],
            binary_report(gold, at_review)["macro_f1"],
        )


if __name__ == "__main__":
    main()
