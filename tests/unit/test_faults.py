"""Flaky endpoints: bounded retries with backoff, then a clear error; work kept."""

import time
from pathlib import Path

import pytest

from pipeline.llm import LLMError, OpenAICompatClient
from tests.fake_openai import FakeOpenAIServer, Fault

SCHEMA = {
    "type": "object",
    "properties": {"ok": {"type": "boolean"}},
    "required": ["ok"],
    "additionalProperties": False,
}
MSG = [{"role": "user", "content": "hi"}]
CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def client(server: FakeOpenAIServer, **kw) -> OpenAICompatClient:
    return OpenAICompatClient(server.base_url, "m", None, **{"retries": 2, **kw})


def test_429_with_retry_after_is_retried_then_succeeds() -> None:
    replies = [lambda b: Fault(status=429, headers={"Retry-After": "1"}), lambda b: {"ok": True}]
    with FakeOpenAIServer(replies) as server:
        t0 = time.perf_counter()
        result = client(server).complete_json(MSG, SCHEMA, "t")
        waited = time.perf_counter() - t0
    assert result.data == {"ok": True} and len(server.requests) == 2
    assert waited >= 0.9  # the Retry-After header was honoured


def test_500s_run_out_with_a_clear_error() -> None:
    with FakeOpenAIServer([lambda b: Fault(status=500)] * 5) as server:
        with pytest.raises(LLMError, match="HTTP 500 after 3 tries"):
            client(server).complete_json(MSG, SCHEMA, "t")
    assert len(server.requests) == 3  # bounded: one try plus two retries


def test_timeouts_are_bounded() -> None:
    with FakeOpenAIServer([lambda b: Fault(sleep=1.5, content='{"ok": true}')] * 3) as server:
        with pytest.raises(LLMError, match="timed out after 2 tries"):
            client(server, timeout_s=0.3, retries=1).complete_json(MSG, SCHEMA, "t")


def test_invalid_and_truncated_json_are_retried_then_reported() -> None:
    replies = [lambda b: "not json at all", lambda b: {"ok": False}]
    with FakeOpenAIServer(replies) as server:
        assert client(server).complete_json(MSG, SCHEMA, "t").data == {"ok": False}
        second = server.requests[1]
    assert second["temperature"] > 0  # a retry does not replay the same sampling
    cut = [lambda b: Fault(content='{"ok": tr', finish_reason="length")] * 3
    with FakeOpenAIServer(cut) as server:
        with pytest.raises(LLMError, match="finish_reason=length"):
            client(server).complete_json(MSG, SCHEMA, "t")


def test_refusal_is_an_error_not_a_review() -> None:
    with FakeOpenAIServer([lambda b: Fault(content="", refusal="I can't help")]) as server:
        with pytest.raises(LLMError, match="refused"):
            client(server).complete_json(MSG, SCHEMA, "t")


def test_streamed_reply_reaches_on_text_and_parses() -> None:
    seen: list[str] = []
    answer = {"ok": True, "note": "x" * 90}
    schema = {
        "type": "object",
        "properties": {"ok": {"type": "boolean"}, "note": {"type": "string"}},
        "required": ["ok", "note"],
        "additionalProperties": False,
    }
    with FakeOpenAIServer([lambda b: answer]) as server:
        result = client(server).complete_json(MSG, schema, "t", on_text=seen.append)
        assert server.requests[0]["stream"] is True
    assert result.data == answer and result.completion_tokens == len(seen) > 3
    assert all(seen[i + 1].startswith(seen[i]) for i in range(len(seen) - 1))
    assert result.prompt_seconds is not None and result.prompt_seconds >= 0
