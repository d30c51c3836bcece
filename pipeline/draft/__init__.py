"""Drafting: the free-mode draft (draft.py: a prompt and a schema whose citation fields are
enums of the ids shown) and the compose mode (compose.py). Re-exports only."""

from pipeline.draft.draft import (
    DRAFT_KEYS,
    HEADINGS,
    MAX_QUOTE,
    MAX_TEXT,
    SECTIONS,
    SectionStream,
    draft_model,
    format_evidence,
    format_facts,
    strict_schema,
    write_draft,
)

__all__ = [
    "DRAFT_KEYS",
    "HEADINGS",
    "MAX_QUOTE",
    "MAX_TEXT",
    "SECTIONS",
    "SectionStream",
    "draft_model",
    "format_evidence",
    "format_facts",
    "strict_schema",
    "write_draft",
]
