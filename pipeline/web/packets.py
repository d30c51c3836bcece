"""Case packets in the web app: upload the documents received, watch the extraction (a job
on the app's queue, never inside the request), accept or reject each extracted fact beside
the page it came from, correct the request, then draft.

Files are kept in an owner-only folder per packet under ``<web db folder>/packets``; names
are reduced to safe characters, and only the files a packet holds are ever served."""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile as StarletteUpload

from pipeline.cases import CaseError, case_fact_keys, case_facts, load_case, save_case
from pipeline.cases.uploads import ALLOWED, UploadError, safe_name, save_uploads
from pipeline.models import Case, Diagnosis, Patient, Payer
from pipeline.web.deps import CurrentUser, current_user, load, page, svc
from pipeline.web.jobs import QueueFull

packets = APIRouter(include_in_schema=False, dependencies=[Depends(current_user)])
_PACKET_ID = re.compile(r"^[0-9a-f]{16}$")
PLACEHOLDER = "(not found in the packet"
NO_FILES = (
    "Choose at least one document to upload: PDF, plain text (.txt, .md) or a FHIR bundle (.json)."
)


def _folder(request: Request, pid: str, extracted: bool = True) -> Path:
    if not _PACKET_ID.match(pid):
        raise HTTPException(404, "no such packet")
    folder = svc(request).settings.web_packets_path / pid
    if not folder.is_dir() or (extracted and not (folder / "case.yaml").exists()):
        raise HTTPException(404, "no such packet")
    return folder


def _write_case(case: Case, folder: Path) -> None:
    save_case(case, folder / "case.yaml")


# --- identifiers: what the confirm page says it left out, it never shows -----------------
_IDENTIFYING = re.compile(
    r"\b(mrn|dob|d\.o\.b|birth|member|subscriber|npi|dea|tin|ssn|social security|phone|"
    r"fax|e-?mail|address|street|zip|name|signature|medical record|account)\b"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4,}|@",
    re.I,
)
_PIECES = re.compile(r"(?<=[.;!?])\s+|\s{2,}|\n")


def safe_context(text: str, side: str = "after") -> str:
    """Page text shown beside a fact's quote, up to the first piece (reading away from the
    quote) that names or holds an identifier: the quote was masked at extraction, its
    surroundings were not, and what the page says it left out it must never show."""
    from pipeline.cases.intake import mask

    pieces = [p for p in _PIECES.split(text) if p.strip()]
    if side == "before":
        pieces.reverse()
    kept = []
    for piece in pieces:
        if _IDENTIFYING.search(piece):
            break
        kept.append(piece)
    if side == "before":
        kept.reverse()
    return mask(" ".join(kept), set())


def fact_context_safe(folder: Path, source: Any) -> dict[str, str] | None:
    from pipeline.cases.intake import fact_context

    found = fact_context(folder, source)
    if found is None:
        return None
    quote = found["quote"] if not _IDENTIFYING.search(found["quote"]) else source.quote
    return {
        "before": safe_context(found["before"], "before"),
        "quote": quote or "",
        "after": safe_context(found["after"]),
    }


# --- upload → extraction job ------------------------------------------------------------
@packets.post("/packets")
async def upload_packet(request: Request, who: CurrentUser) -> Response:
    # Read from the form as sent: a browser sends an empty file field as a part with no
    # file name, which is "nothing chosen", not a malformed request.
    form = await request.form()
    files = [f for f in form.getlist("files") if isinstance(f, StarletteUpload) and f.filename]
    chosen = [f for f in files if Path(safe_name(f.filename or "")).suffix.lower() in ALLOWED]
    if not chosen:
        return page(request, "new.html", who=who, error=NO_FILES, status_code=400)
    # Names made safe and unique ("a.txt" and "../a.txt" are both kept); nothing is left
    # behind when a write fails.
    uploads = [(u.filename or "", await u.read()) for u in chosen]
    try:
        pid, folder, names = save_uploads(svc(request).settings.web_packets_path, uploads)
    except UploadError as exc:
        return page(request, "new.html", who=who, error=str(exc), status_code=400)
    try:
        request.app.state.jobs.run_task(
            pid, f"packet of {len(names)} file(s)", _extraction(folder, names, svc(request))
        )
    except QueueFull as exc:
        raise HTTPException(503, str(exc)) from exc
    return RedirectResponse(f"/packets/{pid}", status_code=303)


def _pages(path: Path) -> int:
    if path.suffix.lower() != ".pdf":
        return 1
    try:
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages)
    except Exception:  # a broken PDF: the extraction names the problem
        return 0


def _extraction(folder: Path, names: list[str], services: Any) -> Callable[..., dict]:
    def task(emit: Callable[[str, dict], None]) -> dict:
        from pipeline.cases.intake import extract_case

        pages = sum(_pages(folder / n) for n in names)
        emit(
            "progress",
            {
                "message": f"reading {len(names)} file(s), {pages} page(s)…",
                "files": len(names),
                "pages": pages,
            },
        )
        kwargs: dict[str, Any] = {}
        params = inspect.signature(extract_case).parameters
        for name in ("on_progress", "progress"):  # the library's page-by-page report
            if name in params:
                kwargs[name] = _progress(emit)
        try:
            case = extract_case([folder], llm=services.client, **kwargs)
        except (CaseError, ValueError) as exc:  # IntakeError is a ValueError
            raise ValueError(str(exc).replace(f"{folder}{os.sep}", "")) from exc
        _write_case(case, folder)
        facts = len(case_facts(case))
        emit("progress", {"message": f"read {pages} page(s); found {facts} facts", "facts": facts})
        return {"next": f"/packets/{folder.name}", "facts": facts}

    return task


