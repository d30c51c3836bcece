"""`necessity review-batch`: many cases, resumable, one record per case plus summary.csv.

Locally the cases share one store and one LLM endpoint across ``workers`` threads (the LLM
call is the slow part and an OpenAI-compatible server batches concurrent requests). On Ray,
each task opens the store (``store_url`` for a cluster) and the configured endpoint itself.
A failed case is a row with its error; the batch goes on. The summary is rewritten after
every case, so an interrupted batch leaves an accurate one and the next run skips what is done.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.cases import CaseError, load_case
from pipeline.executors import Executor, PoolExecutor, make_executor
from pipeline.llm import LLMError
from pipeline.models import Review
from pipeline.review import write_outputs
from pipeline.runtime import Pipeline
from pipeline.settings import Settings

CASE_SUFFIXES = {".yaml", ".yml", ".json"}
EventsFor = Callable[[Any], Callable[[str, dict], None] | None]  # case → stage listener
SUMMARY = "summary.csv"


@dataclass
class BatchRow:
    case_file: str
    case_id: str = ""
    status: str = "failed"  # done | skipped | failed
    verdict: str = ""
    recommendation: str = ""
    valid_criteria: int = 0
    dropped_statements: int = 0
    statements: int = 0
    supported: int = 0
    citations: int = 0
    resolved: int = 0
    verbatim: str = ""
    seconds: float = 0.0
    json: str = ""
    error: str = ""


def find_cases(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder of case files")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in CASE_SUFFIXES)


def _row_from(
    review: Review, path: Path, status: str, seconds: float, record: Path | None = None
) -> BatchRow:
    v = review.validation
    return BatchRow(
        case_file=str(path),
        case_id=review.case_id,
        status=status,
        verdict=review.verdict,
        recommendation=review.recommendation,
        valid_criteria=v.valid_criteria,
        dropped_statements=len(v.dropped),
        statements=v.supported_statements + v.unsupported_statements,
        supported=v.supported_statements,
        citations=v.citations,
        resolved=v.resolved,
        verbatim=f"{v.evidence_verbatim}/{v.evidence_checked}",
        seconds=round(seconds, 1),
        json=str(record) if record else "",
    )


def _finished(path: Path, out: Path) -> BatchRow | None:
    """The row of a case whose record is already in ``out`` (and readable)."""
    try:
        case = load_case(path)
        record = out / f"{case.case_id}.review.json"
        if record.exists():
            review = Review.model_validate_json(record.read_text())
            return _row_from(review, path, "skipped", 0, record)
    except (CaseError, ValueError, OSError):
        return None
    return None


def review_one(path: Path, pipeline: Pipeline, on_event: EventsFor | None = None) -> BatchRow:
    t0 = time.perf_counter()
    case_id = ""
    try:
        case = load_case(path)
        case_id = case.case_id
        review = pipeline.review(case, on_event=on_event(case) if on_event else None)
        record, _ = write_outputs(review, pipeline.settings.out)
    except (CaseError, LLMError, ValueError, OSError) as exc:
        return BatchRow(case_file=str(path), case_id=case_id, error=str(exc)[:500])
    return _row_from(review, path, "done", time.perf_counter() - t0, record)


def ray_review_task(item: tuple[str, Settings]) -> BatchRow:
    """One case on a Ray worker: its own pipeline (store handle and LLM client)."""
    path, settings = Path(item[0]), item[1]
    try:
        with Pipeline.open(settings) as pipeline:
            return review_one(path, pipeline)
    except LLMError as exc:
        return BatchRow(case_file=str(path), error=str(exc)[:500])


def write_summary(rows: list[BatchRow], out: Path) -> Path:
    path = out / SUMMARY
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(BatchRow.__dataclass_fields__))
        writer.writeheader()
        writer.writerows(asdict(r) for r in rows)
    os.replace(tmp, path)
    return path


def run_batch(
    cases: list[Path],
    pipeline: Pipeline,
    workers: int = 1,
    executor: str = "local",
    address: str | None = None,
    progress: Callable[[Iterator[BatchRow], int], Iterator[BatchRow]] | None = None,
    skip_existing: bool = True,
    on_event: EventsFor | None = None,
) -> list[BatchRow]:
    """Review the cases with the caller's pipeline (locally, its ``workers`` threads share
    its store and LLM: open it with ``llm_slots=workers`` so the embedded server answers
    them at once); on Ray each task opens its own from the pipeline's settings. With
    ``skip_existing`` (the batch default) a case whose record is in OUT already is skipped,
    so an interrupted run resumes. ``on_event(case)`` gives the stage listener of each case
    (progress lines)."""
    settings = pipeline.settings
    settings.out.mkdir(parents=True, exist_ok=True, mode=0o700)  # records hold case data
    rows: list[BatchRow] = []
    todo: list[Path] = []
    for path in cases:
        done = _finished(path, settings.out) if skip_existing else None
        if done:
            rows.append(done)
        else:
            todo.append(path)
    write_summary(rows, settings.out)
    if not todo:
        return rows
    results: Iterator[BatchRow]
    pool: Executor
    if executor == "ray":
        pool = make_executor("ray", workers, address)
        try:
            results = pool.map(ray_review_task, [(str(p), settings) for p in todo])
            return _collect(results, rows, settings, progress, len(todo))
        finally:
            pool.close()
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r}; choose local or ray")
    pool = PoolExecutor(workers, "thread")
    try:
        results = pool.map(lambda p: review_one(p, pipeline, on_event), todo)
        return _collect(results, rows, settings, progress, len(todo))
    finally:
        pool.close()


def _collect(results, rows, settings, progress, total):  # noqa: ANN001, ANN202
    for row in progress(results, total) if progress else results:
        rows.append(row)
        write_summary(rows, settings.out)
    return rows
