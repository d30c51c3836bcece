"""Pages with no text layer (a scan, a fax) or a text layer of garbage, read by OCR on the
CPU, offline: the page rendered with pypdfium2, then read by Tesseract (Debian's
``tesseract-ocr``, English) where it is installed, else by RapidOCR's ONNX models, which its
wheel bundles (nothing is downloaded; its recognizer was trained mostly on Chinese and
drops spaces between English words, so Tesseract is preferred). Each word or line keeps its
box, so rows (and a form's labels and values) are laid out as for a text page, and the
page's confidence is kept for the writer."""

from __future__ import annotations

import logging
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.settings import child_env

log = logging.getLogger(__name__)
SCALE = 2.0  # RapidOCR: 144 dpi (its recognizer resizes each line to 48 pixels anyway)
TESSERACT_SCALE = 300 / 72  # Tesseract reads best at 300 dpi
TESSERACT_SECONDS = 120  # a page that takes longer is unreadable, not a hung packet
_ENGINE: Any = None
_LOCK = threading.Lock()  # one engine, one page at a time: it holds ONNX sessions


class OcrError(RuntimeError):
    pass


@dataclass
class OcrPage:
    rows: list[str] = field(default_factory=list)  # top to bottom, words left to right
    confidence: float = 0.0  # mean over the lines read, 0..1

    @property
    def text(self) -> str:
        return "\n".join(self.rows)


def needs_ocr(text: str) -> bool:
    """No text layer, or one of garbage: too few characters, mostly not letters, digits and
    punctuation, or words without vowels (a font whose glyphs map to the wrong letters)."""
    body = text.strip()
    if len(body) < 20:
        return True
    plain = sum(
        ch.isascii() and (ch.isalnum() or ch.isspace() or ch in ".,:;()/%-+'\"*#&<>=[]")
        for ch in body
    )
    if plain / len(body) < 0.8:
        return True
    words = re.findall(r"[A-Za-z]{3,}", body)
    if len(words) < 3:
        return True
    voweled = sum(bool(re.search(r"[aeiouyAEIOUY]", w)) for w in words)
    return voweled / len(words) < 0.6


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:  # an install without the OCR extra
            raise OcrError(f"OCR is not installed ({exc})") from exc
        _ENGINE = RapidOCR()
    return _ENGINE


def read_page(path: Path, index: int) -> OcrPage:
    """The page (0-based index) of a PDF read by OCR. Raises OcrError naming the problem."""
    tesseract = shutil.which("tesseract")
    try:
        image = _render(path, index, TESSERACT_SCALE if tesseract else SCALE)
        if tesseract:
            return _tesseract(tesseract, image)
        import numpy as np

        with _LOCK:
            result, _ = _engine()(np.array(image.convert("RGB")), return_word_box=True)
    except OcrError:
        raise
    except Exception as exc:  # noqa: BLE001 a page that cannot be rendered or read
        raise OcrError(f"OCR failed ({type(exc).__name__}: {str(exc)[:160]})") from exc
    return lay_out(result or [])


def _render(path: Path, index: int, scale: float) -> Any:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return doc[index].render(scale=scale).to_pil().convert("L")
    finally:
        doc.close()


def _tesseract(binary: str, image: Any) -> OcrPage:
    """Tesseract's words (TSV: box, confidence, text) laid out in rows."""
    with tempfile.TemporaryDirectory() as folder:
        png = Path(folder) / "page.png"
        image.save(png)
        env = child_env(OMP_THREAD_LIMIT="1")  # one core: the machine is shared
        try:
            done = subprocess.run(
                [binary, str(png), "stdout", "-l", "eng", "tsv"],
                capture_output=True,
                text=True,
                timeout=TESSERACT_SECONDS,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise OcrError(f"OCR took longer than {TESSERACT_SECONDS}s") from exc
    if done.returncode != 0:
        raise OcrError(f"tesseract failed: {done.stderr.strip()[:160]}")
    words = []
    for line in done.stdout.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (float(c) for c in cells[6:10])
        conf = max(float(cells[10]), 0.0) / 100
        box = [[left, top], [left + width, top], [left + width, top + height], [left, top + height]]
        words.append([box, cells[11], conf])
    return lay_out(words)


def lay_out(result: list) -> OcrPage:
    """RapidOCR's lines ([box, text, score, char boxes, chars, char scores]) as rows. The
    recognizer's model was trained mostly on Chinese and drops many spaces between English
    words, so a space goes back wherever the gap between two characters is wide."""
    lines = []
    for item in result:
        box, text, score = item[0], item[1], float(item[2])
        if len(item) >= 5 and item[3] and item[4]:
            text = _spaced(item[3], item[4])
        ys = [p[1] for p in box]
        lines.append((min(ys), max(ys), min(p[0] for p in box), " ".join(text.split()), score))
    # Words (Tesseract) or lines (RapidOCR) that sit side by side on a baseline form a row.
    lines = [line for line in lines if line[3]]
    if not lines:
        return OcrPage()
    lines.sort(key=lambda t: ((t[0] + t[1]) / 2, t[2]))
    rows: list[list[tuple]] = []
    for line in lines:
        mid, height = (line[0] + line[1]) / 2, line[1] - line[0]
        if rows:
            last = rows[-1][0]
            if abs((last[0] + last[1]) / 2 - mid) < 0.5 * max(height, last[1] - last[0]):
                rows[-1].append(line)
                continue
        rows.append([line])
    text_rows = [" ".join(t[3] for t in sorted(row, key=lambda t: t[2])) for row in rows]
    return OcrPage(rows=text_rows, confidence=round(statistics.fmean(t[4] for t in lines), 3))


_WIDE = set("mwMWQOD@%")


def _spaced(boxes: list, chars: list[str]) -> str:
    """Characters joined, a space where the gap before one is wide for its line: the char
    boxes come from the recognizer's time steps, so a gap is read against the line's own."""
    heights = [b[2][1] - b[0][1] for b in boxes if len(b) >= 3]
    height = statistics.median(heights) if heights else 20.0
    out = []
    for i, (box, ch) in enumerate(zip(boxes, chars, strict=False)):
        if i and ch != " " and out and out[-1] != " ":
            gap = box[0][0] - boxes[i - 1][1][0]
            # A wide letter's box is as narrow as any other: the gap beside it is the
            # letter's own width, not a space.
            gap -= 0.22 * height * ((ch in _WIDE) + (chars[i - 1] in _WIDE))
            if gap > 0.25 * height:
                out.append(" ")
        out.append(ch)
    return "".join(out)
