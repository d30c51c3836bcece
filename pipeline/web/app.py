"""`necessity serve`: pages for writers and a REST API (OpenAPI at /docs) over the same
pipeline objects the CLI uses: ``draft_review``, ``validate``, ``to_markdown``.

Access: on 127.0.0.1 no login is needed (the name a writer gives is kept with each edit).
Bound anywhere else, a secret (``web.secret``) is required: the server refuses to start
without one, and every request must carry it (login form → signed cookie, or a Bearer token).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from pipeline.draft.llm import LLMClient, is_local
from pipeline.models import Case, Review
from pipeline.render import DISCLAIMER, RECOMMENDATION_WORDS
from pipeline.settings import Settings
from pipeline.web.api import api
from pipeline.web.db import ReviewDB
from pipeline.web.deps import COOKIE, LoginThrottle, current_user, sign  # noqa: F401 (re-exported: tests sign cookies)
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


class Services:
    """What the pages need: the pipeline (store, judge, LLM started on first use) and the
    review database."""

    def __init__(self, settings: Settings, client: LLMClient | None, store: Any) -> None:
        from pipeline.runtime import Pipeline

        self.settings = settings
        self.pipeline = Pipeline.open(settings, llm=client, store=store)
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
        from pipeline.review import write_outputs

        review = self.pipeline.review(case, on_event=emit)
        write_outputs(review, self.settings.web_out_path)  # the files the CLI writes
        return self.db.create(review, who)

    def revalidate(self, review: Review):  # noqa: ANN201
        """The same finish step as a fresh review, minus repair: the verdict is derived
        again, and the caller is told when it changed."""
        return self.pipeline.recheck(review)

    def close(self) -> None:
        self.pipeline.close()


def create_app(settings: Settings, client: LLMClient | None = None, store: Any = None) -> FastAPI:
    services = Services(settings, client, store)
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
    templates.env.globals.update(recommendation_words=RECOMMENDATION_WORDS, disclaimer=DISCLAIMER)
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
    app.state.templates = templates
    app.state.jobs = Jobs(services.draft, services.db)
    app.state.logins = LoginThrottle()

    @app.exception_handler(HTTPException)
    async def _auth_redirect(request: Request, exc: HTTPException):  # noqa: ANN202
        wants_html = "text/html" in request.headers.get("accept", "")
        if exc.status_code == 401 and wants_html:
            return RedirectResponse("/login", status_code=303)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    app.include_router(public)
    app.include_router(pages)
    app.include_router(packets)
    app.include_router(policies)
    app.include_router(api)

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(current_user)])
    def openapi() -> dict:
        return app.openapi()

    @app.get("/docs", include_in_schema=False, dependencies=[Depends(current_user)])
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Necessity API")

    return app
