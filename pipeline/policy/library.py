"""Compiled trees kept beside the store (``<store>/policies/<source_id>.json``), reused
while the document's bytes and the compiler version are the same and the file still
matches its keyed digest (``<source_id>.mac``, see integrity.py), rebuilt otherwise. The
tree that decides is a person's confirmed tree when there is one (confirm.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import ValidationError

from pipeline.models import Document
from pipeline.policy import integrity
from pipeline.policy.compile import COMPILER_VERSION, PolicyCompileError, compile_policy
from pipeline.policy.models import PolicyDecision, PolicyTree
from pipeline.sources.parse import ParseError

log = logging.getLogger(__name__)


def tree_path(store_path: Path, source_id: str) -> Path:
    return Path(store_path) / "policies" / f"{source_id}.json"


def tree_for(
    store_path: Path, doc: Document, rebuild: bool = False, home: Path | None = None
) -> PolicyTree:
    """The tree that decides for this document: its latest confirmed version when a person
    confirmed one, else the compiled tree (``home`` holds the integrity key)."""
    from pipeline.policy.confirm import deciding_tree

    return deciding_tree(store_path, doc, home, rebuild=rebuild)


def compiled_tree(
    store_path: Path, doc: Document, rebuild: bool = False, home: Path | None = None
) -> PolicyTree:
    """The document's compiled tree from the cache, or compiled now and cached. A cached
    file that fails its keyed digest (edited in the store) is compiled again. A PDF the
    compiler cannot read gives a tree with no indications and the reason in ``problems``."""
    path = tree_path(store_path, doc.source_id)
    key = integrity.load_key(home)
    mac = path.with_suffix(".mac")
    if path.exists() and not rebuild:
        try:
            data = path.read_bytes()
            sealed = mac.exists() and integrity.matches(
                key, "compiled", doc.source_id, data, mac.read_text(encoding="ascii")
            )
            tree = PolicyTree.model_validate_json(data)
            if not sealed:
                log.warning(
                    "policy cache %s does not match its digest (edited outside necessity, or "
                    "made under another home's key); compiling again",
                    path.name,
                )
            elif tree.compiler == COMPILER_VERSION and tree.source_id == doc.source_id:
                tree.declared_by = doc.declared
                return tree
        except (ValidationError, ValueError, OSError) as exc:
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
    data = tree.model_dump_json(indent=1).encode()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # one per writing process
    tmp.write_bytes(data)
    os.replace(tmp, path)  # atomic: a crash leaves the old tree or none
    # The digest after the tree: a crash between the two leaves a mismatch, which compiles
    # again, never a stale digest that vouches for a new file.
    tmp.write_text(integrity.digest(key, "compiled", doc.source_id, data), encoding="ascii")
    os.replace(tmp, mac)
    return tree


def policy_documents(documents: list[Document], declared_only: bool = True) -> list[Document]:
    return [d for d in documents if d.doc_type == "policy" and (d.declared or not declared_only)]


def load_trees(
    store_path: Path, documents: list[Document], home: Path | None = None
) -> list[PolicyTree]:
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
