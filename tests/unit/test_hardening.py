"""Attacks and faults that used to get through (issue 17), each reproduced and now held."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.cases import CaseError, parse_case
from pipeline.llm import LLMError, OpenAICompatClient, is_local, redact
from pipeline.sources.parse import ParseError, parse_pdf
from pipeline.web.app import check_bind, create_app
from tests.conftest import FakeLLM

LOCAL = "http://127.0.0.1:8000"


def test_only_loopback_addresses_count_as_local() -> None:
    assert is_local("http://127.0.0.1:8080/v1") and is_local("http://[::1]:80/")
    assert is_local("http://localhost:1234") and is_local("http://127.9.9.9/")
    for url in ("http://127.rt-attacker.invalid/", "http://10.0.0.5/", "https://api.example"):
        assert not is_local(url), url


def test_credentials_in_an_endpoint_never_reach_provenance_or_errors() -> None:
    url = "http://user:s3cretkey@127.0.0.1:9/v1"
    assert redact(url) == "http://127.0.0.1:9/v1"
    client = OpenAICompatClient(url, "m", None, retries=0, timeout_s=2)
    assert "s3cretkey" not in client.endpoint
    with pytest.raises(LLMError) as caught:
        client.complete_json([{"role": "user", "content": "x"}], {"type": "object"}, "t")
    assert "s3cretkey" not in str(caught.value)


def test_a_200_that_is_not_a_chat_completion_is_one_named_failure() -> None:
    """A proxy's login page answering 200 text/html: one named failure, no AttributeError."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Html(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b"<html><body>proxy login</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Html)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        client = OpenAICompatClient(url, "m", None, retries=0, timeout_s=5)
        with pytest.raises(LLMError, match="not a chat completion"):
            client.complete_json([{"role": "user", "content": "x"}], {"type": "object"}, "t")
    finally:
        server.shutdown()


def test_weak_or_missing_secrets_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 16"):
        check_bind("0.0.0.0", "a")
    check_bind("0.0.0.0", "x" * 16)


def test_deeply_nested_case_files_are_a_clear_error() -> None:
    with pytest.raises(CaseError, match="nested too deeply"):
        parse_case("[" * 100_000 + "]" * 100_000, "case.json")


def test_any_parser_failure_is_that_files_failure(tmp_path: Path) -> None:
    bad = tmp_path / "nested.pdf"
    # A content stream of arrays nested far past any sane depth.
    bad.write_bytes(b"%PDF-1.4\n" + b"[" * 200_000 + b"\n%%EOF\n")
    with pytest.raises(ParseError):
        parse_pdf(bad)


def test_web_docs_need_the_token_logins_are_throttled_and_drafts_queue(
    sample_store, session_settings, tmp_path: Path
) -> None:
    web = session_settings.web.model_copy(
        update={"db": tmp_path / "w.sqlite", "secret": "a-long-enough-secret"}
    )
    settings = session_settings.model_copy(update={"web": web, "home": tmp_path / "home"})
    release = threading.Event()

    def slow(messages, schema):  # noqa: ANN001, ANN202
        release.wait(10)
        raise LLMError("stopped by the test")

    app = create_app(settings, client=FakeLLM([slow] * 30), store=sample_store)
    with TestClient(app, base_url=LOCAL) as client:
        assert client.get("/openapi.json").status_code == 401
        assert client.get("/docs").status_code == 401
        bearer = {"Authorization": "Bearer a-long-enough-secret"}
        assert client.get("/openapi.json", headers=bearer).status_code == 200
        # A non-ASCII token is a refusal, not a server error.
        assert (
            client.get(
                "/api/reviews", headers={"Authorization": "Bearer é".encode("latin-1")}
            ).status_code
            == 401
        )
        for _ in range(5):
            client.post("/login", data={"name": "x", "token": "wrong"})
        blocked = client.post("/login", data={"name": "x", "token": "a-long-enough-secret"})
        assert "too many failed logins" in blocked.text
        # One draft runs at a time; the queue is bounded, and says so when full.
        case = {
            "case_id": "q",
            "patient": {"age": 40},
            "diagnoses": [{"name": "Systemic lupus erythematosus", "icd10": "M32.9"}],
            "requested_treatment": {"drug": "IVIG", "request_type": "continuation"},
        }
        codes = [
            client.post("/api/reviews", json=case, headers=bearer).status_code for _ in range(25)
        ]
        release.set()
        assert codes.count(202) <= 21 and 503 in codes
    assert threading.active_count() < 40  # no thread per posted job


