"""Our sample corpus: Markdown sources in ``corpus/sources`` (front matter + text we wrote)
rendered to PDFs, so the demo and tests exercise the same PDF path as real documents."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

import yaml

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
_ASCII = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "≥": ">=",
        "≤": "<=",
        "×": "x",
        "•": "-",
    }
)

_NEXT = {"new_x": "LMARGIN", "new_y": "NEXT"}


def read_source(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if not match:
        raise ValueError(f"{path}: corpus source needs front matter (title, publisher, year)")
    return yaml.safe_load(match.group(1)) or {}, text[match.end() :]


# A policy outline: "1. ...", "  A) ...", "    i. ...", "      a) ...", one item per line.
_OUTLINE = re.compile(r"^\s*(\d+[.)]|[A-Z][.)]|[IVX]+\.|[ivx]+\.|[a-z][.)]|-|o|•) ")


def _outline(pdf: object, block: str) -> None:
    """One item per list marker, indented by its Markdown indentation, as policies print;
    a line without a marker continues the item above it."""
    items: list[tuple[int, str]] = []
    for line in block.splitlines():
        if not line.strip():
            continue
        if _OUTLINE.match(line) or not items:
            items.append(((len(line) - len(line.lstrip())) // 2, line.strip()))
        else:
            items[-1] = (items[-1][0], items[-1][1] + " " + line.strip())
    pdf.set_font("Helvetica", "", 10.5)  # type: ignore[attr-defined]
    for depth, text in items:
        pdf.set_x(22 + 6 * depth)  # type: ignore[attr-defined]
        pdf.multi_cell(0, 5.2, text.translate(_ASCII), **_NEXT)  # type: ignore[attr-defined]
    pdf.ln(1.5)  # type: ignore[attr-defined]


def render_pdf(meta: dict, body: str, target: Path) -> None:
    from fpdf import FPDF  # only `necessity corpus build` renders PDFs

    pdf = FPDF(format="Letter")
    pdf.set_creation_date(datetime(2025, 1, 1, tzinfo=UTC))  # same bytes on every build
    pdf.set_title(str(meta.get("title", target.stem)))
    pdf.set_author(str(meta.get("publisher", "")))
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, str(meta["title"]).translate(_ASCII), **_NEXT)
    pdf.ln(2)
    for raw in re.split(r"\n\s*\n", body.strip()):
        if _OUTLINE.match(raw.strip("\n")):
            _outline(pdf, raw)
            continue
        block = " ".join(line.strip() for line in raw.strip().splitlines()).translate(_ASCII)
        if block.startswith("#"):
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 6, block.lstrip("#").strip(), **_NEXT)
            pdf.ln(1)
        elif block.startswith("- "):
            pdf.set_font("Helvetica", "", 10.5)
            for item in re.split(r"(?:^| )- ", block)[1:]:
                pdf.multi_cell(0, 5.2, "- " + item.strip(), **_NEXT)
            pdf.ln(1.5)
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5.2, block, **_NEXT)
            pdf.ln(1.5)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    pdf.output(str(tmp))
    tmp.replace(target)


def build_corpus(out_dir: Path, sources: Path | None = None) -> list[Path]:
    """Render every source to ``out_dir`` (skipping unchanged ones) and write manifest.csv."""
    sources = sources or CORPUS_DIR / "sources"
    out_dir.mkdir(parents=True, exist_ok=True)
    built, rows = [], []
    for src in sorted(sources.glob("*.md")):
        meta, body = read_source(src)
        target = out_dir / f"{src.stem}.pdf"
        if not target.exists() or target.stat().st_mtime < src.stat().st_mtime:
            render_pdf(meta, body, target)
        built.append(target)
        rows.append(
            {
                "id": src.stem,
                "title": meta["title"],
                "publisher": meta.get("publisher"),
                "year": meta.get("year"),
                "doc_type": meta.get("doc_type", "other"),
                "summarizes": meta.get("summarizes", ""),
            }
        )
    with (out_dir / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    return built
