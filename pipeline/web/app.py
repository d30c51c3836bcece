"""`necessity serve`: pages for writers and a REST API (described at /docs, a page of this
server's own: no CDN) over the same pipeline objects the CLI uses: ``draft_review``,
``validate``, ``to_markdown``.

Access: on 127.0.0.1 no login is needed (the name a writer gives is kept with each edit,
in a cookie this server signs). Bound anywhere else, a secret (``web.secret``) is required:
the server refuses to start without one, and every request must carry it (login form →
signed cookie, or a Bearer token).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets as token_source
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.llm import LLMClient, is_local
from pipeline.models import Case, Review
from pipeline.render import (
    DISCLAIMER,
    RECOMMENDATION_WORDS,
    page_words,
    readable_time,
    real_section,
    sentence,
)
from pipeline.review import write_outputs
from pipeline.runtime import Pipeline
from pipeline.settings import Settings
from pipeline.web.api import api
from pipeline.web.db import ReviewDB
from pipeline.web.deps import COOKIE, LoginThrottle, current_user, page, sign  # noqa: F401 (re-exported: tests sign cookies)
from pipeline.web.errors import error_response, field_problems
from pipeline.web.guard import LOOPBACK, LimitBody, make_guard
from pipeline.web.jobs import Jobs
from pipeline.web.packets import packets
from pipeline.web.pages import pages, public
from pipeline.web.policies import policies

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


MIN_SECRET = 16


def check_bind(host: str, secret: str | None) -> None:
    """Refuse to serve beyond this machine without a secret, and any guessable secret."""
    if not is_local(f"http://{host}") and not secret:
        raise ValueError(
            f"refusing to listen on {host} without a secret: set NECESSITY_WEB__SECRET "
            "(or web.secret in the settings file), or bind to 127.0.0.1"
        )
    if secret is not None and len(secret) < MIN_SECRET:
        raise ValueError(
            f"web.secret is {len(secret)} characters; use at least {MIN_SECRET} "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(24))')"
        )


def server_options(settings: Settings, host: str, port: int) -> dict[str, Any]:
    """uvicorn's options. Forwarding headers (X-Forwarded-For) are believed only from the
    proxy named in ``web.trusted_proxy``: uvicorn's default trusts them from 127.0.0.1, so a
    local client could pose as a new address on every try and never be throttled."""
    proxy = settings.web.trusted_proxy
    return {
        "host": host,
        "port": port,
        "log_level": "warning",
        "proxy_headers": bool(proxy),
        "forwarded_allow_ips": proxy or "",
    }


def cookie_key(settings: Settings) -> str:
    """This install's key for signing session cookies when no secret is set: kept beside
    the review database (owner-only), so a restart does not log everyone out."""
    path = settings.web_db_path.parent / "session.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return path.read_text(encoding="utf-8").strip() or _new_key(path)
    except FileNotFoundError:
        return _new_key(path)


def _new_key(path: Path) -> str:
    key = token_source.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


class Services:
    """What the pages need: the pipeline (store, judge, LLM started on first use) and the
    review database."""

    def __init__(
        self,
        settings: Settings,
        client: LLMClient | None,
        store: Any,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.settings = settings
        # The serving command's runtime; tests hand in their fakes' parts instead.
        self.pipeline = pipeline or Pipeline.open(settings, llm=client, store=store)
        self.store = self.pipeline.store
        self.db = ReviewDB(settings.web_db_path)

    @property
    def client(self) -> LLMClient:
        return self.pipeline.llm

    @property
    def judge(self):  # noqa: ANN201
        return self.pipeline.judge

    def documents(self) -> dict:
        return self.pipeline.documents()

    def draft(self, case: Case, emit: Callable[[str, dict], None], who: str) -> int:
        review = self.pipeline.review(case, on_event=emit)
        write_outputs(review, self.settings.web_out_path)  # the files the CLI writes
        return self.db.create(review, who)

    def revalidate(self, review: Review):  # noqa: ANN201
        """The same finish step as a fresh review, minus repair: the verdict is derived
        again, and the caller is told when it changed."""
        return self.pipeline.recheck(review)

    def close(self) -> None:
        self.pipeline.close()


def create_app(
    settings: Settings,
    client: LLMClient | None = None,
    store: Any = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    services = Services(settings, client, store, pipeline)
    secret = settings.web.secret

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        resumed = app.state.jobs.resume()
        if resumed:
            log.info("drafting %d job(s) left queued by the last server", resumed)
        yield
        services.close()

    app = FastAPI(
        title="Necessity",
        description="Citation-checked medical-necessity review drafts.",
        lifespan=lifespan,
        docs_url=None,  # served below, behind the writer's login like every other page
        openapi_url=None,
    )
    app.state.services = services
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(
        recommendation_words=RECOMMENDATION_WORDS,
        disclaimer=DISCLAIMER,
        page_words=page_words,
        real_section=real_section,
    )
    templates.env.filters.update(when=readable_time, sentence=sentence)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # On loopback only loopback names answer; bound elsewhere the token guards every
    # request, and allowed_hosts narrows the names when set.
    hosts = {h.lower() for h in settings.web.allowed_hosts}
    bound_elsewhere = settings.web.host not in LOOPBACK
    allowed = None if bound_elsewhere and secret and not hosts else LOOPBACK | hosts
    max_body = int(settings.web.max_body_mb * 2**20)
    # Counting sits inside the guard: its 413 must reach FastAPI as raised, not wrapped in
    # the exception group of the guard's task group.
    app.add_middleware(LimitBody, max_body_bytes=max_body)
    app.middleware("http")(make_guard(allowed, max_body))
    app.state.secret = secret
    app.state.cookie_key = secret or cookie_key(settings)
    app.state.templates = templates
    app.state.jobs = Jobs(services.draft, services.db)
    app.state.logins = LoginThrottle()

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # Also unknown addresses (routing's own 404): a page, not {"detail":"Not Found"}.
        wants_html = "text/html" in request.headers.get("accept", "")
        if exc.status_code == 401 and wants_html:
            return RedirectResponse("/login", status_code=303)
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"there is no page at {request.url.path}"
        if exc.status_code == 405:
            detail = f"there is no page at {request.url.path} for this kind of request"
        return error_response(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = field_problems(list(exc.errors()))
        if "text/html" not in request.headers.get("accept", ""):
            return error_response(request, 422, "; ".join(problems))
        return error_response(request, 422, "Please fix the following and try again.", problems)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "the server could not finish this request")

    app.include_router(public)
    app.include_router(pages)
    app.include_router(packets)
    app.include_router(policies)
    app.include_router(api)

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(current_user)])
    def openapi() -> dict:
        return app.openapi()

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request, who: str = Depends(current_user)) -> HTMLResponse:
        """The API described by this server itself (the OpenAPI schema as a page; no CDN)."""
        routes = [
            {
                "method": method.upper(),
                "path": path,
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
            }
            for path, ops in app.openapi().get("paths", {}).items()
            for method, op in ops.items()
        ]
        return page(request, "api_docs.html", who=who, routes=routes)

    return app
