"""The web app's words and rules without a browser (scripted model): characters no
document can hold, labels that belong to a logged-in person, forwarding headers not
believed, errors as pages, policy citations that open, and what the exports say."""

from __future__ import annotations

import io
import json
import socket
import threading
import time
import zipfile
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from starlette.routing import Match

from pipeline.evals.labels import label_report, load_labels
from pipeline.models import Review
from pipeline.render import markdown_text, page_words, readable_time, real_section, sentence
from pipeline.web.app import COOKIE, create_app, server_options
from tests.conftest import FakeLLM
from tests.unit.test_compose import pick_last
from tests.unit.test_web_api import LOCAL, _case, _draft, _events, _settings

HTML = {"accept": "text/html"}


def _statement(c: TestClient, rid: int) -> dict:
    record = c.get(f"/api/reviews/{rid}").json()["record"]
    section = next(s for s in record["sections"] if s["statements"])
    return {"section": section["key"], "index": 0}


# --- issue 27.14: characters no document can hold -----------------------------------
def test_noncharacters_and_lone_surrogates_are_refused_not_a_500(client) -> None:
    c, _ = client
    rid = _draft(c)
    at = _statement(c, rid)
    for text in ["IVIG \ufffe helps", "bad \x0b tab"]:
        edit = c.post(f"/api/reviews/{rid}/statements", json=at | {"text": text, "version": 1})
        assert edit.status_code == 422 and "not text" in edit.json()["detail"], edit.text
    raw = json.dumps(at | {"text": "x", "version": 1}).replace('"x"', '"x\\ud800y"')
    edit = c.post(
        f"/api/reviews/{rid}/statements",
        content=raw.encode(),
        headers={"content-type": "application/json"},
    )
    assert edit.status_code == 422, edit.text
    # Text already stored with such a character (a source sentence) still exports.
    review = Review.model_validate(c.get(f"/api/reviews/{rid}").json()["record"])
    review.sections[0].statements[0].text = "held \ufffe here"
    c.app.state.services.db.update(rid, review, "test", "edit", {})
    docx = c.get(f"/reviews/{rid}/export.docx")
    assert docx.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "held here" in xml


# --- issue 27.15: a label is a logged-in person's, once per statement and version ---
def test_labels_belong_to_a_logged_in_identity_once_each(client) -> None:
    c, settings = client
    rid = _draft(c)
    body = _statement(c, rid) | {"label": "supported", "version": 1}
    # Thirty names written into cookies by the client itself: none is a login.
    for i in range(30):
        c.cookies.set(COOKIE, f"qa%3AReviewer{i}|")
        assert c.post(f"/api/reviews/{rid}/labels", json=body).status_code == 403
    login = c.post("/login", data={"name": "Quinn", "role": "qa"}, follow_redirects=False)
    c.cookies.set(COOKIE, login.cookies[COOKIE])
    for label in ["supported", "partial", "not_supported"]:  # a changed mind: one vote
        made = c.post(f"/api/reviews/{rid}/labels", json=body | {"label": label, "note": "n"})
        assert made.status_code == 201
    report = label_report(load_labels(settings.web_db_path))
    assert (report["labels"], report["people"]) == (1, 1)
    assert c.get(f"/api/reviews/{rid}/labels").json()[0]["label"] == "not_supported"
    # The note is on the page after a reload, in this person's own label.
    page = c.get(f"/reviews/{rid}").text
    assert 'value="n"' in page and "label-button chosen" in page


