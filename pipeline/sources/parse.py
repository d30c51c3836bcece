"""PDF → Pages with pypdf: page index and printed label, running headers/footers removed,
hyphenated line breaks joined, ligatures folded, whitespace normalized.

The cleaned page text is the reference every evidence passage must be found in verbatim,
so ingest and validation both call ``parse_pdf`` and get byte-identical text.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from pipeline.errors import NecessityError
from pipeline.models import Page

PARSER_VERSION = "parse-3"
log = logging.getLogger(__name__)


class ParseError(NecessityError, ValueError):
    """A file that cannot be turned into text; the message names the reason."""


_DIGITS = re.compile(r"\d+")
_HYPHEN_BREAK = re.compile(r"([a-z])-\n([a-z])")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = (".", ":", ";", "?", "!", ",")
# A line that goes on into the next one is no heading: it ends on a word that needs more
# ("Methotrexate is conditionally recommended over" / "leflunomide for ..."), or it is a
# recommendation's own clause (guidelines set those in bold, like headings).
_CONTINUES = re.compile(r"\b(for|over|with|of|and|or|the|to|in|a|an|on|by|than|versus|vs)$", re.I)
_STATEMENT = re.compile(
    r"\b(?:is|are|be|we) (?:\w+ )?(?:recommended|recommend|preferred|considered)\b", re.I
)


def _line_key(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())


def _running_lines(pages_lines: list[list[str]]) -> set[str]:
    """Lines (digits masked) that repeat at the top or bottom of many pages."""
    if len(pages_lines) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages_lines:
        edge = {_line_key(x) for x in lines[:3] + lines[-3:] if x.strip()}
        counts.update(edge)
    threshold = max(3, int(0.3 * len(pages_lines)))
    running = {key for key, n in counts.items() if n >= threshold and len(key) < 160}
    # A header or footer is printed once at a page's edge; a key most of a page's edge
    # lines share (a list of near-identical items, digits masked) is content.
    for lines in pages_lines:
        edge = Counter(_line_key(x) for x in lines[:3] + lines[-3:] if x.strip())
        running -= {key for key, n in edge.items() if n > 2}
    return running


def _is_heading(line: str, prev: str | None) -> bool:
    text = line.strip()
    if not (3 <= len(text) <= 70) or text.endswith(_SENTENCE_END + ("-",)):
        return False
    words = text.split()
    if len(words) > 9 or not (text[0].isupper() or text[0].isdigit()):
        return False
    if sum(ch.isalpha() for ch in text) < 0.6 * len(text):
        return False
    if _CONTINUES.search(text) or _STATEMENT.search(text):
        return False
    # A heading starts a block: the line before it ended a sentence (or there was none).
    return prev is None or prev.strip().endswith((".", ":", "?", "!")) or _is_upper(prev)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _without_running(lines: list[str], running: set[str]) -> list[str]:
    """Running lines go only where they run: among the first and last three lines of the
    page. Elsewhere the same shape is content (a lab table's bare "78" or "-")."""
    filled = [i for i, x in enumerate(lines) if x.strip()]
    edge = set(filled[:3] + filled[-3:])
    return [x for i, x in enumerate(lines) if i not in edge or _line_key(x) not in running]


def clean_page(raw: str, running: set[str]) -> tuple[str, list[tuple[int, str]]]:
    """Raw extracted text → (normalized text, [(offset, heading)])."""
    raw = unicodedata.normalize("NFKC", raw).replace("\u00ad", "")
    lines = _without_running(raw.splitlines(), running)
    joined = _HYPHEN_BREAK.sub(r"\1\2", "\n".join(lines))
    headings: list[tuple[int, str]] = []
    parts: list[str] = []
    length = 0
    prev: str | None = None
    for line in joined.split("\n"):
        piece = _SPACES.sub(" ", line).strip()
        if not piece:
            continue
        if _is_heading(piece, prev):
            headings.append((length + (1 if parts else 0), piece))
        if parts:
            length += 1
        parts.append(piece)
        length += len(piece)
        prev = piece
    return " ".join(parts), headings


def normalize(text: str) -> str:
    """The comparison form for verbatim checks: NFKC, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException so no ``except Exception`` in pypdf eats it."""


@contextmanager
def _time_bound(seconds: float | None) -> Iterator[None]:
    """A hard bound where a signal can deliver it (the main thread of the CLI or of a parse
    worker); elsewhere the caller's checks between pages are the bound."""
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_pdf(path: Path, max_pages: int = 5000, max_seconds: float | None = None) -> list[Page]:
    """Read a PDF into cleaned pages. Raises ParseError with the reason for bad files,
    and for a file whose text takes longer than ``max_seconds`` to extract."""
    try:
        with _time_bound(max_seconds):
            return _parse_pdf(Path(path), max_pages, max_seconds)
    except _OutOfTime:
        raise ParseError(
            f"text extraction took longer than {max_seconds:g}s (limits.parse_seconds)"
        ) from None


def _parse_pdf(path: Path, max_pages: int, max_seconds: float | None) -> list[Page]:
    until = time.monotonic() + max_seconds if max_seconds is not None else None
    if not path.exists():
        raise ParseError("file does not exist")
    if path.stat().st_size == 0:
        raise ParseError("empty file (0 bytes)")
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF"):
            raise ParseError("not a PDF (no %PDF header)")
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ParseError("encrypted PDF")
        count = len(reader.pages)
        if count > max_pages:
            raise ParseError(f"{count} pages exceeds the limit of {max_pages}")
        labels = list(reader.page_labels)
        raws = []
        for page in reader.pages:
            if until is not None and time.monotonic() > until:
                raise _OutOfTime
            raws.append(page.extract_text() or "")
    except (ParseError, _OutOfTime):
        raise
    except Exception as exc:  # noqa: BLE001 pypdf raises many kinds (LimitReachedError for
        # decompression bombs, RecursionError for nested content): each is this file's fault
        raise ParseError(f"unreadable PDF ({type(exc).__name__}: {str(exc)[:200]})") from exc
    if count == 0:
        raise ParseError("PDF has no pages")
    pages_lines = [unicodedata.normalize("NFKC", r).splitlines() for r in raws]
    running = _running_lines(pages_lines)
    pages = []
    for index, raw in enumerate(raws):
        text, headings = clean_page(raw, running)
        label = labels[index] if index < len(labels) else str(index + 1)
        pages.append(Page(index=index, label=label, text=text, headings=headings))
    if not any(p.text for p in pages):
        raise ParseError("no text layer (scanned PDF?)")
    return pages


def pdf_info(path: Path) -> dict[str, str]:
    """Title and author from the PDF's own metadata, where it has any."""
    try:
        meta = PdfReader(str(path)).metadata or {}
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return {}
    info = {"title": meta.get("/Title"), "publisher": meta.get("/Author")}
    return {k: " ".join(str(v).split()) for k, v in info.items() if v and str(v).strip()}
