from pathlib import Path

from pipeline.models import Page
from pipeline.sources.chunk import chunk_pages, encoder, sentence_spans
from pipeline.sources.embed import get_embedder
from pipeline.sources.parse import parse_pdf


def test_sentence_spans_respect_abbreviations() -> None:
    text = "Use methotrexate, e.g. 15 mg. Smith et al. found it. Then stop! Done"
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == [
        "Use methotrexate, e.g. 15 mg.",
        "Smith et al. found it.",
        "Then stop!",
        "Done",
    ]


def test_chunks_are_verbatim_bounded_and_sectioned(corpus_pdfs: Path, session_settings) -> None:
    embedder = get_embedder("minilm-l6-int8")
    pages = parse_pdf(corpus_pdfs / "sample-ivig-policy.pdf")
    chunks = chunk_pages(
        pages, source_id="x" * 64, file="f.pdf", max_tokens=60, limit_fn=embedder.truncates
    )
    assert len(chunks) > 5
    enc = encoder("cl100k_base")
    for c in chunks:
        page = pages[c.page - 1]
        assert page.text[c.start : c.end] == c.text
        assert len(enc.encode(c.text)) <= 60
        assert not embedder.truncates(c.text)
    sections = {c.section for c in chunks}
    assert "Covered indications" in sections
    assert len({c.id for c in chunks}) == len(chunks)


def test_embedder_limit_splits_what_would_be_truncated(session_settings) -> None:
    embedder = get_embedder("minilm-l6-int8")
    # Rare words cost many word pieces per tiktoken token: the tiktoken budget alone
    # would let this through, the embedder check must split it.
    words = " ".join(["immunoglobulinopathy-associated hypergammaglobulinaemia"] * 60) + "."
    page = Page(index=0, label="1", text=words)
    chunks = chunk_pages(
        [page], source_id="y" * 64, file="f.pdf", max_tokens=400, limit_fn=embedder.truncates
    )
    assert len(chunks) > 1
    assert all(not embedder.truncates(c.text) for c in chunks)
    assert all(page.text[c.start : c.end] == c.text for c in chunks)


def test_sentence_spans_split_where_the_pdf_lost_the_full_stop() -> None:
    # A recommendation set as a bold line with no full stop, then its discussion; a table's
    # numbered rows with no full stops between them.
    text = (
        "Methotrexate is strongly recommended over sulfasalazine for patients with active "
        "disease There is low-certainty evidence for this. 1. Treat with drug A over drug B "
        "(ref 10) Low 2. Treat with drug C over drug D Very low"
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Methotrexate is strongly recommended over sulfasalazine for patients with active disease",
        "There is low-certainty evidence for this.",
        "1. Treat with drug A over drug B (ref 10) Low",
        "2. Treat with drug C over drug D Very low",
    ]
    # Inside a sentence a capital after a lowercase word is a name, not a new sentence.
    prose = "Vitamin A and vitamin D are given with Methotrexate in The Netherlands."
    assert [prose[a:b] for a, b in sentence_spans(prose)] == [prose]


def test_a_bold_recommendation_line_becomes_its_own_chunked_sentence(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    for line in ["Drug X is strongly recommended over drug Y for", "adults with active disease"]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "This recommendation rests on two trials. Drug X was better tolerated.")
    path = tmp_path / "rec.pdf"
    pdf.output(str(path))
    pages = parse_pdf(path)
    chunks = chunk_pages(pages, source_id="y" * 64, file="rec.pdf")
    sentences = [c.text[a:b] for c in chunks for a, b in sentence_spans(c.text)]
    assert sentences[0] == (
        "Drug X is strongly recommended over drug Y for adults with active disease"
    )
    assert "This recommendation rests on two trials." in sentences
