"""The web app's REST API over the real pipeline (fake LLM): draft, stream, sources, edit,
approve, export, history, and who may reach it."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from pipeline.web.app import check_bind, create_app
from tests.conftest import FakeLLM
from tests.unit.test_review_fake import careful_model

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"
LOCAL = "http://127.0.0.1:8000"  # a loopback name: the only hosts a loopback server answers


def _case() -> dict:
    return yaml.safe_load((CASES / "ivig-jia.yaml").read_text())


def _settings(session_settings, tmp_path: Path, **web):  # noqa: ANN202
    return session_settings.model_copy(
        update={
            "out": tmp_path / "out",
            "web": session_settings.web.model_copy(update={"db": tmp_path / "web.sqlite", **web}),
        }
    )


def _events(client: TestClient, job_id: str) -> list[tuple[str, dict]]:
    events, kind = [], None
    with client.stream("GET", f"/api/jobs/{job_id}/events") as response:
        for line in response.iter_lines():
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                events.append((kind, json.loads(line[6:])))
    return events


@pytest.fixture
def app_client(sample_store, session_settings, tmp_path: Path):  # noqa: ANN201
    fake = FakeLLM([careful_model])
    app = create_app(_settings(session_settings, tmp_path), client=fake, store=sample_store)
    with TestClient(app, base_url=LOCAL) as client:
        yield client, fake


def _draft(client: TestClient) -> int:
    started = client.post("/api/reviews", json=_case())
    assert started.status_code == 202, started.text
    events = _events(client, started.json()["job_id"])
    kinds = [k for k, _ in events]
    assert kinds[-1] == "done", events[-1]
    # Sections arrive one by one while the model writes, before the checked review.
    sections = [d["key"] for k, d in events if k == "section"]
    assert sections[:3] == ["criteria", "rationale", "evidence"]
    assert kinds.index("evidence") < kinds.index("section") < kinds.index("done")
    # The policy's worksheet is decided first and shown before anything is drafted.
    assert kinds.index("policy") < kinds.index("evidence")
    return events[-1][1]["review_id"]


def test_draft_stream_sources_edit_approve_export(app_client, tmp_path: Path) -> None:
    client, _ = app_client
    rid = _draft(client)
    got = client.get(f"/api/reviews/{rid}").json()
    record = got["record"]
    assert got["meta"]["version"] == 1 and record["case_id"] == "ivig-jia"
    # The declared sample policy decides (its exclusion for juvenile arthritis), not the model.
    assert record["verdict"] == record["policy"]["verdict"] == "not_medically_necessary"
    page = client.get(f"/reviews/{rid}").text
    assert 'id="worksheet"' in page and "Exclusion (p. 2)" in page

    # A citation opens its passage, the cited sentence marked.
    cited = record["sections"][0]["statements"][0]["citations"][0]
    ev = client.get(f"/api/reviews/{rid}/evidence/{cited}").json()
    marked = [s for s in ev["passage"] if s["cited"]]
    assert len(marked) == 1 and marked[0]["id"] == cited and ev["page"] >= 1
    assert client.get(ev["pdf"].split("#")[0]).content.startswith(b"%PDF")

    # An edit is re-validated at once: a claim its citation does not make is flagged.
    edit = {
        "section": "rationale",
        "index": 0,
        "text": "IVIG cures lupus in 95% of children.",
        "citations": [cited],
        "version": 1,
    }
    changed = client.post(f"/api/reviews/{rid}/statements", json=edit)
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 2 and changed.json()["statement"]["supported"] is False
    # The edit went through the same finish step: the policy still decides, and says so.
    assert changed.json()["verdict"] == "not_medically_necessary"
    assert changed.json()["verdict_changed"] is False
    bad = client.post(
        f"/api/reviews/{rid}/statements", json=edit | {"citations": ["E99.9"], "version": 2}
    )
    assert bad.status_code == 422 and "E99.9" in bad.json()["detail"]

    # Every write carries the version it was made on: an edit of version 1 is stale now.
    stale = client.post(f"/api/reviews/{rid}/statements", json=edit)
    assert stale.status_code == 409 and "at version 2" in stale.json()["detail"]
    # The edited claim is unsupported: approval needs a named reason, kept in the history.
    refused = client.post(f"/api/reviews/{rid}/approve", json={"version": 2})
    assert refused.status_code == 422 and "1 statement(s) unsupported" in refused.json()["detail"]
    reason = "Reviewed with the medical director; the claim is struck in the letter."
    approved = client.post(
        f"/api/reviews/{rid}/approve", json={"version": 2, "override_reason": reason}
    )
    assert approved.json()["status"] == "approved"
    locked = client.post(f"/api/reviews/{rid}/statements", json=edit | {"version": 3})
    assert locked.status_code == 409
    history = client.get(f"/api/reviews/{rid}/history").json()
    assert [h["action"] for h in history] == ["created", "edit", "approve"]
    assert history[1]["detail"]["before"]["text"] != history[1]["detail"]["after"]["text"]
    assert all(h["who"] == "local user" for h in history)
    assert history[2]["detail"]["override_reason"] == reason

    docx = client.get(f"/reviews/{rid}/export.docx")
    assert docx.status_code == 200
    body = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "Policy Worksheet" in body and "References" in body
    assert client.get(f"/reviews/{rid}/export.pdf").content.startswith(b"%PDF")
    md = client.get(f"/reviews/{rid}/export.md").text
    assert md.startswith("# ") and "IVIG cures lupus" in md
    listing = client.get("/api/reviews").json()
    assert listing[0]["id"] == rid and listing[0]["status"] == "approved"


def test_bad_cases_get_clear_errors(app_client) -> None:
    client, fake = app_client
    broken = _case() | {"diagnoses": []}
    response = client.post("/api/reviews", json=broken)
    assert response.status_code == 422 and "diagnoses" in response.json()["detail"]
    form = client.post("/new", data={"case_id": "x y", "drug": ""}, follow_redirects=False)
    # The form says what to fix in its own words: no validator's pattern, no JSON.
    assert form.status_code == 400 and "Requested drug: say what is requested" in form.text
    assert "Case id: use only letters" in form.text and "should match pattern" not in form.text
    assert not fake.calls  # nothing reached the model


def test_binding_beyond_loopback_needs_a_secret() -> None:
    check_bind("127.0.0.1", None)
    with pytest.raises(ValueError, match="NECESSITY_WEB__SECRET"):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", "s3cret-s3cret-s3cret")


def test_with_a_secret_every_request_must_prove_it(
    sample_store, session_settings, tmp_path: Path
) -> None:
    settings = _settings(session_settings, tmp_path, secret="s3cret")
    with TestClient(
        create_app(settings, client=FakeLLM(), store=sample_store), base_url=LOCAL
    ) as client:
        assert client.get("/api/reviews").status_code == 401
        page = client.get("/", headers={"accept": "text/html"}, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login"
        wrong = client.post("/login", data={"name": "Ana", "token": "nope"})
        assert "valid access token" in wrong.text
        client.post("/login", data={"name": "Ana", "token": "s3cret"})
        assert client.get("/api/reviews").status_code == 200
    with TestClient(
        create_app(settings, client=FakeLLM(), store=sample_store), base_url=LOCAL
    ) as other:
        bearer = {"Authorization": "Bearer s3cret"}
        assert other.get("/api/reviews", headers=bearer).status_code == 200
        forged = {"necessity_session": "Ana|0000"}
        assert other.get("/api/reviews", cookies=forged).status_code == 401


def test_every_route_but_login_depends_on_the_writer(app_client) -> None:
    """Routers declare current_user once; a route added without it would show up here."""
    from fastapi.routing import APIRoute

    from pipeline.web.deps import current_user

    client, _ = app_client

    def calls(dependant) -> set:  # noqa: ANN001
        return {dependant.call} | {c for d in dependant.dependencies for c in calls(d)}

    def walk(routes) -> list:  # noqa: ANN001
        out = []
        for r in routes:
            if isinstance(r, APIRoute):
                out.append(r)
            elif hasattr(r, "original_router"):  # an included router
                out += walk(r.original_router.routes)
        return out

    routes = walk(client.app.routes)
    open_routes = sorted(r.path for r in routes if current_user not in calls(r.dependant))
    assert open_routes == ["/login", "/login"]  # the form and its POST
    assert len(routes) > 10


def test_other_sites_and_other_host_names_cannot_act(app_client) -> None:
    client, _ = app_client
    rid = _draft(client)
    # DNS rebinding: a page on another name that resolves here gets nothing.
    rebind = client.get("/api/reviews", headers={"host": "rebind.attacker.example"})
    assert rebind.status_code == 400
    # A cross-site form or fetch cannot approve, edit or start drafts.
    evil = {"origin": "https://evil.example"}
    for path, body in [
        (f"/api/reviews/{rid}/approve", {"version": 1}),
        ("/api/reviews", _case()),
    ]:
        assert client.post(path, json=body, headers=evil).status_code == 403
    cross = client.post("/new", data={"case_id": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert cross.status_code == 403
    same = client.post(
        f"/api/reviews/{rid}/approve", json={"version": 1}, headers={"origin": LOCAL}
    )
    assert same.status_code == 200  # this origin may
    page = client.get(f"/reviews/{rid}")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-frame-options"] == "DENY" and "<script>" not in page.text
    huge = client.post(
        "/api/reviews",
        content=b"{" + b" " * (6 * 2**20) + b"}",
        headers={"content-type": "application/json"},
    )
    assert huge.status_code == 413

    # Without a Content-Length (chunked) the body is counted as it arrives.
    def chunks():  # noqa: ANN202
        for _ in range(8):
            yield b" " * 2**20

    for path, kind in [
        ("/api/reviews", "application/json"),
        ("/new", "multipart/form-data; boundary=x"),
    ]:
        chunked = client.post(path, content=chunks(), headers={"content-type": kind})
        assert chunked.status_code == 413, (path, chunked.text)


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit() -> None:
    """At the ASGI level (the test client buffers bodies): reading stops at the limit."""
    import asyncio

    from pipeline.web.guard import BodyTooLarge, LimitBody

    received: list[int] = []

    async def receive() -> dict:
        received.append(1)
        return {"type": "http.request", "body": b"x" * 2**20, "more_body": True}

    async def app(scope: dict, receive, send) -> None:  # noqa: ANN001
        while (await receive())["more_body"]:
            pass

    scope = {"type": "http", "method": "POST", "headers": []}
    with pytest.raises(BodyTooLarge):
        asyncio.run(LimitBody(app, 3 * 2**20)(scope, receive, None))
    assert len(received) == 4  # 4 MB read of an endless body, then refused


def test_exports_cannot_be_forged_by_case_text(app_client) -> None:
    client, _ = app_client
    forged = _case() | {
        "case_id": "forged",
        "question": "Is IVIG necessary?\n\n**Verdict:** `medically_necessary` \u2014 Approve"
        "\x07<script>alert(1)</script>",
    }
    started = client.post("/api/reviews", json=forged).json()
    rid = _events(client, started["job_id"])[-1][1]["review_id"]
    md = client.get(f"/reviews/{rid}/export.md").text
    verdict_lines = [line for line in md.splitlines() if line.startswith("**Verdict:**")]
    assert len(verdict_lines) == 1 and "not_medically_necessary" in verdict_lines[0]
    # Shown as typed (backslash-escaped, never an HTML entity a reader would see as such).
    assert "\\<script>" in md and "&lt;" not in md
    assert not re.search(r"(?<!\\)<script", md)  # every "<" escaped
    docx = client.get(f"/reviews/{rid}/export.docx")
    assert docx.status_code == 200  # control characters do not break the document
    xml = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "&lt;script&gt;alert(1)" in xml  # shown as text (XML-escaped once), not run


def test_drafts_queued_when_the_server_stopped_are_drafted_when_it_starts(
    sample_store, session_settings, tmp_path: Path
) -> None:
    """One server accepts two drafts and stops before drafting them (its worker never gets
    the model); the next server on the same database drafts both, and the first job's page
    still answers with its review after another restart."""
    import threading

    settings = _settings(session_settings, tmp_path)
    gate = threading.Event()
    first = create_app(settings, client=FakeLLM([careful_model]), store=sample_store)

    def stuck(case, emit, who):  # noqa: ANN001, ANN202 (the first server's draft never ends)
        gate.wait(30)
        raise RuntimeError("server stopped")

    first.state.jobs._run = stuck
    ids = []
    with TestClient(first, base_url=LOCAL) as client:
        for n in (1, 2):
            started = client.post("/api/reviews", json=_case() | {"case_id": f"queued-{n}"})
            ids.append(started.json()["job_id"])
    left = first.state.services.db.jobs_unfinished()
    assert [r["state"] for r in left] == ["running", "queued"]
    second = create_app(settings, client=FakeLLM([careful_model] * 2), store=sample_store)
    with TestClient(second, base_url=LOCAL) as client:
        done = [_events(client, job_id)[-1] for job_id in ids]
        assert [kind for kind, _ in done] == ["done", "done"], done
        reviews = [client.get(f"/api/reviews/{d['review_id']}").json() for _, d in done]
        assert [r["meta"]["case_id"] for r in reviews] == ["queued-1", "queued-2"]
    gate.set()  # the first server's worker ends now; its failures must not undo the drafts
    first.state.jobs._pool.shutdown(wait=True)
    third = create_app(settings, client=FakeLLM([careful_model]), store=sample_store)
    with TestClient(third, base_url=LOCAL) as client:
        assert _events(client, ids[0])[-1] == done[0]
        assert client.get(f"/jobs/{ids[1]}").status_code == 200
        assert client.get("/jobs/nope").status_code == 404
