"""Citation validation, run on every review and again by `necessity check` on any record.

Evidence: each sentence hashes to its recorded sha256 and occurs verbatim on the cited page
of the cited PDF (re-parsed from the file). Statements: (1) every citation resolves; (2) the
quote occurs verbatim in the cited text; (3) the support judge finds the statement follows
from the cited text, numbers and negations included. Criteria: the cited sentences state the
criterion. Anything short of that is marked with its problem; nothing is dropped silently.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.check.judge import (
    claim_parts,
    content_words,
    coverage,
    extract_quote,
    missing_numbers,
    near_copy,
    negation_mismatch,
)
from pipeline.models import (
    Criterion,
    DroppedStatement,
    Evidence,
    Review,
    Validation,
    sha256_text,
)
from pipeline.ports import Judge
from pipeline.sources.pages import page_text
from pipeline.sources.parse import ParseError, normalize


def verify_evidence(ev: Evidence) -> str | None:
    """None when the evidence is intact and verbatim on its page, else the problem."""
    if sha256_text(ev.text) != ev.sha256:
        return f"{ev.id}: text does not match its recorded sha256 (edited after retrieval)"
    try:
        text = page_text(ev.file, ev.page)
    except FileNotFoundError:
        return f"{ev.id}: source file {ev.file} is missing"
    except (IndexError, ParseError) as exc:
        return f"{ev.id}: {ev.file}: {exc}"
    if normalize(ev.text) not in text:
        return f"{ev.id}: text is not found verbatim on page {ev.page} of {Path(ev.file).name}"
    return None


def quote_is_verbatim(quote: str, cited: list[str]) -> bool:
    q = normalize(quote).lower().strip(" .,;:\"'")
    return bool(q) and any(q in normalize(c).lower() for c in cited)


class _Resolver:
    def __init__(self, review: Review, bad: set[str]) -> None:
        self.evidence = {e.id: e for e in review.evidence}
        self.facts = {f.id: f.text for f in review.case_facts}
        self.bad = bad

    def resolve(self, cid: str, problems: list[str]) -> tuple[bool, str | None, bool]:
        """(resolved, usable text, is a source sentence)."""
        if cid in self.evidence:
            ev = self.evidence[cid]
            if cid in self.bad:
                problems.append(f"{cid} failed verification")
                return True, None, False
            if ev.flags:
                problems.append(
                    f"{cid} holds instruction-like text ({', '.join(ev.flags)}); "
                    "it cannot support a statement"
                )
                return True, None, False
            return True, ev.text, True
        if cid in self.facts:
            return True, self.facts[cid], False
        problems.append(f"{cid} does not name a retrieved sentence or case fact")
        return False, None, False


def validate(review: Review, judge: Judge, verify_sources: bool = True) -> Review:
    """Recompute every statement's and criterion's support and the validation block, by
    the caller's judge (``Pipeline.judge``: the configured one)."""
    problems: list[str] = []
    bad: set[str] = set()
    for ev in review.evidence:
        problem = (
            verify_evidence(ev)
            if verify_sources
            else (None if sha256_text(ev.text) == ev.sha256 else f"{ev.id}: text/sha256 mismatch")
        )
        if problem:
            bad.add(ev.id)
            problems.append(problem)
    resolver = _Resolver(review, bad)
    v = Validation(
        evidence_checked=len(review.evidence),
        evidence_verbatim=len(review.evidence) - len(bad),
        judge=judge.name,
    )
    pending: list[tuple[object, str, str]] = []  # (item, claim text, cited text)
    for section in review.sections:
        for st in section.statements:
            st.problems = []
            cited: list[str] = []
            has_source = False
            for cid in st.citations:
                v.citations += 1
                ok, text, is_source = resolver.resolve(cid, st.problems)
                v.resolved += ok
                if text:
                    cited.append(text)
                    has_source |= is_source
            if not st.citations:
                st.problems.append("no citation")
            if section.key != "application" and not has_source:
                st.problems.append("no verified source sentence cited")
            _check_quote(st, cited, v)
            joined = " ".join(cited)
            if joined:
                st.problems.extend(lexical_problems(st.text, joined))
                pending.append((st, st.text, joined))
    for crit in review.criteria:
        crit.problems = []
        cited = []
        for cid in crit.sources:
            ok, text, is_source = resolver.resolve(cid, crit.problems)
            if text and is_source:
                cited.append(text)
            elif ok and text:
                crit.problems.append(f"{cid} is not a source sentence")
        facts = [f for f in crit.facts if f in resolver.facts]
        if crit.status in {"met", "not_met"} and not facts:
            crit.problems.append(f"status {crit.status!r} cites no case fact")
        elif facts and not content_words(crit.text) & content_words(
            " ".join(resolver.facts[f] for f in facts)
        ):
            crit.problems.append("the cited case facts do not bear on this criterion")
        if cited:
            pending.append((crit, crit.text, " ".join(cited)))
        else:
            crit.problems.append("no verified source sentence states this criterion")
    # A statement that bundles claims is judged claim by claim; its score is its weakest. A
    # restatement of its source is judged whole: its halves are true by being quoted, and a
    # fragment ("and the panel deferred ...") scores low on its own.
    parts = [[c] if near_copy(c, text) else claim_parts(c) for _, c, text in pending]
    pairs = [(p, text) for (_, _, text), ps in zip(pending, parts, strict=True) for p in ps]
    flat = judge.scores(pairs)
    at = 0
    for (item, _, text), ps in zip(pending, parts, strict=True):
        scores, at = flat[at : at + len(ps)], at + len(ps)
        item.support_score = round(min(scores), 3)  # type: ignore[attr-defined]
        item.problems.extend(  # type: ignore[attr-defined]
            support_problems(judge, text, ps, scores, isinstance(item, Criterion))
        )
    for section in review.sections:
        for st in section.statements:
            st.supported = not st.problems and st.support_score is not None
            v.supported_statements += st.supported
            v.unsupported_statements += not st.supported
    for crit in review.criteria:
        crit.valid = not crit.problems
        v.valid_criteria += crit.valid
    v.problems = problems
    v.dropped = list(review.validation.dropped)
    v.unsupported_statements += len(v.dropped)
    v.repaired_citations = sum(
        1 for s in review.sections for st in s.statements if st.repaired_from
    ) + sum(1 for c in review.criteria if c.repaired_from)
    review.validation = v
    return review


