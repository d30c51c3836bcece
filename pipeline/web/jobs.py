"""Jobs of the web app: drafts and packet extractions run one at a time in one worker
thread (a small local model has no room for two), and their events (progress, evidence,
each section as the model finishes it, done) queue up for the page.

Each draft is also a row in the review database: a server stopped with drafts queued (or
one running) drafts them when it starts again, and a finished job's page still links its
review. An extraction is not kept: its packet page says so and asks for the upload again.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import NecessityError
from pipeline.models import Case
from pipeline.web.db import ReviewDB

log = logging.getLogger(__name__)


@dataclass
class Job:
    id: str
    case_id: str
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    done: bool = False
    cond: threading.Condition = field(default_factory=threading.Condition)

    def emit(self, kind: str, data: dict[str, Any]) -> None:
        with self.cond:
            self.events.append((kind, data))
            if kind in {"done", "error"}:
                self.done = True
            self.cond.notify_all()

    def wait(self, seen: int, timeout: float = 15.0) -> list[tuple[str, dict[str, Any]]]:
        """Events after the first ``seen``; blocks up to ``timeout`` for new ones."""
        with self.cond:
            if len(self.events) <= seen and not self.done:
                self.cond.wait(timeout)
            return self.events[seen:]


def failure_words(exc: Exception) -> str:
    """What the job page says went wrong: our own errors already say it in words (the
    model not answering, a packet that cannot be read); anything else is named as it is,
    for whoever runs the server."""
    if isinstance(exc, NecessityError | ValueError) and str(exc):
        return str(exc)
    log.error("job failed", exc_info=exc)
    return f"an unexpected error ({type(exc).__name__}: {exc}); the server's log has the details"


class QueueFull(RuntimeError):
    pass


class Jobs:
    """One job at a time; others wait in turn, at most ``max_waiting`` of them."""

    def __init__(
        self,
        run: Callable[[Case, Callable[[str, dict], None], str], int],
        db: ReviewDB,
        max_waiting: int = 20,
    ) -> None:
        self._run = run
        self._db = db
        self._runner = uuid.uuid4().hex  # this server, as owner of the jobs it runs
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        # One worker thread, however many drafts are posted; a full queue says so.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft")
        self._waiting = threading.BoundedSemaphore(max_waiting)

    def _admit(self) -> None:
        if not self._waiting.acquire(blocking=False):
            raise QueueFull(
                "too many drafts and packets are waiting; try again in a few minutes, when "
                "some have finished"
            )

    def ahead(self) -> int:
        """How many jobs are queued or running (what a new one waits behind)."""
        return sum(not j.done for j in self._jobs.values())

    def start(self, case: Case, who: str) -> Job:
        self._admit()
        job = Job(uuid.uuid4().hex[:12], case.case_id)
        self._db.job_add(job.id, case.model_dump_json(), who, self._runner)
        return self._queue(job, case, who)

    def resume(self) -> int:
        """Queue again what the last server left queued or running; returns how many."""
        rows = self._db.jobs_unfinished()
        for row in rows:
            case = Case.model_validate_json(row["case_record"])
            self._db.job_claim(row["id"], self._runner)
            self._waiting.acquire(blocking=False)  # counted, never refused: already accepted
            self._queue(Job(row["id"], case.case_id), case, row["who"])
        return len(rows)

    def _queue(self, job: Job, case: Case, who: str) -> Job:
        self._waiting_message(job)
        self._jobs[job.id] = job
        self._pool.submit(self._work, job, case, who)
        return job

    def _waiting_message(self, job: Job) -> None:
        ahead = self.ahead()
        job.emit(
            "status",
            {"message": f"queued: {ahead} job(s) ahead" if ahead else "starting", "ahead": ahead},
        )

    def run_task(
        self, job_id: str, label: str, task: Callable[[Callable[[str, dict], None]], dict]
    ) -> Job:
        """Queue ``task(emit)`` (a packet extraction) behind the drafts; its result dict is
        the "done" event's data. Refused (QueueFull) when the queue is full."""
        self._admit()
        job = Job(job_id, label)
        self._waiting_message(job)
        self._jobs[job.id] = job
        self._pool.submit(self._task, job, task)
        return job

    def _task(self, job: Job, task: Callable[[Callable[[str, dict], None]], dict]) -> None:
        self._waiting.release()
        with self._lock:
            try:
                result = task(job.emit)
            except Exception as exc:  # the page must hear of any failure, whatever it is
                job.emit("error", {"message": failure_words(exc)})
                return
        job.emit("done", result)

    def _work(self, job: Job, case: Case, who: str) -> None:
        self._waiting.release()
        with self._lock:
            self._db.job_set(job.id, self._runner, "running")
            try:
                job.emit("status", {"message": "started"})
                rid = self._run(case, job.emit, who)
            except Exception as exc:  # the page must hear of any failure, whatever it is
                message = failure_words(exc)
                self._db.job_set(job.id, self._runner, "failed", error=message)
                job.emit("error", {"message": message})
                return
        self._db.job_set(job.id, self._runner, "done", review_id=rid)
        job.emit("done", {"review_id": rid})

    def get(self, job_id: str) -> Job | None:
        """A job of this server, or one a previous server finished (its outcome only)."""
        if job_id in self._jobs:
            return self._jobs[job_id]
        row = self._db.job(job_id)
        if row is None:
            return None
        job = Job(job_id, Case.model_validate_json(row["case_record"]).case_id)
        if row["state"] == "done":
            job.emit("done", {"review_id": row["review_id"]})
        else:
            job.emit("error", {"message": row["error"] or "the server stopped during this draft"})
        return job
