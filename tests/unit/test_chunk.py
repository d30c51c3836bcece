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
