"""A writer's path in a real browser: headless Debian Chromium driven by Playwright against
a server this test starts (scripted LLM for speed): submit a case, watch the draft arrive,
open a citation's source, edit a statement, approve, export DOCX."""

import io
import os
import re
import shutil
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.web.app import create_app
from tests.conftest import FakeLLM
from tests.unit.test_review_fake import careful_model

CHROMIUM = os.environ.get("NECESSITY_CHROMIUM", "/usr/bin/chromium")
CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"
SHOTS = Path(os.environ.get("NECESSITY_SCREENSHOTS", "out/screenshots"))
# Without these flags Chromium keeps reaching for Google's hosts, which this network refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _serve(sample_store, session_settings, tmp_path: Path, fake: FakeLLM):  # noqa: ANN202
    import uvicorn

    settings = session_settings.model_copy(
        update={
            "out": tmp_path / "out",
            "web": session_settings.web.model_copy(update={"db": tmp_path / "web.sqlite"}),
        }
    )
    app = create_app(settings, client=fake, store=sample_store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def server(sample_store, session_settings, tmp_path: Path):  # noqa: ANN201
    yield from _serve(sample_store, session_settings, tmp_path, FakeLLM([careful_model]))


@pytest.fixture
def packet_server(sample_store, session_settings, tmp_path: Path):  # noqa: ANN201
    from tests.unit.test_web_packets import extract_reply

    fake = FakeLLM([extract_reply, careful_model])
    yield from _serve(sample_store, session_settings, tmp_path, fake)


def _browser(pw, sync_api):  # noqa: ANN001, ANN202
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def test_packet_to_review_with_facts_on_their_pages(packet_server: str, tmp_path: Path) -> None:
    """Upload the documents → check each fact beside its page → draft → click a case
    fact in the review → the page's words, highlighted."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package chromium; `make test` installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    from tests.unit.test_intake import _form_pdf
    from tests.unit.test_web_packets import NOTE

    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    form = _form_pdf(tmp_path / "form.pdf")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = _browser(pw, sync_api)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{packet_server}/new")
        page.set_input_files("input[name=files]", [str(note), str(form)])
        page.click("#submit-packet")
        page.wait_for_url("**/packets/*", timeout=30_000)
        facts = page.locator("#facts tbody tr")
        assert facts.count() >= 5
        assert page.locator("#facts mark").count() >= 3  # the words, on their pages
        assert "note.txt, p. 1" in page.inner_text("#facts")
        page.screenshot(path=str(SHOTS / "packet-facts.png"), full_page=True)
        # The writer fixes the request (the form named another drug), then drafts.
        text = page.input_value("textarea[name=case_yaml]")
        text = text.replace("drug: Tocilizumab", "drug: IVIG")
        page.fill("textarea[name=case_yaml]", text)
        page.click("#draft-packet")
        page.wait_for_url("**/reviews/*", timeout=60_000)
        fact = page.locator("a.fact").first
        fact.wait_for(timeout=10_000)
        fact.click()
        mark = page.locator("#source mark")
        mark.wait_for(timeout=10_000)
        assert "Case fact" in page.inner_text("#source-title")
        assert len(mark.inner_text()) > 3
        page.screenshot(path=str(SHOTS / "review-fact-source.png"), full_page=True)
        browser.close()


def test_case_to_exported_review_in_chromium(server: str, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package chromium; `make test` installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/login")
        page.fill("input[name=name]", "Dana Writer")
        page.click("button[type=submit]")

        page.goto(f"{server}/new")
        page.set_input_files("input[name=upload]", str(CASES / "ivig-jia.yaml"))
        page.click("#submit-case")
        # The job page streams sections, then opens the checked review.
        page.wait_for_url("**/reviews/*", timeout=60_000)
        assert "NOT medically necessary" in page.inner_text("h1")
        # The policy worksheet comes first, as a checklist with its page.
        worksheet = page.inner_text("#worksheet")
        assert "Policy Worksheet" in worksheet and "Exclusion (p. 2) applies" in worksheet
        assert page.locator("li.statement").count() >= 2
        assert page.locator("li.statement.unsupported, ul.dropped li").count() >= 1  # marked

        cite = page.locator("li.statement.supported a.cite").first
        cite.click()
        mark = page.locator("#source mark")
        mark.wait_for(timeout=10_000)
        assert page.locator("#source").is_visible()
        assert "page" in page.inner_text("#source-where")
        cited_text = mark.inner_text()
        assert len(cited_text) > 20
        shot = SHOTS / "review-with-source.png"
        page.screenshot(path=str(shot), full_page=True)

        first = page.locator("li.statement").first
        first.locator("button.edit").click()
        first.locator("textarea[name=text]").fill("Edited by the writer: " + cited_text[:120])
        first.locator("button.save").click()
        page.wait_for_load_state("load")
        # Locator waits, not page-evaluated strings: the pages' CSP forbids eval.
        sync_api.expect(page.locator("li.statement .text").first).to_have_text(
            re.compile(r"^Edited by the writer")
        )
        rid = page.url.rstrip("/").rsplit("/", 1)[-1]
        history = page.request.get(f"{server}/api/reviews/{rid}/history").json()
        assert [(h["action"], h["who"]) for h in history] == [
            ("created", "Dana Writer"),
            ("edit", "Dana Writer"),
        ]

        with page.expect_download() as download_info:
            page.click("#export-docx")
        docx = tmp_path / "review.docx"
        download_info.value.save_as(docx)
        xml = zipfile.ZipFile(io.BytesIO(docx.read_bytes())).read("word/document.xml").decode()
        assert "Edited by the writer" in xml

        # Unsupported statements remain: approving asks for a reason (a prompt dialog).
        page.on("dialog", lambda d: d.accept("Checked with the medical director today."))
        page.click("#approve")
        sync_api.expect(page.locator("#review-status")).to_have_text("approved")
        page.goto(server + "/")
        assert "approved" in page.inner_text("#reviews")
        browser.close()
    assert shot.stat().st_size > 10_000


def test_qa_labels_a_statement_in_chromium(server: str) -> None:
    """QA staff log in with their role, see the judge's score beside each statement, and
    label one; the label is stored with the review version."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package chromium; `make test` installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as pw:
        browser = _browser(pw, sync_api)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/login")
        page.fill("input[name=name]", "Quinn QA")
        page.select_option("select[name=role]", "qa")
        page.click("button[type=submit]")
        page.goto(f"{server}/new")
        page.set_input_files("input[name=upload]", str(CASES / "ivig-jia.yaml"))
        page.click("#submit-case")
        page.wait_for_url("**/reviews/*", timeout=60_000)
        statement = page.locator("li.statement").first
        assert "judge" in statement.inner_text()
        statement.locator("input.label-note").fill("the citation states part of it")
        statement.locator("button.label-button[data-value=partial]").click()
        sync_api.expect(statement.locator(".qa-label")).to_have_attribute("data-label", "partial")
        rid = page.url.rstrip("/").rsplit("/", 1)[-1]
        labels = page.request.get(f"{server}/api/reviews/{rid}/labels").json()
        assert [(x["label"], x["who"], x["version"]) for x in labels] == [
            ("partial", "Quinn QA", 1)
        ]
        assert labels[0]["note"] == "the citation states part of it"
        page.reload()  # the label stays on the page
        assert "chosen" in page.locator("li.statement").first.locator(
            "button[data-value=partial]"
        ).get_attribute("class")
        browser.close()
