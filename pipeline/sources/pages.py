"""A source page's text as ingest saw it (normalized), for verbatim checks: the validator's,
and compose's before it joins a sentence the chunker cut at a run-in heading."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.sources.parse import normalize, parse_pdf


@lru_cache(maxsize=64)
def _pages(file: str, size: int, mtime: float) -> tuple[str, ...]:
    return tuple(normalize(p.text) for p in parse_pdf(Path(file)))


def page_text(file: str, page: int) -> str:
    """The cleaned text of a 1-based page, as ingest saw it; raises for a missing file."""
    path = Path(file)
    stat = path.stat()
    pages = _pages(str(path), stat.st_size, stat.st_mtime)
    if not 1 <= page <= len(pages):
        raise IndexError(f"page {page} is outside 1..{len(pages)}")
    return pages[page - 1]
