"""The REST API (OpenAPI at /docs), every route behind ``current_user``."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import (
    StreamingResponse,
)

from pipeline.cases import CaseError, case_from_data
from pipeline.models import Review
from pipeline.render import page_words, real_section
from pipeline.web.db import StaleVersion
from pipeline.web.deps import CurrentRole, CurrentUser, current_user, load, svc
from pipeline.web.jobs import QueueFull
from pipeline.web.models import Approval, StatementEdit, StatementLabel

api = APIRouter(prefix="/api", dependencies=[Depends(current_user)])


# --- API ---------------------------------------------------------------------------
@api.post("/reviews", status_code=202)
def api_create(request: Request, who: CurrentUser, case: dict) -> dict:
    """Start drafting a review for a case (the case-file fields as JSON)."""
    try:
        parsed = case_from_data(case, "request body")
    except CaseError as exc:
        raise HTTPException(422, str(exc)) from exc
    try:
        job = request.app.state.jobs.start(parsed, who)
    except QueueFull as exc:
        raise HTTPException(503, str(exc)) from exc
    return {"job_id": job.id, "events": f"/api/jobs/{job.id}/events", "page": f"/jobs/{job.id}"}


@api.get("/jobs/{job_id}/events")
async def api_events(request: Request, who: CurrentUser, job_id: str) -> StreamingResponse:
    """Server-sent events: status, evidence, section (as drafted), done or error."""
    job = request.app.state.jobs.get(job_id)
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


@api.get("/reviews")
def api_list(request: Request, who: CurrentUser) -> list[dict]:
    return svc(request).db.list()


@api.get("/reviews/{rid}")
def api_get(request: Request, who: CurrentUser, rid: int) -> dict:
    review, meta = load(request, rid)
    return {"meta": meta, "record": review.model_dump(mode="json")}


@api.get("/reviews/{rid}/history")
def api_history(request: Request, who: CurrentUser, rid: int) -> list[dict]:
    load(request, rid)
    return svc(request).db.events(rid)


@api.get("/reviews/{rid}/evidence/{eid}")
def api_evidence(request: Request, who: CurrentUser, rid: int, eid: str) -> dict:
    """The cited sentence in its passage, with title and page, for the side panel."""
    review, _ = load(request, rid)
    ev = next((e for e in review.evidence if e.id == eid), None)
    if ev is None:
        raise HTTPException(404, f"no evidence {eid} in review {rid}")
    passage = eid.split(".")[0]
    sentences = [
        {"id": e.id, "text": e.text, "cited": e.id == eid}
        for e in review.evidence
        if e.id.split(".")[0] == passage
    ]
    title = ev.title or Path(ev.file).name
    section = real_section(ev.section, title)
    node = ev.chunk_id.split(":", 1)[1] if ev.chunk_id.startswith("policy:") else None
    where = f"{Path(ev.file).name}, {page_words(ev.page, ev.page_label)}"
    return {
        "id": eid,
        "kind": "policy" if node else "source",
        "node": node,
        "title": title,
        "file": Path(ev.file).name,
        "page": ev.page,
        "page_label": ev.page_label,
        "section": section,
        "where": where + (f" · {section}" if section else ""),
        "text": ev.text,
        "passage": sentences,
        "pdf": f"/reviews/{rid}/source/{ev.source_id}#page={ev.page}",
    }


@api.post("/reviews/{rid}/statements")
def api_edit(request: Request, who: CurrentUser, rid: int, edit: StatementEdit) -> dict:
    """Change a statement's text or citations; it is re-validated at once."""
    review, meta = load(request, rid)
    if meta["status"] == "approved":
        raise HTTPException(409, "an approved review cannot be edited")
    if edit.version != meta["version"]:
        raise HTTPException(
            409, f"review {rid} is at version {meta['version']}, not {edit.version}"
        )
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
    # The words are now the writer's: shown and exported as theirs, never under the
    # source's name as a quote of it (the citations still say what should back them).
    st.attribution, st.written_by = None, who
    finished = svc(request).revalidate(review)
    version = _write(
        request,
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
        edit.version,
    )
    return {
        "version": version,
        "statement": st.model_dump(mode="json"),
        "validation": review.validation.model_dump(mode="json"),
        "verdict": review.verdict,
        "verdict_changed": finished.verdict_changed,
    }


@api.post("/reviews/{rid}/approve")
def api_approve(request: Request, who: CurrentUser, rid: int, approval: Approval) -> dict:
    """Approve the review at the version the writer saw. Validation must be clean (every
    statement supported, every source verbatim on its page), or the approval names its
    reason (``override_reason``), which the history keeps."""
    review, meta = load(request, rid)
    if meta["status"] == "approved":
        raise HTTPException(409, f"review {rid} is approved already")
    if approval.version != meta["version"]:
        raise HTTPException(
            409, f"review {rid} is at version {meta['version']}, not {approval.version}"
        )
    open_issues = unclean(review)
    if open_issues and not approval.override_reason:
        raise HTTPException(
            422,
            "validation is not clean (" + "; ".join(open_issues) + "): approving needs "
            "override_reason",
        )
    review.status = "approved"
    detail = {
        "note": approval.note,
        "override_reason": approval.override_reason,
        "open_issues": open_issues,
    }
    version = _write(request, rid, review, who, "approve", detail, approval.version)
    return {"version": version, "status": review.status}


def unclean(review: Review) -> list[str]:
    """Why a review's validation is not clean, in words; empty when it is."""
    unsupported = sum(not st.supported for s in review.sections for st in s.statements)
    out = [f"{unsupported} statement(s) unsupported"] if unsupported else []
    if review.validation.problems:
        out.append(f"{len(review.validation.problems)} evidence problem(s)")
    if not any(s.statements for s in review.sections):
        out.append("no statement at all")
    return out


def _write(
    request: Request, rid: int, review: Review, who: str, action: str, detail: dict, version: int
) -> int:
    try:
        return svc(request).db.update(rid, review, who, action, detail, expected_version=version)
    except StaleVersion as exc:
        raise HTTPException(409, str(exc)) from exc


@api.post("/reviews/{rid}/labels", status_code=201)
def api_label(
    request: Request, who: CurrentUser, role: CurrentRole, rid: int, body: StatementLabel
) -> dict:
    """QA staff: mark a statement supported / not supported / partially, with a note. The
    label keeps the statement, its cited text and the judge's verdict at that version."""
    if role != "qa":
        raise HTTPException(403, "labels are for QA staff: log in with the QA role")
    review, meta = load(request, rid)
    section = next((x for x in review.sections if x.key == body.section), None)
    if section is None or body.index >= len(section.statements):
        raise HTTPException(404, f"no statement {body.section}[{body.index}] in review {rid}")
    st = section.statements[body.index]
    texts = {e.id: e.text for e in review.evidence}
    texts |= {f.id: f.text for f in review.case_facts}
    row = {
        "section": body.section,
        "idx": body.index,
        "statement": st.text,
        "citations": st.citations,
        "evidence": [texts.get(c, "") for c in st.citations],
        "judge_supported": st.supported,
        "judge_score": st.support_score,
        "label": body.label,
        "note": body.note,
    }
    try:
        label_id = svc(request).db.add_label(rid, body.version, row, who)
    except StaleVersion as exc:
        raise HTTPException(409, str(exc)) from exc
    return {"id": label_id, "label": body.label, "version": body.version}


@api.get("/reviews/{rid}/labels")
def api_labels(request: Request, who: CurrentUser, rid: int) -> list[dict]:
    load(request, rid)
    return svc(request).db.labels(rid)
