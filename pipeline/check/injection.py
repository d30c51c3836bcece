"""Moved to ``pipeline.sources.injection`` (issue 28: ingest flags sources with it, below the
checks). This re-export stays only for draft/compose.py, which another branch is editing;
it goes when that branch lands and imports ``pipeline.sources.injection``."""

from pipeline.sources.injection import instruction_flags, quote_for_prompt  # noqa: F401
