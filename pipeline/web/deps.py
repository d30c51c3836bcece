"""What every route depends on: the writer (``current_user``, declared once per router so
a new route cannot forget it), the services, the page renderer and the review loader."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from pipeline.models import Review

COOKIE = "necessity_session"


class LoginThrottle:
    """At most ``limit`` failed logins per client in ``window`` seconds."""

    def __init__(self, limit: int = 5, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, list[float]] = {}

    def _recent(self, client: str) -> list[float]:
        now = time.monotonic()
        kept = [t for t in self._failures.get(client, []) if now - t < self.window]
        self._failures[client] = kept
        return kept

    def blocked(self, client: str) -> bool:
        return len(self._recent(client)) >= self.limit

    def failed(self, client: str) -> None:
        self._recent(client).append(time.monotonic())


def sign(secret: str, name: str) -> str:
    mac = hmac.new(secret.encode(), name.encode(), hashlib.sha256).hexdigest()
    return f"{quote(name)}|{mac}"


ROLES = ("writer", "qa")
QA_PREFIX = "qa:"  # the signed identity of QA staff: "qa:<name>"


def identity(name: str, role: str) -> str:
    return f"{QA_PREFIX}{name}" if role == "qa" else name


def signed_name(key: str, cookie: str) -> str | None:
    """The name a session cookie carries, when this server signed it; else None."""
    name = unquote(cookie.split("|", 1)[0]) if "|" in cookie else ""
    if name and hmac.compare_digest(sign(key, name).encode(), cookie.encode()):
        return name
    return None


def _who(request: Request) -> str:
    """The signed identity ("Dana" or "qa:Dana"). Cookies are signed even on loopback
    without a secret (with this install's own key): a name, and the QA role, come only
    from the login form, never from a cookie a client wrote itself."""
    secret = request.app.state.secret
    cookie = request.cookies.get(COOKIE, "")
    if secret:
        auth = request.headers.get("authorization", "")
        if auth.startswith("Bearer ") and hmac.compare_digest(auth[7:].encode(), secret.encode()):
            return "api"
        name = signed_name(secret, cookie)
        if name:
            return name
        raise HTTPException(401, "log in first (/login) or send Authorization: Bearer")
    return signed_name(request.app.state.cookie_key, cookie) or "local user"


def current_user(request: Request) -> str:
    """The writer's (or QA reviewer's) name."""
    who = _who(request)
    return who[len(QA_PREFIX) :] if who.startswith(QA_PREFIX) else who


def current_role(request: Request) -> str:
    """ "qa" for QA staff (and API clients holding the token), else "writer". Roles are
    chosen at login, as names are: the token, not the role, is what is checked."""
    who = _who(request)
    return "qa" if who.startswith(QA_PREFIX) or who == "api" else "writer"


CurrentUser = Annotated[str, Depends(current_user)]
CurrentRole = Annotated[str, Depends(current_role)]


def svc(request: Request) -> Any:
    return request.app.state.services


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request,
        name,
        {"user": context.pop("who", None), "secret": bool(request.app.state.secret), **context},
        status_code=status_code,
    )


def load(request: Request, rid: int) -> tuple[Review, dict]:
    found = svc(request).db.get(rid)
    if found is None:
        raise HTTPException(404, f"no review {rid}")
    return found
