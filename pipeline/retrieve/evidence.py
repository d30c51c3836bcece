"""Retrieved passages as the Evidence a draft may cite: passage E{i} split into verbatim
sentences E{i}.{j}, each with its page provenance."""

from __future__ import annotations

from pipeline.models import Chunk, Evidence
from pipeline.sources.chunk import sentence_spans


def sentence_evidence(picked: list[tuple[Chunk, float]], titles: dict[str, str]) -> list[Evidence]:
    """Each retrieved passage E{i} split into citable sentences E{i}.{j}, verbatim."""
    out: list[Evidence] = []
    for i, (chunk, score) in enumerate(picked, 1):
        spans = sentence_spans(chunk.text) or [(0, len(chunk.text))]
        for j, (start, end) in enumerate(spans, 1):
            out.append(
                sentence_of(chunk, i, j, chunk.text[start:end], titles.get(chunk.source_id), score)
            )
    return out


def sentence_of(
    chunk: Chunk, i: int, j: int, text: str, title: str | None, score: float | None = None
) -> Evidence:
    """Sentence j of passage E{i}: the id the draft may cite, with its page provenance."""
    return Evidence(
        id=f"E{i}.{j}",
        passage=f"E{i}",
        chunk_id=chunk.id,
        source_id=chunk.source_id,
        file=chunk.file,
        page=chunk.page,
        page_label=chunk.page_label,
        section=chunk.section,
        title=title,
        text=text,
        score=round(score, 5) if score is not None else None,
        flags=chunk.flags,
    )
