"""Checking a case's sources: each fact's quote found again on its page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.cases.identifiers import MASK
from pipeline.cases.packet import PacketPage, find_documents, read_document
from pipeline.models import Case, FactSource
from pipeline.sources.parse import normalize


def verify_sources(case: Case, paths: list[Path] | Path) -> list[str]:
    """Each fact's quote found again on its page (identifiers masked match anything), each
    typed value among that page's values; returns the problems, none when all hold."""
    return check_sources(case.sources.items(), paths)


def check_sources(items: Iterable[tuple[str, FactSource]], paths: list[Path] | Path) -> list[str]:
    """``verify_sources`` for any (name, source) pairs: a case's, or a review's case facts."""
    problems: list[str] = []
    cache: dict[str, list[PacketPage]] = {}
    docs, _ = find_documents([paths] if isinstance(paths, str | Path) else list(paths))
    files = {p.name: p for p in docs}
    folder = ", ".join(str(p) for p in ([paths] if isinstance(paths, str | Path) else paths))
    for key, src in items:
        if src.fhir or src.page is None or not src.quote:
            continue
        path = files.get(src.file)
        if path is None:
            problems.append(f"{key}: {src.file} is not in {folder}")
            continue
        if src.file not in cache:
            cache[src.file] = read_document(path)
        pages = cache[src.file]
        if not 1 <= src.page <= len(pages):
            problems.append(f"{key}: {src.file} has no page {src.page}")
            continue
        page = pages[src.page - 1]
        haystacks = [page.text, *page.rows, *(v.value for v in page.values)]
        if src.field and " | " in src.quote:  # a table row of typed values
            found = all(any(_found(cell, h) for h in haystacks) for cell in src.quote.split(" | "))
        else:
            found = any(_found(src.quote, h) for h in haystacks)
        if not found:
            problems.append(f"{key}: not found on {src.file} p. {src.page}: {src.quote[:80]!r}")
    return problems


def _found(quote: str, text: str) -> bool:
    """The quote in the text, in order, with each ``[withheld]`` standing for any words."""
    pieces = [normalize(p) for p in quote.split(MASK)]
    text = normalize(text)
    at = 0
    for piece in pieces:
        if not piece:
            continue
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def fact_context(folder: Path, source: FactSource, width: int = 240) -> dict[str, str] | None:
    """The page text around a fact's quote (before, quote, after) for showing it in place;
    None when the file or the quote cannot be found there."""
    if not source.page or not source.quote:
        return None
    files = {p.name: p for p in find_documents([folder])[0]}
    path = files.get(source.file)
    if path is None:
        return None
    pages = read_document(path)
    if not 1 <= source.page <= len(pages):
        return None
    page = pages[source.page - 1]
    for text in [page.text, *page.rows]:
        text = normalize(text)
        first = normalize(source.quote.split(MASK)[0]) or normalize(source.quote)
        at = text.find(first)
        if at >= 0 and _found(source.quote, text[at:]):
            end = at + len(first)
            for piece in source.quote.split(MASK)[1:]:
                end = text.find(normalize(piece), end) + len(normalize(piece))
            return {
                "before": text[max(0, at - width) : at],
                "quote": text[at:end],
                "after": text[end : end + width],
            }
    return None