# --- issue 27.16: forwarding headers are not believed from anyone unnamed -----------
def serve_in_thread(app, settings):  # noqa: ANN001, ANN202
    """(server, thread, url) of a real uvicorn on a free port, with the app's own options
    (what `necessity serve` runs): TestClient applies no proxy headers, uvicorn does."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, **server_options(settings, "127.0.0.1", port)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def test_bad_logins_with_a_new_forwarded_address_each_are_still_throttled(
    sample_store, session_settings, tmp_path: Path
) -> None:
    settings = _settings(session_settings, tmp_path, secret="s3cret-s3cret-s3cret")
    assert server_options(settings, "127.0.0.1", 1)["proxy_headers"] is False
    app = create_app(settings, client=FakeLLM(), store=sample_store)
    server, thread, url = serve_in_thread(app, settings)
    try:
        said = []
        for i in range(8):
            response = httpx.post(
                f"{url}/login",
                data={"name": "mallory", "token": "wrong"},
                headers={"X-Forwarded-For": f"10.0.0.{i}", "Host": "127.0.0.1"},
            )
            said.append("too many failed logins" in response.text)
        assert said[-1] and sum(said) >= 3, said
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    behind = _settings(session_settings, tmp_path, trusted_proxy="10.1.2.3")
    assert server_options(behind, "127.0.0.1", 1)["forwarded_allow_ips"] == "10.1.2.3"


# --- errors as pages ------------------------------------------------------------------
def test_errors_are_pages_for_people_and_json_for_the_api(client) -> None:
    c, _ = client
    page = c.get("/no/such/page", headers=HTML)
    assert page.status_code == 404 and "Not found" in page.text and "detail" not in page.text
    assert c.get("/api/no/such").json()["detail"]  # the API keeps JSON
    assert c.get("/reviews/12345", headers=HTML).status_code == 404
    docs = c.get("/docs", headers=HTML)
    assert docs.status_code == 200 and "/api/reviews" in docs.text
    assert "cdn" not in docs.text.lower() and '<script src="http' not in docs.text


# --- citations of a policy criterion --------------------------------------------------
def test_a_policy_criterion_opens_the_policy_page_or_else_a_panel(
    sample_store, session_settings, tmp_path: Path
) -> None:
    compose = session_settings.model_copy(
        update={"draft": session_settings.draft.model_copy(update={"mode": "compose"})}
    )
    settings = _settings(compose, tmp_path)
    app = create_app(settings, client=FakeLLM([pick_last, pick_last]), store=sample_store)
    with TestClient(app, base_url=LOCAL) as c:
        started = c.post("/api/reviews", json=_case()).json()
        rid = _events(c, started["job_id"])[-1][1]["review_id"]
        record = c.get(f"/api/reviews/{rid}").json()["record"]
        p1 = next(e for e in record["evidence"] if e["id"] == "P1")
        node = p1["chunk_id"].split(":", 1)[1]
        page = c.get(f"/reviews/{rid}").text
        assert f'href="/policies/{p1["source_id"]}#{node}"' in page
        assert c.get(f"/policies/{p1['source_id']}", headers=HTML).status_code == 200
        # A server without the policies page: the criterion opens in the side panel.
        sid = p1["source_id"]
        app.router.routes[:] = [
            r
            for r in app.router.routes
            if r.matches({"type": "http", "method": "GET", "path": f"/policies/{sid}"})[0]
            != Match.FULL
        ]
        page = c.get(f"/reviews/{rid}").text
        assert 'href="#criterion-P1"' in page and 'data-page="panel"' in page
        panel = c.get(f"/api/reviews/{rid}/evidence/P1").json()
        assert panel["kind"] == "policy" and panel["node"] == node
        assert panel["where"].startswith("sample-ivig-policy.pdf, p. 2")


# --- what the exports say -------------------------------------------------------------
def test_exports_say_who_approved_when_and_why(client) -> None:
    c, _ = client
    rid = _draft(c)
    at = _statement(c, rid)
    c.post(
        f"/api/reviews/{rid}/statements",
        json=at | {"text": "IVIG cures JIA in all children & <more>.", "version": 1},
    )
    reason = "Medical director agreed by phone."
    approved = c.post(f"/api/reviews/{rid}/approve", json={"version": 2, "override_reason": reason})
    assert approved.status_code == 200, approved.text
    md = c.get(f"/reviews/{rid}/export.md").text
    assert "**Status:** approved by local user on" in md and f"**Override reason:** {reason}" in md
    assert "Writer's statement (local user): IVIG cures JIA in all children & \\<more>." in md
    assert "&lt;" not in md and "&amp;" not in md
    pdf = c.get(f"/reviews/{rid}/export.pdf")
    assert pdf.status_code == 200
    data = c.get(f"/reviews/{rid}/export.json").json()
    assert data["approval"]["override_reason"] == reason
    history = c.get(f"/reviews/{rid}", headers=HTML).text
    assert "edited statement 1 of" in history and "reason: “Medical director" in history


def test_render_rules() -> None:
    assert page_words(3, "924") == "p. 924 [PDF p. 3]" and page_words(3, "3") == "p. 3"
    title = "2021 American College of Rheumatology Guideline for the Treatment of JIA"
    assert real_section("2021 American College of Rheumatology Guideline for the", title) is None
    assert real_section("Conditions not covered", title) == "Conditions not covered"
    assert real_section("Recommendations for the", None) is None
    # First lines of paragraphs, table cells and cut reference titles are no headings.
    for line in [
        "Oral glucocorticoids are conditionally recommended",
        "Risk factors for poor prognosis and disease",
        "PICO 19. In children with JIA with active",
        "5 Very low",
        "Starting treatment with low- dose probenecid",
        "Recommendation: For patients with severe GPA/MPA",
    ]:
        assert real_section(line, None) is None, line
    for heading in ["Glucocorticoids", "Systemic JIA with MAS: initial therapy (Table 6)"]:
        assert real_section(heading, None) == heading
    assert sentence("no payer policy on file for X: none names it") == (
        "No payer policy on file for X: none names it."
    )
    assert readable_time("2026-12-06T07:12:05+00:00") == "6 Dec 2026, 07:12 UTC"
    assert markdown_text("a <b> &amp; c\ufffe") == "a \\<b> \\&amp; c"
