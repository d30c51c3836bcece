"""What stops another site, or another host name, from acting for the writer:

- Host: on loopback only the loopback names answer (a DNS-rebinding page gets 400);
  bound elsewhere (behind the login token) ``web.allowed_hosts`` when set.
- Every state change (POST, PUT, PATCH, DELETE) must come from this origin: a request a
  browser marks cross-site, or whose Origin is another site, is refused (403).
- Bodies over ``web.max_body_mb`` are refused (413): by their Content-Length before they
  are read, and a body sent without one (chunked) as soon as what arrived passes the limit.
- Every answer carries a content security policy (scripts from this server only, no
  framing), nosniff and a same-origin referrer policy.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request, Response

from pipeline.web.errors import error_response

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SAFE = {"GET", "HEAD", "OPTIONS"}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def host_name(host_header: str) -> str:
    host = host_header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host[1 : host.index("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def make_guard(
    allowed_hosts: set[str] | None, max_body_bytes: int
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        host = request.headers.get("host", "")
        if allowed_hosts is not None and host_name(host) not in allowed_hosts:
            return error_response(request, 400, f"host {host!r} is not served here")
        if request.method not in SAFE:
            origin = request.headers.get("origin")
            site = request.headers.get("sec-fetch-site")
            same = f"{request.url.scheme}://{host}"
            if site == "cross-site" or (origin is not None and origin != same):
                return error_response(request, 403, "cross-site request refused")
            length = request.headers.get("content-length")
            if length and length.isdigit() and int(length) > max_body_bytes:
                mb = max_body_bytes / 2**20
                return error_response(
                    request, 413, f"the upload is larger than this server accepts ({mb:g} MB)"
                )
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    return guard


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(413, "request body too large")


class LimitBody:
    """ASGI middleware counting the body as it arrives: a Content-Length can be left out
    (chunked transfer), and then only counting stops a body the size check never saw. The
    error is an HTTPException, so FastAPI's body parsing passes it on as a 413."""

    def __init__(self, app: Any, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body_bytes:
                raise BodyTooLarge()
            return message

        await self.app(scope, counted, send)
