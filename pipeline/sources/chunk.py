"""Pages → Chunks, token-aware (tiktoken), never crossing a page or a section heading.

Each chunk is an exact slice of its page's cleaned text, so its text is verbatim on that
page by construction. Chunks carry the heading in force at their start. An optional
``limit_fn`` (the embedder's own token count) splits any chunk the embedder would truncate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import tiktoken

from pipeline import assets
from pipeline.models import Chunk, Page

CHUNKER_VERSION = "chunk-4"

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "e.g",
    "i.e",
    "al",
    "vs",
    "fig",
    "figs",
    "no",
    "dr",
    "mr",
    "mrs",
    "ms",
    "approx",
    "ref",
    "refs",
    "suppl",
    "vol",
    "pp",
    "st",
    "cf",
    "incl",
}
_CITATION = re.compile(r"\b(?:19|20)\d{2}\s?;\s?\d+\s?(?:\(\d+\))?\s?:\s?\w?\d+")
_ET_AL = re.compile(r"\bet al\b")
# (a footnote's own mark starts one too: "... DMARDs. † Anakinra was not included ...")
_BOUNDARY = re.compile(r"[.!?][\"”')\]]*\s+(?=[A-Z0-9(\"“•\-–]|[†‡§¶]\s*[A-Z])")
# A boundary the PDF lost: a line with no full stop (a recommendation set as a bold heading,
# a table row) runs into the next sentence when the page is joined into one line. A
# capitalised function word right after a lowercase word ("... disease activity There is
# low-certainty evidence"), a list number starting an item ("... (PICO 14) 3. Treat
# with"), or a capitalised word after a table's number cell ("... p. 167 Initiation of")
# starts a sentence in prose; inside one it almost never stands.
_RUN_ON = re.compile(
    r"(?<=[a-z0-9)\]])\s+(?="
    r"(?:The|This|These|There|That|Those|It|In|For|We|Despite|Although|Because|However|"
    r"When|If|Among|Given|Our|Its|Their|Both|Most|Several|Such|Additional|Further)\s+[a-z]"
    r"|\d{1,2}\.\s+[A-Z][a-z])"
    r"|(?<=\d)\s+(?=[A-Z][a-z]{2,}\s+[a-z]{2,})"
    # a recommendation's subject after a run-in heading or a table cell ("DMARD
    # monotherapy Methotrexate is strongly recommended", "activity# Methotrexate ...")
    r"|(?<=[a-z0-9)\]#*†‡§¶])\s+(?=[A-Z][a-z][\w-]+(?:\s+[a-z][\w-]*){0,5}\s+(?:is|are)\s+"
    r"(?:strongly\s+|conditionally\s+)?recommended\b)"
)


def embed_prefix(section: str | None) -> str:
    """Chunks are embedded with their heading in front (the stored text stays verbatim):
    a passage under "First-line therapy" should match a query about first-line therapy."""
    return f"{section}: " if section else ""


def embedding_text(chunk: Chunk) -> str:
    return embed_prefix(chunk.section) + chunk.text


def is_bibliography(text: str) -> bool:
    """Reference-list text ("Smith J, et al. Arthritis Rheumatol 2019;71:864-77."): it
    matches queries by topic words but states nothing a review could rest on."""
    citations = len(_CITATION.findall(text))
    return citations >= 2 or (citations >= 1 and len(_ET_AL.findall(text)) >= 2)


@lru_cache(maxsize=4)
def encoder(name: str) -> tiktoken.Encoding:
    # Library callers may not have gone through the CLI: make sure tiktoken never downloads.
    assets.ensure_tiktoken_default(name)
    return tiktoken.get_encoding(name)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences in text[start:end]; no whitespace at either edge."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    # (where the sentence stops, where the next one starts), in text order
    breaks: list[tuple[int, int, bool]] = [
        (m.start() + len(m.group(0).rstrip()), m.end(), True)
        for m in _BOUNDARY.finditer(text, start, end)
    ]
    breaks += [(m.start(), m.end(), False) for m in _RUN_ON.finditer(text, start, end)]
    for stop, nxt, stop_mark in sorted(breaks):
        if nxt <= cursor:
            continue
        if stop_mark:
            before = text[cursor:stop].rstrip(".!?\"”')] ").rsplit(" ", 1)[-1].lower()
            if before in _ABBREV or (len(before) == 1 and before.isalpha()):
                continue
            if before.isdigit() and text[cursor:stop].strip().rstrip(".") == before:
                continue  # a list item's own number ("2. Treat with ...")
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = nxt
    if cursor < end and text[cursor:end].strip():
        spans.append((cursor, end - (len(text[cursor:end]) - len(text[cursor:end].rstrip()))))
    return spans


def _split_long(
    text: str, span: tuple[int, int], enc: tiktoken.Encoding, max_tokens: int
) -> list[tuple[int, int]]:
    """Break one over-long span at word boundaries into pieces of at most max_tokens."""
    start, end = span
    pieces: list[tuple[int, int]] = []
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    piece_start = None
    count = 0
    last_end = start
    for ws, we in words:
        n = len(enc.encode(text[start + ws : start + we] + " "))
        if piece_start is not None and count + n > max_tokens:
            pieces.append((piece_start, last_end))
            piece_start, count = None, 0
        if piece_start is None:
            piece_start = start + ws
        count += n
        last_end = start + we
    if piece_start is not None:
        pieces.append((piece_start, last_end))
    return pieces


def _pack(
    text: str, spans: list[tuple[int, int]], enc: tiktoken.Encoding, max_tokens: int
) -> list[tuple[int, int]]:
    """Greedily pack sentence spans into chunks of at most max_tokens."""
    chunks: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for span in spans:
        n = len(enc.encode(text[span[0] : span[1]]))
        if n > max_tokens:
            if cur:
                chunks.append(cur)
                cur = None
            chunks.extend(_split_long(text, span, enc, max_tokens))
            continue
        if cur is None:
            cur = span
        elif len(enc.encode(text[cur[0] : span[1]])) <= max_tokens:
            cur = (cur[0], span[1])
        else:
            chunks.append(cur)
            cur = span
    if cur:
        chunks.append(cur)
    return chunks


def chunk_pages(
    pages: Iterable[Page],
    *,
    source_id: str,
    file: str,
    encoding: str = "cl100k_base",
    max_tokens: int = 180,
    min_tokens: int = 24,
    limit_fn: Callable[[str], bool] | None = None,
) -> list[Chunk]:
    """Chunk every page; ``limit_fn(text)`` is True when the embedder would truncate text."""
    enc = encoder(encoding)
    out: list[Chunk] = []
    section: str | None = None
    for page in pages:
        text = page.text
        if not text:
            continue
        bounds = sorted({0, len(text), *(off for off, _ in page.headings if 0 < off < len(text))})
        headings = dict(page.headings)
        for seg_start, seg_end in zip(bounds, bounds[1:], strict=False):
            body_start = seg_start
            if seg_start in headings:
                section = headings[seg_start]
                # The heading goes into metadata, not into the passage text.
                body_start = min(seg_end, seg_start + len(section) + 1)
            spans = sentence_spans(text, body_start, seg_end)
            packed = _pack(text, spans, enc, max_tokens)
            packed = _merge_small(text, packed, enc, min_tokens, max_tokens)
            for start, end in packed:
                for s, e in _fit(text, (start, end), enc, _prefixed(limit_fn, section)):
                    piece = text[s:e]
                    out.append(
                        Chunk(
                            id=f"{source_id[:16]}:p{page.index + 1}:{s}",
                            source_id=source_id,
                            file=file,
                            page=page.index + 1,
                            page_label=page.label,
                            section=section,
                            start=s,
                            end=e,
                            text=piece,
                            tokens=len(enc.encode(piece)),
                        )
                    )
    return out


def _prefixed(
    limit_fn: Callable[[str], bool] | None, section: str | None
) -> Callable[[str], bool] | None:
    """The embedder limit applied to what is embedded: heading prefix plus text."""
    if limit_fn is None:
        return None
    prefix = embed_prefix(section)
    return lambda text: limit_fn(prefix + text)


def _merge_small(
    text: str,
    spans: list[tuple[int, int]],
    enc: tiktoken.Encoding,
    min_tokens: int,
    max_tokens: int,
) -> list[tuple[int, int]]:
    """Fold a too-short trailing piece into its neighbour when it fits."""
    if len(spans) < 2:
        return spans
    last = spans[-1]
    if len(enc.encode(text[last[0] : last[1]])) < min_tokens:
        merged = (spans[-2][0], last[1])
        if len(enc.encode(text[merged[0] : merged[1]])) <= max_tokens:
            return spans[:-2] + [merged]
    return spans


def _fit(
    text: str, span: tuple[int, int], enc: tiktoken.Encoding, limit_fn: Callable[[str], bool] | None
) -> list[tuple[int, int]]:
    """Split a span in halves until the embedder reads each piece whole."""
    if limit_fn is None or not limit_fn(text[span[0] : span[1]]):
        return [span]
    n = len(enc.encode(text[span[0] : span[1]]))
    halves = _split_long(text, span, enc, max(8, (n + 1) // 2))
    if len(halves) < 2:
        return [span]
    return [piece for half in halves for piece in _fit(text, half, enc, limit_fn)]
