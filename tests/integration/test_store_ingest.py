import shutil
from pathlib import Path

from pipeline.sources.chunk import chunk_pages
from pipeline.sources.ingest import ingest
from pipeline.sources.parse import parse_pdf
from pipeline.sources.store import open_store


def _store(settings):
    return open_store(settings.store_path)


def test_ingest_is_idempotent_and_counts(settings, corpus_pdfs: Path) -> None:
    from pipeline import assets

    assets.ensure_tiktoken(settings.cache_dir)
    store = _store(settings)
    first = ingest([corpus_pdfs], store, settings)
    assert first.count("added") == 3 and not first.failed
    stats = store.stats()
    assert stats["documents"] == 3 and stats["chunks"] == sum(r.chunks for r in first.results)
    again = ingest([corpus_pdfs], _store(settings), settings)
    assert again.count("unchanged") == 3 and again.count("added") == 0
    assert _store(settings).stats() == stats
    docs = {Path(d.file).stem: d for d in store.documents()}
    assert docs["sample-ivig-policy"].doc_type == "policy"
    assert docs["jia-treatment-summary"].year == 2025


def test_bad_files_are_reported_and_the_rest_stored(
    settings, corpus_pdfs: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(corpus_pdfs / "sle-treatment-summary.pdf", folder)
    (folder / "zero.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("plain text, not a PDF")
    store = _store(settings)
    report = ingest([folder], store, settings)
    reasons = {Path(r.file).name: r.reason for r in report.failed}
    assert set(reasons) == {"zero.pdf", "notes.pdf"}
    assert "empty" in reasons["zero.pdf"] and "not a PDF" in reasons["notes.pdf"]
    assert store.stats()["documents"] == 1


def test_changed_file_replaces_its_old_version(settings, corpus_pdfs: Path, tmp_path: Path) -> None:
    target = tmp_path / "doc.pdf"
    shutil.copy(corpus_pdfs / "jia-treatment-summary.pdf", target)
    store = _store(settings)
    ingest([target], store, settings)
    shutil.copy(corpus_pdfs / "sle-treatment-summary.pdf", target)
    ingest([target], store, settings)
    docs = store.documents()
    assert len(docs) == 1
    metas = store.collection.get(include=["metadatas"])["metadatas"]
    assert {m["source_id"] for m in metas} == {docs[0].source_id}


def test_interrupted_ingest_resumes_to_the_clean_state(settings, corpus_pdfs: Path) -> None:
    store = _store(settings)
    clean = ingest([corpus_pdfs], store, settings)
    assert not clean.failed
    ids_clean = sorted(store.collection.get(include=[])["ids"])
    # Simulate a crash: one document's chunks half-written, manifest never updated.
    path = corpus_pdfs / "sample-ivig-policy.pdf"
    doc = next(d for d in store.documents() if d.file == str(path.resolve()))
    store.remove(doc.source_id)
    chunks = chunk_pages(parse_pdf(path), source_id=doc.source_id, file=doc.file)
    half = chunks[: len(chunks) // 2]
    store.collection.upsert(
        ids=[c.id for c in half],
        documents=[c.text for c in half],
        embeddings=store.embedder.embed([c.text for c in half]),
        metadatas=[
            {
                "source_id": doc.source_id,
                "file": doc.file,
                "page": c.page,
                "start": c.start,
                "end": c.end,
            }
            for c in half
        ],
    )
    resumed = ingest([corpus_pdfs], _store(settings), settings)
    assert resumed.count("added") == 1
    assert sorted(_store(settings).collection.get(include=[])["ids"]) == ids_clean


def test_new_chunking_settings_rechunk_without_leftovers(settings, corpus_pdfs: Path) -> None:
    store = _store(settings)
    ingest([corpus_pdfs / "sample-ivig-policy.pdf"], store, settings)
    before = store.stats()["chunks"]
    settings.chunk.max_tokens = 60
    report = ingest([corpus_pdfs / "sample-ivig-policy.pdf"], store, settings)
    assert report.count("added") == 1
    after = store.stats()
    assert after["documents"] == 1 and after["chunks"] > before
    assert after["chunks"] == store.documents()[0].chunks


def test_a_folder_of_bad_files_leaves_the_store_as_it_was(
    settings, corpus_pdfs: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader, PdfWriter

    store = _store(settings)
    ingest([corpus_pdfs / "jia-treatment-summary.pdf"], store, settings)
    before = sorted(store.collection.get(include=["documents"])["documents"])
    bad = tmp_path / "bad"
    bad.mkdir()
    good = (corpus_pdfs / "sle-treatment-summary.pdf").read_bytes()
    (bad / "truncated.pdf").write_bytes(good[: len(good) // 2])
    (bad / "zero.pdf").write_bytes(b"")
    (bad / "fake.pdf").write_bytes(b"PK\x03\x04 a zip file")
    locked = PdfWriter(clone_from=PdfReader(corpus_pdfs / "sle-treatment-summary.pdf"))
    locked.encrypt("pw")
    with (bad / "encrypted.pdf").open("wb") as f:
        locked.write(f)
    for name, pages in (("scanned.pdf", 2), ("huge.pdf", 2500)):
        w = PdfWriter()
        for _ in range(pages):
            w.add_blank_page(612, 792)
        with (bad / name).open("wb") as f:
            w.write(f)
    shutil.copy(corpus_pdfs / "sle-treatment-summary.pdf", bad / "good.pdf")
    report = ingest([bad], store, settings)
    reasons = {Path(r.file).name: r.reason for r in report.failed}
    assert set(reasons) == {
        "truncated.pdf",
        "zero.pdf",
        "fake.pdf",
        "encrypted.pdf",
        "scanned.pdf",
        "huge.pdf",
    }
    assert "encrypted" in reasons["encrypted.pdf"] and "no text layer" in reasons["scanned.pdf"]
    assert "2500 pages exceeds the limit" in reasons["huge.pdf"]
    assert report.count("added") == 1
    after = store.collection.get(
        where={"source_id": store.documents()[0].source_id}, include=["documents"]
    )["documents"]
    assert sorted(after) == before
