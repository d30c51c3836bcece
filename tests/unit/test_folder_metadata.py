"""A metadata file lying in an ingested folder declares nothing, and says so, unless the
operator named that same file with ``--metadata`` (then the warning would be noise)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pipeline.sources.ingest import _folder_metadata


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.csv").write_text("id,title,doc_type\nsample-policy,A policy,policy\n")
    return folder


def test_a_policy_in_a_folders_manifest_is_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    with caplog.at_level(logging.WARNING, logger="pipeline.sources.ingest"):
        meta = _folder_metadata([folder])
    assert meta["sample-policy"]["doc_type"] == "policy"
    assert "declared" not in meta["sample-policy"]  # read, never a declaration
    assert "calls sample-policy a policy" in caplog.text


def test_the_manifest_named_with_metadata_is_not_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    with caplog.at_level(logging.WARNING, logger="pipeline.sources.ingest"):
        _folder_metadata([folder], tmp_path / "corpus" / ".." / "corpus" / "manifest.csv")
    assert "a policy" not in caplog.text
