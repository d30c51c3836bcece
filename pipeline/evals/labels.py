"""The support judge against QA staff's labels (from the web app's review database):
agreement, Cohen's kappa, the confusion table and a calibration table of the judge's score.

A "partial" label counts as not supported: a statement that its citation states only in
part is not grounded. When one person labels a statement twice, the later label stands.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def load_labels(db_path: Path) -> list[dict[str, Any]]:
    """Every label, latest per (review, version, statement, person)."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"{db_path}: no review database (labels are made in the web app)")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute("SELECT * FROM labels ORDER BY id").fetchall()
    except sqlite3.OperationalError:  # a database from before labels existed
        rows = []
    finally:
        conn.close()
    latest: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        key = (row["review_id"], row["version"], row["section"], row["idx"], row["who"])
        latest[key] = dict(row)
    return list(latest.values())


def kappa(pairs: list[tuple[bool, bool]]) -> float | None:
    """Cohen's kappa of two binary raters; None when chance agreement is total."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    p_a = sum(a for a, _ in pairs) / n
    p_b = sum(b for _, b in pairs) / n
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    return None if expected == 1 else round((observed - expected) / (1 - expected), 3)


def label_report(labels: list[dict[str, Any]]) -> dict[str, Any]:
    pairs = [(x["label"] == "supported", bool(x["judge_supported"])) for x in labels]
    confusion: dict[str, dict[str, int]] = {
        human: {"judge_supported": 0, "judge_not_supported": 0}
        for human in ("supported", "partial", "not_supported")
    }
    for x in labels:
        column = "judge_supported" if x["judge_supported"] else "judge_not_supported"
        confusion[x["label"]][column] += 1
    calibration = []
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [
            x for x in labels if x["judge_score"] is not None and low <= x["judge_score"] < high
        ]
        calibration.append(
            {
                "score": f"{low:.1f}-{min(high, 1.0):.1f}",
                "n": len(inside),
                "mean_score": round(sum(x["judge_score"] for x in inside) / len(inside), 3)
                if inside
                else None,
                "human_supported": round(
                    sum(x["label"] == "supported" for x in inside) / len(inside), 3
                )
                if inside
                else None,
            }
        )
    return {
        "labels": len(labels),
        "reviews": len({x["review_id"] for x in labels}),
        "people": len({x["who"] for x in labels}),
        "agreement": round(sum(a == b for a, b in pairs) / len(pairs), 3) if pairs else None,
        "kappa": kappa(pairs),
        "confusion": confusion,
        "calibration": calibration,
    }


def training_rows(labels: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Labels as judge training rows (HealthVer's columns): "partial" is not supported, as
    above; the evidence is the cited texts joined as the validator joins them; a review is
    one group, so its statements fall in one fold together."""
    rows = []
    for x in labels:
        cited = json.loads(x["evidence"]) if isinstance(x["evidence"], str) else x["evidence"]
        evidence = " ".join(t for t in cited if t)
        if x["statement"].strip() and evidence.strip():
            rows.append(
                {
                    "claim": x["statement"],
                    "evidence": evidence,
                    "label": "Supports" if x["label"] == "supported" else "Neutral",
                    "topic_ip": f"review:{x['review_id']}",
                }
            )
    return rows


def reliability_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The label calibration in the shape the eval report plots (filled bins only)."""
    return [
        {
            "bin": b["score"],
            "n": b["n"],
            "mean_score": b["mean_score"],
            "supports_rate": b["human_supported"],
        }
        for b in report["calibration"]
        if b["n"]
    ]
