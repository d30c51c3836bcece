"""`necessity eval keypoints KEYFILE REVIEW_DIR`: is a review on point?

A key file (YAML or JSON) names, per case, the points a reviewer expects (each a list of
alternative phrases), the documentation the review should request, the boilerplate that must
never be quoted, the on-topic documents and words, and the guideline's expected stance:

    boilerplate: [phrase, ...]                 # shared by every case
    cases:
      CASE_ID:
        stance: supports|prefers_other|not_recommended|silent
        key_points: [{id, any: [phrase, "word & word", ...]}, ...]
        documentation: [{id, any: [...]}, ...]  # looked for in "Documentation to request"
        boilerplate: [phrase, ...]             # this case's own, added to the shared list
        on_topic: {documents: [substring of title/file], words: [word, ...],
                   off_words: [word, ...]}   # a statement naming one is off topic anyway

Text is compared lowercased with Unicode compatibility forms folded (ligatures, "≤") and
whitespace collapsed. A phrase matches where it occurs in one statement (or the guideline
position's summary or quoted sentences, or a documentation request); "a & b" matches one
holding both. Reported per case and overall: key-point recall, off-topic share
(statements outside "Application to this patient" whose source document and words are both
off the case), boilerplate count, documentation recall and whether the stance is right.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from pipeline.models import Review

STANCES = ("supports", "prefers_other", "not_recommended", "silent")


class KeyFileError(ValueError):
    """A key file that cannot be read or does not have the expected shape."""


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("&lt;", "<").replace("&gt;", ">")
    text = re.sub(r"[‐-―−]", "-", text)  # the dashes PDFs use, as a plain hyphen
    # a text layer's hyphen keeps the line break after it ("IL- 17i", "moderate- to- high")
    text = re.sub(r"(?<=[a-z0-9])- +(?=[a-z0-9])", "-", text)
    return " ".join(text.split())


def load_keyfile(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix == ".json" else yaml.safe_load(raw)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise KeyFileError(f"{path}: cannot read the key file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("cases"), dict):
        raise KeyFileError(f"{path}: a key file needs a 'cases' mapping (case_id -> keys)")
    for case_id, spec in data["cases"].items():
        if not isinstance(spec, dict):
            raise KeyFileError(f"{path}: case {case_id!r} must be a mapping")
        for field in ("key_points", "documentation"):
            for i, point in enumerate(spec.get(field) or []):
                if not isinstance(point, dict) or not isinstance(point.get("any"), list):
                    raise KeyFileError(
                        f"{path}: {case_id}.{field}[{i}] needs 'any': a list of phrases"
                    )
        stance = spec.get("stance")
        if stance is not None and stance not in STANCES:
            raise KeyFileError(f"{path}: {case_id}.stance {stance!r} is not one of {STANCES}")
    return data


def phrase_in(phrase: str, texts: list[str]) -> bool:
    """One alternative: a phrase in one text, or "a & b": all parts in one text."""
    parts = [norm(p) for p in phrase.split(" & ") if p.strip()]
    return any(all(p in t for p in parts) for t in texts)


def found(point: dict, texts: list[str]) -> bool:
    return any(phrase_in(str(p), texts) for p in point["any"])


def _statement_rows(review: Review) -> list[tuple[str, str, list[str]]]:
    """(section key, normalized text, cited source ids) of every statement."""
    source_of = {e.id: e.source_id for e in review.evidence}
    return [
        (s.key, norm(st.text), [source_of[c] for c in st.citations if c in source_of])
        for s in review.sections
        for st in s.statements
    ]


def _doc_names(review: Review) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in review.evidence:
        names.setdefault(e.source_id, norm(f"{e.title or ''} {Path(e.file).name}"))
    for r in review.references:
        names[r.source_id] = norm(f"{r.title} {Path(r.file).name}")
    return names


def position_of(review: Review) -> dict[str, Any] | None:
    pos = getattr(review, "guideline_position", None)
    return pos.model_dump() if pos is not None and hasattr(pos, "model_dump") else pos


def score_case(review: Review, spec: dict[str, Any], shared_boilerplate: list[str]) -> dict:
    rows = _statement_rows(review)
    pos = position_of(review) or {}
    docs_requested = [norm(d) for d in review.documentation_to_request]
    texts = [t for _, t, _ in rows] + docs_requested
    if pos.get("summary"):
        texts.append(norm(pos["summary"]))
    # The position's sentences are quoted under the verdict: part of what the review says.
    ev_text = {e.id: e.text for e in review.evidence}
    texts += [norm(ev_text[c]) for c in pos.get("citations") or [] if c in ev_text]
    points = spec.get("key_points") or []
    hits = {p["id"]: found(p, texts) for p in points}
    doc_points = spec.get("documentation") or []
    doc_hits = {p["id"]: found(p, docs_requested) for p in doc_points}
    boiler = [norm(b) for b in [*shared_boilerplate, *(spec.get("boilerplate") or [])]]
    quoted_boiler = [t for _, t, _ in rows if any(b in t for b in boiler)]
    topic = spec.get("on_topic") or {}
    topic_docs = [norm(d) for d in topic.get("documents") or []]
    topic_words = [norm(w) for w in topic.get("words") or []]
    names = _doc_names(review)
    clinical = [(t, srcs) for key, t, srcs in rows if key != "application"]
    off_words = [norm(w) for w in topic.get("off_words") or []]

    def has(words: list[str], t: str) -> bool:
        return any(re.search(rf"\b{re.escape(w)}", t) for w in words)

    off = [
        t
        for t, srcs in clinical
        if has(off_words, t)
        or (
            not any(d in names.get(s, "") for s in srcs for d in topic_docs)
            and not has(topic_words, t)
        )
    ]
    expected = spec.get("stance")
    got = pos.get("stance")
    return {
        "key_points": len(points),
        "key_points_found": sum(hits.values()),
        "recall": round(sum(hits.values()) / len(points), 3) if points else None,
        "missing": [k for k, v in hits.items() if not v],
        "statements": len(clinical),
        "off_topic": len(off),
        "off_topic_share": round(len(off) / len(clinical), 3) if clinical else 0.0,
        "off_topic_statements": off,
        "boilerplate": len(quoted_boiler),
        "boilerplate_statements": quoted_boiler,
        "documentation_recall": (
            round(sum(doc_hits.values()) / len(doc_points), 3) if doc_points else None
        ),
        "documentation_missing": [k for k, v in doc_hits.items() if not v],
        "stance_expected": expected,
        "stance": got,
        "stance_right": (got == expected) if expected else None,
        "seconds": review.provenance.seconds,
    }


def evaluate(keyfile: Path, review_dir: Path) -> dict[str, Any]:
    keys = load_keyfile(keyfile)
    if not review_dir.is_dir():
        raise KeyFileError(f"{review_dir}: not a folder of *.review.json records")
    shared = list(keys.get("boilerplate") or [])
    per_case: dict[str, Any] = {}
    for case_id, spec in keys["cases"].items():
        path = review_dir / f"{case_id}.review.json"
        if not path.exists():
            per_case[case_id] = {"error": f"{path} not found"}
            continue
        try:
            review = Review.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            per_case[case_id] = {"error": f"{path}: not a review record ({str(exc)[:200]})"}
            continue
        per_case[case_id] = score_case(review, spec, shared)
    scored = [c for c in per_case.values() if "error" not in c]
    points = sum(c["key_points"] for c in scored)
    statements = sum(c["statements"] for c in scored)
    stances = [c["stance_right"] for c in scored if c["stance_right"] is not None]
    overall = {
        "cases": len(per_case),
        "scored": len(scored),
        "recall": round(sum(c["key_points_found"] for c in scored) / points, 3) if points else None,
        "min_case_recall": min(
            (c["recall"] for c in scored if c["recall"] is not None), default=None
        ),
        "off_topic_share": (
            round(sum(c["off_topic"] for c in scored) / statements, 3) if statements else 0.0
        ),
        "boilerplate": sum(c["boilerplate"] for c in scored),
        "stance_right": sum(stances),
        "stance_graded": len(stances),
    }
    return {
        "keyfile": str(keyfile),
        "reviews": str(review_dir),
        "overall": overall,
        "cases": per_case,
    }
