"""The writers' pages: login (open), then the index, the case form, the drafting job,
the review, exports and cited PDFs (every one behind ``current_user``)."""

from __future__ import annotations

import asyncio
import hmac
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    RedirectResponse,
    Response,
)

from pipeline.cases import CaseError, case_from_data, parse_case
from pipeline.models import Review
from pipeline.web.deps import (
    COOKIE,
    ROLES,
    CurrentRole,
    CurrentUser,
    current_user,
    identity,
    load,
    page,
    sign,
    svc,
)
from pipeline.web.export import to_docx, to_pdf
from pipeline.web.jobs import QueueFull

public = APIRouter(include_in_schema=False)
pages = APIRouter(include_in_schema=False, dependencies=[Depends(current_user)])


# --- login -----------------------------------------------------------------------
@public.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request) -> HTMLResponse:
    return page(request, "login.html", error=None)


@public.post("/login", include_in_schema=False)
def login(
    request: Request, name: str = Form(...), token: str = Form(""), role: str = Form("writer")
) -> Response:
    name = " ".join(name.split())[:80]
    if role not in ROLES:
        return page(request, "login.html", error=f"role must be one of {', '.join(ROLES)}")
    secret = request.app.state.secret
    client = request.client.host if request.client else "?"
    if request.app.state.logins.blocked(client):
        return page(request, "login.html", error="too many failed logins; wait a minute")
    if not name or (secret and not hmac.compare_digest(token.encode(), secret.encode())):
        request.app.state.logins.failed(client)
        return page(request, "login.html", error="name and a valid access token needed")
    response = RedirectResponse("/", status_code=303)
    name = identity(name, role)
    value = sign(secret, name) if secret else f"{quote(name)}|"
    response.set_cookie(COOKIE, value, httponly=True, samesite="strict")
    return response


# --- pages -----------------------------------------------------------------------
@pages.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request, who: CurrentUser) -> HTMLResponse:
    return page(request, "index.html", who=who, reviews=svc(request).db.list())


@pages.get("/new", response_class=HTMLResponse, include_in_schema=False)
def new_form(request: Request, who: CurrentUser) -> HTMLResponse:
    return page(request, "new.html", who=who, error=None)


@pages.post("/new", include_in_schema=False)
async def new_case(
    request: Request,
    who: CurrentUser,
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
    try:
        if upload is not None and upload.filename:
            text = (await upload.read()).decode("utf-8", "replace")
            # Parsed off the event loop: a large YAML file stalls no other request.
            case = await asyncio.to_thread(parse_case, text, Path(upload.filename).name)
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
    try:
        job = request.app.state.jobs.start(case, who)
    except QueueFull as exc:
        raise HTTPException(503, str(exc)) from exc
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@pages.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def job_page(request: Request, who: CurrentUser, job_id: str) -> HTMLResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id}")
    return page(request, "job.html", who=who, job=job)


@pages.get("/reviews/{rid}", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, who: CurrentUser, role: CurrentRole, rid: int) -> HTMLResponse:
    review, meta = load(request, rid)
    labels = {
        (x["section"], x["idx"]): x["label"]
        for x in svc(request).db.labels(rid)
        if x["version"] == meta["version"]
    }
    return page(
        request,
        "review.html",
        who=who,
        role=role,
        review=review,
        meta=meta,
        rid=rid,
        refs=_ref_lookup(review),
        history=svc(request).db.events(rid),
        labels=labels,
    )


@pages.get("/reviews/{rid}/export.{fmt}", include_in_schema=False)
def export(request: Request, who: CurrentUser, rid: int, fmt: str) -> Response:
    from pipeline.render import to_markdown

    review, _ = load(request, rid)
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


@pages.get("/reviews/{rid}/source/{source_id}", include_in_schema=False)
def source_pdf(request: Request, who: CurrentUser, rid: int, source_id: str) -> Response:
    """The cited PDF itself (open at #page=N); only documents this review cites."""
    review, _ = load(request, rid)
    files = {e.source_id: e.file for e in review.evidence}
    if source_id not in files or not Path(files[source_id]).exists():
        raise HTTPException(404, "not a source of this review")
    return FileResponse(files[source_id], media_type="application/pdf")


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
