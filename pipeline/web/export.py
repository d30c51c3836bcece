"""Review → Markdown (render.py), DOCX (python-docx) and PDF (fpdf2).

DOCX and PDF are laid out from the Markdown render, so all three say the same thing in the
same order: title, verdict, criteria, sections, recommendation, references, disclaimer.
"""

from __future__ import annotations

import io
import re

from pipeline.models import Review
from pipeline.render import to_markdown

_INLINE = re.compile(r"\*\*|`|<sub>|</sub>|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")


def blocks(review: Review, approval: dict | None = None) -> list[tuple[str, str]]:
    """(kind, plain text) per Markdown line: title, heading, bullet or para."""
    out: list[tuple[str, str]] = []
    for line in to_markdown(review, approval).splitlines():
        if not line.strip():
            continue
        if line.startswith("# "):
            out.append(("title", _plain(line[2:])))
        elif line.startswith("## "):
            out.append(("heading", _plain(line[3:])))
        elif line.lstrip().startswith("- "):  # worksheet rows nest by indentation
            depth = (len(line) - len(line.lstrip())) // 2
            out.append(("bullet", "  " * depth + _plain(line.lstrip()[2:])))
        else:
            out.append(("para", _plain(line)))
    return out


_ESCAPED = re.compile(r"\\([<&])")


def _plain(text: str) -> str:
    # The Markdown escapes what an HTML viewer would read as markup; a Word or PDF page
    # shows the characters themselves.
    return _ESCAPED.sub(r"\1", _INLINE.sub("", text).replace("_", " ")).strip()


def to_docx(review: Review, approval: dict | None = None) -> bytes:
    from docx import Document  # the web extra, at the first DOCX export
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    for kind, text in blocks(review, approval):
        if kind == "title":
            doc.add_heading(text, level=1)
        elif kind == "heading":
            doc.add_heading(text, level=2)
        elif kind == "bullet":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# Core PDF fonts are Latin-1: spell out what guideline text commonly holds beyond it.
_LATIN1 = str.maketrans(
    {
        "≥": ">=",
        "≤": "<=",
        "–": "-",
        "—": "-",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "⚠": "!",
        "•": "-",
        "…": "...",
        "→": "->",
        "×": "x",
        "µ": "u",
    }
)


def _latin1(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def to_pdf(review: Review, approval: dict | None = None) -> bytes:
    from fpdf import FPDF  # the web extra, at the first PDF export

    pdf = FPDF(format="Letter")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, text in blocks(review, approval):
        text = _latin1(text)
        if kind == "title":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(width, 7, text)
            pdf.ln(2)
        elif kind == "heading":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(width, 6, text)
        elif kind == "bullet":
            pdf.set_font("Helvetica", "", 10)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(width - 4, 5, "- " + text)
        else:
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(width, 5, text)
        pdf.set_x(pdf.l_margin)
    return bytes(pdf.output())
