"""The verdict and recommendation come from rules over validated statements, not from the
model's say-so: a claim that failed validation cannot carry a decision."""

from __future__ import annotations

from pipeline.models import Recommendation, Section, Verdict

DECISIVE_SECTIONS = {"rationale", "evidence"}


def decide(
    model_verdict: Verdict, sections: list[Section], deny_requires_peer_review: bool = True
) -> tuple[Verdict, Recommendation, str]:
    """(verdict, recommendation, reason)."""
    supported = sum(
        1 for s in sections if s.key in DECISIVE_SECTIONS for st in s.statements if st.supported
    )
    if model_verdict != "insufficient_information" and supported == 0:
        verdict: Verdict = "insufficient_information"
        reason = (
            "the draft proposed a decision but none of its rationale statements is "
            "supported by a verified source passage"
        )
    else:
        verdict = model_verdict
        reason = f"{supported} supported rationale/evidence statement(s)"
    if verdict == "medically_necessary":
        rec: Recommendation = "approve"
    elif verdict == "not_medically_necessary":
        rec = "send_to_peer_review" if deny_requires_peer_review else "deny"
    else:
        rec = "send_to_peer_review"
    return verdict, rec, reason
