"""The compiled trees' cache in the store: each declared policy compiled once, kept under
``<store>/policies/`` with a keyed digest (integrity.py), compiled again when the digest or
the compiler version no longer matches. Below both library.py (which tree decides) and
confirm.py (a person's confirmed versions, made from the compiled tree)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import ValidationError

from pipeline.models import Document
from pipeline.policy import integrity
from pipeline.policy.compile import COMPILER_VERSION, PolicyCompileError
from pipeline.policy.model_compiler import cached_ok, compile_by_settings
from pipeline.policy.models import PolicyTree
from pipeline.ports import LLM
from pipeline.settings import Settings
from pipeline.sources.parse import ParseError

log = logging.getLogger(__name__)


def tree_path(store_path: Path, source_id: str) -> Path:
    return Path(store_path) / "policies" / f"{source_id}.json"


def compiled_tree(
    store_path: Path,
    doc: Document,
    rebuild: bool = False,
    *,
    home: Path,
    settings: Settings | None = None,
    llm: LLM | None = None,
) -> PolicyTree:
    """The document's compiled tree from the cache, or compiled now and cached. A cached
    file that fails its keyed digest (edited in the store) is compiled again. A PDF the
    compiler cannot read gives a tree with no indications and the reason in ``problems``.
    ``settings`` choose the compiler (policy.compiler, model_compiler.py); without them the
    cached tree is taken whichever compiler made it, and a missing one is compiled by rules."""
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
            elif cached_ok(tree, settings) and tree.source_id == doc.source_id:
                tree.declared_by = doc.declared
                return tree
        except (ValidationError, ValueError, OSError) as exc:
            log.warning("policy cache %s unreadable (%s); compiling again", path.name, exc)
    try:
        tree = compile_by_settings(
            Path(doc.file), source_id=doc.source_id, title=doc.title, settings=settings, llm=llm
        )
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
