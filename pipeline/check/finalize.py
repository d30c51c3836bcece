"""Finishing a review, in one place: validation (with citation repair and dropping what
stays unsupported when the review is fresh), the verdict, references and headline.

Every caller uses it: the draft step (``finalize(repair=True)``), and every re-check
through ``recheck`` (``repair=False``: a writer's own words and citations are checked, never
rewritten): `necessity check`, the web editor's re-check and the grounding eval (on a copy).
A re-check also finds each policy worksheet row on its page and each packet fact on its
record page. The verdict comes from the policy worksheet (record v2) or, for version-1
records, from the rule over their validated criteria; when it changes, the caller hears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.cases.intake import check_sources
from pipeline.check.validate import drop_unsupported, repair_citations, validate
from pipeline.check.verdict import decide, recommendation_for
from pipeline.models import Document, Reference, Review
from pipeline.policy.library import verify_worksheet
from pipeline.policy.models import PolicyDecision
from pipeline.ports import Judge
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
    judge: Judge,
    settings: Settings,
    documents: dict[str, Document],
    *,
    repair: bool = False,
) -> Finished:
    before = review.verdict
    validate(review, judge)
    repaired = dropped = 0
    if repair:
        repaired = repair_citations(review, judge)
        if repaired:
            validate(review, judge)
        dropped = drop_unsupported(review)
        if dropped:
            validate(review, judge)
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


def recheck(
    review: Review, judge: Judge, settings: Settings, documents: dict[str, Document]
) -> Finished:
    """A stored or edited review checked again, the same way wherever it is asked for:
    validation and verdict (no repair), then its sources: each worksheet row on its page
    of the policy PDF (record v2), each packet fact on its record page."""
    finished = finalize(review, judge, settings, documents, repair=False)
    if review.policy is not None:
        review.validation.problems.extend(verify_worksheet(review.policy))
    review.validation.problems.extend(packet_problems(review))
    return finished


def packet_problems(review: Review) -> list[str]:
    """A case from a packet: each cited record page still says what its fact quotes."""
    intake = review.intake
    if intake is None or not intake.folder:
        return []
    if not Path(intake.folder).is_dir():
        return [f"the case's packet folder {intake.folder} is not here: facts not re-checked"]
    facts = [(f.id, f.source) for f in review.case_facts if f.source]
    return [f"case fact {p}" for p in check_sources(facts, Path(intake.folder))]


def build_references(review: Review, documents: dict) -> list[Reference]:
    """Number the cited documents in order of first citation, with the pages cited."""
    ev_of = {e.id: e for e in review.evidence}
    order: list[str] = []
    pages: dict[str, set[int]] = {}
    policy = review.policy
    if policy and policy.policy_source_id:  # the policy that decided comes first
        order.append(policy.policy_source_id)
        pages[policy.policy_source_id] = {
            j.page for j in [*policy.judgments, *policy.exclusions] if j.method != "none"
        } | ({policy.indication_page} if policy.indication_page else set())
    cited = [c for crit in review.criteria for c in crit.sources]
    cited += [c for section in review.sections for st in section.statements for c in st.citations]
    if review.guideline_position:  # the position's sentences are cited too
        cited += review.guideline_position.citations
    for cid in cited:  # criteria first, then statements: reading order of the review
        ev = ev_of.get(cid)
        if ev is None:
            continue
        if ev.source_id not in order:
            order.append(ev.source_id)
        pages.setdefault(ev.source_id, set()).add(ev.page)
    refs = []
    for n, source_id in enumerate(order, 1):
        doc = documents.get(source_id)
        ev = next((e for e in review.evidence if e.source_id == source_id), None)
        file = doc.file if doc else ev.file if ev else (policy.policy_file if policy else "") or ""
        refs.append(
            Reference(
                n=n,
                source_id=source_id,
                title=doc.title if doc else (ev.title or ev.file) if ev else Path(file).name,
                publisher=doc.publisher if doc else None,
                year=doc.year if doc else None,
                file=file,
                pages=sorted(pages[source_id]),
            )
        )
    return refs


def apply_decision(
    review: Review, decision: PolicyDecision, deny_requires_peer_review: bool
) -> None:
    """The policy's verdict, rule and missing criteria become the review's. Criteria the
    model drafted from retrieved sources stay in the record but never decide."""
    review.policy = decision
    review.verdict = decision.verdict
    review.recommendation = recommendation_for(decision.verdict, deny_requires_peer_review)
    review.verdict_rule = decision.rule
    derived = [f"Documentation that: {m}" for m in decision.missing]
    review.documentation_to_request = derived + [
        d for d in review.documentation_to_request if d not in derived
    ]
