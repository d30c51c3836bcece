"""Experiment: MiniLM-L6 fine-tuned as the support judge (cross-encoder or siamese), one
topic fold of HealthVer dev held out, against the shipped logistic judge on the same fold.

Not part of the package or CI: it needs torch (`.venv/bin/pip install torch==2.13.0`, the CPU
build this machine keeps on disk). Run from the repository root:

    .venv/bin/python evals/experiments/cross_encoder.py \
        --healthver ../shared/bench/healthver/healthver_dev.csv --fold 0 [--siamese]

Measured 2026-11-24 (2 cores, fold 0: 1,669 training pairs, 248 held out): cross-encoder
AUC 0.587, best-cut macro-F1 0.603 (3 epochs, lr 5e-5, 406 s); siamese (--siamese --lr 2e-5)
AUC 0.622, 0.577; the logistic judge on frozen MiniLM features AUC 0.667, 0.646. With this
little data fine-tuning loses to the frozen features; an NLI corpus to start from is what
it lacks.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pipeline.assets import minilm_files  # noqa: E402
from pipeline.check.judge import SupportJudge  # noqa: E402
from pipeline.evals.metrics import auc, best_threshold, binary_report  # noqa: E402
from pipeline.evals.validator import (  # noqa: E402
    feature_matrix,
    folds_of,
    load_healthver,
    train,
)
from pipeline.sources.embed import get_embedder  # noqa: E402
from pipeline.sources.minilm_graph import read_safetensors  # noqa: E402

LABELS = ("Supports", "Refutes", "Neutral")
MAX_TOKENS = 256


class PairTokenizer:
    """MiniLM's WordPiece over (statement, cited text); long cited text is cut, not the claim."""

    def __init__(self, tokenizer_json: Path, max_tokens: int = MAX_TOKENS) -> None:
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(tokenizer_json))
        self.tok.no_padding()
        self.tok.enable_truncation(max_length=max_tokens, strategy="longest_first")

    def encode(self, claim: str, evidence: str) -> tuple[list[int], list[int]]:
        enc = self.tok.encode(claim, evidence)
        return enc.ids, enc.type_ids

    @staticmethod
    def pad(encoded: Sequence[tuple[list[int], list[int]]]) -> tuple[np.ndarray, ...]:
        width = max(len(ids) for ids, _ in encoded)
        ids = np.zeros((len(encoded), width), dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros_like(ids)
        for row, (i, t) in enumerate(encoded):
            ids[row, : len(i)] = i
            types[row, : len(t)] = t
            mask[row, : len(i)] = 1
        return ids, types, mask


def supports_logit(logits: np.ndarray) -> np.ndarray:
    """log P(Supports) - log P(not Supports): one number per pair from the 3-way logits."""
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    p_s = np.clip(p[:, 0], 1e-7, 1 - 1e-7)
    return np.log(p_s) - np.log1p(-p_s)


HIDDEN, HEADS, LAYERS, INTER = 384, 12, 6, 1536


class _Attention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)


class _Output(nn.Module):
    def __init__(self, inner: int) -> None:
        super().__init__()
        self.dense = nn.Linear(inner, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=1e-12)  # noqa: N815 (the checkpoint's name)


class _Layer(nn.Module):
    """One BERT layer, named as in the checkpoint so its state dict loads as is."""

    def __init__(self, dropout: float) -> None:
        super().__init__()
        self.attention = nn.Module()
        self.attention.self = _Attention()
        self.attention.output = _Output(HIDDEN)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(HIDDEN, INTER)
        self.output = _Output(INTER)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape
        att = self.attention.self
        d = HIDDEN // HEADS

        def heads(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, HEADS, d).transpose(1, 2)

        q, k, v = heads(att.query(x)), heads(att.key(x)), heads(att.value(x))
        # Plain attention (no fused kernel) so the ONNX export is ordinary MatMul/Softmax.
        weights = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
        ctx = (self.drop(weights) @ v).transpose(1, 2).reshape(b, t, HIDDEN)
        out = self.attention.output
        x = out.LayerNorm(x + self.drop(out.dense(ctx)))
        inner = nn.functional.gelu(self.intermediate.dense(x))
        return self.output.LayerNorm(x + self.drop(self.output.dense(inner)))


