from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from pipeline.sources.parse import ParseError, clean_page, normalize, parse_pdf


def test_sample_pdf_pages_carry_labels_and_text(corpus_pdfs: Path) -> None:
    pages = parse_pdf(corpus_pdfs / "sample-ivig-policy.pdf")
    assert len(pages) >= 1
    assert [p.index for p in pages] == list(range(len(pages)))
    assert all(p.label for p in pages)
    text = " ".join(p.text for p in pages)
    assert "Juvenile idiopathic arthritis and juvenile rheumatoid arthritis" in text
    assert "  " not in text and "\n" not in text


def test_headings_are_found_with_offsets(corpus_pdfs: Path) -> None:
    page = parse_pdf(corpus_pdfs / "jia-treatment-summary.pdf")[0]
    names = [h for _, h in page.headings]
    assert "First-line disease-modifying therapy" in names
    for offset, heading in page.headings:
        assert page.text[offset:].startswith(heading)


def test_hyphenated_line_breaks_are_joined_and_ligatures_folded() -> None:
    text, _ = clean_page("the condi-\ntional recommendation is ﬁrm.\nNext line", set())
    assert "conditional recommendation is firm." in text
    assert text == normalize(text)


def test_running_headers_are_removed(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    bodies = ["Alpha rises.", "Beta falls.", "Gamma says something else.", "Delta ends it."]
    for n, body in enumerate(bodies, 1):
        pdf.add_page()
        pdf.cell(0, 8, f"Journal of Samples Vol 3 page {n}", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, body)
    path = tmp_path / "headers.pdf"
    pdf.output(str(path))
    pages = parse_pdf(path)
    assert all("Journal of Samples" not in p.text for p in pages)
    assert pages[2].text == "Gamma says something else."


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bad_files_raise_with_reason(tmp_path: Path, corpus_pdfs: Path) -> None:
    good = (corpus_pdfs / "sle-treatment-summary.pdf").read_bytes()
    cases = {
        "empty.pdf": (b"", "empty file"),
        "text.pdf": (b"hello, I am not a PDF", "not a PDF"),
        "truncated.pdf": (good[: len(good) // 3], ""),
    }
    for name, (data, reason) in cases.items():
        with pytest.raises(ParseError) as info:
            parse_pdf(_bad(tmp_path, name, data))
        assert reason in str(info.value)


def test_encrypted_pdf_is_refused(tmp_path: Path, corpus_pdfs: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(corpus_pdfs / "sle-treatment-summary.pdf"))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ParseError, match="encrypted"):
        parse_pdf(path)


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ParseError, match="no text layer"):
        parse_pdf(path)


@pytest.mark.shared
def test_acr_guideline_parses_with_printed_labels(needs_shared: Path) -> None:
    pages = parse_pdf(needs_shared / "ra-guideline-2021.pdf")
    assert len(pages) == 16
    assert pages[0].label == "924"
    assert sum(len(p.text) for p in pages) > 50_000
    assert any("methotrexate" in p.text.lower() for p in pages)


def test_running_lines_are_removed_only_at_page_edges() -> None:
    """A bare number heading every page is a page number; the same shape mid-page is a
    table's value and stays."""
    from pipeline.sources.parse import _running_lines

    body = ["Hemoglobin", "9.0", "Volume", "78", "-", "100", "Comment", "End of report"]
    pages = [["Report", *body, str(n)] for n in range(4)]
    running = _running_lines(pages)
    assert "#" in running  # the page number at each page's foot
    text, _ = clean_page("\n".join(pages[0]), running)
    assert "Volume 78 - 100" in text and not text.endswith(" 0")