CRITERION_COVERAGE = 0.5  # of each part's content words, found in the cited sentences


def support_problems(
    judge: Judge,
    cited: str,
    parts: list[str],
    scores: list[float],
    criterion: bool = False,
) -> list[str]:
    """Why the cited text does not support a claim, given as its parts and their scores
    (empty when it does): every part must pass the judge (a near-copy of the source
    passes); a criterion's cited sentences must also state each of its parts."""
    problems = []
    for part, score in zip(parts, scores, strict=True):
        where = "the cited text" if len(parts) == 1 else f"its part {part[:80]!r}"
        if not passes(judge, score, part, cited):
            problems.append(f"support judge: {score:.2f} < {judge.threshold:.2f} for {where}")
        elif criterion and coverage(part, cited) < CRITERION_COVERAGE:
            problems.append(f"the cited sentences do not state {where}")
    return problems


def passes(judge: Judge, score: float, claim: str, cited: str) -> bool:
    """The judge's verdict, except that a near-copy of its source is supported: the judge
    was trained on paraphrases and under-scores restatements (numbers and negations are
    checked separately)."""
    return score >= judge.threshold or near_copy(claim, cited)


def _check_quote(st, cited: list[str], v: Validation) -> None:  # noqa: ANN001
    """Keep a verbatim model quote; otherwise take the shortest supporting span from the
    cited text, and say so in quote_origin."""
    if st.model_quote is None and st.quote and st.quote_origin != "extracted":
        st.model_quote = st.quote
    if st.model_quote:
        v.quotes += 1
        if quote_is_verbatim(st.model_quote, cited):
            v.quotes_verbatim += 1
            st.quote, st.quote_origin = st.model_quote, "model"
            return
    if not cited:
        return
    best = max((extract_quote(st.text, c) or "" for c in cited), key=len, default="")
    if best:
        st.quote, st.quote_origin = best, "extracted"
        v.quotes_extracted += 1
    else:
        st.problems.append("no words of the statement occur in the cited text")


