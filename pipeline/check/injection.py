"""Moved to ``pipeline.sources.injection`` (issue 28: ingest flags sources with it, below the
checks). This re-export stays only for draft/compose.py and cases/narrative.py, which other
branches were editing; it goes once they import ``pipeline.sources.injection``."""

from pipeline.sources.injection import instruction_flags, quote_for_prompt  # noqa: F401
