"""Citation validation, run on every review and again by `necessity check` on any record.

For each evidence item: its text hashes to the recorded sha256 and occurs verbatim on the
cited page of the cited PDF (re-parsed from the file). For each statement: every citation
resolves, at least one cites a verified source, the cited text covers the statement's
content words and numbers, and a negation in the statement is present in the source.
Anything short of that marks the statement unsupported; nothing is dropped silently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.models import Evidence, Review, Validation, sha256_text
from pipeline.parse import ParseError, normalize, parse_pdf

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NEGATIONS = {"not", "no", "never", "none", "without", "cannot", "neither", "nor"}
_STOP = set(
    """a an the and or of to in on for with by as at from is are was were be been being this
    that these those it its into than then there their they them he she his her we our you
    your i me my should may might can could would will shall must do does did has have had
    which who whom whose what when where while also such per via over under more most less
    least other some any all each both either only same so if because about after before
    between during patient patients case reviewer review""".split()
)


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s", "ed", "ing", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def support_score(statement: str, cited: str) -> float:
    """Share of the statement's content words found in the cited text (0..1)."""
    words = content_words(statement)
    if not words:
        return 0.0
    return len(words & content_words(cited)) / len(words)


@lru_cache(maxsize=64)
def _pages(file: str, size: int, mtime: float) -> tuple[str, ...]:
    return tuple(normalize(p.text) for p in parse_pdf(Path(file)))


def page_text(file: str, page: int) -> str:
    """The cleaned text of a 1-based page, as ingest saw it; raises for a missing file."""
    path = Path(file)
    stat = path.stat()
    pages = _pages(str(path), stat.st_size, stat.st_mtime)
    if not 1 <= page <= len(pages):
        raise IndexError(f"page {page} is outside 1..{len(pages)}")
    return pages[page - 1]


def verify_evidence(ev: Evidence) -> str | None:
    """None when the evidence is intact and verbatim on its page, else the problem."""
    if sha256_text(ev.text) != ev.sha256:
        return f"{ev.id}: text does not match its recorded sha256 (edited after retrieval)"
    try:
        text = page_text(ev.file, ev.page)
    except FileNotFoundError:
        return f"{ev.id}: source file {ev.file} is missing"
    except (IndexError, ParseError) as exc:
        return f"{ev.id}: {ev.file}: {exc}"
    if normalize(ev.text) not in text:
        return f"{ev.id}: text is not found verbatim on page {ev.page} of {Path(ev.file).name}"
    return None


def validate(review: Review, threshold: float = 0.5, verify_sources: bool = True) -> Review:
    """Recompute every statement's support and the record's validation block, in place."""
    evidence = {e.id: e for e in review.evidence}
    facts = {f.id: f.text for f in review.case_facts}
    problems: list[str] = []
    bad_evidence: set[str] = set()
    for ev in review.evidence:
        problem = (
            verify_evidence(ev)
            if verify_sources
            else (None if sha256_text(ev.text) == ev.sha256 else f"{ev.id}: text/sha256 mismatch")
        )
        if problem:
            bad_evidence.add(ev.id)
            problems.append(problem)
    checked = Validation(
        evidence_checked=len(review.evidence),
        evidence_verbatim=len(review.evidence) - len(bad_evidence),
    )
    for section in review.sections:
        for st in section.statements:
            st.problems = []
            cited_texts: list[str] = []
            has_source = False
            for cid in st.citations:
                checked.citations += 1
                if cid in evidence:
                    checked.resolved += 1
                    if cid in bad_evidence:
                        st.problems.append(f"{cid} failed verification")
                    elif evidence[cid].flags:
                        st.problems.append(
                            f"{cid} holds instruction-like text "
                            f"({', '.join(evidence[cid].flags)}); it cannot "
                            "support a statement"
                        )
                    else:
                        cited_texts.append(evidence[cid].text)
                        has_source = True
                elif cid in facts:
                    checked.resolved += 1
                    cited_texts.append(facts[cid])
                else:
                    st.problems.append(f"{cid} does not name a retrieved passage or case fact")
            if not st.citations:
                st.problems.append("no citation")
            if section.key != "application" and not has_source:
                st.problems.append("no verified source passage cited")
            cited = " ".join(cited_texts)
            st.support_score = round(support_score(st.text, cited), 3)
            if cited and st.support_score < threshold:
                st.problems.append(
                    f"cited text covers {st.support_score:.0%} of the "
                    f"statement's content words (< {threshold:.0%})"
                )
            missing = set(_NUMBER.findall(st.text)) - set(_NUMBER.findall(cited))
            if cited and missing:
                st.problems.append(f"numbers not in the cited text: {', '.join(sorted(missing))}")
            words = set(_WORD.findall(st.text.lower()))
            if words & _NEGATIONS and not set(_WORD.findall(cited.lower())) & _NEGATIONS:
                st.problems.append("negation not present in the cited text")
            st.supported = not st.problems and bool(cited_texts)
            if st.supported:
                checked.supported_statements += 1
            else:
                checked.unsupported_statements += 1
    checked.problems = problems
    review.validation = checked
    return review
