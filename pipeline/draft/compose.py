"""The review's sections composed from the sources: the model selects, the code quotes.

Each section has its own retrieval (guideline recommendations for the diagnosis, the
treatment in this condition, where it has a role, the treatment path, dosing, pitfalls). The
candidate sentences are complete sentences only; one short schema-constrained call lets the
model pick, per section, the ids that matter for this case (it writes no prose, so nothing it
says can be misquoted or cut). Each pick becomes a statement whose text *is* the source
sentence, attributed to its document and page. "Application to this patient" is composed
from the case facts and the policy worksheet, no model involved. Without a model (or when
its answer is unusable) the best-ranked candidates are taken.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.draft import SectionStream
from pipeline.draft.gather import Candidates
from pipeline.draft.position import guideline_position
from pipeline.draft.sections import SECTIONS
from pipeline.draft.selection import select
from pipeline.llm import LLMClient, LLMResult
from pipeline.llm.prompts import Prompt
from pipeline.models import (
    Case,
    CaseFact,
    Document,
    Evidence,
    GuidelinePosition,
    Section,
    Statement,
)
from pipeline.policy.models import PolicyDecision
from pipeline.render import page_words

MIN_PICKS = 2  # a section holds at least this many of its candidates (when it has them)


def attribution(ev: Evidence, documents: dict[str, Document]) -> str:
    doc = documents.get(ev.source_id)
    title = (doc.title if doc else ev.title) or ev.file.rsplit("/", 1)[-1]
    year = f" ({doc.year})" if doc and doc.year and str(doc.year) not in title else ""
    return f"{title}{year}, {page_words(ev.page, ev.page_label)}"


def source_sections(
    chosen: dict[str, list[str]], candidates: Candidates, documents: dict[str, Document]
) -> dict[str, list[Statement]]:
    """Each chosen sentence as a statement: its text is the source sentence, verbatim."""
    of = {e.id: e for e in candidates.evidence}
    out: dict[str, list[Statement]] = {}
    seen: set[str] = set()
    for key, ids in chosen.items():
        statements = []
        unused = [
            e.id
            for e in candidates.by_section.get(key, [])
            if " ".join(e.text.lower().split()) not in seen
        ]
        # The guideline's graded recommendations the code listed first, then the model's
        # picks; the best-ranked fill the section to MIN_PICKS (every candidate already
        # passed the filter and the floor: nothing low-ranked comes in).
        listed = [e.id for e in candidates.listed.get(key, [])]
        picked = [i for i in ids if i in unused]
        fill = [i for i in unused if i not in picked]
        ids = listed + picked + fill[: max(0, MIN_PICKS - len(listed) - len(picked))]
        for sid in ids:
            ev = of[sid]
            norm = " ".join(ev.text.lower().split())
            if norm in seen:  # one sentence, one place: where it was first chosen
                continue
            seen.add(norm)
            statements.append(
                Statement(
                    text=ev.text,
                    attribution=attribution(ev, documents),
                    citations=[sid],
                    quote=ev.text,
                    quote_origin="extracted",
                )
            )
        out[key] = statements
    return out


def policy_evidence(decision: PolicyDecision) -> list[Evidence]:
    """The worksheet rows the application section cites, as checkable evidence (P ids)."""
    if not decision.policy_source_id or not decision.policy_file:
        return []
    rows = [*decision.exclusions, *(j for j in decision.judgments if j.op == "leaf")]
    out = []
    for n, row in enumerate(rows, 1):
        if row.method == "none" or (row.status == "not_documented" and row.method != "rule"):
            continue
        out.append(
            Evidence(
                id=f"P{n}",
                passage="P",
                chunk_id=f"policy:{row.node_id}",
                source_id=decision.policy_source_id,
                file=decision.policy_file,
                page=row.page,
                title=decision.policy_title,
                text=row.text,
            )
        )
    return out


_STATUS = {"met": "met", "not_met": "NOT met", "not_documented": "not documented"}


def application(
    facts: list[CaseFact], decision: PolicyDecision, policy_ev: list[Evidence]
) -> list[Statement]:
    """The patient's facts against the policy, each statement the words of a case fact
    or of a policy criterion (cited to both)."""
    out = [
        Statement(
            text=f.text,
            attribution="Case record",
            citations=[f.id],
            quote=f.text,
            quote_origin="extracted",
        )
        for f in facts
        if f.text.startswith(("Patient:", "Diagnosis:", "Requested", "Prior therapy:"))
    ]
    by_text = {(e.text, e.page): e.id for e in policy_ev}
    for row in [*decision.exclusions, *(j for j in decision.judgments if j.op == "leaf")]:
        pid = by_text.get((row.text, row.page))
        if pid is None:
            continue
        if row in decision.exclusions:
            label = "applies" if row.status == "met" else "does not apply"
            lead = f"Policy exclusion, p. {row.page} ({label})"
        else:
            lead = f"Policy criterion {row.node_id}, p. {row.page} ({_STATUS[row.status]})"
        out.append(
            Statement(
                text=row.text,
                attribution=lead,
                citations=[pid, *row.facts],
                quote=row.text,
                quote_origin="extracted",
            )
        )
    return out


def compose(
    case: Case,
    facts: list[CaseFact],
    question: str,
    decision: PolicyDecision,
    candidates: Candidates,
    client: LLMClient | None,
    prompt: Prompt,
    documents: dict[str, Document],
    picks: int,
    on_section: Callable[[str, Any], None] | None = None,
) -> tuple[list[Section], list[Evidence], LLMResult | None, str | None]:
    """(sections, evidence incl. policy rows, the selection call, fallback note).
    ``on_section`` hears each section as soon as it is known: the application first (it
    needs no model), then each section as the model's selection for it streams in."""
    policy_ev = policy_evidence(decision)
    applied = application(facts, decision, policy_ev)
    heard: set[str] = set()

    def tell(key: str, statements: list[Statement]) -> None:
        if on_section and key not in heard:
            heard.add(key)
            on_section(key, [s.model_dump(mode="json") for s in statements])

    tell("application", applied)
    stream = None
    if on_section:
        keys = [k for k, evs in candidates.by_section.items() if evs]

        def picked(key: str, ids: Any) -> None:
            ids = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
            tell(key, source_sections({key: ids}, candidates, documents).get(key, []))

        # A section's picks are complete when the next section's key starts; the last
        # one is told once the whole selection is in.
        stream = SectionStream(picked, keys)
    chosen, result, note = select(
        client, prompt, question, facts, candidates, picks, stream.feed if stream else None
    )
    texts = source_sections(chosen, candidates, documents)
    sections = []
    for spec in SECTIONS:
        if spec.key == "application":
            statements = applied
        elif spec.key in candidates.by_section:
            statements = texts.get(spec.key, [])
        else:
            continue
        sections.append(Section(key=spec.key, heading=spec.heading, statements=statements))
        tell(spec.key, statements)
    return sections, candidates.evidence + policy_ev, result, note