class PairClassifier(nn.Module):
    """MiniLM encoder, mean pooling over the pair's tokens, a linear head over LABELS."""

    def __init__(self, dropout: float = 0.1) -> None:
        super().__init__()
        self.embeddings = nn.Module()
        self.embeddings.word_embeddings = nn.Embedding(30522, HIDDEN)
        self.embeddings.position_embeddings = nn.Embedding(512, HIDDEN)
        self.embeddings.token_type_embeddings = nn.Embedding(2, HIDDEN)
        self.embeddings.LayerNorm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.encoder = nn.Module()
        self.encoder.layer = nn.ModuleList(_Layer(dropout) for _ in range(LAYERS))
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(HIDDEN, len(LABELS))

    def forward(
        self, input_ids: torch.Tensor, token_type_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> torch.Tensor:
        emb = self.embeddings
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = emb.LayerNorm(
            emb.word_embeddings(input_ids)
            + emb.position_embeddings(positions)
            + emb.token_type_embeddings(token_type_ids)
        )
        x = self.drop(x)
        mask = attention_mask.to(x.dtype)
        bias = (1.0 - mask)[:, None, None, :] * -1e4
        for layer in self.encoder.layer:
            x = layer(x, bias)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1.0)
        return self.head(self.drop(pooled))


def start_model(checkpoint: Path, seed: int) -> PairClassifier:
    torch.manual_seed(seed)
    model = PairClassifier()
    state = {k: torch.from_numpy(v.copy()) for k, v in read_safetensors(checkpoint).items()}
    state = {
        k: v for k, v in state.items() if not k.startswith(("pooler.", "embeddings.position_ids"))
    }
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or set(missing) - {"head.weight", "head.bias"}:
        raise ValueError(f"{checkpoint}: not a MiniLM-L6 checkpoint ({missing}, {unexpected})")
    nn.init.normal_(model.head.weight, std=0.02)
    nn.init.zeros_(model.head.bias)
    return model


