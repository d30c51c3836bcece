"""The runtime assembled once (Pipeline) and the one finish step (finalize)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cases import load_case
from pipeline.models import Criterion, Intake, Review
from pipeline.runtime import Pipeline, PipelineError
from tests.conftest import FakeLLM, plain_draft
from tests.fakes import HashingEmbedder, InMemoryStore

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def test_pipeline_reviews_with_injected_parts(sample_store, session_settings) -> None:
    llm = FakeLLM([plain_draft])
    with Pipeline.open(session_settings, llm=llm, store=sample_store) as pipeline:
        pipeline.require_chunks()
        review = pipeline.review(load_case(CASES / "ivig-jia.yaml"))
        judge = pipeline.judge
        assert pipeline.judge is judge  # built once, reused by every review and re-check
    assert review.policy is not None and review.verdict == review.policy.verdict
    assert [c["name"] for c in llm.calls] == ["review_draft"]


def test_an_empty_store_is_refused_once_for_every_caller(session_settings, tmp_path) -> None:
    settings = session_settings.model_copy(update={"store": tmp_path / "empty"})
    empty = InMemoryStore(tmp_path / "empty", HashingEmbedder())
    with pytest.raises(PipelineError, match="is empty; run `necessity ingest` first"):
        Pipeline.open(settings, store=empty).require_chunks()


def _v1_record(valid_source: bool) -> Review:
    """A version-1 record: its criteria decided, and say so in the headline."""
    return Review.model_validate(
        {
            "record_version": "1",
            "case_id": "c1",
            "headline": "IVIG is NOT medically necessary for JIA",
            "verdict": "not_medically_necessary",
            "recommendation": "send_to_peer_review",
            "sections": [],
            "criteria": [
                Criterion(
                    text="IVIG is not covered for juvenile arthritis",
                    kind="exclusion",
                    status="met",
                    sources=["E1.1"] if valid_source else ["E9.9"],
                    facts=["F1"],
                ).model_dump()
            ],
            "case_facts": [{"id": "F1", "text": "Diagnosis: juvenile arthritis."}],
            "evidence": [],
            "references": [],
            "validation": {},
            "provenance": {
                "model": "m",
                "endpoint": "e",
                "prompt_version": "p@1",
                "embedder": "x",
                "store": "s",
                "created_at": "2025-01-01T00:00:00+00:00",
            },
        }
    )


def test_recheck_rederives_the_verdict_and_says_when_it_changed(session_settings) -> None:
    pipeline = Pipeline.open(session_settings)
    review = _v1_record(valid_source=False)  # its only criterion cites nothing real
    finished = pipeline.recheck(review, documents={})
    assert finished.verdict_changed
    assert (finished.verdict_before, review.verdict) == (
        "not_medically_necessary",
        "insufficient_information",
    )
    assert review.headline == "IVIG cannot be determined from the information available for JIA"
    assert pipeline._store is None  # a record is re-checked without opening any store


def test_version_1_records_still_load() -> None:
    review = _v1_record(valid_source=True)
    assert review.record_version == "1" and review.policy is None
    assert Review.model_fields["record_version"].default == "2"


def test_every_recheck_finds_the_worksheet_and_packet_sources(session_settings, tmp_path) -> None:
    """`necessity check`, the web re-check and the grounding eval share one re-check: it
    looks for the worksheet's policy file and the packet folder a record names."""
    from pipeline.evals.grounding import record_metrics
    from pipeline.policy.models import PolicyDecision

    review = _v1_record(valid_source=True)
    review.policy = PolicyDecision(
        policy_file=str(tmp_path / "gone-policy.pdf"),
        verdict="insufficient_information",
        rule="no indication matched",
    )
    review.intake = Intake(extractor="test", folder=str(tmp_path / "gone-packet"))
    with Pipeline.open(session_settings) as pipeline:
        pipeline.recheck(review, documents={})
        problems = review.validation.problems
        assert any("gone-policy.pdf: cannot be read" in p for p in problems), problems
        assert any("packet folder" in p and "is not here" in p for p in problems), problems
        # Checked again, the problems are found again, not piled up.
        pipeline.recheck(review, documents={})
        assert review.validation.problems == problems
        # The grounding eval grades through the same re-check, on a copy.
        before = review.model_dump()
        assert record_metrics(review, pipeline.judge, session_settings)["statements"] == 0
        assert review.model_dump() == before
