"""The model's one call in compose mode: the candidates shown per section (documents named
once in a legend), a schema whose fields are enums of the ids shown, and its picks read back
(the fallback is the best-ranked)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.draft.gather import Candidates
from pipeline.draft.sections import HEADINGS
from pipeline.llm import LLMClient, LLMError, LLMResult, LLMUnavailable
from pipeline.llm.prompts import Prompt
from pipeline.models import CaseFact, Evidence
from pipeline.sources.injection import quote_for_prompt


def selection_schema(by_section: dict[str, list[Evidence]], picks: int) -> dict[str, Any]:
    properties = {
        key: {
            "type": "array",
            "items": {"type": "string", "enum": [e.id for e in evs]},
            "maxItems": picks,
        }
        for key, evs in by_section.items()
        if evs
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def format_candidates(by_section: dict[str, list[Evidence]]) -> str:
    """Documents named once in a legend (D1, D2, ...), then each section's sentences with
    their document and page: long guideline titles would otherwise fill the prompt."""
    docs: dict[str, str] = {}
    for evs in by_section.values():
        for ev in evs:
            docs.setdefault(ev.source_id, ev.title or ev.file.rsplit("/", 1)[-1])
    label = {sid: f"D{i}" for i, sid in enumerate(docs, 1)}
    blocks = ["DOCUMENTS:\n" + "\n".join(f"{label[sid]}: {t}" for sid, t in docs.items())]
    for key, evs in by_section.items():
        if not evs:
            continue
        lines = [f"SECTION {key} ({HEADINGS[key]}):"]
        for ev in evs:
            where = f"{label[ev.source_id]} p.{ev.page_label or ev.page}"
            lines.append(f"[{ev.id}] ({where}) {quote_for_prompt(ev.text)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def select(
    client: LLMClient | None,
    prompt: Prompt,
    question: str,
    facts: list[CaseFact],
    candidates: Candidates,
    picks: int,
    on_text: Callable[[str], None] | None = None,
) -> tuple[dict[str, list[str]], LLMResult | None, str | None]:
    """(section → chosen ids, the call's result, why the fallback was used). ``on_text``
    hears the reply as it streams."""
    fallback = {k: [e.id for e in evs[:2]] for k, evs in candidates.by_section.items()}
    if client is None or not any(candidates.by_section.values()):
        return fallback, None, "no model" if client is None else None
    messages = prompt.render(
        question=question,
        case_facts="\n".join(f"[{f.id}] {f.text}" for f in facts),
        candidates=format_candidates(candidates.by_section),
    )
    try:
        result = client.complete_json(
            messages,
            selection_schema(candidates.by_section, picks),
            "section_selection",
            on_text=on_text,
        )
    except LLMUnavailable:
        raise
    except LLMError as exc:
        return fallback, None, f"the model's selection was unusable ({exc}); best-ranked taken"
    chosen: dict[str, list[str]] = {}
    for key, evs in candidates.by_section.items():
        order = {e.id: n for n, e in enumerate(evs)}
        got = result.data.get(key) if isinstance(result.data, dict) else None
        ids = [i for i in (got if isinstance(got, list) else []) if i in order]
        # The model chooses which; the ranking says in what order a reviewer reads them.
        chosen[key] = sorted(dict.fromkeys(ids), key=order.__getitem__)[:picks]
    return chosen, result, None
