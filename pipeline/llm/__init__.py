"""The LLM client, on the bottom floor: drafting, case intake, policy judgments and evals all
call the model through it (re-exports only; the code is in ``client.py``)."""

from pipeline.llm.client import (
    CountingClient,
    LLMClient,
    LLMError,
    LLMResult,
    LLMUnavailable,
    OpenAICompatClient,
    embedded_server,
    is_local,
    open_llm,
    redact,
)

__all__ = [
    "CountingClient",
    "LLMClient",
    "LLMError",
    "LLMResult",
    "LLMUnavailable",
    "OpenAICompatClient",
    "embedded_server",
    "is_local",
    "open_llm",
    "redact",
]
