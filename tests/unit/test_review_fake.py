import json
from pathlib import Path

from pipeline.cases import load_case
from pipeline.check.verdict import decide
from pipeline.models import Criterion, Review
from tests.conftest import FakeLLM, draft, find_sentence, review_to, sentences

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def careful_model(messages, schema):
    """A scripted model that does what the prompt asks: finds the exclusion, quotes it."""
    excl, excl_text = find_sentence(messages, "Juvenile idiopathic arthritis and juvenile")
    mtx, mtx_text = find_sentence(messages, "Methotrexate is the preferred first drug")
    return draft(
        criteria=[
            {
                "text": "IVIG is not covered for juvenile idiopathic arthritis of any type "
                "(ICD-10 M08.00 to M08.99)",
                "kind": "exclusion",
                "sources": [excl],
                "status": "met",
                "facts": ["F2"],
            }
        ],
        rationale=[{"text": excl_text[:200], "quote": excl_text[:60], "citations": [excl]}],
        evidence=[
            {
                "text": "Glucose is a sugar found in lemonade.",
                "quote": "Glucose",
                "citations": [mtx],
            }
        ],
        alternatives=[{"text": mtx_text, "quote": mtx_text[:40], "citations": [mtx]}],
        documentation_to_request=["F2", "Records of prior methotrexate trials"],
        verdict="medically_necessary",  # the rule, not this, decides
    )


def test_review_record_v2_from_a_scripted_model(
    sample_store, session_settings, tmp_path: Path
) -> None:
    case = load_case(CASES / "ivig-jia.yaml")
    out = review_to(case, sample_store, FakeLLM([careful_model]), session_settings, tmp_path)
    record = json.loads(out.json_path.read_text())
    assert record["record_version"] == "2"
    for key in (
        "case_id",
        "policy",
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
    assert all(e.page >= 1 and e.text and e.passage for e in review.evidence)
    assert all(p["sentences"] for p in review.provenance.passages)
    rationale = review.sections[0].statements[0]
    assert rationale.supported, rationale.problems
    # The unsupported claim is out of the review and listed in the validation block.
    assert review.sections[1].statements == []
    lemonade = review.validation.dropped[0]
    assert lemonade.section == "evidence" and lemonade.text.startswith("Glucose")
    assert review.validation.unsupported_statements >= 1
    # The declared policy's worksheet decides: its exclusion names the case's ICD-10 code.
    policy = review.policy
    assert policy is not None and policy.verdict == review.verdict == "not_medically_necessary"
    assert policy.exclusions[0].status == "met" and "M08.00 to M08.99" in policy.exclusions[0].text
    assert review.recommendation == "send_to_peer_review"
    assert review.verdict_rule.startswith("exclusion applies (policy page 2)")
    assert review.documentation_to_request == ["Records of prior methotrexate trials"]
    # The policy that decided is reference 1, with the page of its exclusion.
    assert review.references[0].source_id == policy.policy_source_id
    assert review.references[0].pages == [2]
    md = out.md_path.read_text()
    for heading in ("## Policy Worksheet", "## Guideline-Based Rationale", "## References"):
        assert heading in md
    assert md.index("## Policy Worksheet") < md.index("## Guideline-Based Rationale")
    assert "## Statements Removed by Validation" in md and "Glucose" in md
    # No reference-list text reaches the model.
    assert not any("et al." in e.text and ";" in e.text for e in review.evidence)


def test_model_drafted_criteria_never_decide(
    sample_store, session_settings, tmp_path: Path
) -> None:
    """A criterion the model drafts from retrieved text, valid or not, and the model's own
    verdict are recorded; the policy worksheet alone decides (here: every criterion met by
    rule, against the model's denial)."""

    def wishful(messages, schema):
        sid, text = next(iter(sentences(messages).items()))
        return draft(
            criteria=[
                {
                    "text": text[:150],
                    "kind": "required",
                    "sources": [sid],
                    "status": "not_met",
                    "facts": ["F2"],
                }
            ],
            rationale=[{"text": text[:200], "quote": text[:30], "citations": [sid]}],
            verdict="not_medically_necessary",
        )

    case = load_case(CASES / "ivig-sle.yaml")
    llm = FakeLLM([wishful])  # criterion judgments: unscripted, "cannot tell"
    out = review_to(case, sample_store, llm, session_settings, tmp_path)
    review = out.review
    assert review.provenance.model_verdict == "not_medically_necessary"
    assert review.criteria and review.criteria[0].status == "not_met"
    # "met the initial criteria (A)" is a reference: the case's "Meets the insurer's
    # criteria" settles it by rule, and "improvement on IVIG" the clinical response; the
    # model is asked only for the draft.
    assert [c["name"] for c in llm.calls] == ["review_draft"]
    assert review.policy is not None and review.policy.branch == "continuation"
    reference = review.policy.judgments[1]
    assert reference.status == "met" and reference.method == "rule" and reference.facts
    assert all(j.method in ("rule", "tree") for j in review.policy.judgments)
    assert review.verdict == "medically_necessary"
    assert review.recommendation == "approve"
    assert review.documentation_to_request[:2] == [
        f"Documentation that: {m}" for m in review.policy.missing
    ]


def _crit(kind: str, status: str, valid: bool = True) -> Criterion:
    return Criterion(text="c", kind=kind, status=status, valid=valid)  # type: ignore[arg-type]


def test_verdict_rule() -> None:
    assert decide([])[:2] == ("insufficient_information", "send_to_peer_review")
    assert decide([_crit("exclusion", "met")])[0] == "not_medically_necessary"
    assert decide([_crit("exclusion", "met")], deny_requires_peer_review=False)[1] == "deny"
    assert decide([_crit("required", "met"), _crit("required", "not_met")])[0] == (
        "not_medically_necessary"
    )
    assert decide([_crit("required", "met"), _crit("exclusion", "not_met")])[:2] == (
        "medically_necessary",
        "approve",
    )
    assert decide([_crit("required", "met"), _crit("required", "not_documented")])[0] == (
        "insufficient_information"
    )
    assert decide([_crit("exclusion", "met", valid=False)])[0] == "insufficient_information"
