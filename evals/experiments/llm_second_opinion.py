"""The embedded model's yes/no log-odds as a second opinion for the support judge (an
experiment; not shipped).

For N HealthVer pairs (seed 7) the embedded model is asked whether the evidence supports the
claim, one token, and its log-odds log P(yes) / P(no) are read from the endpoint's
``top_logprobs`` (llama.cpp, vLLM and OpenAI return them; the answer text alone said
"supports" once in 60 in an earlier run). The judge's own score is its out-of-fold logit
(topic folds, as in ``eval validator --cv``). Reported: AUC of each, AUC of a two-feature
logistic stack (5-fold within the N pairs), and each one's AUC on Supports-vs-Refutes and
Supports-vs-Neutral pairs.

    .venv/bin/python evals/experiments/llm_second_opinion.py 400

2026-11-24, 400 pairs (114 supports), about 1.0 s a pair on 2 cores: AUC model 0.628,
judge 0.731, stack 0.733. The model tells Supports from Refutes better than the judge
(0.781 against 0.634) but not Supports from Neutral (0.569 against 0.769), and HealthVer's
"not" pairs are mostly Neutral (206 of 286), so the stack gains little for a second a
statement. Not kept.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import httpx
import numpy as np

from pipeline.check.judge import SupportJudge, fit_logistic
from pipeline.evals.metrics import auc
from pipeline.evals.validator import feature_matrix, load_healthver, out_of_fold_logits
from pipeline.llm import embedded_server
from pipeline.settings import load_settings
from pipeline.sources.embed import get_embedder

CSV = Path(__file__).resolve().parents[2].parent / "shared/bench/healthver/healthver_dev.csv"
SYSTEM = (
    "You check whether a piece of scientific evidence supports a claim. "
    "Answer with one word: yes or no."
)


def log_odds(client: httpx.Client, url: str, model: str, claim: str, evidence: str) -> float:
    user = (
        f"Evidence: {evidence.strip()}\n\nClaim: {claim.strip()}\n\n"
        "Does the evidence support the claim? Answer yes or no."
    )
    body = {
        "model": model,
        "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}],
        "max_tokens": 1,
        "temperature": 0,
        "logprobs": True,
        "top_logprobs": 20,
    }
    top = client.post(f"{url}/chat/completions", json=body).json()["choices"][0]["logprobs"]
    mass = {"yes": 1e-6, "no": 1e-6}
    for t in top["content"][0]["top_logprobs"]:
        word = t["token"].strip().lower()
        if word in mass:
            mass[word] += math.exp(t["logprob"])
    return math.log(mass["yes"] / mass["no"])


def stacked(gold: np.ndarray, x: np.ndarray, folds: int = 5) -> np.ndarray:
    fold = np.arange(len(gold)) % folds
    out = np.zeros(len(gold))
    for k in range(folds):
        trn, test = fold != k, fold == k
        mean, scale, w, b = fit_logistic(x[trn], gold[trn].astype(float), l2=1.0)
        out[test] = ((x[test] - mean) / scale) @ w + b
    return out


def main(n: int) -> None:
    rows = load_healthver(CSV)
    judge = SupportJudge(get_embedder("minilm-l6-q8"), model=None)
    oof = out_of_fold_logits(rows, feature_matrix(rows, judge, every=True))
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)
    sample = order[:n]
    settings = load_settings()
    with embedded_server(settings) as url, httpx.Client(timeout=120) as client:
        model = np.array(
            [
                log_odds(client, url, settings.llm.model, rows[i]["claim"], rows[i]["evidence"])
                for i in sample
            ]
        )
    labels = np.array([rows[i]["label"] for i in sample])
    gold = labels == "Supports"
    own = oof[sample]
    both = stacked(gold, np.c_[own, model])
    print(f"n {n} supports {int(gold.sum())}")
    print(
        f"AUC model {auc(gold, model):.3f} judge {auc(gold, own):.3f} stack {auc(gold, both):.3f}"
    )
    for other in ("Refutes", "Neutral"):
        keep = labels != ("Neutral" if other == "Refutes" else "Refutes")
        print(
            f"Supports vs {other}: model {auc(gold[keep], model[keep]):.3f} "
            f"judge {auc(gold[keep], own[keep]):.3f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
