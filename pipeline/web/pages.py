"""The writers' pages: login (open), then the index, the case form, the drafting job,
the review, exports and cited PDFs (every one behind ``current_user``)."""

from __future__ import annotations

import asyncio
import hmac
import json
import re
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Match

from pipeline.cases import CaseError, case_from_data, parse_case
from pipeline.models import Review
from pipeline.render import readable_time, to_markdown
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
from pipeline.web.errors import writer_words
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
    value = sign(secret or request.app.state.cookie_key, name)
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
            problems = form_problems(case_id, diagnosis, drug, age)
            if problems:
                return page(
                    request,
                    "new.html",
                    who=who,
                    error="Please fix the following and draft again:",
                    problems=problems,
                    form=dict(await request.form()),
                    status_code=400,
                )
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
        return page(request, "new.html", who=who, error=writer_words(str(exc)), status_code=400)
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
    # This reader's own label on each statement of this version, with its note.
    labels = {
        (x["section"], x["idx"]): x
        for x in svc(request).db.labels(rid)
        if x["version"] == meta["version"] and x["who"] == who
    }
    db = svc(request).db
    return page(
        request,
        "review.html",
        who=who,
        role=role,
        review=review,
        meta=meta,
        rid=rid,
        refs=_ref_lookup(review),
        policy_refs=policy_links(request, review),
        history=history_lines(review, db.events(rid)),
        approval=db.approval(rid),
        labels=labels,
        page_labels={(e.source_id, e.page): e.page_label for e in review.evidence},
        has_scores=any(
            st.support_score is not None for s in review.sections for st in s.statements
        ),
        threshold=svc(request).judge.threshold,
    )


def policy_links(request: Request, review: Review) -> dict[str, dict[str, str]]:
    """Policy-criterion citations (P1, ...) → where they open: the policy's own page with
    the criterion highlighted where this server has one, else the review's side panel
    (criterion text, page and policy file from the review record)."""
    out = {}
    for ev in review.evidence:
        if not ev.chunk_id.startswith("policy:"):
            continue
        node = ev.chunk_id.split(":", 1)[1]
        has_page = serves(request, f"/policies/{ev.source_id}")
        href = f"/policies/{ev.source_id}#{node}" if has_page else f"#criterion-{ev.id}"
        out[ev.id] = {"href": href, "node": node, "page": "policy" if has_page else "panel"}
    return out


def serves(request: Request, path: str) -> bool:
    """Whether this app has a page at ``path`` (routers included into the app are asked
    as the app would ask them: by matching, not by listing paths)."""
    scope = {"type": "http", "method": "GET", "path": path, "root_path": "", "path_params": {}}
    return any(r.matches(scope)[0] == Match.FULL for r in request.app.router.routes)


SECTION_NAMES = {"label": "labelled", "edit": "edited", "approve": "approved"}
LABEL_WORDS = {"supported": "Supported", "partial": "Partly", "not_supported": "Not supported"}


def history_lines(review: Review, events: list[dict]) -> list[dict[str, str]]:
    """Each change in words: when (readable), who, and what they changed."""
    headings = {s.key: s.heading for s in review.sections}
    out = []
    for e in events:
        d = e["detail"]
        where = (
            f"statement {d['idx' if 'idx' in d else 'index'] + 1} of “"
            f"{headings.get(d['section'], d['section'])}”"
            if "section" in d
            else ""
        )
        if e["action"] == "created":
            what = f"drafted the review (verdict: {d.get('verdict', '?').replace('_', ' ')})"
        elif e["action"] == "edit":
            before, after = d.get("before", {}), d.get("after", {})
            what = f"edited {where}: “{before.get('text', '')}” → “{after.get('text', '')}”"
            if before.get("citations") != after.get("citations"):
                what += (
                    f"; citations {', '.join(before.get('citations') or []) or 'none'} → "
                    f"{', '.join(after.get('citations') or []) or 'none'}"
                )
        elif e["action"] == "approve":
            what = "approved the review"
            if d.get("override_reason"):
                issues = "; ".join(d.get("open_issues") or [])
                what += f" with open checks ({issues}); reason: “{d['override_reason']}”"
            if d.get("note"):
                what += f"; note: “{d['note']}”"
        elif e["action"] == "label":
            what = f"labelled {where} as {LABEL_WORDS.get(d.get('label'), d.get('label'))}"
        else:
            what = e["action"]
        out.append(
            {"at": readable_time(e["at"]), "who": e["who"], "version": e["version"], "what": what}
        )
    return out


@pages.get("/reviews/{rid}/export.{fmt}", include_in_schema=False)
def export(request: Request, who: CurrentUser, rid: int, fmt: str) -> Response:
    review, _ = load(request, rid)
    approval = svc(request).db.approval(rid)
    name = f"{review.case_id}.review"
    if fmt == "md":
        body, kind = to_markdown(review, approval).encode(), "text/markdown; charset=utf-8"
    elif fmt == "docx":
        body = to_docx(review, approval)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "pdf":
        body, kind = to_pdf(review, approval), "application/pdf"
    elif fmt == "json":
        record = review.model_dump(mode="json") | {"approval": approval}
        body, kind = json.dumps(record, indent=2).encode(), "application/json"
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


CASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


def form_problems(case_id: str, diagnosis: str, drug: str, age: str) -> list[str]:
    """What a writer must fix in the typed case, in the form's own words."""
    out = []
    if not case_id.strip():
        out.append("Case id: give the case a name, for example ivig-jia-0042.")
    elif not CASE_ID.match(case_id.strip()):
        out.append(
            "Case id: use only letters, digits, dots, dashes and underscores, starting with a "
            "letter or digit (no spaces)."
        )
    if not diagnosis.strip():
        out.append("Diagnosis: say what the patient has.")
    if not drug.strip():
        out.append("Requested drug: say what is requested.")
    if age.strip() and not (age.strip().isdigit() and int(age) <= 120):
        out.append("Age: a whole number of years (0 to 120), or leave it empty.")
    return out


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
