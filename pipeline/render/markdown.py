"""Review → Markdown shaped like the sample reviews: verdict headline, rationale, evidence,
application, alternatives, pitfalls, recommendation, documentation, references, disclaimer."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.models import FactSource, Review
from pipeline.policy.models import PolicyDecision

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


STATUS_WORDS = {
    "met": "met",
    "not_met": "NOT met",
    "not_documented": "not documented",
    "not_applicable": "not applicable",
}
STATUS_BOX = {"met": "[x]", "not_met": "[ ]", "not_documented": "[?]", "not_applicable": "[-]"}


def worksheet(review: Review) -> list[str]:
    """The reviewer's worksheet: the policy, the indication chosen and why, then every
    criterion of the tree with its status, the case facts it rests on and its page."""
    d = review.policy
    if d is None:
        return []
    lines = ["## Policy Worksheet", ""]
    if not d.policy_source_id:
        return lines + [f"_{sentence(d.rule)}_", ""]
    ref = next((r.n for r in review.references if r.source_id == d.policy_source_id), None)
    cite = f" [{ref}]" if ref else ""
    lines.append(f"**Policy:** {d.policy_title}{cite} ({Path(d.policy_file or '').name})  ")
    lines.append(f"**Criteria tree:** {tree_status_words(d)}  ")
    if d.indication:
        approval = f", approval for {d.approval}" if d.approval else ""
        lines.append(
            f"**Indication:** {d.indication} (page {d.indication_page}); "
            f"{d.branch} request{approval}  "
        )
    lines += [f"**Why:** {d.match_reason}", ""]
    for x in d.exclusions:
        what = (
            "applies"
            if x.status == "met"
            else "does not apply"
            if x.status == "not_met"
            else ("not documented")
        )
        lines.append(f"- Exclusion (p. {x.page}) **{what}**: {x.text} — {x.reason}")
    if d.exclusions:
        lines.append("")
    for j in d.judgments:
        pad = "  " * j.depth
        if j.op != "leaf":
            lines.append(
                f"{pad}- **{j.reason}** (p. {j.page}) → {STATUS_WORDS[j.status]}: {j.text}"
            )
            continue
        facts = f"; case {', '.join(j.facts)}" if j.facts else ""
        why = f"; {j.reason}" if j.reason else ""
        flag = f" ⚠ *{'; '.join(j.problems)}*" if j.problems else ""
        lines.append(
            f"{pad}- {STATUS_BOX[j.status]} {j.text} (p. {j.page}) — "
            f"**{STATUS_WORDS[j.status]}** ({j.method}{facts}{why}){flag}"
        )
    return lines + [""]


def page_words(page: int | None, label: str | None = None) -> str:
    """One page numbering everywhere: the printed label a reader sees on the page, with the
    PDF's own page number in brackets where the two differ ("p. 924 [PDF p. 3]")."""
    if page is None:
        return ""
    if not label or str(label) == str(page):
        return f"p. {page}"
    return f"p. {label} [PDF p. {page}]"


_FUNCTION_WORDS = {
    *"the of for and in a an to with on or by from over into than between versus vs".split(),
    *"against these those this its their at as nor but".split(),
}
# Table cells and grading words the parser can take for headings ("5 Very low", "PICO 23.").
_NOT_A_HEADING = re.compile(
    r"^\d|\bPICO\b|^(very low|low|moderate|high)\b|\(\d+[,–-]|,\s+[a-z]|^\w+ing\s+\S+\s+\S+",
    re.I,
)


# A heading names a topic; a line that holds a verb of a clause, or opens like a sentence,
# is the first line of a paragraph (or a reference) that the parser took for one.
_CLAUSE = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|should|can|could|may|might|will|would|"
    r"remain|remains|preferred|recommended|endorsed|reported|suggest|suggests)\b",
    re.I,
)
_OPENS_SENTENCE = re.compile(
    r"^(?:[A-Z]+ \d+\.\s+)?(if|although|while|despite|when|because|since|the|this|these|"
    r"those|some|most|many|another|to|in|for|a|an|it|we|our|there)\b",
    re.I,
)


