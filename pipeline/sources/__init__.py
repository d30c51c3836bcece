"""Documents into the store: parse (PDF → pages), chunk (pages → chunks), embed, store
(Chroma + the document manifest), lexical (BM25 beside it), ingest (all of it, per file,
resumable), corpus (our sample sources as PDFs)."""
