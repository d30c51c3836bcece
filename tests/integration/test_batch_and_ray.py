"""review-batch (resumable, failures reported, summary CSV) and the Ray executor on a local
Ray instance: ingest fanned out to Ray tasks, batch review with each task calling the
OpenAI-compatible endpoint over HTTP."""

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch import run_batch
from pipeline.cli import app
from pipeline.runtime import Pipeline
from pipeline.sources.ingest import ingest
from pipeline.sources.store import open_store
from tests.conftest import FakeLLM, plain_draft
from tests.conftest import schema_reply as _schema_reply
from tests.fake_openai import FakeOpenAIServer

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"
runner = CliRunner()


def _cases(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("ivig-jia.yaml", "ivig-sle.yaml"):
        shutil.copy(CASES / name, folder)
    (folder / "broken.yaml").write_text("case_id: broken\nquestion: [unclosed\n")
    return folder


def _summary(out: Path) -> list[dict]:
    with (out / "summary.csv").open() as handle:
        return list(csv.DictReader(handle))


def test_batch_reports_a_bad_case_goes_on_and_resumes(
    sample_store, session_settings, tmp_path: Path
) -> None:
    settings = session_settings.model_copy(update={"out": tmp_path / "out"})
    folder = _cases(tmp_path)
    cases = sorted(folder.iterdir())
    fake = FakeLLM([plain_draft] * 2)
    with Pipeline.open(settings, llm=fake, store=sample_store) as pipeline:
        rows = run_batch(cases, pipeline, workers=2)
    by_status = {r.case_file.rsplit("/", 1)[-1]: r.status for r in rows}
    assert by_status == {"broken.yaml": "failed", "ivig-jia.yaml": "done", "ivig-sle.yaml": "done"}
    broken = next(r for r in rows if r.status == "failed")
    assert "broken.yaml" in broken.error
    assert {r["status"] for r in _summary(settings.out)} == {"done", "failed"}
    assert len(_summary(settings.out)) == 3
    assert (settings.out / "ivig-jia.review.json").exists()
    # Resume: finished cases are skipped (no LLM call), the bad one is tried again.
    with Pipeline.open(settings, llm=FakeLLM(), store=sample_store) as pipeline:
        again = run_batch(cases, pipeline, workers=1)
    assert sorted(r.status for r in again) == ["failed", "skipped", "skipped"]
    assert [r["status"] for r in _summary(settings.out)].count("skipped") == 2


@pytest.fixture(scope="module")
def ray_local():  # noqa: ANN201
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'necessity[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_ingest_and_batch_review(ray_local, corpus_pdfs, tmp_path: Path) -> None:
    from pipeline import assets
    from pipeline.executors import RayExecutor
    from pipeline.settings import load_settings

    settings = load_settings(home=tmp_path / "home", out=tmp_path / "out")
    settings.ensure_home()
    assets.ensure_tiktoken(settings.cache_dir, settings.chunk.encoding)
    store = open_store(settings.store_path)
    executor = RayExecutor("local")
    assert executor.remote
    report = ingest([corpus_pdfs], store, settings, executor=executor)
    assert report.count("added") == 3 and not report.failed
    assert store.stats()["chunks"] == sum(r.chunks for r in report.results) > 0
    assert set(store.lexical().ids) == set(store.collection.get(include=[])["ids"])

    folder = _cases(tmp_path)
    with FakeOpenAIServer([_schema_reply] * 8) as server:
        result = runner.invoke(
            app,
            ["review-batch", str(folder), "--executor", "ray", "--workers", "2", "--json"],
            env={
                "NECESSITY_HOME": str(tmp_path / "home"),
                "NECESSITY_OUT": str(tmp_path / "out"),
                "NECESSITY_LLM_BASE_URL": server.base_url,
                "NECESSITY_LLM_MODEL": "fake",
            },
        )
        kinds = [q["response_format"]["json_schema"]["name"] for q in server.requests]
    assert result.exit_code == 1, result.output  # the broken case fails the batch...
    rows = json.loads(result.stdout)
    assert sorted(r["status"] for r in rows) == ["done", "done", "failed"]  # ...not the others
    assert [k for k in kinds if k != "judgment"] == ["section_selection"] * 2  # one per case
    record = json.loads((tmp_path / "out" / "ivig-sle.review.json").read_text())
    v = record["validation"]
    assert record["provenance"]["model"] == "fake" and v["citations"] == v["resolved"] > 0
