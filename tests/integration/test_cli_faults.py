"""A failed case through the CLI on a real store: reported, the finished ones kept, and
the failed one resumed alone."""

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.fake_openai import FakeOpenAIServer, Fault

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def test_a_failed_case_is_reported_and_finished_ones_kept(
    tmp_path: Path, corpus_pdfs: Path, real_store
) -> None:
    from tests.conftest import schema_reply as _schema_reply

    out = tmp_path / "out"
    env = {"NECESSITY_HOME": str(tmp_path / "home"), "NECESSITY_LLM__RETRIES": "2"}
    both_cases = [
        "review",
        str(CASES / "ivig-jia.yaml"),
        str(CASES / "ivig-sle.yaml"),
        "--store",
        str(real_store.path),
        "--out",
        str(out),
    ]

    def review(server: FakeOpenAIServer, *extra: str):  # noqa: ANN202
        return CliRunner().invoke(
            app, [*both_cases, *extra], env={**env, "NECESSITY_LLM_BASE_URL": server.base_url}
        )

    replies = [_schema_reply] + [lambda b: Fault(status=503)] * 3
    with FakeOpenAIServer(replies) as server:
        r = review(server)
    assert r.exit_code == 1
    assert "FAILED    ivig-sle" in r.output and "HTTP 503" in r.output
    assert (out / "ivig-jia.review.json").exists()
    assert not (out / "ivig-sle.review.json").exists()
    # Resume: the finished case is kept, only the failed one is judged and drafted again.
    with FakeOpenAIServer([_schema_reply] * 8) as server:
        r = review(server, "--skip-existing", "--json")
        kinds = [q["response_format"]["json_schema"]["name"] for q in server.requests]
        drafting = [k for k in kinds if k != "judgment"]
        assert drafting == ["section_selection"], kinds
    assert r.exit_code == 0, r.output
    assert [row["case_id"] for row in json.loads(r.stdout)] == ["ivig-jia", "ivig-sle"]
