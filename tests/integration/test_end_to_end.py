"""The real embedded model, end to end, through the CLI a user runs. Asserts structure and
citation validity, never a particular verdict: a 1.5B model's judgment is not the contract."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.check.validate import verify_evidence
from pipeline.cli import app
from pipeline.models import Review
from tests.conftest import ACR, REPO

runner = CliRunner()
pytestmark = pytest.mark.slow


def test_real_embedded_model_drafts_a_checked_review(
    tmp_path: Path, corpus_pdfs: Path, caplog
) -> None:
    # The default GGUF is joined once per machine; share it with the test's home.
    home = tmp_path / "home"
    models = REPO / ".necessity" / "cache" / "models"
    if models.exists():
        (home / "cache").mkdir(parents=True)
        (home / "cache" / "models").symlink_to(models.resolve())
    env = {"NECESSITY_HOME": str(home)}
    store = tmp_path / "store"
    manifest = str(corpus_pdfs / "manifest.csv")  # named: only then does it declare the policy
    r = runner.invoke(
        app, ["ingest", str(corpus_pdfs), "--metadata", manifest, "--store", str(store)], env=env
    )
    assert r.exit_code == 0, r.output
    out = tmp_path / "out"
    case = REPO / "corpus" / "cases" / "ivig-jia.yaml"
    r = runner.invoke(
        app, ["review", str(case), "--store", str(store), "--out", str(out), "--json"], env=env
    )
    assert r.exit_code == 0, r.output
    review = Review.model_validate_json((out / "ivig-jia.review.json").read_text())
    assert review.provenance.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert review.provenance.endpoint.startswith("http://127.0.0.1:")
    assert not review.provenance.remote_endpoint
    assert review.evidence and all(verify_evidence(e) is None for e in review.evidence)
    v = review.validation
    # Compose mode (the default): every source statement is its cited sentence, verbatim.
    evidence = {e.id: e for e in review.evidence}
    quoted = [st for s in review.sections if s.key != "application" for st in s.statements]
    assert quoted and all(st.text == evidence[st.citations[0]].text for st in quoted)
    assert review.provenance.prompt_version == "review-select@1"
    assert v.evidence_verbatim == v.evidence_checked == len(review.evidence)
    kept = [st for s in review.sections for st in s.statements]
    assert all(st.supported and st.citations for st in kept)  # only checked claims remain
    assert v.supported_statements + v.unsupported_statements == len(kept) + len(v.dropped)
    assert all(d.problems for d in v.dropped)  # each removal says why
    # The declared policy's worksheet decides; the model's drafted criteria never do.
    assert review.policy is not None and review.verdict == review.policy.verdict
    assert review.policy.policy_title and review.verdict_rule == review.policy.rule
    assert review.references[0].source_id == review.policy.policy_source_id
    r = runner.invoke(app, ["check", str(out / "ivig-jia.review.json")], env=env)
    assert r.exit_code == 0, r.output
    # The case text stays out of logs by default.
    assert "metacarpophalangeal" not in caplog.text


def test_real_model_judges_policy_criteria(tmp_path: Path, corpus_pdfs: Path) -> None:
    """The criterion judge on the real embedded model: short schema-constrained calls whose
    answers are checked (structure only; the model's judgment is measured in evals)."""
    from pipeline.cases import load_case
    from pipeline.llm import open_llm
    from pipeline.policy.compile import compile_policy
    from pipeline.policy.decide import apply_policy
    from pipeline.settings import load_settings

    home = tmp_path / "home"
    models = REPO / ".necessity" / "cache" / "models"
    if models.exists():
        (home / "cache").mkdir(parents=True)
        (home / "cache" / "models").symlink_to(models.resolve())
    settings = load_settings(home=home)
    tree = compile_policy(corpus_pdfs / "sample-ivig-policy.pdf", source_id="s" * 64, title="IG")
    case = load_case(REPO / "corpus" / "cases" / "ivig-sle.yaml")
    # the response in words no reader ties to the drug, so the model is asked
    case.history = [
        "Her legs are stronger since the monthly infusions began." if "stronger" in h else h
        for h in case.history
    ]
    with open_llm(settings) as client:
        decision = apply_policy(case, [tree], client)
    assert decision.branch == "continuation" and decision.llm_calls >= 1
    facts = {f"F{i}" for i in range(1, 20)}
    judged = [j for j in decision.judgments if j.method == "model"]
    assert len(judged) == decision.llm_calls
    for j in judged:
        assert j.status in {"met", "not_met", "not_documented"}
        assert set(j.facts) <= facts
        # A status the checks did not accept is downgraded with its reason kept.
        assert j.status != "not_documented" or not j.facts
    assert decision.verdict in {
        "medically_necessary",
        "not_medically_necessary",
        "insufficient_information",
    }


@pytest.mark.shared
def test_acr_guideline_ingest_keeps_page_provenance(tmp_path: Path, needs_shared: Path) -> None:
    folder = tmp_path / "acr"
    folder.mkdir()
    for name in ("jia-guideline-2021.pdf", "lupus-nephritis-guideline-summary-2024.pdf"):
        shutil.copy(ACR / name, folder / name)  # a link out of the folder is not followed
    shutil.copy(ACR / "metadata.csv", folder / "metadata.csv")
    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    store = tmp_path / "store"
    r = runner.invoke(app, ["ingest", str(folder), "--store", str(store)], env=env)
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["store", "stats", "--store", str(store), "--json"], env=env)
    stats = json.loads(r.stdout)
    assert stats["documents"] == 2 and stats["chunks"] > 50

    from pipeline.models import Evidence
    from pipeline.sources.store import open_store

    db = open_store(store)
    titles = {d.title for d in db.documents()}
    assert any(t.startswith("2021 American College of Rheumatology Guideline") for t in titles)
    hits = db.query(db.embedder.embed(["IVIG for macrophage activation syndrome"])[0], 5)
    assert hits
    for chunk, _ in hits:
        ev = Evidence(
            id="E1",
            chunk_id=chunk.id,
            source_id=chunk.source_id,
            file=chunk.file,
            page=chunk.page,
            text=chunk.text,
        )
        assert verify_evidence(ev) is None
        assert not db.embedder.truncates(chunk.text)