def _batches(lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar length (less padding), in a shuffled order."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pools = [order[i : i + size * 20] for i in range(0, len(order), size * 20)]
    batches = []
    for pool in pools:
        pool.sort(key=lambda i: lengths[i])
        batches += [pool[i : i + size] for i in range(0, len(pool), size)]
    rng.shuffle(batches)
    return batches


def fine_tune(
    pairs: Sequence[tuple[str, str]],
    labels: Sequence[str],
    tokenizer: PairTokenizer,
    checkpoint: Path,
    *,
    seed: int = 0,
    epochs: int = 3,
    lr: float = 5e-5,
    batch_size: int = 16,
    log=None,  # noqa: ANN001 (a print-like callable)
) -> PairClassifier:
    """Cross-entropy over LABELS, AdamW with linear warm-up and decay."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    encoded = [tokenizer.encode(c, e) for c, e in pairs]
    y = torch.tensor([LABELS.index(label) for label in labels])
    model = start_model(checkpoint, seed)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    total = epochs * math.ceil(len(pairs) / batch_size)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm)))
    )
    model.train()
    step = 0
    for epoch in range(epochs):
        seen, loss_sum = 0, 0.0
        for batch in _batches([len(e[0]) for e in encoded], batch_size, rng):
            ids, types, mask = (
                torch.from_numpy(a) for a in tokenizer.pad([encoded[i] for i in batch])
            )
            loss = nn.functional.cross_entropy(model(ids, types, mask), y[batch])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            seen += len(batch)
            loss_sum += float(loss.detach()) * len(batch)
        if log:
            log(f"epoch {epoch + 1}/{epochs}: loss {loss_sum / max(seen, 1):.4f}")
    model.eval()
    return model


@torch.no_grad()
def predict_logits(
    model: PairClassifier, pairs: Sequence[tuple[str, str]], tokenizer: PairTokenizer
) -> np.ndarray:
    model.eval()
    encoded = [tokenizer.encode(c, e) for c, e in pairs]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
    for start in range(0, len(order), 32):
        idx = order[start : start + 32]
        ids, types, mask = (torch.from_numpy(a) for a in tokenizer.pad([encoded[i] for i in idx]))
        out[idx] = model(ids, types, mask).numpy()
    return out


class Siamese(nn.Module):
    """Each text encoded alone, mean-pooled, then a head over (u*v, |u-v|) as in SBERT."""

    def __init__(self, encoder: PairClassifier) -> None:
        super().__init__()
        self.encoder = encoder
        self.head = nn.Linear(2 * HIDDEN, len(LABELS))
        nn.init.normal_(self.head.weight, std=0.02)
        nn.init.zeros_(self.head.bias)

    def embed(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        enc, emb = self.encoder, self.encoder.embeddings
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = emb.LayerNorm(
            emb.word_embeddings(ids)
            + emb.position_embeddings(positions)
            + emb.token_type_embeddings(torch.zeros_like(ids))
        )
        m = mask.to(x.dtype)
        bias = (1.0 - m)[:, None, None, :] * -1e4
        for layer in enc.encoder.layer:
            x = layer(enc.drop(x) if layer is enc.encoder.layer[0] else x, bias)
        pooled = (x * m[..., None]).sum(1) / m.sum(1, keepdim=True).clamp(min=1.0)
        return nn.functional.normalize(pooled, dim=-1)

    def forward(self, a: tuple, b: tuple) -> torch.Tensor:
        u, v = self.embed(*a), self.embed(*b)
        return self.head(torch.cat([u * v * 10, (u - v).abs() * 10], dim=-1))


def _single(tokenizer: PairTokenizer, texts: Sequence[str]) -> tuple:
    encoded = [(e.ids, e.type_ids) for e in tokenizer.tok.encode_batch(list(texts))]
    ids, _, mask = (torch.from_numpy(a) for a in PairTokenizer.pad(encoded))
    return ids, mask


def siamese_logits(
    train_rows: list[dict],
    test_rows: list[dict],
    tokenizer: PairTokenizer,
    checkpoint: Path,
    epochs: int,
    lr: float,
    seed: int = 0,
) -> np.ndarray:
    torch.manual_seed(seed)
    model = Siamese(start_model(checkpoint, seed))
    opt = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": lr},
            {"params": model.head.parameters(), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    rng = random.Random(seed)
    total = epochs * math.ceil(len(train_rows) / 16)
    step = 0
    for epoch in range(epochs):
        model.train()
        order = list(range(len(train_rows)))
        rng.shuffle(order)
        for start in range(0, len(order), 16):
            batch = [train_rows[i] for i in order[start : start + 16]]
            y = torch.tensor([LABELS.index(r["label"]) for r in batch])
            logits = model(
                _single(tokenizer, [r["claim"] for r in batch]),
                _single(tokenizer, [r["evidence"] for r in batch]),
            )
            loss = nn.functional.cross_entropy(logits, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            for group, base in zip(opt.param_groups, (lr, 1e-3), strict=True):
                group["lr"] = base * max(0.0, (total - step) / total)
        print(f"epoch {epoch + 1}/{epochs} done", file=sys.stderr)
    model.eval()
    with torch.no_grad():
        return torch.cat(
            [
                model(
                    _single(tokenizer, [r["claim"] for r in test_rows[s : s + 32]]),
                    _single(tokenizer, [r["evidence"] for r in test_rows[s : s + 32]]),
                )
                for s in range(0, len(test_rows), 32)
            ]
        ).numpy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--healthver", type=Path, required=True)
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--siamese", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(2)
    rows = load_healthver(args.healthver)
    fold = folds_of(rows)
    trn = [r for r, f in zip(rows, fold, strict=True) if f != args.fold]
    test = [r for r, f in zip(rows, fold, strict=True) if f == args.fold]
    gold = [r["label"] == "Supports" for r in test]
    _, tokenizer_json = minilm_files()
    checkpoint = tokenizer_json.parent / "model.safetensors"
    tokenizer = PairTokenizer(tokenizer_json)
    started = time.time()
    if args.siamese:
        logits = siamese_logits(trn, test, tokenizer, checkpoint, args.epochs, args.lr)
    else:
        model = fine_tune(
            [(r["claim"], r["evidence"]) for r in trn],
            [r["label"] for r in trn],
            tokenizer,
            checkpoint,
            epochs=args.epochs,
            lr=args.lr,
            log=lambda m: print(m, file=sys.stderr),
        )
        logits = predict_logits(model, [(r["claim"], r["evidence"]) for r in test], tokenizer)
    seconds = time.time() - started
    fine = [float(s) for s in supports_logit(logits)]
    judge = SupportJudge(get_embedder("minilm-l6-int8"), model=None)
    x_trn, x_test = feature_matrix(trn, judge), feature_matrix(test, judge)
    base = [float(p) for p in train(trn, x_trn, "fold").probabilities(x_test)]
    report = {"fold": args.fold, "train": len(trn), "test": len(test), "seconds": round(seconds)}
    for name, scores in (("fine_tuned", fine), ("logistic", base)):
        cut = best_threshold(gold, scores)
        report[name] = {
            "auc": round(auc(gold, scores), 3),
            "macro_f1_best_cut": binary_report(gold, [s >= cut for s in scores])["macro_f1"],
        }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
