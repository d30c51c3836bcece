"""Compiled trees kept beside the store (``<store>/policies/<source_id>.json``), reused
while the document's bytes and the compiler version are the same, rebuilt otherwise."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import ValidationError

from pipeline.models import Document
from pipeline.policy.compile import COMPILER_VERSION, PolicyCompileError, compile_policy
from pipeline.policy.models import PolicyDecision, PolicyTree
from pipeline.sources.parse import ParseError

log = logging.getLogger(__name__)


def tree_path(store_path: Path, source_id: str) -> Path:
    return Path(store_path) / "policies" / f"{source_id}.json"


def tree_for(store_path: Path, doc: Document, rebuild: bool = False) -> PolicyTree:
    """The document's tree from the cache, or compiled now and cached. A PDF the compiler
    cannot read gives a tree with no indications and the reason in ``problems``."""
    path = tree_path(store_path, doc.source_id)
    if path.exists() and not rebuild:
        try:
            tree = PolicyTree.model_validate_json(path.read_text(encoding="utf-8"))
            if tree.compiler == COMPILER_VERSION:
                tree.declared_by = doc.declared
                return tree
        except (ValidationError, ValueError) as exc:
            log.warning("policy cache %s unreadable (%s); compiling again", path.name, exc)
    try:
        tree = compile_policy(Path(doc.file), source_id=doc.source_id, title=doc.title)
    except (ParseError, PolicyCompileError, OSError) as exc:
        tree = PolicyTree(
            source_id=doc.source_id,
            file=doc.file,
            title=doc.title,
            compiler=COMPILER_VERSION,
            problems=[f"{Path(doc.file).name}: could not be compiled ({exc})"],
            checksum=doc.source_id,
        )
    tree.declared_by = doc.declared
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tree.model_dump_json(indent=1), encoding="utf-8")
    os.replace(tmp, path)  # atomic: a crash leaves the old tree or none
    return tree


def policy_documents(documents: list[Document], declared_only: bool = True) -> list[Document]:
    return [d for d in documents if d.doc_type == "policy" and (d.declared or not declared_only)]


def load_trees(store_path: Path, documents: list[Document]) -> list[PolicyTree]:
    """Trees of the declared policies: only those may decide a verdict."""
    return [tree_for(store_path, d) for d in policy_documents(documents)]


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
    }


def verify_worksheet(decision: PolicyDecision) -> list[str]:
    """Each worksheet row's text must still be on its page of the policy PDF."""
    from pipeline.policy.compile import PageText
    from pipeline.sources.parse import parse_pdf

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
