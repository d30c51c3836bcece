"""`ingest --policy`, `policy list/show`, the declaration rule, document-type detection,
and version-1 review records still loading."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.sources.corpus import render_pdf
from tests.unit.test_policy_compile import POLICY

runner = CliRunner()


def test_declared_policies_compile_list_and_show(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    # No "policy" in the title: the text says what it is.
    render_pdf({"title": "Zentrafib"}, POLICY, docs / "zentrafib.pdf")
    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    store = ["--store", str(tmp_path / "store")]
    r = runner.invoke(app, ["ingest", str(docs), *store], env=env)
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["policy", "list", "--json", *store], env=env)
    assert json.loads(r.stdout) == []  # detected as a policy, but nobody declared it
    r = runner.invoke(app, ["policy", "list", "--all", "--json", *store], env=env)
    (row,) = json.loads(r.stdout)
    assert row["declared"] is None and row["indications"] == 2
    # Declared now: the unchanged file is not re-ingested, its declaration is recorded.
    r = runner.invoke(app, ["ingest", str(docs / "zentrafib.pdf"), "--policy", *store], env=env)
    assert r.exit_code == 0 and "1 unchanged" in r.output, r.output
    r = runner.invoke(app, ["policy", "list", "--json", *store], env=env)
    (row,) = json.loads(r.stdout)
    assert row["declared"].startswith("--policy flag, ")
    assert (row["indications"], row["exclusions"]) == (2, 3)
    r = runner.invoke(app, ["policy", "show", "zentrafib", *store], env=env)
    assert r.exit_code == 0, r.output
    assert "1. Grey River syndrome" in r.output and "AT LEAST 2 of" in r.output
    assert "(every use not listed)" in r.output
    r = runner.invoke(app, ["policy", "show", row["source_id"][:10], "--json", *store], env=env)
    tree = json.loads(r.stdout)
    assert tree["indications"][0]["branches"][0]["node"]["op"] == "all_of"
    r = runner.invoke(app, ["policy", "show", "nothing-like-this", *store], env=env)
    assert r.exit_code == 2 and "no document 'nothing-like-this'" in r.output


def test_policy_show_compiles_a_pdf_without_a_store(tmp_path: Path) -> None:
    render_pdf({"title": "Zentrafib"}, POLICY, tmp_path / "z.pdf")
    r = runner.invoke(
        app,
        ["policy", "show", str(tmp_path / "z.pdf"), "--json"],
        env={"NECESSITY_HOME": str(tmp_path / "home")},
    )
    assert r.exit_code == 0, r.output
    assert [i["name"] for i in json.loads(r.stdout)["indications"]][1] == "Blue Lake disease"
