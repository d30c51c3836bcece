"""Errors as a writer meets them: a page in the app's style that says what went wrong and
what to do, never raw JSON or a validator's pattern. API clients (paths under /api/, or a
request that does not ask for HTML) still get JSON with a ``detail``."""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from pipeline.web.deps import current_user

log = logging.getLogger(__name__)

TITLES = {
    400: "This request could not be used",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    405: "Not found",
    409: "Changed by someone else",
    413: "Too large",
    422: "Something needs fixing",
    500: "Something went wrong",
    503: "Busy",
}
ADVICE = {
    404: "Check the address, or go back to the list of reviews.",
    405: "Check the address, or go back to the list of reviews.",
    409: "Reload the page to see the latest version, then make your change again.",
    413: "Upload fewer or smaller files at a time.",
    500: "Nothing you saved was lost. Try again; if it happens again, tell whoever runs "
    "this server (its log has the details).",
    503: "Wait a few minutes for the drafts ahead of yours to finish, then try again.",
}

# Field names as a writer knows them (the form's labels, not the case file's keys).
FIELDS = {
    "case_id": "Case id",
    "drug": "Requested drug",
    "name": "Diagnosis",
    "diagnoses": "Diagnosis",
    "age": "Age",
    "sex": "Sex",
    "icd10": "ICD-10",
    "files": "Packet",
    "text": "Statement",
    "note": "Note",
    "override_reason": "Reason to approve anyway",
}
_PHRASES = [
    (
        re.compile(r"String should match pattern '\^\[A-Za-z0-9\]\[A-Za-z0-9\._-\]\{0,(\d+)\}\$'"),
        r"use only letters, digits, dots, dashes and underscores, starting with a letter or "
        r"digit (at most \1 more characters)",
    ),
    (re.compile(r"String should match pattern '.*'"), "is not in the expected form"),
    (re.compile(r"String should have at least 1 character"), "is required"),
    (re.compile(r"String should have at least (\d+) characters?"), r"needs at least \1 characters"),
    (re.compile(r"String should have at most (\d+) characters?"), r"is too long (at most \1)"),
    (re.compile(r"List should have at least 1 item.*"), "needs at least one entry"),
    (re.compile(r"Field required"), "is required"),
    (re.compile(r"Input should be a valid integer.*"), "must be a whole number"),
    (re.compile(r"Input should be (greater|less) than or equal to (\d+)"), r"must be \1 than \2"),
    (re.compile(r"Value error, "), ""),
]


def writer_words(message: str) -> str:
    """A validator's message in a writer's words ("String should match pattern ..." →
    "use only letters, digits, ...")."""
    for pattern, words in _PHRASES:
        message = pattern.sub(words, message)
    return message


def field_problems(errors: list[dict[str, Any]]) -> list[str]:
    """Pydantic errors as lines "Case id: use only letters ..."."""
    out = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path")]
        name = next((FIELDS[p] for p in reversed(loc) if p in FIELDS), None)
        name = name or (loc[-1].replace("_", " ").capitalize() if loc else "The request")
        out.append(f"{name}: {writer_words(str(err.get('msg', 'is not valid')))}")
    return list(dict.fromkeys(out))


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", ""
    )


def error_response(
    request: Request, status: int, detail: Any, problems: list[str] | None = None
) -> Response:
    if not wants_html(request):
        return JSONResponse({"detail": detail}, status_code=status)
    message = detail if isinstance(detail, str) else "The request could not be used."
    message = writer_words(message)
    message = message[:1].upper() + message[1:]
    templates = getattr(request.app.state, "templates", None)
    context = {
        "who": _who_or_none(request),
        "title": TITLES.get(status, "Something went wrong"),
        "message": message,
        "problems": problems or [],
        "advice": ADVICE.get(status, ""),
        "status": status,
    }
    if templates is None:  # before the app is set up: plain text in the same words
        body = f"<h1>{context['title']}</h1><p>{html.escape(message)}</p>"
        return HTMLResponse(body, status_code=status)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"user": context.pop("who"), "secret": bool(request.app.state.secret), **context},
        status_code=status,
    )


def _who_or_none(request: Request) -> str | None:
    """The signed-in name for the page's header, if any (an error page may be for someone
    not logged in at all)."""
    try:
        return current_user(request)
    except Exception:  # no login, or no app state yet: the header offers to sign in
        return None
