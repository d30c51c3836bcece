"""Stored eval runs (SQLite, ``evals/runs/runs.sqlite``): the config, git commit, prompt
versions and hashes, model ids, metrics, and every example's output and scores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, name TEXT NOT NULL, task TEXT NOT NULL,
  git_commit TEXT, config TEXT NOT NULL, prompts TEXT NOT NULL, models TEXT NOT NULL,
  metrics TEXT NOT NULL, thresholds TEXT NOT NULL, report TEXT
);
CREATE TABLE IF NOT EXISTS examples (
  run_id TEXT NOT NULL REFERENCES runs(id), variant TEXT NOT NULL, example_id TEXT NOT NULL,
  expected TEXT NOT NULL, output TEXT NOT NULL, correct INTEGER, scores TEXT NOT NULL,
  latency_s REAL, tokens INTEGER, cached INTEGER NOT NULL DEFAULT 0, error TEXT,
  PRIMARY KEY (run_id, variant, example_id)
);
"""


class ExampleResult(BaseModel):
    variant: str
    example_id: str
    expected: dict[str, Any] = Field(default_factory=dict)
    output: dict[str, Any] = Field(default_factory=dict)
    correct: bool | None = None
    scores: dict[str, float] = Field(default_factory=dict)
    latency_s: float | None = None
    tokens: int | None = None
    cached: bool = False
    error: str | None = None


class Run(BaseModel):
    id: str
    created_at: str
    name: str
    task: str
    git_commit: str | None
    config: dict[str, Any]
    prompts: dict[str, str]  # prompt id → sha256 of its file
    models: dict[str, str]  # provider name → model id @ endpoint
    metrics: dict[str, float]  # "metric[variant]" → value
    thresholds: list[dict[str, Any]] = Field(default_factory=list)  # metric, bound, value, ok
    report: str | None = None
    examples: list[ExampleResult] = Field(default_factory=list)

    @property
    def variants(self) -> list[str]:
        return list(dict.fromkeys(e.variant for e in self.examples))

    @property
    def passed(self) -> bool:
        return all(t["ok"] for t in self.thresholds)


class RunStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.executescript(SCHEMA)

    def save(self, run: Run) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run.id,
                    run.created_at,
                    run.name,
                    run.task,
                    run.git_commit,
                    json.dumps(run.config),
                    json.dumps(run.prompts),
                    json.dumps(run.models),
                    json.dumps(run.metrics),
                    json.dumps(run.thresholds),
                    run.report,
                ),
            )
            self._db.execute("DELETE FROM examples WHERE run_id = ?", (run.id,))
            self._db.executemany(
                "INSERT INTO examples VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        run.id,
                        e.variant,
                        e.example_id,
                        json.dumps(e.expected),
                        json.dumps(e.output),
                        None if e.correct is None else int(e.correct),
                        json.dumps(e.scores),
                        e.latency_s,
                        e.tokens,
                        int(e.cached),
                        e.error,
                    )
                    for e in run.examples
                ],
            )

    def load(self, run_id: str) -> Run:
        row = self._db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            known = [r[0] for r in self._db.execute("SELECT id FROM runs ORDER BY id DESC")]
            hint = f"; latest: {', '.join(known[:3])}" if known else "; no runs stored yet"
            raise KeyError(f"no run {run_id!r} in {self.path}{hint}")
        cols = [d[0] for d in self._db.execute("SELECT * FROM runs LIMIT 0").description]
        data = dict(zip(cols, row, strict=True))
        for key in ("config", "prompts", "models", "metrics", "thresholds"):
            data[key] = json.loads(data[key])
        examples = [
            ExampleResult(
                variant=r[1],
                example_id=r[2],
                expected=json.loads(r[3]),
                output=json.loads(r[4]),
                correct=None if r[5] is None else bool(r[5]),
                scores=json.loads(r[6]),
                latency_s=r[7],
                tokens=r[8],
                cached=bool(r[9]),
                error=r[10],
            )
            for r in self._db.execute(
                "SELECT * FROM examples WHERE run_id = ? ORDER BY variant, example_id", (run_id,)
            )
        ]
        return Run(**data, examples=examples)

    def latest(self, name: str | None = None, before: str | None = None) -> str | None:
        query = "SELECT id FROM runs WHERE 1=1"
        args: list[str] = []
        if name:
            query += " AND name = ?"
            args.append(name)
        if before:
            query += " AND id < ?"
            args.append(before)
        row = self._db.execute(query + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return row[0] if row else None
