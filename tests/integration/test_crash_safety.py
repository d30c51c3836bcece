"""kill -9 at random points, for real, in subprocesses: the store must end identical to a
clean ingest, and an interrupted review must leave no record behind."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.sources.corpus import CORPUS_DIR, read_source, render_pdf
from tests.fake_openai import FakeOpenAIServer, Fault

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def _cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", *args],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _snapshot(store: Path) -> tuple[set[str], dict[str, str], int]:
    from pipeline.sources.store import open_store

    db = open_store(store)
    got = db.collection.get(include=["documents"])
    return (
        {d.source_id for d in db.documents()},
        dict(zip(got["ids"], got["documents"], strict=True)),
        db.collection.count(),
    )


def _corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    for src in sorted((CORPUS_DIR / "sources").glob("*.md")):
        meta, body = read_source(src)
        for k in range(copies):
            render_pdf(
                {**meta, "title": f"{meta['title']} (copy {k})"},
                body + f"\n\nThis is copy number {k} of the sample.",
                folder / f"{src.stem}-{k}.pdf",
            )


def _children(pid: int) -> list[int]:
    """Direct child processes of ``pid`` (Linux /proc), waiting briefly for the worker."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    for _ in range(20):
        try:
            kids = [int(x) for x in path.read_text().split()]
        except OSError:
            return []
        if kids:
            return kids
        time.sleep(0.05)
    return []


def _still_alive(pids: list[int], wait: float = 5.0) -> list[int]:
    deadline = time.time() + wait
    alive = list(pids)
    while alive and time.time() < deadline:
        alive = [p for p in alive if _running(p)]
        time.sleep(0.1)
    return alive


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has exited already


def _complete_documents_only(store: Path) -> None:
    from pipeline.sources.store import open_store

    db = open_store(store)
    for doc in db.documents():
        ids = db.collection.get(where={"source_id": doc.source_id}, include=[])["ids"]
        assert len(ids) == len(set(ids)) == doc.chunks, doc.file


def test_kill_9_during_ingest_then_resume_equals_clean(tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    _corpus(folder, copies=5)
    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    clean = tmp_path / "clean"
    t0 = time.perf_counter()
    assert _cli("ingest", str(folder), "--store", str(clean), env=env).wait(300) == 0
    clean_seconds = time.perf_counter() - t0
    docs_a, chunks_a, _ = _snapshot(clean)
    rng = random.Random(20261122)
    # Each trial: a fresh store, kill -9 somewhere in the run, then run again to the end.
    points = sorted(rng.uniform(0.3, 0.95) * clean_seconds for _ in range(5))
    landed, diffs = 0, 0
    orphans: list[int] = []
    for i, delay in enumerate(points):
        crash = tmp_path / f"crash{i}"
        proc = _cli("ingest", str(folder), "--store", str(crash), env=env)
        time.sleep(delay)
        children: list[int] = []
        if proc.poll() is None:
            children = _children(proc.pid)
            proc.send_signal(signal.SIGKILL)
            landed += 1
        proc.wait(60)
        orphans += _still_alive(children)
        if (crash / "documents.json").exists():
            # Killed mid-write: every document the manifest calls complete has all its
            # chunks, and none twice (a document is recorded only after its chunks).
            _complete_documents_only(crash)
        assert _cli("ingest", str(folder), "--store", str(crash), env=env).wait(300) == 0
        docs_b, chunks_b, _ = _snapshot(crash)
        assert docs_a == docs_b and len(docs_a) == 15
        assert chunks_a == chunks_b  # same ids, same text
        _complete_documents_only(crash)
        diffs += len(set(chunks_a.items()) ^ set(chunks_b.items()))
    # The parse worker dies with ingest (PR_SET_PDEATHSIG), even under kill -9.
    assert orphans == [], f"worker processes outlived the killed ingest: {orphans}"
    print(
        json.dumps(
            {
                "clean_ingest_s": round(clean_seconds, 1),
                "kill_points_s": [round(p, 2) for p in points],
                "killed_while_running": landed,
                "chunks": len(chunks_a),
                "store_diffs": diffs,
            }
        )
    )
    assert landed >= 3, "most kills should land while ingest runs"


def test_kill_9_during_review_leaves_no_record(tmp_path: Path, real_store) -> None:
    out = tmp_path / "out"
    with FakeOpenAIServer([lambda body: Fault(sleep=30, content="{}")]) as server:
        env = {"NECESSITY_HOME": str(tmp_path / "home"), "NECESSITY_LLM_BASE_URL": server.base_url}
        proc = _cli(
            "review",
            str(CASES / "ivig-jia.yaml"),
            "--store",
            str(real_store.path),
            "--out",
            str(out),
            env=env,
        )
        deadline = time.time() + 60
        while not server.requests and time.time() < deadline:
            time.sleep(0.2)
        assert server.requests, "the review never reached the model"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    leftovers = sorted(p.name for p in out.iterdir()) if out.exists() else []
    # No record and no half-written .tmp; the batch's summary (rewritten after every case,
    # atomically) is all there is, and it lists no finished case.
    assert [n for n in leftovers if n != "summary.csv"] == []
    if "summary.csv" in leftovers:
        assert (out / "summary.csv").read_text().count("\n") == 1  # the header alone
