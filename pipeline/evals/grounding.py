"""`necessity eval grounding`: ALCE-style citation metrics over review records, recomputed
from the records' own evidence (the flags stored in a record are not trusted).

- citation recall: a statement scores 1 when all its cited text together supports it;
- citation precision: a citation counts when the statement is supported and the citation
  either supports it alone or the others no longer do without it (ALCE's definition);
- unresolvable-citation rate: citations naming no evidence sentence or case fact (must be 0);
- unsupported-statement rate and quote-verbatim rate, as the validator decides them.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.check.finalize import recheck
from pipeline.check.validate import passes
from pipeline.models import Review, Statement
from pipeline.ports import Judge
from pipeline.settings import Settings


def _texts(review: Review) -> dict[str, str]:
    return {e.id: e.text for e in review.evidence} | {f.id: f.text for f in review.case_facts}


def record_metrics(review: Review, judge: Judge, settings: Settings) -> dict:
    """Metrics of one record, through the same re-check as `necessity check` (no repair),
    on a copy: the eval never rewrites what it grades."""
    review = review.model_copy(deep=True)
    recheck(review, judge, settings, {})
    texts = _texts(review)
    # Every drafted statement counts, those validation dropped included.
    statements = [st for s in review.sections for st in s.statements] + [
        Statement(text=d.text, citations=d.citations) for d in review.validation.dropped
    ]
    # Batch every judge call this record needs: full set, each alone, each left out.
    asks: list[tuple[str, str]] = []
    plan = []
    for st in statements:
        cited = [c for c in st.citations if c in texts]
        full = len(asks)
        asks.append((st.text, " ".join(texts[c] for c in cited)))
        alone, without = [], []
        for c in cited:
            alone.append(len(asks))
            asks.append((st.text, texts[c]))
            rest = [texts[x] for x in cited if x != c]
            without.append(len(asks) if rest else None)
            if rest:
                asks.append((st.text, " ".join(rest)))
        plan.append((st, cited, full, alone, without))
    scores = judge.scores(asks) if asks else []

    def ok(i: int | None) -> bool:  # the validator's own test of support
        return i is not None and bool(asks[i][1]) and passes(judge, scores[i], *asks[i])

    recall, relevant, unresolvable = [], 0, 0
    for st, cited, full, alone, without in plan:
        supported = bool(cited) and ok(full)
        recall.append(1.0 if supported else 0.0)
        unresolvable += len(st.citations) - len(cited)
        if supported:
            relevant += sum(1 for a, w in zip(alone, without, strict=True) if ok(a) or not ok(w))
    v = review.validation
    n = len(statements)
    n_cit = sum(len(st.citations) for st in statements)
    return {
        "record": review.case_id,
        "statements": n,
        "citations": n_cit,
        "citation_recall": round(sum(recall) / n, 4) if n else 0.0,
        "citation_precision": round(relevant / n_cit, 4) if n_cit else 0.0,
        "unsupported_statement_rate": round(v.unsupported_statements / n, 4) if n else 0.0,
        "unresolvable_citation_rate": round(unresolvable / n_cit, 4) if n_cit else 0.0,
        "quote_verbatim_rate": round(v.quotes_verbatim / v.quotes, 4) if v.quotes else 0.0,
        "evidence_verbatim_rate": round(v.evidence_verbatim / v.evidence_checked, 4)
        if v.evidence_checked
        else 0.0,
        "model_quotes": v.quotes,
        "model_quotes_verbatim": v.quotes_verbatim,
        "valid_criteria": v.valid_criteria,
        "verdict": review.verdict,
    }


def grounding_report(paths: list[Path], judge: Judge, settings: Settings) -> dict:
    rows = [
        record_metrics(Review.model_validate_json(p.read_text()), judge, settings) for p in paths
    ]
    total_st = sum(r["statements"] for r in rows)
    total_cit = sum(r["citations"] for r in rows)

    def weighted(key: str, weight: str) -> float:
        w = sum(r[weight] for r in rows)
        return round(sum(r[key] * r[weight] for r in rows) / w, 4) if w else 0.0

    return {
        "records": len(rows),
        "statements": total_st,
        "citations": total_cit,
        "citation_recall": weighted("citation_recall", "statements"),
        "citation_precision": weighted("citation_precision", "citations"),
        "unsupported_statement_rate": weighted("unsupported_statement_rate", "statements"),
        "unresolvable_citation_rate": weighted("unresolvable_citation_rate", "citations"),
        # Of the quotes the model wrote (kept statements), the share found verbatim.
        "quote_verbatim_rate": weighted("quote_verbatim_rate", "model_quotes"),
        "judge": judge.name,
        "threshold": judge.threshold,
        "per_record": rows,
    }