def test_two_ingests_into_one_store_take_turns(tmp_path: Path) -> None:
    from pipeline.sources.ingest import store_lock

    order: list[str] = []
    with store_lock(tmp_path):
        worker = threading.Thread(
            target=lambda: (store_lock(tmp_path).__enter__(), order.append("second"))
        )
        worker.start()
        worker.join(0.5)
        order.append("first done")
    worker.join(5)
    assert order == ["first done", "second"]


def _serve(handler: type) -> tuple[str, object]:
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/v1", server


def test_a_trickling_endpoint_is_cut_off_at_the_call_deadline() -> None:
    """Headers at once, then one byte every 0.1 s for ever: every read is quick, so only an
    overall deadline ends the call, and the retries share it."""
    from http.server import BaseHTTPRequestHandler

    class Trickle(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000000")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                return

    url, server = _serve(Trickle)
    try:
        for stream in (None, lambda text: None):
            client = OpenAICompatClient(url, "m", None, retries=2, timeout_s=1.5)
            t0 = time.monotonic()
            with pytest.raises(LLMError, match="timed out"):
                client.complete_json([{"role": "user", "content": "x"}], {}, "t", on_text=stream)
            assert time.monotonic() - t0 < 12  # 1.5 s plus the client's retry back-off
    finally:
        server.shutdown()


def test_a_silent_endpoint_fails_once_at_the_deadline_not_once_per_retry() -> None:
    from http.server import BaseHTTPRequestHandler

    class Silent(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802
            time.sleep(30)

    url, server = _serve(Silent)
    try:
        client = OpenAICompatClient(url, "m", None, retries=3, timeout_s=2.0)
        t0 = time.monotonic()
        with pytest.raises(LLMError, match="deadline 2s"):
            client.complete_json([{"role": "user", "content": "x"}], {}, "t")
        # Per-read timeouts alone: 4 tries × 2 s + ~3.5 s of back-off; here 2 s + back-off.
        assert time.monotonic() - t0 < 9
    finally:
        server.shutdown()


def _long_pdf(path: Path, pages: int = 60) -> Path:
    import random

    from fpdf import FPDF

    words = "alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega".split()
    rng = random.Random(0)  # distinct lines: repeated ones would be dropped as running heads
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for _ in range(pages):
        pdf.add_page()
        for _ in range(40):
            pdf.cell(0, 5, " ".join(rng.choice(words) for _ in range(12)))
            pdf.ln()
    pdf.output(str(path))
    return path


def test_parsing_is_bounded_in_time_in_the_main_thread_and_elsewhere(tmp_path: Path) -> None:
    """The alarm cuts a parse short in the main thread (CLI, parse worker); in any other
    thread the check between pages does."""
    pdf = _long_pdf(tmp_path / "long.pdf")
    assert len(parse_pdf(pdf, max_seconds=60)) == 60
    with pytest.raises(ParseError, match="longer than 0.01s"):
        parse_pdf(pdf, max_seconds=0.01)
    caught: list[BaseException] = []

    def in_thread() -> None:
        try:
            parse_pdf(pdf, max_seconds=0.01)
        except BaseException as exc:  # noqa: BLE001 (recorded for the assertion)
            caught.append(exc)

    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join()
    assert len(caught) == 1 and isinstance(caught[0], ParseError)


def test_a_parse_worker_cannot_take_the_machines_memory() -> None:
    from pipeline.executors import PoolExecutor

    pool = PoolExecutor(1, "process", memory_mb=300)
    try:
        assert list(pool.map(len, ["small"])) == [5]  # the worker itself runs under it
        with pytest.raises(MemoryError):
            list(pool.map(bytes, [2**30]))  # 1 GiB: refused at 300 MB
    finally:
        pool.close()


def test_running_out_of_parse_memory_is_that_files_failure(
    tmp_path, monkeypatch, session_settings
) -> None:
    from pipeline.sources import ingest

    def greedy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise MemoryError

    monkeypatch.setattr(ingest, "parse_pdf", greedy)
    task = ingest.Task(_long_pdf(tmp_path / "a.pdf", 1), "0" * 64, {}, session_settings)
    result = ingest.prepare_task(task)
    assert result.status == "failed" and "limits.parse_memory_mb" in result.reason
