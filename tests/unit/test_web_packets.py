"""A packet through the web app (scripted model): upload → each fact beside its page →
fix → draft → a fact in the review opens its page with the words highlighted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.cases import case_fact_keys, load_case
from pipeline.web.app import create_app
from pipeline.web.packets import safe_context, safe_name
from tests.conftest import FakeLLM
from tests.unit.test_intake import _form_pdf
from tests.unit.test_review_fake import careful_model
from tests.unit.test_web_api import LOCAL, _events, _settings

NOTE = """Rheumatology progress note
Assessment: 12 yo with seronegative polyarticular JIA and synovitis of 7 joints.
She completed methotrexate 15 mg weekly for 6 months with continued active arthritis.
Plan: request IVIG given refractory disease despite methotrexate and etanercept."""


def extract_reply(messages, schema):  # noqa: ANN001, ANN201
    """The model's part, scripted: pick sentences by what they say."""
    listing = messages[-1]["content"]
    numbered = dict(re.findall(r"^S(\d+): (.*)$", listing, re.M))

    def n(word: str) -> int:
        return next(int(k) for k, v in numbered.items() if word in v)

    return {
        "requested_drug": {"sentence": n("request IVIG"), "name": "IVIG"},
        "diagnoses": [{"sentence": n("Assessment"), "name": "seronegative polyarticular JIA"}],
        "prior_therapies": [{"sentence": n("completed"), "name": "methotrexate"}],
        "findings": [n("Assessment")],
    }


@pytest.fixture
def client(sample_store, session_settings, tmp_path: Path):  # noqa: ANN201
    fake = FakeLLM([extract_reply, careful_model])
    app = create_app(_settings(session_settings, tmp_path), client=fake, store=sample_store)
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def _extracted(client: TestClient, files: list) -> str:
    """Upload → the extraction job's events (progress, then done) → the packet's id."""
    uploaded = client.post("/packets", files=files, follow_redirects=False)
    assert uploaded.status_code == 303, uploaded.text
    pid = uploaded.headers["location"].rsplit("/", 1)[-1]
    events = _events(client, pid)
    assert events[-1][0] == "done", events
    progress = [d["message"] for k, d in events if k == "progress"]
    assert progress[0].startswith("reading") and "found" in progress[-1]
    return pid


