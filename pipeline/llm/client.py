"""Every LLM call goes through here: one OpenAI-compatible client for local and remote.

With no base URL configured, the embedded model is served by llama.cpp (xllamacpp) on
127.0.0.1 for the duration of a ``open_llm`` block, so both paths run the same code.
"""

from __future__ import annotations

import functools
import importlib
import ipaddress
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

from pipeline import assets
from pipeline.errors import NecessityError
from pipeline.ports import LLM, LLMResult
from pipeline.settings import Settings

log = logging.getLogger(__name__)


class LLMError(NecessityError, RuntimeError):
    pass


class LLMUnavailable(LLMError):
    """The endpoint did not answer (timeout, HTTP error, connection): unlike a bad answer,
    no caller may read this as the model's judgment."""


# The protocol every client fits (the embedded server's, a remote one, the tests' fake).
LLMClient = LLM


class CountingClient:
    """Wraps a client and adds up what its calls cost: calls, prompt and completion
    tokens, seconds (a review's breakdown across criterion judgments and drafting)."""

    def __init__(self, client: LLMClient) -> None:
        self.client = client
        self.model = client.model
        self.endpoint = client.endpoint
        self.calls = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.seconds = 0.0

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None = None,
    ) -> LLMResult:
        result = self.client.complete_json(messages, schema, name, on_text=on_text)
        self.calls += 1
        self.prompt_tokens += result.prompt_tokens or 0
        self.completion_tokens += result.completion_tokens or 0
        self.seconds += result.seconds or 0.0
        return result

    def totals(self) -> dict[str, float | int]:
        return {
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "llm_seconds": round(self.seconds, 2),
        }


