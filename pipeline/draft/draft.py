"""Prompt + a pydantic-generated JSON schema whose citation fields are enums of the ids in
the prompt → a draft. The model cannot name a passage it was not shown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model

from pipeline.llm import LLMClient, LLMError, LLMResult
from pipeline.llm.prompts import Prompt
from pipeline.models import CaseFact, Evidence, Verdict
from pipeline.sources.injection import quote_for_prompt

# (key, heading, max statements, may cite case facts)
SECTIONS: list[tuple[str, str, int, bool]] = [
    ("rationale", "Guideline-Based Rationale", 2, False),
    ("evidence", "Evidence", 2, False),
    ("application", "Application to This Patient", 2, True),
    ("alternatives", "Alternatives", 2, False),
    ("pitfalls", "Common Pitfalls to Avoid", 2, False),
]
HEADINGS = {key: heading for key, heading, _, _ in SECTIONS}
MAX_TEXT = 240
MAX_QUOTE = 160


def _ascii(limit: int) -> str:
    # Printable ASCII keeps a small model from drifting into another script; the length is
    # in the pattern because llama.cpp's grammar ignores maxLength when a pattern is present.
    return rf"^[ -~]{{1,{limit}}}$"


def _text(limit: int) -> Any:
    return (str, Field(max_length=limit, pattern=_ascii(limit)))


def _ids(ids: tuple[str, ...], least: int, most: int) -> Any:
    return (list[Literal[ids]], Field(min_length=least, max_length=most))  # type: ignore[valid-type]


def draft_model(evidence_ids: list[str], fact_ids: list[str]) -> type[BaseModel]:
    """The draft's pydantic model, specialised to the ids of this prompt: every citation
    field is an enum of sentence ids (E3.2) or case-fact ids (F1) that the prompt showed."""
    source_ids = tuple(evidence_ids) or ("NONE",)
    fact_only = tuple(fact_ids) or ("NONE",)
    any_ids = tuple(evidence_ids + fact_ids) or ("NONE",)
    criterion = create_model(
        "DraftCriterion",  # not models.Criterion: the schema of what the model may write
        text=_text(200),
        kind=(Literal["required", "exclusion"], ...),
        sources=_ids(source_ids, 1, 2),
        status=(Literal["met", "not_met", "not_documented"], ...),
        facts=_ids(fact_only, 0, 3),
    )
    source_statement = create_model(
        "SourceStatement",
        text=_text(MAX_TEXT),
        quote=_text(MAX_QUOTE),
        citations=_ids(source_ids, 1, 2),
    )
    case_statement = create_model(
        "CaseStatement", text=_text(MAX_TEXT), quote=_text(MAX_QUOTE), citations=_ids(any_ids, 1, 3)
    )
    fields: dict[str, Any] = {
        "criteria": (list[criterion], Field(min_length=0, max_length=3)),  # type: ignore[valid-type]
    }
    for key, _, most, facts in SECTIONS:
        model = case_statement if facts else source_statement
        least = 1 if key in {"rationale", "application"} else 0
        fields[key] = (list[model], Field(min_length=least, max_length=most))  # type: ignore[valid-type]
    fields["documentation_to_request"] = (
        list[str],
        Field(
            max_length=3,
            json_schema_extra={
                "items": {"type": "string", "maxLength": 160, "pattern": _ascii(160)}
            },
        ),
    )
    fields["verdict"] = (Verdict, ...)
    return create_model("ReviewDraft", **fields)


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """JSON schema for strict structured output: refs inlined, no extra keys, all required."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(defs[node["$ref"].split("/")[-1]])
            out = {k: walk(v) for k, v in node.items() if k not in {"title", "default"}}
            if "const" in out:  # one allowed id: say it as an enum, like the others
                out["enum"] = [out.pop("const")]
            if out.get("type") == "object":
                out["additionalProperties"] = False
                out["required"] = list(out.get("properties", {}))
            return out
        if isinstance(node, list):
            return [walk(x) for x in node]
        return node

    return walk(schema)


def format_evidence(evidence: list[Evidence]) -> str:
    """Passages as fenced, quoted data, one numbered sentence per line."""
    blocks: list[str] = []
    current = None
    for ev in evidence:
        if ev.passage != current:
            if current is not None:
                blocks.append(">>>\n")
            current = ev.passage
            where = f"{ev.title or ev.file.rsplit('/', 1)[-1]}, page {ev.page_label or ev.page}"
            if ev.section:
                where += f', section "{ev.section}"'
            blocks.append(f"[{ev.passage}] ({where})\n<<<")
        blocks.append(f"[{ev.id}] {quote_for_prompt(ev.text)}")
    if current is not None:
        blocks.append(">>>")
    return "\n".join(blocks) if blocks else "(no passages were found)"


def format_facts(facts: list[CaseFact]) -> str:
    return "\n".join(f"[{f.id}] {f.text}" for f in facts)


# Field order of the draft schema; llama.cpp and OpenAI emit properties in this order.
DRAFT_KEYS = ["criteria", *[k for k, *_ in SECTIONS], "documentation_to_request", "verdict"]


class SectionStream:
    """Feeds on the streamed JSON text; calls ``emit(key, value)`` once per field as soon
    as the next field starts (the value is complete then), before the whole draft is."""

    def __init__(self, emit: Callable[[str, Any], None], keys: list[str] | None = None) -> None:
        self.emit = emit
        self.keys = keys or DRAFT_KEYS
        self.done: set[str] = set()

    def feed(self, text: str) -> None:
        for key, after in zip(self.keys, self.keys[1:], strict=False):
            if key in self.done:
                continue
            start = re.search(rf'"{key}"\s*:', text)
            end = re.search(rf',\s*"{after}"\s*:', text)
            if not (start and end and end.start() > start.end()):
                return  # fields arrive in order: nothing later is complete either
            try:
                value = json.loads(text[start.end() : end.start()])
            except json.JSONDecodeError:
                return
            self.done.add(key)
            self.emit(key, value)


def write_draft(
    client: LLMClient,
    prompt: Prompt,
    *,
    question: str,
    treatment: str,
    facts: list[CaseFact],
    evidence: list[Evidence],
    on_section: Callable[[str, Any], None] | None = None,
) -> tuple[dict[str, Any], LLMResult]:
    model = draft_model([e.id for e in evidence], [f.id for f in facts])
    messages = prompt.render(
        question=question,
        case_facts=format_facts(facts),
        evidence=format_evidence(evidence),
        treatment=treatment,
    )
    stream = SectionStream(on_section) if on_section else None
    result = client.complete_json(
        messages, strict_schema(model), "review_draft", on_text=stream.feed if stream else None
    )
    try:
        parsed = model.model_validate(_trim(result.data))
    except ValidationError as exc:
        raise LLMError(
            f"draft does not match the schema: {exc.error_count()} errors; "
            f"first: {exc.errors()[0]['msg']}"
        ) from exc
    return parsed.model_dump(), result


_LIMITS = {"text": MAX_TEXT, "quote": MAX_QUOTE}


def _trim(data: Any) -> Any:
    """Cut statements a server let run past the limit back to a word boundary, dropping
    characters outside the pattern (a remote server may not enforce it)."""
    if isinstance(data, dict):
        return {
            k: (_cut(v, _LIMITS[k]) if k in _LIMITS and isinstance(v, str) else _trim(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_trim(x) for x in data]
    return data


def _cut(text: str, limit: int) -> str:
    text = re.sub(r"[^ -~]", "", text).strip() or "(empty)"
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;: ")
