"""One review, end to end: case → retrieve → draft → validate → verdict → record + Markdown."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pipeline import __version__
from pipeline.cases import case_facts, case_summary
from pipeline.check.finalize import finalize
from pipeline.draft import HEADINGS, SECTIONS, write_draft
from pipeline.draft.compose import compose, position_for
from pipeline.draft.gather import gather
from pipeline.llm import CountingClient, is_local
from pipeline.llm.prompts import load_prompt
from pipeline.models import (
    Case,
    Criterion,
    Provenance,
    Review,
    Section,
    Statement,
    Validation,
)
from pipeline.policy.decide import apply_policy
from pipeline.policy.fact_question import fact_prompt_ref
from pipeline.policy.library import load_trees
from pipeline.ports import LLM, Judge, Store
from pipeline.render import headline, to_markdown
from pipeline.retrieve import retrieve
from pipeline.settings import Settings
from pipeline.sources.embed import E5Embedder
from pipeline.sources.lexical import LEXICAL_VERSION

log = logging.getLogger(__name__)
PROMPT = "review-draft@2"  # free mode
COMPOSE_PROMPT = "review-select@1"


def build_sections(data: dict) -> list[Section]:
    """Sections from the draft; a statement repeated word for word (small models echo one
    sentence into every section) is kept once, where it first appears."""
    seen: set[str] = set()
    sections = []
    for key, _, _, _ in SECTIONS:
        statements = []
        for s in data[key]:
            norm = " ".join(s["text"].lower().split())
            if norm in seen:
                continue
            seen.add(norm)
            statements.append(
                Statement(text=s["text"], quote=s.get("quote"), citations=list(s["citations"]))
            )
        sections.append(Section(key=key, heading=HEADINGS[key], statements=statements))
    return sections


def unique_criteria(items: list[dict]) -> list[Criterion]:
    """Criteria from the draft, each distinct text once (small models repeat them)."""
    seen: set[str] = set()
    out = []
    for item in items:
        norm = " ".join(item["text"].lower().split())
        if norm not in seen:
            seen.add(norm)
            out.append(Criterion(**item))
    return out


def passage_list(evidence: list) -> list[dict]:  # noqa: ANN001
    """The passages the model saw: id, chunk id and the sha256 of the whole chunk text."""
    out: dict[str, dict] = {}
    for e in evidence:
        entry = out.setdefault(
            e.passage or e.id, {"id": e.passage or e.id, "chunk_id": e.chunk_id, "sentences": []}
        )
        entry["sentences"].append({"id": e.id, "sha256": e.sha256})
    return list(out.values())


def clean_requests(items: list[str]) -> list[str]:
    """Drop requests that are only ids or fragments (small models echo "F2")."""
    return [i.strip() for i in items if len(i.split()) >= 3 and not re.fullmatch(r"[EF]\d+", i)]


def draft_review(
    case: Case,
    store: Store,
    client: LLM,
    judge: Judge,
    settings: Settings,
    *,
    prompt_ref: str | None = None,
    on_event: Callable[[str, dict], None] | None = None,
) -> Review:
    """Decide by the policy, retrieve, draft, validate, with the caller's parts (a
    ``Pipeline``'s: the judge is built there only). ``on_event(kind, data)`` hears each
    stage as it happens: "stage" (name, seconds so far), "policy" (the worksheet),
    "evidence" (what was retrieved), "section" (a section, before validation)."""
    t0 = time.perf_counter()
    marks: list[tuple[str, float]] = []
    client = CountingClient(client)  # the review's model cost, across all its calls

    def stage(name: str) -> None:
        marks.append((name, time.perf_counter()))
        if on_event:
            on_event("stage", {"stage": name, "seconds": round(time.perf_counter() - t0, 1)})

    compose_mode = settings.draft.mode == "compose"
    position = None
    default_prompt = COMPOSE_PROMPT if compose_mode else PROMPT
    prompt = load_prompt(prompt_ref or settings.draft.prompt or default_prompt)
    documents = {d.source_id: d for d in store.documents()}
    # The payer's policy decides, criterion by criterion, before anything is drafted.
    stage("policy")
    decision = apply_policy(
        case,
        load_trees(store.path, list(documents.values()), home=settings.home),
        client,
        prompt_ref=settings.policy.judge_prompt,
        fact_prompt_ref=fact_prompt_ref(settings),
    )
    if on_event:
        on_event("policy", decision.model_dump(mode="json"))
    facts = case_facts(case)
    t = case.requested_treatment
    question = case.question or f"Is {case_summary(case)} medically necessary for this patient?"
    on_section = (
        (lambda key, value: on_event("section", {"key": key, "value": value})) if on_event else None
    )
    stage("retrieve")
    if compose_mode:
        candidates = gather(case, store, settings, documents, decision)
        if on_event:
            on_event(
                "evidence", {"evidence": [e.model_dump(mode="json") for e in candidates.evidence]}
            )
        stage("draft")
        sections, evidence, result, note = compose(
            case,
            facts,
            question,
            decision,
            candidates,
            client,
            prompt,
            documents,
            settings.draft.picks_per_section,
            on_section,
        )
        # The guidelines' position on the request: read by code, shown under the verdict,
        # never deciding it (the policy's worksheet does, above).
        position, requests, cited = position_for(case, candidates, documents)
        known = {e.id for e in evidence}
        evidence = evidence + [e for e in cited if e.id not in known]
        queries, criteria, model_verdict = candidates.queries, [], None
    else:
        ranked = None
        if settings.draft.free_evidence == "ranked":
            # compose's ranking feeds the free draft: each section's best sentences
            ranked = gather(case, store, settings, documents, decision)
            shown = [e for evs in ranked.by_section.values() for e in evs]
            evidence, queries = list({e.id: e for e in shown}.values()), ranked.queries
        else:
            titles = {sid: d.title for sid, d in documents.items()}
            evidence, queries = retrieve(case, store, settings.retrieval, titles)
        if on_event:
            on_event("evidence", {"evidence": [e.model_dump(mode="json") for e in evidence]})
        stage("draft")
        data, result = write_draft(
            client,
            prompt,
            question=question,
            treatment=t.drug,
            facts=facts,
            evidence=evidence,
            on_section=on_section,
        )
        sections, note = build_sections(data), None
        criteria = unique_criteria(data.get("criteria", []))
        requests = clean_requests(data.get("documentation_to_request", []))
        model_verdict = data["verdict"]
        if ranked is not None:
            position, read_requests, cited = position_for(case, ranked, documents)
            requests = requests or read_requests
            known = {e.id for e in evidence}
            evidence = evidence + [e for e in cited if e.id not in known]
    provenance = Provenance(
        model=client.model,
        endpoint=client.endpoint,
        prompt_version=prompt.id,
        embedder=store.embedder.name,
        store=store.url or str(store.path),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        necessity_version=__version__,
        retrieval=settings.retrieval.model_dump(mode="json")
        | {"across_queries": "rrf", "lexical": LEXICAL_VERSION, "draft": settings.draft.mode}
        | ({"rerank_model": E5Embedder.name} if settings.retrieval.mode == "rerank" else {}),
        queries=queries,
        passages=passage_list(evidence),
        llm_seconds=round(result.seconds, 2) if result else None,
        prompt_tokens=result.prompt_tokens if result else None,
        completion_tokens=result.completion_tokens if result else None,
        llm_prompt_seconds=result.prompt_seconds if result else None,
        llm_decode_tokens_per_s=result.decode_tokens_per_s if result else None,
        model_verdict=model_verdict,
        remote_endpoint=not is_local(client.endpoint),
        flagged_passages=[{"id": e.id, "flags": e.flags} for e in evidence if e.flags],
        notes=[note] if note else [],
    )
    review = Review(
        case_id=case.case_id,
        question=question,
        verdict=decision.verdict,
        recommendation="send_to_peer_review",
        sections=sections,
        documentation_to_request=requests,
        criteria=criteria,
        case_facts=facts,
        intake=case.intake,
        evidence=evidence,
        references=[],
        validation=Validation(),
        provenance=provenance,
    )
    stage("validate")
    review.policy = decision
    review.guideline_position = position
    finalize(review, judge, settings, documents, repair=True)
    dx = ", ".join(d.name for d in case.diagnoses)
    review.headline = headline(review, t.drug, dx)
    stage("done")
    review.provenance.seconds = round(time.perf_counter() - t0, 2)
    review.provenance.llm_calls = client.calls
    review.provenance.breakdown = client.totals() | {
        f"{name}_s": round(end - start, 2)
        for (name, start), (_, end) in zip(marks, marks[1:], strict=False)
    }
    return review


def write_outputs(review: Review, out_dir: Path) -> tuple[Path, Path]:
    """Atomic writes: an interrupted run leaves the previous files or none, never half."""
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    json_path = out_dir / f"{review.case_id}.review.json"
    md_path = out_dir / f"{review.case_id}.review.md"
    for path, text in (
        (json_path, json.dumps(review.model_dump(mode="json"), indent=2)),
        (md_path, to_markdown(review)),
    ):
        tmp = path.with_name(path.name + ".tmp")
        # Owner-only: a review carries patient details.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    return json_path, md_path
