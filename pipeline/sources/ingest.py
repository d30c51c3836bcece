"""Files → parse → chunk → embed → store, document by document, with per-file results.

A bad file is reported (file and reason) and skipped; the others proceed; nothing already
stored changes because of it. Unchanged files (same sha256 already complete) are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import numpy as np

from pipeline.executors import Executor, default_executor
from pipeline.folders import files_within, is_within
from pipeline.models import Chunk, Document
from pipeline.settings import Settings
from pipeline.sources.chunk import CHUNKER_VERSION, chunk_pages, embedding_text, is_bibliography
from pipeline.sources.embed import cached_embedder
from pipeline.sources.injection import instruction_flags
from pipeline.sources.parse import PARSER_VERSION, ParseError, parse_pdf, pdf_info
from pipeline.sources.store import Store, store_lock

log = logging.getLogger(__name__)
METADATA_NAMES = ("metadata.csv", "manifest.csv")


@dataclass
class FileResult:
    file: str
    status: Literal["added", "unchanged", "failed"]
    reason: str = ""
    pages: int = 0
    chunks: int = 0
    seconds: float = 0.0


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    # Where the time went (seconds): parse_chunk (summed over files, in workers when there
    # are any), embed, write (Chroma and manifest), index (BM25, policies), and waiting
    # (this process idle for a worker: the worker start shows here).
    stages: dict[str, float] = field(default_factory=dict)
    # Declared policies the compiler could not structure: "<file>: what was not found".
    policy_errors: list[str] = field(default_factory=list)

    def add_time(self, stage: str, seconds: float) -> None:
        self.stages[stage] = round(self.stages.get(stage, 0.0) + seconds, 3)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(p for p in files_within(path) if p.suffix.lower() == ".pdf")
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in files:
        resolved = f.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(f)
    return unique


_ALIASES = {
    "id": ("id", "file", "stem"),
    "title": ("title", "name"),
    "publisher": ("publisher", "fuente original", "source"),
    "year": ("year",),
    "doc_type": ("doc_type", "type"),
}


def load_metadata(path: Path) -> dict[str, dict[str, str]]:
    """CSV keyed by file stem; column names are matched loosely (the ACR sheet's too)."""
    out: dict[str, dict[str, str]] = {}
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
        if not any(a in columns for a in _ALIASES["id"]):
            raise ValueError(f"{path}: metadata CSV needs an 'id' or 'file' column")
        for row in reader:
            record = {}
            for key, aliases in _ALIASES.items():
                for alias in aliases:
                    if alias in columns and (row.get(columns[alias]) or "").strip():
                        record[key] = " ".join(row[columns[alias]].split())
                        break
            if "id" in record:
                out[Path(record["id"]).stem] = record
    return out


_POLICY_TEXT = re.compile(
    r"prior authorization (?:policy|criteria)|coverage polic|medical polic|clinical policy|"
    r"(?:is|are) (?:considered )?medically necessary (?:when|for|if)|\bapprove for \d+ "
    r"(?:months?|years?)|experimental,? investigational",
    re.I,
)
_GUIDELINE_TEXT = re.compile(
    r"\bguidelines?\b.{0,80}\b(?:recommend|recommendation)|we (?:strongly |conditionally )?"
    r"recommend|strength of recommendation|certainty of evidence|grade methodology",
    re.I,
)


def _guess_type(title: str, stem: str, text: str = "") -> str:
    """From the title first, else from what the first pages say (a policy's title often
    names only the drug: 'Inflammatory Conditions - Adalimumab Products')."""
    head = f"{title} {stem}".lower()
    if "policy" in head or "coverage" in head:
        return "policy"
    if "guideline" in head or "recommendation" in head:
        return "guideline"
    if len(_POLICY_TEXT.findall(text)) >= 2:
        return "policy"
    if _GUIDELINE_TEXT.search(text):
        return "guideline"
    return "other"


def fingerprint(settings: Settings) -> str:
    """What, besides the file's bytes, decides its chunks: a change means re-ingest."""
    c = settings.chunk
    return f"{PARSER_VERSION}/{CHUNKER_VERSION}/{c.encoding}/{c.max_tokens}/{c.min_tokens}"


def make_document(
    path: Path,
    source_id: str,
    meta: dict[str, str],
    pages: int,
    pipeline_id: str,
    text: str = "",
) -> Document:
    title = meta.get("title") or path.stem.replace("-", " ").replace("_", " ")
    year = meta.get("year")
    doc_type = meta.get("doc_type") or _guess_type(title, path.stem, text)
    if doc_type not in {"policy", "guideline", "research", "other"}:
        doc_type = "other"
    return Document(
        source_id=source_id,
        file=str(path.resolve()),
        title=title,
        publisher=meta.get("publisher"),
        year=int(year) if year and re.fullmatch(r"\d{4}", year) else None,
        doc_type=doc_type,  # type: ignore[arg-type]
        pages=pages,
        parser=pipeline_id,
        declared=meta.get("declared") if doc_type == "policy" else None,
    )


@dataclass
class Prepared:
    """A file parsed and chunked (and, on remote workers, embedded), ready for the store."""

    file: str
    doc: Document
    chunks: list[Chunk]
    embeddings: np.ndarray | None
    seconds: float


@dataclass
class Task:
    path: Path
    source_id: str
    meta: dict[str, str]
    settings: Settings
    embed: bool = False


def ingest(
    paths: Iterable[Path],
    store: Store,
    settings: Settings,
    metadata: Path | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    executor: Executor | None = None,
    policy: bool = False,
    compile_policies: Callable[[Store, IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest PDFs. Parsing and chunking run on ``executor`` (by default one worker process,
    overlapping the next file's parse with this one's embedding); embedding and every store
    write happen here, in file order, under the store's lock, so the store has a single
    writer. ``compile_policies(store, report)``, the caller's (``Pipeline.ingest`` hands
    ``policy.library.compile_ingested``, a floor above this one), runs last under the same
    lock: a policy stored now that cannot decide anything is an ingest error."""
    with store_lock(store.path):
        store.reload()  # documents another writer completed since the store was opened
        return _ingest(
            paths,
            store,
            settings,
            metadata,
            progress,
            on_result,
            executor,
            policy,
            compile_policies,
        )


def _ingest(
    paths: Iterable[Path],
    store: Store,
    settings: Settings,
    metadata: Path | None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None,
    on_result: Callable[[FileResult], None] | None,
    executor: Executor | None,
    policy: bool,
    compile_policies: Callable[[Store, IngestReport], None] | None,
) -> IngestReport:
    started = time.perf_counter()
    paths = list(paths)
    files = find_pdfs(paths)
    meta = _folder_metadata(paths, metadata)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if metadata:  # named on the command line: the operator's act, so it may declare
        named = load_metadata(metadata)
        for record in named.values():
            if record.get("doc_type") == "policy":
                record["declared"] = f"metadata file, {now}"
        meta.update(named)
    if policy:  # the operator declares every file of this run a policy that may decide
        for path in files:
            meta[path.stem] = meta.get(path.stem, {}) | {
                "doc_type": "policy",
                "declared": f"--policy flag, {now}",
            }
    report = IngestReport()
    t0 = time.perf_counter()
    store.purge_orphans()
    report.add_time("open", time.perf_counter() - t0)
    tasks: list[Task] = []
    early: dict[Path, FileResult] = {}
    for path in files:
        checked = _check_file(path, store, settings)
        if isinstance(checked, FileResult) and checked.status == "unchanged":
            _declare(store, path, meta.get(path.stem, {}))
        if isinstance(checked, FileResult):
            early[path] = checked
        else:
            tasks.append(Task(path, checked, meta.get(path.stem, {}), settings))
    own = executor is None
    total_bytes = sum(t.path.stat().st_size for t in tasks)
    executor = executor or default_executor(
        len(tasks), settings.limits.parse_memory_mb, total_bytes
    )
    if tasks and not executor.remote:  # the model loads while the first file parses
        _warm_up(store.embedder)
    remote = executor.remote
    for task in tasks:
        task.embed = remote  # a remote worker embeds too: only vectors come back
    prepared = executor.map(prepare_task, tasks)
    iterator = progress(files) if progress else files
    try:
        for path in iterator:
            result = early.get(path)
            if result is None:
                t0 = time.perf_counter()
                ready = next(prepared)
                report.add_time("waiting", time.perf_counter() - t0)
                if isinstance(ready, Prepared):
                    report.add_time("parse_chunk", ready.seconds)
                result = _store_prepared(ready, store, report)
            report.results.append(result)
            if on_result:
                on_result(result)
    finally:
        if own:
            executor.close()
    t0 = time.perf_counter()
    store.lexical()  # rebuilds BM25 only if the chunks changed
    if compile_policies:
        compile_policies(store, report)
    report.add_time("index", time.perf_counter() - t0)
    report.seconds = time.perf_counter() - started
    return report


def _folder_metadata(paths: list[Path], named: Path | None = None) -> dict[str, dict[str, str]]:
    """Titles, years and types from a metadata file lying in an ingested folder. Such a file
    declares no policy: anyone who can drop a file there could otherwise make a planted
    PDF decide verdicts (``--policy``, or the file named with ``--metadata``, declares; the
    named file itself is not warned about)."""
    meta: dict[str, dict[str, str]] = {}
    for folder in (Path(p) for p in paths if Path(p).is_dir()):
        for name in METADATA_NAMES:
            found = folder / name
            if not found.is_file() or not is_within(found, folder):
                continue
            records = load_metadata(found)
            planted = sorted(k for k, r in records.items() if r.get("doc_type") == "policy")
            if planted and not (named and found.resolve() == Path(named).resolve()):
                log.warning(
                    "%s calls %s a policy; a file in the folder declares none (name it with "
                    "--metadata, or ingest the policy with --policy)",
                    found,
                    ", ".join(planted[:5]) + (" ..." if len(planted) > 5 else ""),
                )
            meta.update(records)
    return meta


def _warm_up(embedder: object) -> None:
    warm = getattr(embedder, "warm_up", None)
    if warm is not None:
        threading.Thread(target=warm, name="embedder-warm-up", daemon=True).start()


def _declare(store: Store, path: Path, meta: dict[str, str]) -> None:
    """An unchanged file declared a policy now (or again) gets the declaration recorded."""
    if meta.get("doc_type") != "policy" or not meta.get("declared"):
        return
    known = next((d for d in store.documents() if d.file == str(path.resolve())), None)
    if known and (known.doc_type != "policy" or not known.declared):
        store.update_document(
            known.model_copy(update={"doc_type": "policy", "declared": meta.get("declared")})
        )


def _check_file(path: Path, store: Store, settings: Settings) -> FileResult | str:
    """The file's sha256 when it needs ingesting, else its result (too big, unchanged)."""
    try:
        size_mb = path.stat().st_size / 2**20
        if size_mb > settings.limits.max_file_mb:
            return FileResult(
                str(path),
                "failed",
                f"{size_mb:.0f} MB exceeds the limit of "
                f"{settings.limits.max_file_mb:g} MB (limits.max_file_mb)",
            )
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(str(path), "failed", f"cannot read ({exc.strerror})")
    source_id = hashlib.sha256(data).hexdigest()
    known = store.document(source_id)
    if known and known.parser == fingerprint(settings):
        return FileResult(str(path), "unchanged", pages=known.pages, chunks=known.chunks)
    return source_id


def prepare_task(task: Task) -> Prepared | FileResult:
    """Parse and chunk one file (a pure function of the task: it runs in any worker)."""
    t0 = time.perf_counter()
    try:
        return _prepare(task, t0)
    except MemoryError:  # a parse worker's memory bound (limits.parse_memory_mb)
        return FileResult(
            str(task.path),
            "failed",
            "ran out of the memory a parse may use (limits.parse_memory_mb)",
            seconds=time.perf_counter() - t0,
        )


def _prepare(task: Task, t0: float) -> Prepared | FileResult:
    path, settings, meta = task.path, task.settings, task.meta
    embedder = cached_embedder(settings.embedder)
    try:
        pages = parse_pdf(
            path, max_pages=settings.limits.max_pages, max_seconds=settings.limits.parse_seconds
        )
    except ParseError as exc:
        return FileResult(str(path), "failed", str(exc), seconds=time.perf_counter() - t0)
    if "title" not in meta:
        meta = pdf_info(path) | meta
    head = " ".join(p.text for p in pages[:3])
    doc = make_document(path, task.source_id, meta, len(pages), fingerprint(settings), head)
    chunks = chunk_pages(
        pages,
        source_id=task.source_id,
        file=doc.file,
        encoding=settings.chunk.encoding,
        max_tokens=settings.chunk.max_tokens,
        min_tokens=settings.chunk.min_tokens,
        limit_fn=embedder.truncates,
    )
    chunks = [c for c in chunks if not is_bibliography(c.text)]
    for c in chunks:
        c.flags = instruction_flags(c.text)
    doc.flagged_chunks = sum(1 for c in chunks if c.flags)
    if not chunks:
        return FileResult(str(path), "failed", "no text to index", len(pages))
    doc.chunks = len(chunks)
    vectors = embedder.embed([embedding_text(c) for c in chunks]) if task.embed else None
    return Prepared(str(path), doc, chunks, vectors, time.perf_counter() - t0)


def _store_prepared(
    prepared: Prepared | FileResult, store: Store, report: IngestReport
) -> FileResult:
    if isinstance(prepared, FileResult):
        return prepared
    t0 = time.perf_counter()
    doc, chunks = prepared.doc, prepared.chunks
    if doc.flagged_chunks:
        log.warning(
            "%s: %d chunk(s) hold instruction-like text; they are flagged and cannot "
            "support a statement",
            Path(prepared.file).name,
            doc.flagged_chunks,
        )
    embeddings = prepared.embeddings
    if embeddings is None:
        t1 = time.perf_counter()
        embeddings = store.embedder.embed([embedding_text(c) for c in chunks])
        report.add_time("embed", time.perf_counter() - t1)
    t1 = time.perf_counter()
    store.add(doc, chunks, embeddings)
    report.add_time("write", time.perf_counter() - t1)
    log.info("ingested %s: %d pages, %d chunks", Path(prepared.file).name, doc.pages, len(chunks))
    return FileResult(
        prepared.file,
        "added",
        pages=doc.pages,
        chunks=len(chunks),
        seconds=prepared.seconds + time.perf_counter() - t0,
    )
