"""Review → Markdown shaped like the sample reviews: verdict headline, rationale, evidence,
application, alternatives, pitfalls, recommendation, documentation, references, disclaimer."""

from __future__ import annotations

from pathlib import Path

from pipeline.models import Review

VERDICT_WORDS = {
    "medically_necessary": "is medically necessary",
    "not_medically_necessary": "is NOT medically necessary",
    "insufficient_information": "cannot be determined from the information available",
}
RECOMMENDATION_WORDS = {
    "approve": "Approve",
    "deny": "Deny",
    "send_to_peer_review": "Send to peer review",
}
DISCLAIMER = (
    "This is a machine-drafted review for qualified clinical reviewers. Every statement is "
    "linked to the passage it cites and was checked automatically; statements marked "
    "unsupported failed that check. Verify against the primary sources and apply clinical "
    "judgment before any coverage decision."
)


def _ref_numbers(ids: list[str], ev_of: dict, ref_of: dict[str, int]) -> list[int]:
    """The reference numbers of the documents these evidence ids come from."""
    return sorted(
        {ref_of[ev_of[i].source_id] for i in ids if i in ev_of and ev_of[i].source_id in ref_of}
    )


def headline(review: Review, treatment: str, diagnosis: str) -> str:
    return f"{treatment} {VERDICT_WORDS[review.verdict]} for {diagnosis}"


def to_markdown(review: Review) -> str:
    ref_of = {r.source_id: r.n for r in review.references}
    ev_of = {e.id: e for e in review.evidence}
    lines = [f"# {review.headline}", ""]
    if review.question:
        lines += [f"*Question:* {review.question}", ""]
    rec = RECOMMENDATION_WORDS[review.recommendation]
    lines += [f"**Verdict:** `{review.verdict}` — **Prior authorization:** {rec}", ""]
    if review.verdict_rule:
        lines += [f"*Decision rule:* {review.verdict_rule}", ""]
    lines += ["## Coverage Criteria", ""]
    if not review.criteria:
        lines += ["_The retrieved sources hold no coverage criteria for this request._", ""]
    for c in review.criteria:
        refs = _ref_numbers(c.sources, ev_of, ref_of)
        mark = "" if c.valid else " ⚠ *not counted: " + "; ".join(c.problems) + "*"
        facts = f"; case {', '.join(c.facts)}" if c.facts else ""
        lines.append(
            f"- **{c.kind}**, {c.status.replace('_', ' ')}: {c.text} "
            f"[{', '.join(str(n) for n in refs)}{facts}]{mark}"
        )
    lines.append("")
    for section in review.sections:
        lines += [f"## {section.heading}", ""]
        if not section.statements:
            lines += ["_Nothing in the retrieved sources addresses this._", ""]
        for st in section.statements:
            refs = _ref_numbers(st.citations, ev_of, ref_of)
            facts = [c for c in st.citations if c.startswith("F")]
            marks = []
            if refs:
                marks.append(", ".join(str(n) for n in refs))
            if facts:
                marks.append("case " + ", ".join(facts))
            tail = f" [{'; '.join(marks)}]" if marks else ""
            flag = "" if st.supported else " ⚠ *unsupported: " + "; ".join(st.problems) + "*"
            quote = f" — “{st.quote}”" if st.quote and st.supported else ""
            lines.append(f"- {st.text}{tail}{quote}{flag}")
        lines.append("")
    lines += ["## Recommendation for Prior Authorization", "", f"**{rec}.**", ""]
    if review.documentation_to_request:
        lines += ["## Documentation to Request", ""]
        lines += [f"- {d}" for d in review.documentation_to_request] + [""]
    v = review.validation
    lines += [
        "## Validation",
        "",
        f"{v.citations} citations, {v.resolved} resolved; {v.supported_statements} statements "
        f"supported, {v.unsupported_statements} unsupported; quotes verbatim "
        f"{v.quotes_verbatim}/{v.quotes}; evidence verbatim on its page: "
        f"{v.evidence_verbatim}/{v.evidence_checked}; valid criteria {v.valid_criteria}/"
        f"{len(review.criteria)}; judge {v.judge}.",
        "",
    ]
    if v.dropped:
        lines += [
            "## Statements Removed by Validation",
            "",
            "_The draft made these claims; their citations did not support them, even "
            "after one repair round, so they are not part of the review._",
            "",
        ]
        for d in v.dropped:
            lines.append(
                f"- ({d.section}) {d.text} [{', '.join(d.citations)}] — " + "; ".join(d.problems)
            )
        lines.append("")
    lines += ["## References", ""]
    for ref in review.references:
        pages = ", ".join(str(p) for p in ref.pages)
        bits = [
            ref.title,
            ref.publisher,
            str(ref.year) if ref.year else None,
            f"p. {pages}" if pages else None,
            Path(ref.file).name,
        ]
        lines.append(f"{ref.n}. " + ". ".join(b for b in bits if b) + ".")
    lines += ["", "## Evidence Sentences", ""]
    cited = {c for s in review.sections for st in s.statements for c in st.citations}
    cited |= {c for cr in review.criteria for c in cr.sources}
    for ev in review.evidence:
        if ev.id in cited:
            lines.append(f"- **{ev.id}** ({Path(ev.file).name}, p. {ev.page}): “{ev.text}”")
    p = review.provenance
    lines += [
        "",
        "## Professional Disclaimer",
        "",
        DISCLAIMER,
        "",
        f"<sub>Model {p.model} · prompt {p.prompt_version} · embedder {p.embedder} · "
        f"{p.created_at}</sub>",
        "",
    ]
    return "\n".join(lines)
