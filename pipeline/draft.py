"""Prompt + a pydantic-generated JSON schema whose citation fields are enums of the ids in
the prompt → a draft. The model cannot name a passage it was not shown."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model

from pipeline.injection import quote_for_prompt
from pipeline.llm import LLMClient, LLMError, LLMResult
from pipeline.models import CaseFact, Evidence, Verdict
from pipeline.prompts import Prompt

# (key, heading, max statements, may cite case facts)
SECTIONS: list[tuple[str, str, int, bool]] = [
    ("rationale", "Guideline-Based Rationale", 3, False),
    ("evidence", "Evidence", 3, False),
    ("application", "Application to This Patient", 3, True),
    ("alternatives", "Alternatives", 2, False),
    ("pitfalls", "Common Pitfalls to Avoid", 2, False),
]
HEADINGS = {key: heading for key, heading, _, _ in SECTIONS}
MAX_TEXT = 240
# Printable ASCII keeps a small model from drifting into another script; the length is in
# the pattern because llama.cpp's grammar ignores maxLength when a pattern is present.
TEXT_PATTERN = rf"^[ -~]{{1,{MAX_TEXT}}}$"


def draft_model(evidence_ids: list[str], fact_ids: list[str]) -> type[BaseModel]:
    """The draft's pydantic model, specialised to the ids of this prompt."""
    source_ids = tuple(evidence_ids) or ("NONE",)
    any_ids = tuple(evidence_ids + fact_ids) or ("NONE",)

    def statement(name: str, ids: tuple[str, ...]) -> type[BaseModel]:
        return create_model(
            name,
            text=(str, Field(max_length=MAX_TEXT, pattern=TEXT_PATTERN)),
            citations=(list[Literal[ids]], Field(min_length=1, max_length=3)),  # type: ignore[valid-type]
        )

    source_statement = statement("SourceStatement", source_ids)
    case_statement = statement("CaseStatement", any_ids)
    fields: dict[str, Any] = {}
    for key, _, most, facts in SECTIONS:
        model = case_statement if facts else source_statement
        least = 1 if key in {"rationale", "application"} else 0
        fields[key] = (list[model], Field(min_length=least, max_length=most))  # type: ignore[valid-type]
    fields["documentation_to_request"] = (
        list[str],
        Field(
            max_length=3,
            json_schema_extra={
                "items": {"type": "string", "maxLength": 160, "pattern": r"^[ -~]{1,160}$"}
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
    blocks = []
    for ev in evidence:
        where = f"{ev.title or ev.file.rsplit('/', 1)[-1]}, page {ev.page_label or ev.page}"
        if ev.section:
            where += f', section "{ev.section}"'
        # Passages are fenced as quoted data; see the system rules.
        blocks.append(f"[{ev.id}] ({where})\n<<<\n{quote_for_prompt(ev.text)}\n>>>")
    return "\n\n".join(blocks) if blocks else "(no passages were found)"


def format_facts(facts: list[CaseFact]) -> str:
    return "\n".join(f"[{f.id}] {f.text}" for f in facts)


def write_draft(
    client: LLMClient,
    prompt: Prompt,
    *,
    question: str,
    treatment: str,
    facts: list[CaseFact],
    evidence: list[Evidence],
) -> tuple[dict[str, Any], LLMResult]:
    model = draft_model([e.id for e in evidence], [f.id for f in facts])
    messages = prompt.render(
        question=question,
        case_facts=format_facts(facts),
        evidence=format_evidence(evidence),
        treatment=treatment,
    )
    result = client.complete_json(messages, strict_schema(model), "review_draft")
    try:
        parsed = model.model_validate(_trim(result.data))
    except ValidationError as exc:
        raise LLMError(
            f"draft does not match the schema: {exc.error_count()} errors; "
            f"first: {exc.errors()[0]['msg']}"
        ) from exc
    return parsed.model_dump(), result


def _trim(data: Any) -> Any:
    """Cut statements a server let run past the limit back to a word boundary, dropping
    characters outside the pattern (a remote server may not enforce it)."""
    if isinstance(data, dict):
        return {
            k: (_cut(v) if k == "text" and isinstance(v, str) else _trim(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_trim(x) for x in data]
    return data


def _cut(text: str) -> str:
    text = re.sub(r"[^ -~]", "", text).strip() or "(empty)"
    if len(text) <= MAX_TEXT:
        return text
    return text[:MAX_TEXT].rsplit(" ", 1)[0].rstrip(",;: ")
