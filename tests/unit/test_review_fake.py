import json
from pathlib import Path

from pipeline.cases import load_case
from pipeline.models import Review
from pipeline.review import run_review
from pipeline.verdict import decide
from tests.conftest import FakeLLM, citation_ids

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def copy_first_passage(messages, schema):
    """A scripted model that quotes the first passage it was shown and cites it."""
    ids = citation_ids(schema, "rationale")
    user = messages[1]["content"]
    first = user.split("<<<\n", 1)[1].split("\n>>>", 1)[0]
    sentence = first.split(". ")[0][:200].encode("ascii", "ignore").decode()
    return {
        "rationale": [{"text": sentence, "citations": [ids[0]]}],
        "evidence": [{"text": "Glucose is a sugar found in lemonade.", "citations": [ids[-1]]}],
        "application": [{"text": "The patient is a 14-year-old male.", "citations": ["F1"]}],
        "alternatives": [],
        "pitfalls": [],
        "documentation_to_request": ["F2", "Records of prior methotrexate trials"],
        "verdict": "not_medically_necessary",
    }


def test_review_record_v1_from_a_scripted_model(
    sample_store, session_settings, tmp_path: Path
) -> None:
    case = load_case(CASES / "ivig-jia.yaml")
    fake = FakeLLM([copy_first_passage])
    out = run_review(case, sample_store, fake, session_settings, tmp_path)
    record = json.loads(out.json_path.read_text())
    for key in (
        "case_id",
        "verdict",
        "recommendation",
        "sections",
        "evidence",
        "references",
        "validation",
        "provenance",
    ):
        assert key in record
    for key in ("citations", "resolved", "supported_statements", "unsupported_statements"):
        assert isinstance(record["validation"][key], int)
    for key in ("model", "endpoint", "prompt_version", "embedder", "store", "created_at"):
        assert record["provenance"][key]
    review = Review.model_validate(record)
    ids = {e.id for e in review.evidence}
    assert all(
        c in ids or c.startswith("F")
        for s in review.sections
        for st in s.statements
        for c in st.citations
    )
    assert all(e.page >= 1 and e.text for e in review.evidence)
    assert review.provenance.passages and all(p["sha256"] for p in review.provenance.passages)
    rationale = review.sections[0].statements[0]
    assert rationale.supported, rationale.problems
    lemonade = review.sections[1].statements[0]
    assert not lemonade.supported
    assert review.documentation_to_request == ["Records of prior methotrexate trials"]
    assert review.references and review.references[0].n == 1
    md = out.md_path.read_text()
    assert "## Guideline-Based Rationale" in md and "unsupported" in md and "## References" in md
    # No passage that is a reference list reaches the model.
    assert not any("et al." in e.text and ";" in e.text for e in review.evidence)


def test_unsupported_claims_cannot_carry_the_verdict(
    sample_store, session_settings, tmp_path: Path
) -> None:
    def only_bad_claims(messages, schema):
        ids = citation_ids(schema, "rationale")
        return {
            "rationale": [{"text": "Lemonade cures arthritis.", "citations": [ids[0]]}],
            "evidence": [],
            "application": [{"text": "Male.", "citations": ["F1"]}],
            "alternatives": [],
            "pitfalls": [],
            "documentation_to_request": [],
            "verdict": "medically_necessary",
        }

    case = load_case(CASES / "ivig-jia.yaml")
    out = run_review(case, sample_store, FakeLLM([only_bad_claims]), session_settings, tmp_path)
    assert out.review.provenance.model_verdict == "medically_necessary"
    assert out.review.verdict == "insufficient_information"
    assert out.review.recommendation == "send_to_peer_review"


def test_recommendation_rule() -> None:
    assert decide("insufficient_information", [])[:2] == (
        "insufficient_information",
        "send_to_peer_review",
    )
    assert decide("not_medically_necessary", [], deny_requires_peer_review=False)[0] == (
        "insufficient_information"
    )