REPAIR_MARGIN = 0.15  # over the judge's bar, since the best of many candidates is taken
REPAIR_COVERAGE = 0.6


def repair_passes(
    judge: Judge, score: float, claim: str, cited: str, negation: bool = True
) -> bool:
    """Re-citing picks the best of many sentences, so chance matches are likelier: demand
    a near-copy, or a clear judge margin with most content words present. An exclusion
    names a condition its source says "not" about, so it skips the negation test."""
    if lexical_problems(claim, cited, negation):
        return False
    return near_copy(claim, cited) or (
        score >= judge.threshold + REPAIR_MARGIN and coverage(claim, cited) >= REPAIR_COVERAGE
    )


def repair_citations(review: Review, judge: Judge) -> int:
    """One repair round: a statement or criterion that failed support is re-cited to the
    retrieved sentence that best supports it, when one passes; the old ids are kept in
    ``repaired_from``. Returns how many were re-cited; validate again afterwards."""
    usable = [e for e in review.evidence if not e.flags]
    items = [
        (st, st.text)
        for s in review.sections
        for st in s.statements
        if not st.supported and "no citation" not in st.problems
    ]
    items += [(c, c.text) for c in review.criteria if not c.valid]
    if not usable or not items:
        return 0
    pairs = [(text, e.text) for _, text in items for e in usable]
    scores = judge.scores(pairs)
    repaired = 0
    for k, (item, text) in enumerate(items):
        row = scores[k * len(usable) : (k + 1) * len(usable)]
        negation = getattr(item, "kind", None) != "exclusion"
        # Prefer candidates with no number or negation conflict, then the strongest.
        best = max(
            range(len(usable)),
            key=lambda i: (
                not lexical_problems(text, usable[i].text, negation),
                row[i] + coverage(text, usable[i].text),
            ),
        )
        ev = usable[best]
        if not repair_passes(judge, row[best], text, ev.text, negation):
            continue
        if hasattr(item, "sources"):
            if item.sources == [ev.id]:
                continue
            item.repaired_from, item.sources = list(item.sources), [ev.id]
        else:
            if ev.id in item.citations:
                continue
            facts = [c for c in item.citations if c.startswith("F")]
            item.repaired_from, item.citations = list(item.citations), [ev.id, *facts]
            item.quote, item.quote_origin = None, None
        repaired += 1
    return repaired


def lexical_problems(statement: str, cited: str, negation: bool = True) -> list[str]:
    """Numbers must come from the source, and a negation must be on both sides or neither:
    "IVIG is medically necessary" is not supported by "... not medically necessary"."""
    problems = []
    missing = missing_numbers(statement, cited)
    if missing:
        problems.append(f"numbers not in the cited text: {', '.join(sorted(missing))}")
    if negation and negation_mismatch(statement, cited):
        problems.append("negation differs between the statement and the cited text")
    return problems


def drop_unsupported(review: Review) -> int:
    """Move statements still unsupported after repair out of the sections and into the
    validation block's ``dropped`` list (counts stay: they remain unsupported)."""
    moved = 0
    for section in review.sections:
        keep = []
        for st in section.statements:
            if st.supported:
                keep.append(st)
                continue
            review.validation.dropped.append(
                DroppedStatement(
                    section=section.key,
                    text=st.text,
                    citations=st.citations,
                    quote=st.quote,
                    support_score=st.support_score,
                    problems=st.problems,
                )
            )
            moved += 1
        section.statements = keep
    return moved
