"""Shared fixtures: a scripted fake LLM, the sample corpus as PDFs, an ingested store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pipeline.models import Case, Review
from pipeline.review import write_outputs
from pipeline.runtime import Pipeline
from pipeline.settings import Settings, load_settings
from tests.fakes import FakeLLM, HashingEmbedder, InMemoryStore  # noqa: F401 (re-exported)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ACR = SHARED / "corpus" / "acr-guidelines"


def citation_ids(schema: dict[str, Any], section: str) -> list[str]:
    """The enum of ids the schema allows in a section's citations."""
    items = schema["properties"][section]["items"]
    key = "sources" if section == "criteria" else "citations"
    return items["properties"][key]["items"]["enum"]


def sentences(messages: list[dict[str, str]]) -> dict[str, str]:
    """Sentence id → text, as the prompt showed them ("[E3.2] text" lines)."""
    out = {}
    for line in messages[1]["content"].splitlines():
        if line.startswith("[E") and "] " in line and "." in line.split("]")[0]:
            sid, text = line[1:].split("] ", 1)
            out[sid] = text
    return out


def find_sentence(messages: list[dict[str, str]], contains: str) -> tuple[str, str]:
    for sid, text in sentences(messages).items():
        if contains in text:
            return sid, text
    raise AssertionError(f"no sentence containing {contains!r} was shown to the model")


def draft(**parts: Any) -> dict[str, Any]:
    """A schema-shaped draft; sections not given are empty (application gets a case fact)."""
    base: dict[str, Any] = {
        "criteria": [],
        "rationale": [],
        "evidence": [],
        "application": [
            {"text": "The patient is 14 years old.", "quote": "14-year-old", "citations": ["F1"]}
        ],
        "alternatives": [],
        "pitfalls": [],
        "documentation_to_request": [],
        "verdict": "insufficient_information",
    }
    return base | parts


def plain_draft(messages: list[dict[str, str]], schema: Any = None) -> dict[str, Any]:
    """A schema-valid draft restating the first sentence it was shown (plumbing tests)."""
    sid, text = next(iter(sentences(messages).items()))
    text = "".join(ch for ch in text if " " <= ch <= "~")
    return draft(rationale=[{"text": text[:200], "quote": text[:40], "citations": [sid]}])


@dataclass
class Written:
    review: Review
    json_path: Path
    md_path: Path


def review_to(case: Case, store: Any, llm: Any, settings: Settings, out_dir: Path) -> Written:
    """One review as a command drafts it (one ``Pipeline``: its judge, the fakes' store
    and model), written to ``out_dir``."""
    with Pipeline.open(settings, llm=llm, store=store) as pipeline:
        review = pipeline.review(case)
    return Written(review, *write_outputs(review, out_dir))


@pytest.fixture
def fake_llm() -> FakeLLM:
    return FakeLLM()


# The scripted drafts below are free-mode drafts (the model writes statements); compose
# mode (the default) has its own tests in test_compose.py.
FREE = {"mode": "free"}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(home=tmp_path / "home", out=tmp_path / "out", draft=FREE)


@pytest.fixture(scope="session")
def corpus_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.sources.corpus import build_corpus

    out = tmp_path_factory.mktemp("corpus")
    build_corpus(out)
    return out


FAKE_EMBEDDER = "hashing-test"


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings for the fake runtime: the hashing embedder (registered the way real ones
    are, and removed after the session), hybrid search (no e5 model), free-mode drafts
    (what the scripted replies are)."""
    from pipeline import assets
    from pipeline.sources.embed import register_embedder, unregister_embedder

    register_embedder(FAKE_EMBEDDER, HashingEmbedder)
    try:
        home = tmp_path_factory.mktemp("home")
        s = load_settings(
            home=home, draft=FREE, embedder=FAKE_EMBEDDER, retrieval={"mode": "hybrid"}
        )
        assets.ensure_tiktoken(s.cache_dir, s.chunk.encoding)
        yield s
    finally:
        unregister_embedder(FAKE_EMBEDDER)


@pytest.fixture(scope="session")
def sample_store(session_settings: Settings, corpus_pdfs: Path):  # noqa: ANN201
    """The sample corpus ingested once for the session, in memory: real parse and chunk,
    hashed vectors, no Chroma."""
    from pipeline.executors import InlineExecutor

    store = InMemoryStore(session_settings.store_path, HashingEmbedder())
    # The manifest named: a file in the folder declares no policy (issue 27). Through the
    # pipeline, as `necessity ingest` does: the declared policy is compiled at ingest.
    with Pipeline.open(session_settings, store=store) as pipeline:
        report = pipeline.ingest(
            [corpus_pdfs], metadata=corpus_pdfs / "manifest.csv", executor=InlineExecutor()
        )
    assert not report.failed, report.failed
    return store


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of the real default runtime (MiniLM ONNX, Chroma): integration tests."""
    from pipeline import assets

    s = load_settings(home=tmp_path_factory.mktemp("real-home"), draft=FREE)
    assets.ensure_tiktoken(s.cache_dir, s.chunk.encoding)
    return s


@pytest.fixture(scope="session")
def real_store(real_settings: Settings, corpus_pdfs: Path):  # noqa: ANN201
    """The sample corpus in a real Chroma store on disk (integration tests)."""
    from pipeline.sources.ingest import ingest
    from pipeline.sources.store import open_store

    store = open_store(real_settings.store_path)
    report = ingest([corpus_pdfs], store, real_settings, metadata=corpus_pdfs / "manifest.csv")
    assert not report.failed, report.failed
    return store


@pytest.fixture
def needs_shared() -> Path:
    if not ACR.exists():
        pytest.skip(f"../shared is absent ({ACR} not found); it holds the ACR PDFs")
    return ACR


def schema_reply(body):  # noqa: ANN001, ANN201
    """Answer from the request's own schema: a criterion judgment "cannot tell"; a draft
    cites the first allowed sentence."""
    name = body["response_format"]["json_schema"]["name"]
    schema = body["response_format"]["json_schema"]["schema"]
    if name == "judgment":
        return {"status": "not_documented", "facts": []}
    if name == "section_selection":  # compose mode: the first candidate of each section
        return {k: v["items"]["enum"][:1] for k, v in schema["properties"].items()}
    first = schema["properties"]["rationale"]["items"]["properties"]["citations"]["items"]
    return draft(
        rationale=[
            {
                "text": "IVIG is not covered for juvenile arthritis.",
                "quote": "IVIG",
                "citations": [first["enum"][0]],
            }
        ],
        verdict="not_medically_necessary",
    )
