"""Issue 27, store side, for real: concurrent ingest processes into one store, and a damaged
Chroma database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from pipeline.sources.corpus import CORPUS_DIR, read_source, render_pdf

CASE = CORPUS_DIR / "cases" / "ivig-jia.yaml"


def _cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", *args],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _pdfs(folder: Path, tag: str) -> None:
    folder.mkdir()
    for src in sorted((CORPUS_DIR / "sources").glob("*.md")):
        meta, body = read_source(src)
        render_pdf(
            {**meta, "title": f"{meta['title']} ({tag})"},
            body + f"\n\nThis is the {tag} copy.",
            folder / f"{src.stem}-{tag}.pdf",
        )


def test_two_concurrent_ingests_keep_every_document(tmp_path: Path) -> None:
    """As the attack ran it: two `necessity ingest` processes into one store, the second
    started at a few delays after the first; both say "added", so both must be kept."""
    from pipeline.sources.store import open_store

    a, b = tmp_path / "a", tmp_path / "b"
    _pdfs(a, "a")
    _pdfs(b, "b")
    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    kept: dict[float, int] = {}
    for i, delay in enumerate((0.0, 0.5, 1.5)):
        store = tmp_path / f"store{i}"
        first = _cli("ingest", str(a), "--store", str(store), env=env)
        time.sleep(delay)
        second = _cli("ingest", str(b), "--store", str(store), env=env)
        for proc in (first, second):
            out, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err
            assert "3 added" in out, out
        db = open_store(store)
        kept[delay] = len(db.documents())
        for doc in db.documents():
            ids = db.collection.get(where={"source_id": doc.source_id}, include=[])["ids"]
            assert len(ids) == doc.chunks, (delay, doc.title)
        # Every chunk is in the vector index too, not only in Chroma's metadata.
        count = db.collection.count()
        probe = db.collection.get(limit=1, include=["embeddings"])["embeddings"][0]
        found = db.collection.query(query_embeddings=[probe], n_results=count, include=[])
        assert len(found["ids"][0]) == count == sum(d.chunks for d in db.documents()), delay
    assert kept == {0.0: 6, 0.5: 6, 1.5: 6}, f"documents kept by start delay: {kept}"


def test_a_damaged_chroma_database_is_one_clear_error(tmp_path: Path) -> None:
    from pipeline.sources.store import open_store

    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    empty = tmp_path / "empty"
    empty.mkdir()
    for i, damage in enumerate(("header", "truncated")):
        store = tmp_path / f"store{i}"
        open_store(store).stats()
        (store / "documents.json").write_text('{"documents": []}', encoding="utf-8")
        db = store / "chroma" / "chroma.sqlite3"
        data = db.read_bytes()
        db.write_bytes(b"x" * 100 + data[100:] if damage == "header" else data[: len(data) // 3])
        for command in (
            ["store", "stats"],
            ["ingest", str(empty)],
            ["review", str(CASE), "--out", str(tmp_path / "out")],
        ):
            proc = _cli(*command, "--store", str(store), env=env)
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 2, (damage, command, out, err)
            assert "Traceback" not in err, (damage, command, err)
            (line,) = err.strip().splitlines()
            assert line.startswith("error: ") and str(db) in line, line
            assert "restore" in line and "re-ingest" in line, line


def test_a_store_opened_before_another_ingest_keeps_its_documents(
    tmp_path: Path, real_settings
) -> None:
    """The same race without timing: both stores open (each reads the manifest), then each
    ingests in turn; the second must not purge or drop what the first completed."""
    from pipeline.sources.ingest import ingest
    from pipeline.sources.store import open_store

    a, b = tmp_path / "a", tmp_path / "b"
    _pdfs(a, "a")
    _pdfs(b, "b")
    first, second = open_store(tmp_path / "store"), open_store(tmp_path / "store")
    assert ingest([a], first, real_settings).count("added") == 3
    assert ingest([b], second, real_settings).count("added") == 3
    db = open_store(tmp_path / "store")
    assert len(db.documents()) == 6
    assert db.collection.count() == sum(d.chunks for d in db.documents())
