"""Case packets in the web app: upload the documents received, check each extracted fact
beside the page it came from (and fix the case), then draft.

Files are kept in an owner-only folder per packet under ``<web db folder>/packets``; names
are reduced to safe characters, and only the files a packet holds are ever served."""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from pipeline.cases import CaseError, case_facts, load_case, parse_case, save_case
from pipeline.models import Case
from pipeline.web.deps import CurrentUser, current_user, load, page, svc
from pipeline.web.jobs import QueueFull

packets = APIRouter(include_in_schema=False, dependencies=[Depends(current_user)])
_PACKET_ID = re.compile(r"^[0-9a-f]{16}$")
ALLOWED = {".pdf", ".txt", ".md", ".json"}
PLACEHOLDER = "(not found in the packet"


def safe_name(name: str) -> str:
    """A file name with no path and only plain characters ("../x" → "x")."""
    base = Path(name.replace("\\", "/")).name
    clean = re.sub(r"[^A-Za-z0-9._() -]+", "_", base).strip(" .") or "document"
    return clean[:120]


def _folder(request: Request, pid: str) -> Path:
    if not _PACKET_ID.match(pid):
        raise HTTPException(404, "no such packet")
    folder = svc(request).settings.web_packets_path / pid
    if not (folder / "case.yaml").exists():
        raise HTTPException(404, "no such packet")
    return folder


def _write_case(case: Case, folder: Path) -> None:
    save_case(case, folder / "case.yaml")


@packets.post("/packets")
async def upload_packet(
    request: Request, who: CurrentUser, files: list[UploadFile] = File(...)
) -> Response:
    from pipeline.cases.intake import IntakeError, extract_case

    root = svc(request).settings.web_packets_path
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    pid = secrets.token_hex(8)
    folder = root / pid
    folder.mkdir(mode=0o700)
    saved = 0
    for upload in files:
        name = safe_name(upload.filename or "")
        if Path(name).suffix.lower() not in ALLOWED:
            continue
        fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(await upload.read())
        saved += 1
    if not saved:
        return page(request, "new.html", who=who, error="upload PDFs, text or FHIR JSON files")
    try:
        # Off the event loop: parsing and the model's reading take seconds.
        case = await asyncio.to_thread(extract_case, [folder], llm=svc(request).client)
    except (IntakeError, CaseError, ValueError) as exc:
        return page(request, "new.html", who=who, error=str(exc))
    _write_case(case, folder)
    return RedirectResponse(f"/packets/{pid}", status_code=303)


@packets.get("/packets/{pid}", response_class=HTMLResponse)
def packet_page(request: Request, who: CurrentUser, pid: str, error: str = "") -> HTMLResponse:
    from pipeline.cases.intake import fact_context

    folder = _folder(request, pid)
    case = load_case(folder / "case.yaml")
    facts = [
        (fact, fact_context(folder, fact.source) if fact.source else None)
        for fact in case_facts(case)
    ]
    return page(
        request,
        "packet.html",
        who=who,
        pid=pid,
        case=case,
        facts=facts,
        case_yaml=(folder / "case.yaml").read_text(encoding="utf-8"),
        error=error or None,
    )


@packets.get("/packets/{pid}/file/{name}")
def packet_file(request: Request, who: CurrentUser, pid: str, name: str) -> Response:
    folder = _folder(request, pid)
    return _serve(folder, _files(load_case(folder / "case.yaml")), name)


def _files(case_or_review: object) -> set[str]:
    intake = getattr(case_or_review, "intake", None)
    return {f.file for f in intake.files} if intake else set()


def _serve(folder: Path, known: set[str], name: str) -> Response:
    path = folder / name
    if name not in known or safe_name(name) != name or not path.is_file():
        raise HTTPException(404, "not a file of this packet")
    kind = "application/pdf" if name.lower().endswith(".pdf") else "text/plain; charset=utf-8"
    return FileResponse(path, media_type=kind)


@packets.post("/packets/{pid}/draft")
async def draft_packet(
    request: Request, who: CurrentUser, pid: str, case_yaml: str = Form(...)
) -> Response:
    folder = _folder(request, pid)
    try:
        case = await asyncio.to_thread(parse_case, case_yaml, "case.yaml")
    except CaseError as exc:
        return packet_page(request, who, pid, error=str(exc))
    if PLACEHOLDER in case.model_dump_json():
        return packet_page(
            request, who, pid, error="fill in what the packet did not say (marked 'not found')"
        )
    # The packet's folder is this server's to say, never the posted text's.
    if case.intake is not None:
        case.intake.folder = str(folder)
    _write_case(case, folder)
    try:
        job = request.app.state.jobs.start(case, who)
    except QueueFull as exc:
        raise HTTPException(503, str(exc)) from exc
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _review_folder(request: Request, review: object) -> Path:
    intake = getattr(review, "intake", None)
    if intake is None or not intake.folder:
        raise HTTPException(404, "this review's case did not come from a packet")
    folder = Path(intake.folder).resolve()
    if svc(request).settings.web_packets_path.resolve() not in folder.parents:
        raise HTTPException(404, "not a packet this server keeps")
    return folder


@packets.get("/reviews/{rid}/record/{name}")
def record_file(request: Request, who: CurrentUser, rid: int, name: str) -> Response:
    """A packet file the review's case facts cite (open at #page=N)."""
    review, _ = load(request, rid)
    return _serve(_review_folder(request, review), _files(review), name)


@packets.get("/reviews/{rid}/facts/{fid}")
def review_fact(request: Request, who: CurrentUser, rid: int, fid: str) -> dict:
    """A case fact with the page text around it, for the side panel a fact click opens."""
    from pipeline.cases.intake import fact_context
    from pipeline.render import fact_source

    review, _ = load(request, rid)
    fact = next((f for f in review.case_facts if f.id == fid), None)
    if fact is None:
        raise HTTPException(404, f"no case fact {fid} in review {rid}")
    src = fact.source
    data = {"id": fid, "text": fact.text, "where": fact_source(src) or "typed into the case"}
    if src is None or src.fhir or not src.page:
        return data | {"context": None, "pdf": None}
    try:
        folder = _review_folder(request, review)
    except HTTPException:  # a case typed or uploaded as YAML: its packet is not here
        return data | {"context": None, "pdf": None}
    pdf = f"/reviews/{rid}/record/{src.file}#page={src.page}"
    return data | {"context": fact_context(folder, src), "pdf": pdf}
