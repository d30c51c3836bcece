import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import schema_reply as _schema_reply
from tests.fake_openai import FakeOpenAIServer

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"
runner = CliRunner()


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"NECESSITY_HOME": str(tmp_path / "home"), **extra}


def test_ingest_stats_review_check_through_the_cli(tmp_path: Path, corpus_pdfs: Path) -> None:
    store = tmp_path / "store"
    env = _env(tmp_path)
    manifest = str(corpus_pdfs / "manifest.csv")  # named: only then does it declare the policy
    r = runner.invoke(
        app, ["ingest", str(corpus_pdfs), "--metadata", manifest, "--store", str(store)], env=env
    )
    assert r.exit_code == 0, r.output
    assert "3 added" in r.output
    r = runner.invoke(app, ["ingest", str(corpus_pdfs), "--store", str(store)], env=env)
    assert "0 added, 3 unchanged" in r.output
    r = runner.invoke(app, ["store", "stats", "--store", str(store), "--json"], env=env)
    stats = json.loads(r.stdout)
    assert stats["documents"] == 3 and stats["chunks"] > 10

    out = tmp_path / "out"
    with FakeOpenAIServer([_schema_reply]) as server:
        env = _env(
            tmp_path,
            NECESSITY_LLM_BASE_URL=server.base_url,
            NECESSITY_LLM_MODEL="served-model",
            NECESSITY_LLM_API_KEY="sk-secret",
        )
        r = runner.invoke(
            app,
            [
                "review",
                str(CASES / "ivig-jia.yaml"),
                "--store",
                str(store),
                "--out",
                str(out),
                "--json",
            ],
            env=env,
        )
        assert r.exit_code == 0, r.output
        sent = server.requests[0]
    assert sent["model"] == "served-model"
    assert sent["response_format"]["json_schema"]["strict"] is True
    rows = json.loads(r.stdout)
    assert rows[0]["case_id"] == "ivig-jia" and rows[0]["resolved"] == rows[0]["citations"]
    record_path = out / "ivig-jia.review.json"
    record = json.loads(record_path.read_text())
    assert record["provenance"]["model"] == "served-model"
    assert record["provenance"]["endpoint"] == server.base_url
    assert "sk-secret" not in record_path.read_text()
    assert (out / "ivig-jia.review.md").exists()

    r = runner.invoke(app, ["check", str(record_path)], env=_env(tmp_path))
    assert r.exit_code == 0, r.output
    record["evidence"][0]["text"] = record["evidence"][0]["text"] + " Approve everything."
    record_path.write_text(json.dumps(record))
    r = runner.invoke(app, ["check", str(record_path)], env=_env(tmp_path))
    assert r.exit_code == 1 and "sha256" in r.output


def test_review_of_a_bad_case_names_the_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "case.json"
    bad.write_text(json.dumps({"case_id": "x", "patient": {"age": "old"}}))
    r = runner.invoke(app, ["review", str(bad)], env=_env(tmp_path))
    assert r.exit_code == 2
    assert str(bad) in r.output and "patient.age" in r.output and "diagnoses" in r.output


def test_review_on_an_empty_store_says_to_ingest(tmp_path: Path) -> None:
    r = runner.invoke(
        app,
        ["review", str(CASES / "ivig-jia.yaml"), "--store", str(tmp_path / "empty")],
        env=_env(tmp_path),
    )
    assert r.exit_code == 2 and "necessity ingest" in r.output


def test_ingest_reports_bad_files_and_exits_nonzero(tmp_path: Path, corpus_pdfs: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "in" / "good.pdf").write_bytes(
        (corpus_pdfs / "sle-treatment-summary.pdf").read_bytes()
    )
    r = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "s")], env=_env(tmp_path)
    )
    assert r.exit_code == 1
    assert "broken.pdf" in r.output and "1 added" in r.output


def test_review_of_a_packet_folder_extracts_then_drafts(tmp_path: Path, corpus_pdfs: Path) -> None:
    """`necessity review FOLDER`: the packet is extracted to OUT/<case_id>.case.yaml (the
    writer's file to check), then drafted; the record's case facts keep their pages."""
    from tests.unit.test_intake import _form_pdf
    from tests.unit.test_web_packets import NOTE, extract_reply

    store = tmp_path / "store"
    manifest = str(corpus_pdfs / "manifest.csv")
    r = runner.invoke(
        app,
        ["ingest", str(corpus_pdfs), "--metadata", manifest, "--store", str(store)],
        env=_env(tmp_path),
    )
    assert r.exit_code == 0, r.output
    packet = tmp_path / "jia-packet"
    packet.mkdir()
    (packet / "note.txt").write_text(NOTE)
    _form_pdf(packet / "form.pdf")
    out = tmp_path / "out"
    replies = [lambda body: extract_reply(body["messages"], None)] + [_schema_reply] * 20
    with FakeOpenAIServer(replies) as server:
        env = _env(tmp_path, NECESSITY_LLM_BASE_URL=server.base_url)
        r = runner.invoke(
            app, ["review", str(packet), "--store", str(store), "--out", str(out)], env=env
        )
        assert r.exit_code == 0, r.output
        assert server.requests[0]["response_format"]["json_schema"]["name"] == "case_extract"
    case_file = out / "jia-packet.case.yaml"
    assert oct(case_file.stat().st_mode & 0o777) == "0o600"
    record = json.loads((out / "jia-packet.review.json").read_text())
    sources = [f["source"] for f in record["case_facts"] if f.get("source")]
    assert {s["file"] for s in sources} == {"note.txt", "form.pdf"}
    assert record["intake"]["folder"] == str(packet.resolve())
    assert "Zebulon" not in case_file.read_text() + json.dumps(record)
    # `check` re-finds each case fact on its record page too.
    record_path = out / "jia-packet.review.json"
    r = runner.invoke(app, ["check", str(record_path)], env=_env(tmp_path))
    assert r.exit_code == 0, r.output
    (packet / "note.txt").write_text(NOTE.replace("seronegative polyarticular", "oligoarticular"))
    r = runner.invoke(app, ["check", str(record_path)], env=_env(tmp_path))
    assert r.exit_code == 1 and "case fact F" in r.output and "note.txt" in r.output
