"""The verdict comes from a rule over validated criteria, not from the model's say-so.

Only criteria whose source sentences were verified and judged to state them count:
- an exclusion that applies, or a required criterion not met → not_medically_necessary;
- at least one required criterion, all met, none undocumented → medically_necessary;
- anything else (no valid criteria, some undocumented) → insufficient_information.
The recommendation follows from the verdict; a denial goes to a physician peer reviewer
unless configured otherwise.
"""

from __future__ import annotations

from pipeline.models import Criterion, Recommendation, Verdict


def decide(
    criteria: list[Criterion], deny_requires_peer_review: bool = True
) -> tuple[Verdict, Recommendation, str]:
    """(verdict, recommendation, the rule that fired)."""
    valid = [c for c in criteria if c.valid]
    exclusions = [c for c in valid if c.kind == "exclusion" and c.status == "met"]
    required = [c for c in valid if c.kind == "required"]
    unmet = [c for c in required if c.status == "not_met"]
    undocumented = [c for c in required if c.status == "not_documented"]
    verdict: Verdict
    if exclusions:
        verdict, rule = (
            "not_medically_necessary",
            (f"exclusion applies: {exclusions[0].text} ({', '.join(exclusions[0].sources)})"),
        )
    elif unmet:
        verdict, rule = (
            "not_medically_necessary",
            (f"required criterion not met: {unmet[0].text} ({', '.join(unmet[0].sources)})"),
        )
    elif required and not undocumented:
        verdict, rule = (
            "medically_necessary",
            (f"all {len(required)} required criteria met with cited support"),
        )
    elif undocumented:
        verdict, rule = (
            "insufficient_information",
            (f"{len(undocumented)} required criteria not documented"),
        )
    elif criteria:
        first = next((c for c in criteria if c.problems), criteria[0])
        verdict, rule = (
            "insufficient_information",
            f"no criterion survived validation (first: {'; '.join(first.problems)})",
        )
    else:
        verdict, rule = (
            "insufficient_information",
            ("the retrieved sources hold no coverage criteria for this treatment and indication"),
        )
    return verdict, recommendation_for(verdict, deny_requires_peer_review), rule


def recommendation_for(verdict: Verdict, deny_requires_peer_review: bool = True) -> Recommendation:
    """Approve what is necessary; a denial or an open question goes to a physician."""
    if verdict == "medically_necessary":
        return "approve"
    if verdict == "not_medically_necessary" and not deny_requires_peer_review:
        return "deny"
    return "send_to_peer_review"