def position_for(
    case: Case, candidates: Candidates, documents: dict[str, Document]
) -> tuple[GuidelinePosition | None, list[str], list[Evidence]]:
    """(the guidelines' position on the request, documentation to request, the sentences
    it cites): read by code from the condition's recommendation sentences."""
    if candidates.topic is None:
        return None, [], []
    shown_path = [e for key in ("rationale", "path") for e in candidates.by_section.get(key, [])]
    # The graded recommendations the code listed say first what comes first on the path
    # (the first-line therapy, its adequate trial): documentation reads them first.
    listed = [e for key in ("rationale", "path") for e in candidates.listed.get(key, [])]
    path = list({e.id: e for e in [*listed, *shown_path, *candidates.path_pool]}.values())
    pool = list({e.id: e for e in [*candidates.position_pool, *path]}.values())
    names = {e.id: attribution(e, documents) for e in pool}
    # The path's recommendations say where the drug stands too ("X is strongly
    # recommended over <the drug's class>"): the position reads both pools.
    read = list(
        {e.id: e for e in [*candidates.position_pool, *shown_path, *candidates.path_pool]}.values()
    )
    position, requests = guideline_position(case, candidates.topic, read, path, names)
    of = {e.id: e for e in pool}
    return position, requests, [of[i] for i in position.citations if i in of]