def is_local(url: str) -> bool:
    """True only for loopback: an IP literal in 127.0.0.0/8 or ::1, or "localhost".
    A name like 127.evil.example is a name, not an address: it counts as remote."""
    host = (urlparse(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redact(url: str) -> str:
    """The URL without user:password@ (never into provenance, logs or errors)."""
    parts = urlparse(url)
    if not (parts.username or parts.password):
        return url
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return parts._replace(netloc=netloc).geturl()


def _http() -> Any:
    """The HTTP library the installed openai client is built on: httpx, or its fork httpx2
    from openai 3 on. A transport must be made of the same library's classes."""
    import openai  # the client library loads in ~0.5 s: only a run that calls a model pays

    client = next(c for c in openai.DefaultHttpxClient.__mro__ if c.__name__ == "Client")
    return importlib.import_module(client.__module__.partition(".")[0])


@functools.cache
def _deadline_transport() -> type:
    """An HTTP transport that holds every request of one call to the call's deadline.

    httpx's timeouts are per network wait, so an endpoint that trickles a byte at a time
    never times out, and retries multiply a hang. Here each wait is cut to what is left of
    the call, and a body still arriving at the deadline is cut off."""
    http = _http()

    class DeadlineStream(http.SyncByteStream):
        def __init__(self, inner: Any, until: float, request: Any) -> None:
            self._inner, self._until, self._request = inner, until, request

        def __iter__(self) -> Iterator[bytes]:
            for part in self._inner:
                if time.monotonic() > self._until:
                    raise http.ReadTimeout(
                        "the answer was still arriving at the call's deadline",
                        request=self._request,
                    )
                yield part

        def close(self) -> None:
            self._inner.close()

    class Deadline(http.BaseTransport):
        def __init__(self) -> None:
            self._inner = http.HTTPTransport()
            self._local = threading.local()

        @contextmanager
        def budget(self, seconds: float) -> Iterator[None]:
            self._local.until = time.monotonic() + seconds
            try:
                yield
            finally:
                self._local.until = None

        def handle_request(self, request: Any) -> Any:
            until = getattr(self._local, "until", None)
            if until is None:
                return self._inner.handle_request(request)
            left = until - time.monotonic()
            if left <= 0:
                raise http.ReadTimeout("the call's deadline has passed", request=request)
            waits = request.extensions.get("timeout") or {}
            request.extensions["timeout"] = {
                key: left if waits.get(key) is None else min(waits[key], left)
                for key in ("connect", "read", "write", "pool")
            }
            response = self._inner.handle_request(request)
            response.stream = DeadlineStream(response.stream, until, request)
            return response

        def close(self) -> None:
            self._inner.close()

    return Deadline


class OpenAICompatClient:
    """Structured JSON output against a strict JSON schema, with bounded retries; each call
    (its retries included) ends by ``timeout_s``, however slowly the endpoint answers."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        *,
        temperature: float = 0.0,
        max_tokens: int = 1400,
        timeout_s: float = 600,
        retries: int = 2,
        seed: int | None = None,
    ) -> None:
        import openai  # the client library loads in ~0.5 s: only a run that calls a model pays

        self.model = model
        self.endpoint = redact(base_url)
        self.timeout_s = timeout_s
        self._http = _http()
        self._deadline = _deadline_transport()()
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.seed = seed
        self.retries = retries
        self._client = openai.OpenAI(
            base_url=base_url,
            api_key=api_key or "not-needed",
            timeout=self._http.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
            max_retries=retries,
            http_client=openai.DefaultHttpxClient(transport=self._deadline),
        )

    def _stream(self, request: dict[str, Any], on_text: Callable[[str], None]) -> Any:
        return _stream_reply(self._client, request, on_text)

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None = None,
    ) -> LLMResult:
        """The answer as JSON. With ``on_text`` the reply is streamed and ``on_text`` gets
        the text so far after every chunk (a web page shows sections as they complete)."""
        with self._deadline.budget(self.timeout_s):
            return self._complete_json(messages, schema, name, on_text)

    def _complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        on_text: Callable[[str], None] | None,
    ) -> LLMResult:
        import openai  # the client library loads in ~0.5 s: only a run that calls a model pays

        last_error = ""
        # Transport errors are retried by the openai client; here we retry bad JSON.
        for attempt in range(self.retries + 1):
            t0 = time.perf_counter()
            request: dict[str, Any] = {
                "model": self.model,
                "messages": messages,
                # A retry at temperature 0 would repeat the same broken answer.
                "temperature": self.temperature if attempt == 0 else max(self.temperature, 0.4),
                "max_tokens": self.max_tokens,
                "seed": self.seed,
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": name, "schema": schema, "strict": True},
                },
            }
            try:
                if on_text is None:
                    response = self._client.chat.completions.create(**request)
                else:
                    response = self._stream(request, on_text)
            except (openai.APITimeoutError, self._http.TimeoutException) as exc:
                raise LLMUnavailable(
                    f"LLM endpoint {self.endpoint} timed out after {self.retries + 1} tries "
                    f"(deadline {self.timeout_s:g}s per call, llm.timeout_s)"
                ) from exc
            except openai.APIStatusError as exc:
                raise LLMUnavailable(
                    f"LLM endpoint {self.endpoint} answered HTTP "
                    f"{exc.status_code} after {self.retries + 1} tries: "
                    f"{str(exc)[:200]}"
                ) from exc
            except (openai.APIError, self._http.HTTPError) as exc:
                raise LLMUnavailable(f"LLM endpoint {self.endpoint} failed: {exc}") from exc
            seconds = time.perf_counter() - t0
            if not hasattr(response, "choices"):  # a 200 with HTML or text: not an LLM
                raise LLMUnavailable(
                    f"LLM endpoint {self.endpoint} answered something that is not a chat "
                    f"completion ({type(response).__name__}): is the base URL right?"
                )
            if not response.choices:
                raise LLMError(f"LLM endpoint {self.endpoint} returned no choices")
            choice = response.choices[0]
            raw = choice.message.content or ""
            if getattr(choice.message, "refusal", None):
                raise LLMError(f"the model refused: {choice.message.refusal}")
            if choice.finish_reason == "content_filter":
                raise LLMError("the endpoint filtered the answer (finish_reason=content_filter)")
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                last_error = (
                    f"invalid JSON from the model (finish_reason={choice.finish_reason}): {exc}"
                )
                log.warning("attempt %d: %s", attempt + 1, last_error)
                continue
            usage = response.usage
            timings = (getattr(response, "model_extra", None) or {}).get("timings") or {}
            return LLMResult(
                data=data,
                raw=raw,
                model=self.model,
                seconds=seconds,
                prompt_tokens=usage.prompt_tokens if usage else None,
                completion_tokens=usage.completion_tokens if usage else None,
                prompt_seconds=_ms(timings.get("prompt_ms")),
                decode_tokens_per_s=timings.get("predicted_per_second"),
            )
        raise LLMError(last_error or "no usable answer from the model")


def _stream_reply(
    client: Any, request: dict[str, Any], on_text: Callable[[str], None]
) -> SimpleNamespace:
    """A streamed completion gathered into the shape of a non-streamed one."""
    t0 = time.perf_counter()
    parts: list[str] = []
    finish, usage, timings, first = None, None, {}, None
    stream = client.chat.completions.create(
        **request, stream=True, stream_options={"include_usage": True}
    )
    for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        timings = (getattr(chunk, "model_extra", None) or {}).get("timings") or timings
        if not chunk.choices:
            continue
        choice = chunk.choices[0]
        finish = choice.finish_reason or finish
        if choice.delta and choice.delta.content:
            first = first or time.perf_counter() - t0
            parts.append(choice.delta.content)
            on_text("".join(parts))
    if first is not None and "prompt_ms" not in timings:
        timings = dict(timings, prompt_ms=first * 1000)  # measured here: time to first token
    message = SimpleNamespace(content="".join(parts), refusal=None)
    return SimpleNamespace(
        choices=[SimpleNamespace(message=message, finish_reason=finish)],
        usage=usage,
        model_extra={"timings": timings},
    )


def _ms(value: float | None) -> float | None:
    return round(value / 1000, 3) if isinstance(value, int | float) else None


@contextmanager
def embedded_server(settings: Settings, parallel: int = 1) -> Iterator[str]:
    """Serve the embedded GGUF on 127.0.0.1; yields the OpenAI base URL. ``parallel`` slots
    serve concurrent requests, each with the full ``n_ctx`` (llama.cpp splits the total)."""
    gguf = assets.gguf_path(settings.llm.model, settings.cache_dir)
    import xllamacpp  # the embedded llama.cpp server, only when no endpoint is configured

    params = xllamacpp.CommonParams()
    params.model.path = str(gguf)
    params.model_alias = settings.llm.model
    params.n_ctx = settings.llm.n_ctx * max(1, parallel)
    params.n_parallel = max(1, parallel)
    params.cpuparams.n_threads = settings.llm.threads
    params.cpuparams_batch.n_threads = settings.llm.threads
    params.hostnames = ["127.0.0.1"]
    params.port = 0
    params.verbosity = -1  # llama.cpp's logs would carry prompts, hence case text
    t0 = time.perf_counter()
    server = xllamacpp.Server(params)
    log.info("embedded model %s up in %.1fs", settings.llm.model, time.perf_counter() - t0)
    try:
        yield server.listening_address.rstrip("/") + "/v1"
    finally:
        del server


@contextmanager
def open_llm(settings: Settings, parallel: int = 1) -> Iterator[LLMClient]:
    llm = settings.llm
    if llm.base_url:
        if not is_local(llm.base_url) and not settings.allow_remote_llm:
            raise LLMError(
                f"refusing to send case data to the non-local endpoint {redact(llm.base_url)}: set "
                "NECESSITY_ALLOW_REMOTE_LLM=true (or allow_remote_llm in the settings file) "
                "to allow it; reviews record remote_endpoint=true"
            )
        yield OpenAICompatClient(
            llm.base_url,
            llm.model,
            llm.api_key,
            temperature=llm.temperature,
            max_tokens=llm.max_tokens,
            timeout_s=llm.timeout_s,
            retries=llm.retries,
            seed=llm.seed,
        )
        return
    with embedded_server(settings, parallel) as url:
        yield OpenAICompatClient(
            url,
            llm.model,
            None,
            temperature=llm.temperature,
            max_tokens=llm.max_tokens,
            timeout_s=llm.timeout_s,
            retries=llm.retries,
            seed=llm.seed,
        )
