"""Scanned and faxed pages: a page with no text layer is read by OCR (offline, on the CPU),
its facts cited to the page and flagged as read by OCR; a page nothing can read is listed
and the rest of the packet used."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.cases import ocr
from pipeline.cases.intake import extract_case, verify_sources
from pipeline.cases.ocr import needs_ocr

pytest.importorskip("rapidocr_onnxruntime", reason="OCR (rapidocr-onnxruntime) not installed")
pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 not installed")

TODAY = date(2026, 11, 23)
LINES = [
    "Progress note",
    "Assessment: 14 year old with Crohn's disease of the ileum.",
    "She tried methotrexate 15 mg weekly for 12 weeks without response.",
    "Plan: initiate adalimumab 40 mg every other week.",
]


def _scanned(path: Path, lines: list[str], blank_page: bool = False) -> Path:
    """A text PDF rendered to an image and back into a PDF: no text layer, as a scan."""
    from fpdf import FPDF

    text_pdf = path.with_suffix(".text.pdf")
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=13)
    for i, line in enumerate(lines):
        pdf.text(60, 80 + 24 * i, line)
    if blank_page:
        pdf.add_page()
    pdf.output(str(text_pdf))
    doc = pdfium.PdfDocument(str(text_pdf))
    images = [doc[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(doc))]
    doc.close()
    text_pdf.unlink()
    images[0].save(path, resolution=200, save_all=True, append_images=images[1:])
    return path


@pytest.mark.parametrize("engine", ["tesseract", "rapidocr"])
def test_a_scanned_page_is_read_by_ocr_and_cited_to_its_page(tmp_path, monkeypatch, engine) -> None:
    if engine == "tesseract" and not shutil.which("tesseract"):
        pytest.skip("Debian's tesseract-ocr is not installed (make ocr)")
    if engine == "rapidocr":  # the engine a machine without Tesseract uses
        monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    packet = tmp_path / "packet"
    packet.mkdir()
    _scanned(packet / "scan.pdf", LINES)
    case = extract_case([packet], today=TODAY)
    scan = case.intake.files[0]
    assert list(scan.ocr_pages) == [1] and 0.5 < scan.ocr_pages[1] <= 1
    assert case.requested_treatment.drug.lower() == "adalimumab"
    assert [p.name.lower() for p in case.prior_therapies] == ["methotrexate"]
    keys = ["requested_treatment", "prior_therapies.0"]
    if engine == "tesseract":  # RapidOCR runs "disease of the ileum" together
        assert case.diagnoses[0].icd10.startswith("K50")
        keys.append("diagnoses.0")
    for key in keys:
        src = case.sources[key]
        assert (src.file, src.page) == ("scan.pdf", 1)
        assert src.ocr is not None  # flagged: read by OCR, for the writer to check
    assert verify_sources(case, packet) == []


def test_a_packet_with_one_unreadable_page_still_yields_a_case(tmp_path) -> None:
    packet = tmp_path / "packet"
    packet.mkdir()
    _scanned(packet / "fax.pdf", LINES, blank_page=True)
    case = extract_case([packet], today=TODAY)
    fax = case.intake.files[0]
    assert fax.pages == 2 and list(fax.unreadable_pages) == [2]
    assert any("fax.pdf p. 2: unreadable" in d for d in case.intake.dropped)
    assert case.requested_treatment.drug.lower() == "adalimumab"


def test_garbage_text_layers_go_to_ocr() -> None:
    assert needs_ocr("")
    assert needs_ocr("ÿþ¤¥ ¦§¨© ª«¬ ®¯°± ²³´µ ¶·¸¹ º»¼½ ¾¿ÀÁ ÂÃÄÅ")
    assert needs_ocr("xzq brt klm pfft nth srtk vvw qqz mmn")
    assert not needs_ocr("Assessment: 14 year old with Crohn's disease; tried methotrexate.")
