import hashlib
import os
from pathlib import Path

import pytest

from pipeline import assets


def test_tiktoken_runs_offline_from_bundled_files(tmp_path: Path, monkeypatch) -> None:
    import tiktoken
    import tiktoken.load

    def no_network(url: str) -> bytes:
        raise AssertionError(f"tiktoken tried to download {url}")

    monkeypatch.setattr(tiktoken.load, "read_file", no_network)
    monkeypatch.setattr(tiktoken.registry, "ENCODINGS", {})
    target = assets.ensure_tiktoken(tmp_path, "cl100k_base")
    assert target.exists() and os.environ["TIKTOKEN_CACHE_DIR"] == str(target.parent)
    enc = tiktoken.get_encoding("cl100k_base")
    assert enc.decode(enc.encode("methotrexate 15 mg weekly")) == "methotrexate 15 mg weekly"


def test_join_parts_checks_sha256_and_leaves_nothing_on_mismatch(tmp_path: Path) -> None:
    parts = []
    for i, data in enumerate([b"abc", b"def", b"ghi"]):
        p = tmp_path / f"part{i}"
        p.write_bytes(data)
        parts.append(p)
    good = hashlib.sha256(b"abcdefghi").hexdigest()
    out = assets.join_parts(parts, tmp_path / "m" / "model.gguf", good)
    assert out.read_bytes() == b"abcdefghi"
    with pytest.raises(assets.AssetError, match="sha256"):
        assets.join_parts(parts[::-1], tmp_path / "m2" / "model.gguf", good)
    assert not list((tmp_path / "m2").iterdir())


def test_embedded_model_parts_come_from_packages() -> None:
    parts = assets.qwen_part_paths()
    assert len(parts) == assets.QWEN_PARTS
    assert all(p.exists() and p.stat().st_size > 0 for p in parts)


def test_embedder_files_come_from_packages() -> None:
    onnx, tokenizer = assets.minilm_files()
    assert onnx.stat().st_size > 20_000_000
    assert tokenizer.name == "tokenizer.json"


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(assets.AssetError, match="NECESSITY_LLM_BASE_URL"):
        assets.gguf_path("gpt-17", tmp_path)