def real_section(section: str | None, title: str | None = None) -> str | None:
    """The section heading worth showing, or None: a running header cut off mid-phrase
    ("2021 American College of Rheumatology Guideline for the"), the document's own title
    repeated, or a paragraph's first line taken for a heading ("Oral glucocorticoids are
    conditionally", "Risk factors for poor prognosis and disease") is no section. Fewer
    headings, never a wrong one."""
    text = " ".join((section or "").split())
    if len(text) < 3 or len(text) > 80:
        return None
    words = text.rstrip(".:;,*").split()
    if not words or words[-1].lower() in _FUNCTION_WORDS or text.endswith(","):
        return None
    squeeze = "".join(text.lower().split())
    whole = "".join((title or "").lower().split())
    if whole and (squeeze in whole or whole in squeeze):
        return None
    after_label = text.split(": ", 1)[-1]  # "Recommendation: For patients with ..."
    if _CLAUSE.search(text) or any(
        len(part.split()) > 3 and _OPENS_SENTENCE.match(part) for part in (text, after_label)
    ):
        return None
    if _NOT_A_HEADING.search(text) or text.count("(") != text.count(")"):
        return None
    lower = sum(w[:1].islower() for w in words)
    if len(words) >= 7 and lower / len(words) > 0.6:  # reads as running text
        return None
    return text


def sentence(text: str | None) -> str:
    """A rule or reason as one sentence: capital first letter, one closing period."""
    text = " ".join((text or "").split()).rstrip(" .;:")
    return text[:1].upper() + text[1:] + "." if text else ""


def readable_time(iso: str | None) -> str:
    """ "2026-12-06T07:12:05+00:00" → "6 Dec 2026, 07:12 UTC" (as stored: UTC)."""
    from datetime import datetime

    if not iso:
        return ""
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    zone = " UTC" if at.utcoffset() is not None and not at.utcoffset() else ""
    return f"{at.day} {at:%b %Y, %H:%M}{zone}"


def approval_lines(review: Review, approval: dict | None) -> list[str]:
    """What was decided about the draft: status, approver, time, any override reason."""
    if review.status != "approved" or not approval:
        return [f"**Status:** {review.status}, not approved", ""]
    out = [
        f"**Status:** approved by {approval.get('who', '?')} on "
        f"{readable_time(approval.get('at'))}  "
    ]
    if approval.get("override_reason"):
        issues = "; ".join(approval.get("open_issues") or []) or "validation not clean"
        out.append(
            f"**Approved with open checks** ({issues}). **Override reason:** "
            f"{approval['override_reason']}  "
        )
    if approval.get("note"):
        out.append(f"**Note:** {approval['note']}  ")
    return [*out, ""]


def tree_status_words(d: PolicyDecision) -> str:
    """Whether a person confirmed the tree that decided: a compiled tree is the compiler's
    reading of the PDF, and a reader should know no person checked it."""
    if d.tree_status == "confirmed":
        return f"confirmed by {d.confirmed_by} on {d.confirmed_at} (version {d.tree_version})"
    if d.abstained:
        return f"UNCONFIRMED, DID NOT DECIDE: {d.abstained}"
    return (
        "UNCONFIRMED: decided by the compiler's reading of the policy "
        f"({d.compiler}); no person has confirmed this tree"
    )


def headline(review: Review, treatment: str, diagnosis: str) -> str:
    return f"{treatment} {VERDICT_WORDS[review.verdict]} for {diagnosis}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


