"""The policies that may decide: the declared policy documents and the tree each decides
by, a person's confirmed tree when there is one (confirm.py), else the compiled tree kept
beside the store (compiled.py, re-exported here)."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.models import Document
from pipeline.policy.compile import PageText
from pipeline.policy.compiled import compiled_tree, tree_path  # noqa: F401 (re-exported)
from pipeline.policy.confirm import deciding_tree
from pipeline.policy.model_check import not_deciding
from pipeline.policy.models import PolicyDecision, PolicyTree
from pipeline.ports import Store
from pipeline.settings import Settings
from pipeline.sources.ingest import IngestReport
from pipeline.sources.parse import ParseError, parse_pdf

log = logging.getLogger(__name__)


def tree_for(
    store_path: Path,
    doc: Document,
    rebuild: bool = False,
    *,
    home: Path,
    settings: Settings | None = None,
) -> PolicyTree:
    """The tree that decides for this document: its latest confirmed version when a person
    confirmed one, else the compiled tree (``home`` holds the integrity key; ``settings``
    choose the compiler where one must run, compiled.py)."""
    return deciding_tree(store_path, doc, home, rebuild=rebuild, settings=settings)


def policy_documents(documents: list[Document], declared_only: bool = True) -> list[Document]:
    return [d for d in documents if d.doc_type == "policy" and (d.declared or not declared_only)]


def load_trees(store_path: Path, documents: list[Document], *, home: Path) -> list[PolicyTree]:
    """Trees of the declared policies: only those may decide a verdict."""
    return [tree_for(store_path, d, home=home) for d in policy_documents(documents)]


def find_document(documents: list[Document], ref: str) -> Document | None:
    """A document by source id (or its prefix), file name or stem."""
    for d in documents:
        name = Path(d.file).name
        if ref in {d.source_id, name, Path(name).stem} or (
            len(ref) >= 6 and d.source_id.startswith(ref)
        ):
            return d
    return None


def tree_summary(tree: PolicyTree) -> dict:
    leaves = sum(len(b.node.leaves()) for i in tree.indications for b in i.branches)
    return {
        "source_id": tree.source_id,
        "title": tree.title,
        "file": tree.file,
        "declared": tree.declared_by,
        "indications": len(tree.indications),
        "criteria": leaves,
        "exclusions": len(tree.exclusions),
        "problems": len(tree.problems),
        "compiler": tree.compiler,
        "tree_status": tree.tree_status,
        "version": tree.version,
        "confirmed_by": tree.confirmed_by,
        "confirmed_at": tree.confirmed_at,
        "withheld": tree.withheld,
        "not_deciding": not_deciding(tree),
    }


def verify_worksheet(decision: PolicyDecision) -> list[str]:
    """Each worksheet row's text must still be on its page of the policy PDF."""
    if not decision.policy_file:
        return []
    try:
        pages = PageText([p.text for p in parse_pdf(Path(decision.policy_file))])
    except (ParseError, OSError) as exc:
        return [f"policy {decision.policy_file}: cannot be read ({exc})"]
    name = Path(decision.policy_file).name
    return [
        f"policy criterion {j.node_id} not found on page {j.page} of {name}"
        for j in [*decision.judgments, *decision.exclusions]
        if pages.find(j.text, j.page) is None
    ]


def compile_ingested(
    store: Store, report: IngestReport, *, settings: Settings, recompile: bool = False
) -> None:
    """Each policy ``report`` stored is compiled into its criteria tree once, at ingest
    (``sources.ingest`` runs this, handed it by ``Pipeline.ingest``), so a policy the
    compiler cannot structure is reported then (``report.policy_errors``) rather than at
    review. The settings choose the compiler (policy.compiler); ``recompile``: even where
    a tree is cached."""
    files = {str(Path(r.file).resolve()) for r in report.results if r.status != "failed"}
    for doc in store.documents():
        if doc.doc_type == "policy" and doc.file in files:
            tree = tree_for(
                store.path, doc, rebuild=recompile, home=settings.home, settings=settings
            )
            for problem in tree.problems[:5]:
                log.warning("policy %s: %s", Path(doc.file).name, problem)
            if not tree.indications:
                # A policy that cannot decide anything is an ingest error, not a review
                # that later says "no indication matches". The document stays stored.
                why = tree.problems[-1] if tree.problems else "no indication with criteria"
                report.policy_errors.append(
                    f"{doc.file}: declared a policy, but no indication with criteria was "
                    f"found (no condition section, heading or 'approve/medically necessary "
                    f"when' statement with criteria under it): {why}"
                )
