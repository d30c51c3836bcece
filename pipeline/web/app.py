"""`necessity serve`: pages for writers and a REST API (OpenAPI at /docs) over the same
pipeline objects the CLI uses: ``draft_review``, ``validate``, ``to_markdown``.

Access: on 127.0.0.1 no login is needed (the name a writer gives is kept with each edit).
Bound anywhere else, a secret (``web.secret``) is required: the server refuses to start
without one, and every request must carry it (login form → signed cookie, or a Bearer token).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from pipeline.cases import CaseError, case_from_data, parse_case
from pipeline.llm import LLMClient, is_local
from pipeline.models import Case, Review
from pipeline.render import DISCLAIMER, RECOMMENDATION_WORDS
from pipeline.settings import Settings
from pipeline.web.db import ReviewDB
from pipeline.web.export import to_docx, to_pdf
from pipeline.web.jobs import Jobs

HERE = Path(__file__).parent
COOKIE = "necessity_session"


class StatementEdit(BaseModel):
    section: str
    index: int = Field(ge=0)
    text: str = Field(min_length=1, max_length=2000)
    citations: list[str] = Field(default_factory=list, max_length=6)


class Approval(BaseModel):
    note: str | None = None


def sign(secret: str, name: str) -> str:
    mac = hmac.new(secret.encode(), name.encode(), hashlib.sha256).hexdigest()
    return f"{quote(name)}|{mac}"


def check_bind(host: str, secret: str | None) -> None:
    """Refuse to serve beyond this machine without a secret."""
    if not is_local(f"http://{host}") and not secret:
        raise ValueError(
            f"refusing to listen on {host} without a secret: set NECESSITY_WEB__SECRET "
            "(or web.secret in the settings file), or bind to 127.0.0.1"
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
        write_outputs(review, self.settings.out)  # the same files the CLI writes
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
        yield
        services.close()

    app = FastAPI(
        title="Necessity",
        description="Citation-checked medical-necessity review drafts.",
        lifespan=lifespan,
    )
    app.state.services = services
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(recommendation_words=RECOMMENDATION_WORDS, disclaimer=DISCLAIMER)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def user(request: Request) -> str:
        """The writer's name; with a secret configured, proof of it too."""
        if secret:
            auth = request.headers.get("authorization", "")
            if auth.startswith("Bearer ") and hmac.compare_digest(auth[7:], secret):
                return "api"
            cookie = request.cookies.get(COOKIE, "")
            name = unquote(cookie.split("|", 1)[0]) if "|" in cookie else ""
            if name and hmac.compare_digest(sign(secret, name), cookie):
                return name
            raise HTTPException(401, "log in first (/login) or send Authorization: Bearer")
        cookie = request.cookies.get(COOKIE, "")
        return unquote(cookie.split("|", 1)[0]) if cookie else "local user"

    jobs = Jobs(services.draft)

    @app.exception_handler(HTTPException)
    async def _auth_redirect(request: Request, exc: HTTPException):  # noqa: ANN202
        wants_html = "text/html" in request.headers.get("accept", "")
        if exc.status_code == 401 and wants_html:
            return RedirectResponse("/login", status_code=303)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, name, {"user": context.pop("who", None), "secret": bool(secret), **context}
        )

    def load(rid: int) -> tuple[Review, dict]:
        found = services.db.get(rid)
        if found is None:
            raise HTTPException(404, f"no review {rid}")
        return found

    # --- login -----------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request) -> HTMLResponse:
        return page(request, "login.html", error=None)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, name: str = Form(...), token: str = Form("")) -> Response:
        name = " ".join(name.split())[:80]
        if not name or (secret and not hmac.compare_digest(token, secret)):
            return page(request, "login.html", error="name and a valid access token needed")
        response = RedirectResponse("/", status_code=303)
        value = sign(secret, name) if secret else f"{quote(name)}|"
        response.set_cookie(COOKIE, value, httponly=True, samesite="strict")
        return response

    # --- pages -----------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        who = user(request)
        return page(request, "index.html", who=who, reviews=services.db.list())

    @app.get("/new", response_class=HTMLResponse, include_in_schema=False)
    def new_form(request: Request) -> HTMLResponse:
        return page(request, "new.html", who=user(request), error=None)

    @app.post("/new", include_in_schema=False)
    async def new_case(
        request: Request,
        upload: UploadFile | None = File(None),
        case_id: str = Form(""),
        question: str = Form(""),
        age: str = Form(""),
        sex: str = Form("unknown"),
        diagnosis: str = Form(""),
        icd10: str = Form(""),
        drug: str = Form(""),
        dose: str = Form(""),
        route: str = Form(""),
        frequency: str = Form(""),
        request_type: str = Form("initial"),
        history: str = Form(""),
        prior_therapies: str = Form(""),
        payer: str = Form(""),
    ) -> Response:
        who = user(request)
        try:
            if upload is not None and upload.filename:
                text = (await upload.read()).decode("utf-8", "replace")
                case = parse_case(text, Path(upload.filename).name)
            else:
                data = {
                    "case_id": case_id.strip(),
                    "question": question.strip() or None,
                    "patient": {"age": int(age) if age.strip() else None, "sex": sex},
                    "diagnoses": [{"name": diagnosis.strip(), "icd10": icd10.strip() or None}],
                    "requested_treatment": {
                        "drug": drug.strip(),
                        "dose": dose.strip() or None,
                        "route": route.strip() or None,
                        "frequency": frequency.strip() or None,
                        "request_type": request_type,
                    },
                    "history": [h.strip() for h in history.splitlines() if h.strip()],
                    "prior_therapies": _priors(prior_therapies),
                    "payer": {"name": payer.strip() or None},
                }
                case = case_from_data(data, "the form")
        except (CaseError, ValueError) as exc:
            return page(request, "new.html", who=who, error=str(exc))
        job = jobs.start(case, who)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        who = user(request)
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id}")
        return page(request, "job.html", who=who, job=job)

    @app.get("/reviews/{rid}", response_class=HTMLResponse, include_in_schema=False)
    def review_page(request: Request, rid: int) -> HTMLResponse:
        who = user(request)
        review, meta = load(rid)
        return page(
            request,
            "review.html",
            who=who,
            review=review,
            meta=meta,
            rid=rid,
            refs=_ref_lookup(review),
            history=services.db.events(rid),
        )

    @app.get("/reviews/{rid}/export.{fmt}", include_in_schema=False)
    def export(request: Request, rid: int, fmt: str) -> Response:
        from pipeline.render import to_markdown

        user(request)
        review, _ = load(rid)
        name = f"{review.case_id}.review"
        if fmt == "md":
            body, kind = to_markdown(review).encode(), "text/markdown; charset=utf-8"
        elif fmt == "docx":
            body = to_docx(review)
            kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        elif fmt == "pdf":
            body, kind = to_pdf(review), "application/pdf"
        elif fmt == "json":
            body, kind = review.model_dump_json(indent=2).encode(), "application/json"
        else:
            raise HTTPException(404, "export as md, docx, pdf or json")
        disposition = f'attachment; filename="{name}.{fmt}"'
        return Response(body, media_type=kind, headers={"Content-Disposition": disposition})

    @app.get("/reviews/{rid}/source/{source_id}", include_in_schema=False)
    def source_pdf(request: Request, rid: int, source_id: str) -> Response:
        """The cited PDF itself (open at #page=N); only documents this review cites."""
        user(request)
        review, _ = load(rid)
        files = {e.source_id: e.file for e in review.evidence}
        if source_id not in files or not Path(files[source_id]).exists():
            raise HTTPException(404, "not a source of this review")
        return FileResponse(files[source_id], media_type="application/pdf")

    # --- API ---------------------------------------------------------------------------
    @app.post("/api/reviews", status_code=202)
    def api_create(request: Request, case: dict) -> dict:
        """Start drafting a review for a case (the case-file fields as JSON)."""
        who = user(request)
        try:
            parsed = case_from_data(case, "request body")
        except CaseError as exc:
            raise HTTPException(422, str(exc)) from exc
        job = jobs.start(parsed, who)
        return {"job_id": job.id, "events": f"/api/jobs/{job.id}/events", "page": f"/jobs/{job.id}"}

    @app.get("/api/jobs/{job_id}/events")
    async def api_events(request: Request, job_id: str) -> StreamingResponse:
        """Server-sent events: status, evidence, section (as drafted), done or error."""
        user(request)
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id}")

        async def stream():  # noqa: ANN202
            seen = 0
            while True:
                events = await asyncio.to_thread(job.wait, seen, 10.0)
                for kind, data in events:
                    yield f"event: {kind}\ndata: {json.dumps(data)}\n\n"
                seen += len(events)
                if job.done and seen >= len(job.events):
                    return
                if not events:
                    yield ": keep-alive\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream")

    @app.get("/api/reviews")
    def api_list(request: Request) -> list[dict]:
        user(request)
        return services.db.list()

    @app.get("/api/reviews/{rid}")
    def api_get(request: Request, rid: int) -> dict:
        user(request)
        review, meta = load(rid)
        return {"meta": meta, "record": review.model_dump(mode="json")}

    @app.get("/api/reviews/{rid}/history")
    def api_history(request: Request, rid: int) -> list[dict]:
        user(request)
        load(rid)
        return services.db.events(rid)

    @app.get("/api/reviews/{rid}/evidence/{eid}")
    def api_evidence(request: Request, rid: int, eid: str) -> dict:
        """The cited sentence in its passage, with title and page, for the side panel."""
        user(request)
        review, _ = load(rid)
        ev = next((e for e in review.evidence if e.id == eid), None)
        if ev is None:
            raise HTTPException(404, f"no evidence {eid} in review {rid}")
        passage = eid.split(".")[0]
        sentences = [
            {"id": e.id, "text": e.text, "cited": e.id == eid}
            for e in review.evidence
            if e.id.split(".")[0] == passage
        ]
        return {
            "id": eid,
            "title": ev.title or Path(ev.file).name,
            "file": Path(ev.file).name,
            "page": ev.page,
            "page_label": ev.page_label,
            "section": ev.section,
            "text": ev.text,
            "passage": sentences,
            "pdf": f"/reviews/{rid}/source/{ev.source_id}#page={ev.page}",
        }

    @app.post("/api/reviews/{rid}/statements")
    def api_edit(request: Request, rid: int, edit: StatementEdit) -> dict:
        """Change a statement's text or citations; it is re-validated at once."""
        who = user(request)
        review, meta = load(rid)
        if meta["status"] == "approved":
            raise HTTPException(409, "an approved review cannot be edited")
        section = next((s for s in review.sections if s.key == edit.section), None)
        if section is None or edit.index >= len(section.statements):
            raise HTTPException(404, f"no statement {edit.section}[{edit.index}]")
        known = {e.id for e in review.evidence} | {f.id for f in review.case_facts}
        unknown = [c for c in edit.citations if c not in known]
        if unknown:
            raise HTTPException(422, f"unknown citation(s) {', '.join(unknown)}")
        st = section.statements[edit.index]
        before = {"text": st.text, "citations": st.citations}
        st.text, st.citations = " ".join(edit.text.split()), list(edit.citations)
        st.quote, st.quote_origin, st.repaired_from = None, None, []
        finished = services.revalidate(review)
        version = services.db.update(
            rid,
            review,
            who,
            "edit",
            {
                "section": edit.section,
                "index": edit.index,
                "before": before,
                "after": {"text": st.text, "citations": st.citations},
            },
        )
        return {
            "version": version,
            "statement": st.model_dump(mode="json"),
            "validation": review.validation.model_dump(mode="json"),
            "verdict": review.verdict,
            "verdict_changed": finished.verdict_changed,
        }

    @app.post("/api/reviews/{rid}/approve")
    def api_approve(request: Request, rid: int, approval: Approval | None = None) -> dict:
        who = user(request)
        review, _ = load(rid)
        review.status = "approved"
        version = services.db.update(
            rid, review, who, "approve", {"note": approval.note if approval else None}
        )
        return {"version": version, "status": review.status}

    return app


def _priors(text: str) -> list[dict[str, str | None]]:
    """Form lines "drug: response" → prior therapies."""
    out = []
    for line in text.splitlines():
        if line.strip():
            name, _, response = line.partition(":")
            out.append({"name": name.strip(), "response": response.strip() or None})
    return out


def _ref_lookup(review: Review) -> dict[str, int]:
    """Evidence id → reference number, for citation links."""
    ref_of = {r.source_id: r.n for r in review.references}
    return {e.id: ref_of[e.source_id] for e in review.evidence if e.source_id in ref_of}