_RAW_HTML = re.compile(r"<|&(?=#?\w+;)")
_NONCHAR = re.compile(r"[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def markdown_text(text: str) -> str:
    """One line of plain text for a Markdown document: control characters, lone surrogates
    and noncharacters gone, and what a viewer would read as HTML ("<script>", "&lt;")
    backslash-escaped, so it shows as typed, never as markup or as an entity."""
    text = " ".join(_NONCHAR.sub("", _CONTROL.sub(" ", text)).split())
    return _RAW_HTML.sub(lambda m: "\\" + m.group(0), text)


def display_copy(review: Review) -> Review:
    """The review as text fit for a document: every string on one line (a newline in a
    case's question cannot forge a "Verdict:" line), control characters gone, and raw HTML
    escaped (a <script> in a source or a case never reaches a Markdown viewer as markup)."""

    def clean(value: object) -> object:
        if isinstance(value, str):
            return markdown_text(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return Review.model_validate(clean(review.model_dump(mode="json")))


def fact_source(source: FactSource | None) -> str:
    """Where a case fact came from, as a reader finds it: file and page (and field), or the
    FHIR resource; empty for facts typed into the case by hand."""
    if source is None:
        return ""
    if source.fhir:
        return f"{source.file}, {source.fhir}"
    where = f"{source.file}, p. {source.page}" if source.page else source.file
    return where + (f", field “{source.field}”" if source.field else "")


def case_fact_lines(review: Review, cited: set[str]) -> list[str]:
    """The case facts the review cites, each with the record page it came from."""
    if review.policy:
        cited = cited | {f for j in review.policy.judgments for f in j.facts}
    cited = cited | {f for c in review.criteria for f in c.facts}
    facts = [f for f in review.case_facts if f.id in cited]
    if not facts:
        return []
    lines = ["", "## Case Facts Cited", ""]
    for fact in facts:
        where = fact_source(fact.source)
        lines.append(f"- **{fact.id}** {fact.text}" + (f" ({where})" if where else ""))
    return lines


STANCE_WORDS = {
    "supports": "supports this request",
    "prefers_other": "prefers another therapy first",
    "not_recommended": "does not recommend it",
    "silent": "says nothing on it",
}


def position_lines(review: Review, ev_of: dict, ref_of: dict[str, int]) -> list[str]:
    """The guidelines' position, under the verdict: what the writer sees first when no
    policy is on file; it never changes the verdict."""
    gp = review.guideline_position
    if gp is None:
        return []
    refs = _ref_numbers(gp.citations, ev_of, ref_of)
    tail = f" [{', '.join(str(n) for n in refs)}]" if refs else ""
    lines = [f"**Guideline position:** {STANCE_WORDS[gp.stance]} — {gp.summary}{tail}", ""]
    for cid in gp.citations:
        ev = ev_of.get(cid)
        if ev is not None:
            lines.append(
                f"> “{ev.text}” ({ev.title or Path(ev.file).name}, p. {ev.page_label or ev.page})"
            )
    return lines + ([""] if gp.citations else [])


def to_markdown(review: Review, approval: dict | None = None) -> str:
    """The review as Markdown; ``approval`` (who approved, when, any override reason and
    note, as the web app's history keeps them) says what was decided about it."""
    review = display_copy(review)
    if approval:
        approval = {k: markdown_text(v) if isinstance(v, str) else v for k, v in approval.items()}
    ref_of = {r.source_id: r.n for r in review.references}
    ev_of = {e.id: e for e in review.evidence}
    lines = [f"# {review.headline}", ""]
    if review.question:
        lines += [f"*Question:* {review.question}", ""]
    rec = RECOMMENDATION_WORDS[review.recommendation]
    lines += [f"**Verdict:** `{review.verdict}` — **Prior authorization:** {rec}", ""]
    lines += approval_lines(review, approval)
    if review.verdict_rule:
        lines += [f"*Decision rule:* {sentence(review.verdict_rule)}", ""]
    lines += position_lines(review, ev_of, ref_of)
    lines += worksheet(review)
    if review.criteria:
        lines += [
            "## Criteria Named in the Retrieved Sources",
            "",
            "_Drafted by the model from retrieved passages; shown for context, never used "
            "for the verdict (only the payer policy's worksheet decides)._",
            "",
        ]
    for c in review.criteria:
        refs = _ref_numbers(c.sources, ev_of, ref_of)
        mark = "" if c.valid else " ⚠ *not counted: " + "; ".join(c.problems) + "*"
        facts = f"; case {', '.join(c.facts)}" if c.facts else ""
        lines.append(
            f"- **{c.kind}**, {c.status.replace('_', ' ')}: {c.text} "
            f"[{', '.join(str(n) for n in refs)}{facts}]{mark}"
        )
    if review.criteria:
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
            if st.support_score is not None:  # the support judge's score, for QA
                marks.append(f"judge {st.support_score:.2f}")
            tail = f" [{'; '.join(marks)}]" if marks else ""
            flag = "" if st.supported else " ⚠ *unsupported: " + "; ".join(st.problems) + "*"
            if st.written_by:  # the writer's own words: theirs, never a source's quote
                lines.append(f"- Writer's statement ({st.written_by}): {st.text}{tail}{flag}")
                continue
            if st.attribution:  # composed: the words are the source's own, quoted
                lines.append(f"- {st.attribution}: “{st.text}”{tail}{flag}")
                continue
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
    labels = {(e.source_id, e.page): e.page_label for e in review.evidence}
    for ref in review.references:
        pages = ", ".join(page_words(p, labels.get((ref.source_id, p)))[3:] for p in ref.pages)
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
    if review.guideline_position:
        cited |= set(review.guideline_position.citations)
    for ev in review.evidence:
        if ev.id in cited:
            where = f"{Path(ev.file).name}, {page_words(ev.page, ev.page_label)}"
            lines.append(f"- **{ev.id}** ({where}): “{ev.text}”")
    lines += case_fact_lines(review, cited)
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
