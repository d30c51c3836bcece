"""A tiny OpenAI-compatible HTTP server on 127.0.0.1 that replays queued replies, so the
real client code path (openai SDK, HTTP, JSON) runs in tests without a model."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Fault:
    """A misbehaving answer: an HTTP status (with headers), a delay, or a finish_reason."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    sleep: float = 0.0
    content: str | None = None
    finish_reason: str = "stop"
    refusal: str | None = None


Responder = Callable[[dict[str, Any]], "dict[str, Any] | str | Fault"]


class FakeOpenAIServer:
    def __init__(self, responders: list[Responder]) -> None:
        self.responders = list(responders)
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                return

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                answer = outer.responders.pop(0)(body) if outer.responders else "{}"
                fault = (
                    answer
                    if isinstance(answer, Fault)
                    else Fault(content=answer if isinstance(answer, str) else json.dumps(answer))
                )
                if fault.sleep:
                    time.sleep(fault.sleep)
                if fault.status != 200:
                    data = json.dumps(
                        {"error": {"message": "injected fault", "type": "server_error"}}
                    ).encode()
                    try:
                        self.send_response(fault.status)
                        for key, value in fault.headers.items():
                            self.send_header(key, value)
                        self.send_header("Content-Type", "application/json")
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                    except OSError:
                        pass
                    return
                content = fault.content or ""
                if body.get("stream"):
                    self._stream(body, content, fault)
                    return
                payload = {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", "fake"),
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": fault.finish_reason,
                            "message": {
                                "role": "assistant",
                                "content": content,
                                "refusal": fault.refusal,
                            },
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
                }
                data = json.dumps(payload).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout test)
                    pass

            def _stream(self, body: dict[str, Any], content: str, fault: Fault) -> None:
                """Server-sent events, 20 characters a chunk, usage in the last one."""

                def chunk(delta: dict, finish: str | None, usage: dict | None = None) -> bytes:
                    event = {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": body.get("model", "fake"),
                        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                    }
                    if usage:
                        event["usage"] = usage
                    return f"data: {json.dumps(event)}\n\n".encode()

                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [content[i : i + 20] for i in range(0, len(content), 20)]
                self.wfile.write(chunk({"role": "assistant", "content": ""}, None))
                for piece in pieces:
                    self.wfile.write(chunk({"content": piece}, None))
                usage = {"prompt_tokens": 10, "completion_tokens": len(pieces), "total_tokens": 0}
                self.wfile.write(chunk({}, fault.finish_reason, usage))
                self.wfile.write(b"data: [DONE]\n\n")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> FakeOpenAIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
