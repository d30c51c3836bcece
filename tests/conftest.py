"""Shared fixtures: a scripted fake LLM, the sample corpus as PDFs, an ingested store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.draft.llm import LLMError, LLMResult
from pipeline.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ACR = SHARED / "corpus" / "acr-guidelines"

Reply = dict[str, Any] | str | Callable[[list[dict[str, str]], dict[str, Any]], Any]


class FakeLLM:
    """Replays a queue of canned replies (dicts, raw strings, or functions of the request),
    the way simonw/llm's MockModel does; records every request it was given."""

    model = "fake-llm"
    endpoint = "fake://local"

    # Criterion judgments (policy/judge.py) come from their own queue, so a test that
    # scripts a draft need not script them; unscripted, the model "cannot tell".
    NOT_DOCUMENTED = {"status": "not_documented", "facts": []}

    def __init__(self, replies: list[Reply] | None = None) -> None:
        self.replies = list(replies or [])
        self.judgments: list[Reply] = []
        self.calls: list[dict[str, Any]] = []

    def queue(self, *replies: Reply) -> FakeLLM:
        self.replies.extend(replies)
        return self

    def queue_judgments(self, *replies: Reply) -> FakeLLM:
        self.judgments.extend(replies)
        return self

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None = None,
    ) -> LLMResult:
        self.calls.append({"messages": messages, "schema": schema, "name": name})
        if name == "judgment":
            reply = self.judgments.pop(0) if self.judgments else self.NOT_DOCUMENTED
        elif not self.replies:
            raise AssertionError("FakeLLM: no reply queued for this call")
        else:
            reply = self.replies.pop(0)
        if callable(reply):
            reply = reply(messages, schema)
        raw = reply if isinstance(reply, str) else json.dumps(reply)
        if on_text:  # stream it the way a server would, a few characters at a time
            for end in range(0, len(raw), 16):
                on_text(raw[: end + 16])
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LLMError(f"invalid JSON from the model: {exc}") from exc
        return LLMResult(
            data=data,
            raw=raw,
            model=self.model,
            seconds=0.01,
            prompt_tokens=100,
            completion_tokens=50,
        )


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


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from pipeline import assets

    home = tmp_path_factory.mktemp("home")
    s = load_settings(home=home, draft=FREE)
    assets.ensure_tiktoken(s.cache_dir, s.chunk.encoding)
    return s


@pytest.fixture(scope="session")
def sample_store(session_settings: Settings, corpus_pdfs: Path):  # noqa: ANN201
    """The sample corpus ingested once for the session (real parse, chunk, embed)."""
    from pipeline.sources.ingest import ingest
    from pipeline.sources.store import open_store

    store = open_store(session_settings.store_path)
    report = ingest([corpus_pdfs], store, session_settings)
    assert not report.failed, report.failed
    return store


@pytest.fixture
def needs_shared() -> Path:
    if not ACR.exists():
        pytest.skip(f"../shared is absent ({ACR} not found); it holds the ACR PDFs")
    return ACR
