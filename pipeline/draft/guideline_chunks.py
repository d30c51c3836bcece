"""The chunks of the guidelines whose title names the case's condition (or its drug): read
whole, for their recommendations, and to tell which of a case's diagnoses the request is for."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pipeline.models import Chunk, Document
from pipeline.sources.store import Store
from pipeline.terms import Term, mentions


def own_chunks(
    store: Store,
    documents: dict[str, Document],
    names: Callable[[str], bool],
    guidelines_only: bool = False,
    most: int = 400,
) -> list[Chunk]:
    """Every chunk of the documents whose title names the condition (or the drug)."""
    own = {
        sid
        for sid, d in documents.items()
        if (d.doc_type == "guideline" or not guidelines_only)
        and names(f"{d.title} {d.file.rsplit('/', 1)[-1].replace('-', ' ')}")
    }
    if not own:
        return []
    lexical = store.lexical()
    ids = [cid for cid, sid in zip(lexical.ids, lexical.source_ids, strict=True) if sid in own]
    chunks, _ = store.get_chunks(ids[:most])
    return [c for c in chunks if not c.flags]


def guideline_texts(store: Store, documents: dict[str, Document], condition: Term) -> list[str]:
    """The text of the guidelines whose title names a condition (which of a case's
    diagnoses they speak of the request for: case_conditions.treated_conditions)."""
    names = partial(mentions, words=condition.words, abbrev=condition.abbrev)
    return [c.text for c in own_chunks(store, documents, names, guidelines_only=True)]