_PROGRESS_WORDS = (
    (("pages_read", "pages"), "page(s) read"),
    (("ocr_pages", "ocr"), "with OCR"),
    (("facts_found", "facts"), "facts found"),
)


def _progress(emit: Callable[[str, dict], None]) -> Callable[..., None]:
    """Pass the extraction's own progress (pages read, OCR pages, facts found) to the page,
    whatever shape the library reports it in (a dict, keywords, or an object)."""

    def hear(*args: Any, **kwargs: Any) -> None:
        data: dict[str, Any] = dict(kwargs)
        for arg in args:
            if isinstance(arg, dict):
                data |= arg
            elif hasattr(arg, "__dict__"):
                data |= vars(arg)
            else:
                data.setdefault("message", str(arg))
        plain = {k: v for k, v in data.items() if isinstance(v, int | float | str)}
        words = []
        for keys, label in _PROGRESS_WORDS:
            value = next((plain[k] for k in keys if k in plain), None)
            if value is not None:
                words.append(f"{value} {label}")
        message = "; ".join(words) or str(plain.get("message", "reading…"))
        emit("progress", plain | {"message": message})

    return hear


# --- the confirm page -------------------------------------------------------------------
@packets.get("/packets/{pid}", response_class=HTMLResponse)
def packet_page(request: Request, who: CurrentUser, pid: str, error: str = "") -> HTMLResponse:
    folder = _folder(request, pid, extracted=False)
    if not (folder / "case.yaml").exists():
        job = request.app.state.jobs.get(pid)
        return page(request, "packet_wait.html", who=who, pid=pid, job=job)
    case = load_case(folder / "case.yaml")
    facts = [
        (fact, fact_context_safe(folder, fact.source) if fact.source else None)
        for fact in case_facts(case)
    ]
    return page(
        request,
        "packet.html",
        who=who,
        pid=pid,
        case=case,
        facts=facts,
        blank=lambda v: "" if v is None or PLACEHOLDER in str(v) else v,
        dx_missing=any(PLACEHOLDER in d.name for d in case.diagnoses),
        error=error or None,
        status_code=400 if error else 200,
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


REQUEST_FIELDS = ("drug", "dose", "route", "frequency")


@packets.post("/packets/{pid}/draft")
async def draft_packet(request: Request, who: CurrentUser, pid: str) -> Response:
    folder = _folder(request, pid)
    form = await request.form()
    fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    try:
        case = confirmed_case(load_case(folder / "case.yaml"), fields)
    except CaseError as exc:
        return packet_page(request, who, pid, error=str(exc))
    # The packet's folder is this server's to say, never the posted form's.
    if case.intake is not None:
        case.intake.folder = str(folder)
    _write_case(case, folder)
    try:
        job = request.app.state.jobs.start(case, who)
    except QueueFull as exc:
        raise HTTPException(503, str(exc)) from exc
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def confirmed_case(case: Case, form: dict[str, str]) -> Case:
    """The extracted case as the writer confirmed it: facts marked "reject" removed, the
    request and a missing diagnosis as typed. A typed value has no page behind it, so the
    extracted source of a changed field is dropped with the old value."""
    data = case.model_dump(mode="json")
    sources: dict[str, Any] = dict(data.pop("sources"))
    keys = case_fact_keys(case)
    rejected = [keys[f] for f in keys if form.get(f"fact-{f}") == "reject" and keys[f]]
    notes = [
        f"rejected by the writer: {f.text}" for f in case_facts(case) if keys[f.id] in rejected
    ]
    for key in rejected:
        sources.pop(key, None)
        if key == "patient":
            data["patient"] = Patient().model_dump(mode="json")
        elif key == "payer":
            data["payer"] = Payer().model_dump(mode="json")
        elif key == "notes":
            data["notes"] = None
    for field in ("history", "prior_therapies", "diagnoses"):
        gone = {int(k.split(".")[1]) for k in rejected if k.startswith(field + ".")}
        kept = [i for i in range(len(data[field])) if i not in gone]
        data[field] = [data[field][i] for i in kept]
        moved = {f"{field}.{old}": f"{field}.{new}" for new, old in enumerate(kept)}
        sources = {moved.get(k, k): v for k, v in sources.items() if k not in set(rejected)}
    treatment = data["requested_treatment"]
    for name in REQUEST_FIELDS:
        typed = " ".join(form.get(name, "").split())
        if name in form and typed != (treatment.get(name) or ""):
            treatment[name] = typed or None
            sources.pop("requested_treatment", None)
    typed_dx = " ".join(form.get("diagnosis", "").split())
    data["diagnoses"] = [d for d in data["diagnoses"] if PLACEHOLDER not in d["name"]]
    if typed_dx:
        icd = " ".join(form.get("icd10", "").split()) or None
        data["diagnoses"].append(Diagnosis(name=typed_dx, icd10=icd).model_dump(mode="json"))
    missing = []
    wrong = "requested_treatment" in rejected and treatment["drug"] == case.requested_treatment.drug
    if wrong or not treatment.get("drug") or PLACEHOLDER in treatment["drug"]:
        missing.append("the requested drug")
    if not data["diagnoses"]:
        missing.append("a diagnosis (keep one found in the packet, or type it)")
    if missing:
        raise CaseError("Before drafting, fill in " + " and ".join(missing) + ".")
    if form.get("case_id", "").strip():
        data["case_id"] = form["case_id"].strip()
    if data.get("intake"):
        data["intake"]["dropped"] = [*data["intake"]["dropped"], *notes]
    data["sources"] = sources
    from pipeline.cases import case_from_data

    return case_from_data(data, "the confirmed case")


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
    return data | {"context": fact_context_safe(folder, src), "pdf": pdf}