def test_packet_upload_check_draft_and_open_a_fact(client, tmp_path: Path) -> None:
    form = _form_pdf(tmp_path / "pa form.pdf")
    files = [
        ("files", ("note.txt", NOTE.encode(), "text/plain")),
        ("files", ("../../pa form.pdf", form.read_bytes(), "application/pdf")),
        ("files", ("run.sh", b"rm -rf /", "text/x-sh")),  # not a packet file: ignored
    ]
    pid = _extracted(client, files)
    page = client.get(f"/packets/{pid}")
    assert page.status_code == 200
    assert "<mark>" in page.text and "note.txt, p. 1" in page.text
    assert "Zebulon" not in page.text and "04/02/2016" not in page.text  # withheld: not shown
    assert 'value="reject"' in page.text and "<textarea" not in page.text  # no YAML to edit
    assert client.get(f"/packets/{pid}/file/pa%20form.pdf").status_code == 200
    assert client.get(f"/packets/{pid}/file/run.sh").status_code == 404
    assert client.get("/packets/..%2f..%2fweb/file/x").status_code == 404
    case = load_case(_packets(client) / pid / "case.yaml")
    assert case.requested_treatment.drug == "Tocilizumab"  # the form's, before the note's
    keys = case_fact_keys(case)
    history = next(f for f, k in keys.items() if k.startswith("prior_therapies"))
    # The writer corrects the request (IVIG for this JIA) and rejects one fact.
    started = client.post(
        f"/packets/{pid}/draft",
        data={"drug": "IVIG", "dose": "2 g/kg monthly", f"fact-{history}": "reject"},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    confirmed = load_case(_packets(client) / pid / "case.yaml")
    assert confirmed.requested_treatment.drug == "IVIG"
    assert "requested_treatment" not in confirmed.sources  # typed: no page behind it
    assert len(confirmed.prior_therapies) == len(case.prior_therapies) - 1
    assert any(d.startswith("rejected by the writer") for d in confirmed.intake.dropped)
    job_id = started.headers["location"].rsplit("/", 1)[-1]
    rid = _events(client, job_id)[-1][1]["review_id"]
    record = client.get(f"/api/reviews/{rid}").json()["record"]
    assert record["intake"]["folder"].endswith(pid)
    cited = {f["id"]: f for f in record["case_facts"] if f["source"]}
    assert cited, "the review's case facts keep their sources"
    fid = next(f for f, v in cited.items() if v["source"]["file"] == "note.txt")
    fact = client.get(f"/reviews/{rid}/facts/{fid}").json()
    assert fact["context"]["quote"] in NOTE.replace("\n", " ")
    assert fact["pdf"] == f"/reviews/{rid}/record/note.txt#page=1"
    assert client.get(f"/reviews/{rid}/record/note.txt").text.startswith("Rheumatology")
    assert client.get(f"/reviews/{rid}/record/web.sqlite").status_code == 404
    review_page = client.get(f"/reviews/{rid}").text
    assert 'class="fact" data-fact="F' in review_page


def _packets(client: TestClient) -> Path:
    return client.app.state.services.settings.web_packets_path


def test_a_case_with_blanks_is_not_drafted(client, tmp_path: Path) -> None:
    files = [
        ("files", ("labs.txt", b"Hemoglobin 9.0 g/dL\nPlatelets 450 x\nCRP 25 mg/L", "text/plain"))
    ]
    pid = _extracted(client, files)
    refused = client.post(f"/packets/{pid}/draft", data={"drug": ""})
    assert refused.status_code == 400
    assert "fill in the requested drug and a diagnosis" in refused.text


def test_an_upload_with_no_documents_is_a_page_saying_what_to_upload(client) -> None:
    html_accept = {"accept": "text/html"}
    empty = client.post("/packets", files=[("files", ("", b"", "application/octet-stream"))])
    assert empty.status_code == 400 and "Choose at least one document" in empty.text
    none = client.post("/packets", data={}, headers=html_accept)
    assert none.status_code == 400 and "Choose at least one document" in none.text
    assert not list(_packets(client).glob("*")) if _packets(client).exists() else True


def test_identifier_shaped_context_is_not_shown() -> None:
    text = "Seen today. Patient MRN: 123456 Patient DOB: 10-19-2014  DEA or TIN: AB1234563."
    assert safe_context(text) == "Seen today."  # after a quote: up to the first identifier
    assert safe_context(text, "before") == ""  # before one: from the last identifier on
    assert safe_context("MRN: 1. Plan: IVIG.", "before") == "Plan: IVIG."


def test_uploaded_names_cannot_leave_their_folder() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\boot.ini") == "boot.ini"
    assert safe_name("a;b|c.pdf") == "a_b_c.pdf"


def test_the_extractions_own_progress_reaches_the_page(client, monkeypatch) -> None:
    """When the library reports pages read, OCR pages and facts found (a callback), each
    report is a progress line of the packet's job."""
    from pipeline.cases import intake

    real = intake.extract_case

    def reporting(paths, *, on_progress=None, **kwargs):  # noqa: ANN001, ANN202
        on_progress({"pages_read": 1, "ocr_pages": 0, "facts_found": 0})
        case = real(paths, **kwargs)
        on_progress(pages_read=1, ocr_pages=0, facts_found=4)
        return case

    monkeypatch.setattr(intake, "extract_case", reporting)
    uploaded = client.post("/packets", files=[("files", ("note.txt", NOTE.encode(), "text/plain"))])
    pid = str(uploaded.url).rstrip("/").rsplit("/", 1)[-1]
    lines = [d["message"] for k, d in _events(client, pid) if k == "progress"]
    assert "1 page(s) read; 0 with OCR; 4 facts found" in lines, lines


def test_two_uploads_named_alike_are_both_kept(client) -> None:
    # Issue 27.13: "a.txt" and "../a.txt" were one name: a 500 and an orphan folder.
    files = [
        ("files", ("a.txt", NOTE.encode(), "text/plain")),
        ("files", ("../a.txt", b"Second page of the note: knee synovitis persists.", "text/plain")),
    ]
    pid = _extracted(client, files)
    assert client.get(f"/packets/{pid}/file/a.txt").status_code == 200
    assert client.get(f"/packets/{pid}/file/a%20(2).txt").status_code == 200
