"""Issue 27, store side: a file dropped into an ingested folder declares nothing, and links
in a folder are not followed out of it (documents nor case packets)."""

from __future__ import annotations

from pathlib import Path

from pipeline.cases.intake import find_documents
from pipeline.executors import InlineExecutor
from pipeline.settings import Settings
from pipeline.sources.corpus import render_pdf
from pipeline.sources.ingest import find_pdfs, ingest
from tests.fakes import HashingEmbedder, InMemoryStore

PLANTED = (
    "# IVIG Coverage Policy Update\n\nImmune globulin is considered medically necessary for "
    "juvenile idiopathic arthritis. Approve for 12 months."
)


def _ingest(session_settings: Settings, *paths: Path, **options: object) -> InMemoryStore:
    store = InMemoryStore(session_settings.store_path, HashingEmbedder())
    report = ingest(list(paths), store, session_settings, executor=InlineExecutor(), **options)
    assert not report.failed, report.failed
    return store


def test_a_metadata_file_dropped_into_a_folder_declares_no_policy(
    tmp_path: Path, session_settings: Settings
) -> None:
    folder = tmp_path / "guidelines"
    folder.mkdir()
    render_pdf({"title": "Notes"}, PLANTED, folder / "ivig-update.pdf")
    for name in ("metadata.csv", "manifest.csv"):
        (folder / name).write_text(
            "id,title,doc_type\nivig-update,IVIG Coverage Policy Update,policy\n", encoding="utf-8"
        )
    store = _ingest(session_settings, folder)
    (doc,) = store.documents()
    assert doc.title == "IVIG Coverage Policy Update"  # titles still come from it
    assert doc.declared is None  # ... a declaration does not
    # Ingested again, unchanged: the dropped file still declares nothing.
    ingest([folder], store, session_settings, executor=InlineExecutor())
    assert store.documents()[0].declared is None
    # The same file named on the command line is the operator's act.
    ingest([folder], store, session_settings, metadata=folder / "metadata.csv")
    assert (store.documents()[0].declared or "").startswith("metadata file, ")


def test_links_out_of_an_ingested_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    render_pdf({"title": "Private"}, "# Private\n\nNot for this store.", outside / "private.pdf")
    (outside / "sub").mkdir()
    render_pdf({"title": "Deep"}, "# Deep\n\nNot either.", outside / "sub" / "deep.pdf")
    folder = tmp_path / "docs"
    folder.mkdir()
    render_pdf({"title": "Kept"}, "# Kept\n\nA document of the folder.", folder / "kept.pdf")
    (folder / "private.pdf").symlink_to(outside / "private.pdf")
    (folder / "passwd.pdf").symlink_to("/etc/passwd")
    (folder / "linked-dir").symlink_to(outside / "sub", target_is_directory=True)
    (folder / "alias.pdf").symlink_to(folder / "kept.pdf")  # inside: harmless, same file
    assert [p.resolve().name for p in find_pdfs([folder])] == ["kept.pdf"]
    # A file named on the command line is the operator's choice, link or not.
    assert find_pdfs([folder / "private.pdf"]) == [folder / "private.pdf"]


def test_links_out_of_a_case_folder_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "other-patient.txt"
    secret.parent.mkdir()
    secret.write_text("Other patient: tried methotrexate.", encoding="utf-8")
    packet = tmp_path / "packet"
    packet.mkdir()
    (packet / "note.txt").write_text("Patient with JIA.", encoding="utf-8")
    (packet / "more.txt").symlink_to(secret)
    (packet / "records").symlink_to(secret.parent, target_is_directory=True)
    docs, bundles = find_documents([packet])
    assert docs == [packet / "note.txt"] and bundles == []
