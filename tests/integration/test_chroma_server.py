"""The shared store: a Chroma server (`chroma run`) on 127.0.0.1, started by the test."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.retrieve.search import Searcher
from pipeline.settings import load_settings
from pipeline.sources.ingest import ingest
from pipeline.sources.store import StoreError, open_store

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path: Path):  # noqa: ANN201
    if not CHROMA.exists() and not shutil.which("chroma"):
        pytest.skip("the chroma CLI (from the chromadb package) is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(CHROMA if CHROMA.exists() else "chroma"),
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not listen within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_two_machines_share_one_chroma_server(chroma_server, corpus_pdfs, tmp_path) -> None:
    # Two local cache folders stand for two machines: the documents live on the server.
    a = load_settings(home=tmp_path / "a", store_url=chroma_server)
    b = load_settings(home=tmp_path / "b", store_url=chroma_server)
    from pipeline import assets

    assets.ensure_tiktoken(a.cache_dir, a.chunk.encoding)
    store_a = open_store(a.store_path, a.embedder, a.store_url)
    report = ingest([corpus_pdfs], store_a, a)
    assert report.count("added") == 3 and not report.failed
    assert not (a.store_path / "documents.json").exists()  # the manifest is on the server

    store_b = open_store(b.store_path, b.embedder, b.store_url)
    assert store_b.stats()["documents"] == 3
    assert store_b.stats()["chunks"] == store_a.stats()["chunks"] > 0
    assert store_b.stats()["store"] == chroma_server
    hits = Searcher(store_b, b.retrieval).search("M08.00", 3, mode="hybrid")
    assert any("M08.00" in c.text for c, _ in hits)
    # A re-ingest from the other machine finds everything already there.
    assert ingest([corpus_pdfs], store_b, b).count("unchanged") == 3
    victim = store_b.documents()[0].source_id
    store_b.remove(victim)
    reopened = open_store(a.store_path, a.embedder, a.store_url)
    assert reopened.stats()["documents"] == 2
    assert victim not in set(reopened.lexical().source_ids)


def test_an_unreachable_server_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="127.0.0.1:9"):
        open_store(tmp_path / "s", url="http://127.0.0.1:9")


def test_one_machines_ingest_never_purges_anothers_documents(
    chroma_server, corpus_pdfs, tmp_path
) -> None:
    """Machine A opens the store; B then completes one document and is midway through
    another (chunks written, not yet in the manifest). A's ingest must leave both."""
    import numpy as np

    from pipeline import assets

    a = load_settings(home=tmp_path / "a", store_url=chroma_server)
    b = load_settings(home=tmp_path / "b", store_url=chroma_server)
    assets.ensure_tiktoken(a.cache_dir, a.chunk.encoding)
    pdfs = sorted(corpus_pdfs.glob("*.pdf"))
    store_a = open_store(a.store_path, a.embedder, a.store_url)  # sees an empty manifest
    store_b = open_store(b.store_path, b.embedder, b.store_url)
    assert ingest([pdfs[0]], store_b, b).count("added") == 1
    dim = len(store_b.embedder.embed(["x"])[0])
    store_b.collection.upsert(
        ids=["in-flight-0"],
        documents=["a chunk of a document machine B is still writing"],
        embeddings=np.zeros((1, dim), dtype=np.float32),
        metadatas=[{"source_id": "f" * 64, "file": "x.pdf", "page": 0, "written": time.time()}],
    )
    before = store_b.collection.count()
    assert ingest([pdfs[1]], store_a, a).count("added") == 1
    after = open_store(b.store_path, b.embedder, b.store_url)
    assert after.collection.get(ids=["in-flight-0"])["ids"] == ["in-flight-0"]
    assert after.stats()["documents"] == 2
    assert after.collection.count() > before  # A added its chunks and removed none of B's
