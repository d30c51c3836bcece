"""Moved to ``pipeline.llm`` (issue 28). This re-export stays only for the modules other
branches were editing (review.py, draft/compose.py, cases/intake.py, cases/narrative.py,
policy/decide.py); it goes once their imports point at ``pipeline.llm``."""

from pipeline.llm.client import (  # noqa: F401
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
