"""Finishing a review, in one place: validation (with citation repair and dropping what
stays unsupported when the review is fresh), the verdict, references and headline.

Every caller uses it: the draft step (``repair=True``), `necessity check` and the web
editor's re-check (``repair=False``: a writer's own words and citations are checked, never
rewritten), and the grounding eval (on a copy). The verdict comes from the policy worksheet
(record v2) or, for version-1 records, from the rule over their validated criteria; when it
changes, the caller hears it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.check.judge import SupportJudge
from pipeline.check.validate import drop_unsupported, repair_citations, validate
from pipeline.check.verdict import decide, recommendation_for
from pipeline.models import Document, Review
from pipeline.render import VERDICT_WORDS
from pipeline.settings import Settings


@dataclass
class Finished:
    verdict_before: str
    verdict: str
    repaired: int = 0
    dropped: int = 0

    @property
    def verdict_changed(self) -> bool:
        return self.verdict_before != self.verdict


def finalize(
    review: Review,
    judge: SupportJudge,
    settings: Settings,
    documents: dict[str, Document],
    *,
    repair: bool = False,
) -> Finished:
    from pipeline.review import apply_decision, build_references

    before = review.verdict
    threshold = settings.validation.support_threshold
    validate(review, threshold, judge=judge)
    repaired = dropped = 0
    if repair:
        repaired = repair_citations(review, judge)
        if repaired:
            validate(review, threshold, judge=judge)
        dropped = drop_unsupported(review)
        if dropped:
            validate(review, threshold, judge=judge)
    if review.policy is not None:
        apply_decision(review, review.policy, settings.deny_requires_peer_review)
    else:  # a version-1 record: its validated criteria decided
        review.verdict, _, review.verdict_rule = decide(
            review.criteria, settings.deny_requires_peer_review
        )
        review.recommendation = recommendation_for(
            review.verdict, settings.deny_requires_peer_review
        )
    review.references = build_references(review, documents)
    if before != review.verdict and VERDICT_WORDS[before] in review.headline:
        review.headline = review.headline.replace(
            VERDICT_WORDS[before], VERDICT_WORDS[review.verdict]
        )
    return Finished(before, review.verdict, repaired, dropped)
