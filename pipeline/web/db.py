"""Every review and every edit, kept in SQLite: who, when, what, and the record at each version.

A review's row holds its latest record; ``versions`` holds every record it has had, so an
edit never loses what was there before it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.models import Review

SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL,
  status TEXT NOT NULL,
  verdict TEXT NOT NULL,
  version INTEGER NOT NULL,
  record_version TEXT NOT NULL,
  record TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  version INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (review_id, version)
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  version INTEGER NOT NULL,
  who TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS labels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  version INTEGER NOT NULL,
  section TEXT NOT NULL,
  idx INTEGER NOT NULL,
  statement TEXT NOT NULL,
  citations TEXT NOT NULL,
  evidence TEXT NOT NULL,
  judge_supported INTEGER NOT NULL,
  judge_score REAL,
  label TEXT NOT NULL,
  note TEXT,
  who TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  case_record TEXT NOT NULL,
  who TEXT NOT NULL,
  state TEXT NOT NULL,
  runner TEXT NOT NULL,
  review_id INTEGER,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StaleVersion(Exception):
    def __init__(self, rid: int, expected: int, current: int) -> None:
        super().__init__(
            f"review {rid} is at version {current}, not {expected}: reload and apply the "
            "change again"
        )


class ReviewDB:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.executescript(SCHEMA)
        self._lock = threading.Lock()  # one connection shared by the app's threads
        path.chmod(0o600)  # reviews carry patient details

    def create(self, review: Review, who: str) -> int:
        record = review.model_dump_json()
        with self._lock, self._conn:
            cur = self._conn.execute(
                "INSERT INTO reviews (case_id, status, verdict, version, record_version, record,"
                " created_by, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",
                (
                    review.case_id,
                    review.status,
                    review.verdict,
                    review.record_version,
                    record,
                    who,
                    _now(),
                    _now(),
                ),
            )
            rid = int(cur.lastrowid or 0)
            self._conn.execute("INSERT INTO versions VALUES (?, 1, ?)", (rid, record))
            self._event(rid, 1, who, "created", {"verdict": review.verdict})
        return rid

    def update(
        self,
        rid: int,
        review: Review,
        who: str,
        action: str,
        detail: dict,
        expected_version: int | None = None,
    ) -> int:
        """Store a new version of the review; returns its version number. With
        ``expected_version``, a review changed since that version is not overwritten
        (StaleVersion): the check and the write are one transaction."""
        record = review.model_dump_json()
        with self._lock, self._conn:
            row = self._conn.execute("SELECT version FROM reviews WHERE id = ?", (rid,)).fetchone()
            if row is None:
                raise KeyError(rid)
            if expected_version is not None and row["version"] != expected_version:
                raise StaleVersion(rid, expected_version, row["version"])
            version = row["version"] + 1
            self._conn.execute(
                "UPDATE reviews SET status = ?, verdict = ?, version = ?, record = ?,"
                " updated_at = ? WHERE id = ?",
                (review.status, review.verdict, version, record, _now(), rid),
            )
            self._conn.execute("INSERT INTO versions VALUES (?, ?, ?)", (rid, version, record))
            self._event(rid, version, who, action, detail)
        return version

    def _event(self, rid: int, version: int, who: str, action: str, detail: dict) -> None:
        self._conn.execute(
            "INSERT INTO events (review_id, version, who, at, action, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (rid, version, who, _now(), action, json.dumps(detail)),
        )

    def get(self, rid: int) -> tuple[Review, dict[str, Any]] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM reviews WHERE id = ?", (rid,)).fetchone()
        if row is None:
            return None
        meta = {k: row[k] for k in row.keys() if k != "record"}
        return Review.model_validate_json(row["record"]), meta

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, case_id, status, verdict, version, created_by, created_at, updated_at"
                " FROM reviews ORDER BY id DESC"
            ).fetchall()
        return [dict(r) for r in rows]

    def events(self, rid: int) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT version, who, at, action, detail FROM events WHERE review_id = ?"
                " ORDER BY id",
                (rid,),
            ).fetchall()
        return [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]

    def approval(self, rid: int) -> dict[str, Any] | None:
        """The approval of a review (who, when, note, override reason and the open
        issues it overrode), or None while it is a draft."""
        with self._lock:
            row = self._conn.execute(
                "SELECT who, at, detail FROM events WHERE review_id = ? AND action = 'approve'"
                " ORDER BY id DESC LIMIT 1",
                (rid,),
            ).fetchone()
        if row is None:
            return None
        return {"who": row["who"], "at": row["at"]} | json.loads(row["detail"])

    def version(self, rid: int, version: int) -> Review | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT record FROM versions WHERE review_id = ? AND version = ?", (rid, version)
            ).fetchone()
        return Review.model_validate_json(row["record"]) if row else None

    # --- drafting jobs: kept so a restart finishes what was queued -------------------
    # ``runner`` names the server that owns a job: a server that took over a job from one
    # that stopped is the only one whose updates count.
    def job_add(self, job_id: str, case_record: str, who: str, runner: str) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO jobs (id, case_record, who, state, runner, created_at, updated_at)"
                " VALUES (?, ?, ?, 'queued', ?, ?, ?)",
                (job_id, case_record, who, runner, _now(), _now()),
            )

    def job_claim(self, job_id: str, runner: str) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "UPDATE jobs SET runner = ?, state = 'queued', updated_at = ? WHERE id = ?",
                (runner, _now(), job_id),
            )

    def job_set(
        self,
        job_id: str,
        runner: str,
        state: str,
        review_id: int | None = None,
        error: str | None = None,
    ) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "UPDATE jobs SET state = ?, review_id = ?, error = ?, updated_at = ?"
                " WHERE id = ? AND runner = ?",
                (state, review_id, error, _now(), job_id, runner),
            )

    def job(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return dict(row) if row else None

    def jobs_unfinished(self) -> list[dict[str, Any]]:
        """Jobs queued or running when the server last stopped, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, rowid"
            ).fetchall()
        return [dict(r) for r in rows]

    # --- QA labels: a person's verdict on one statement at one review version ----------
    def add_label(self, rid: int, version: int, row: dict[str, Any], who: str) -> int:
        """Store a label with what it judged: the statement, its citations, the cited text
        and the judge's verdict and score at that version; it replaces this person's
        earlier label on the same statement at the same version."""
        with self._lock, self._conn:
            current = self._conn.execute(
                "SELECT version FROM reviews WHERE id = ?", (rid,)
            ).fetchone()
            if current is None:
                raise KeyError(rid)
            if current["version"] != version:
                raise StaleVersion(rid, version, current["version"])
            # One label per person per statement and version: a second one replaces the
            # first (a person changing their mind is one vote, not two).
            self._conn.execute(
                "DELETE FROM labels WHERE review_id = ? AND version = ? AND section = ?"
                " AND idx = ? AND who = ?",
                (rid, version, row["section"], row["idx"], who),
            )
            cur = self._conn.execute(
                "INSERT INTO labels (review_id, version, section, idx, statement, citations,"
                " evidence, judge_supported, judge_score, label, note, who, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rid,
                    version,
                    row["section"],
                    row["idx"],
                    row["statement"],
                    json.dumps(row["citations"]),
                    json.dumps(row["evidence"]),
                    int(row["judge_supported"]),
                    row["judge_score"],
                    row["label"],
                    row.get("note"),
                    who,
                    _now(),
                ),
            )
            self._event(
                rid, version, who, "label", {k: row[k] for k in ("section", "idx", "label")}
            )
        return int(cur.lastrowid or 0)

    def labels(self, rid: int | None = None) -> list[dict[str, Any]]:
        """Labels of one review (or all), latest last; citations and evidence decoded."""
        query = "SELECT * FROM labels" + (" WHERE review_id = ?" if rid is not None else "")
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY id", (rid,) if rid is not None else ())
            rows = rows.fetchall()
        return [
            dict(r)
            | {"citations": json.loads(r["citations"]), "evidence": json.loads(r["evidence"])}
            for r in rows
        ]
