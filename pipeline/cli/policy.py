"""`necessity policy list|show`: the compiled criteria trees, with pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import StoreOpt, fail, open_store_or_fail, settings_from
from pipeline.policy.models import PolicyNode, PolicyTree

policy_app = typer.Typer(no_args_is_help=True, help="Payer policies as criteria trees.")


def _documents(store: Path | None) -> tuple[Path, list]:
    """The store's documents from its manifest (no embedder or Chroma needed)."""
    from pipeline.sources.store import MANIFEST, FileManifest

    settings = settings_from(store=store)
    if settings.store_url:
        db = open_store_or_fail(settings)
        return db.path, db.documents()
    path = settings.store_path
    if not (path / MANIFEST).exists():
        fail(f"no store at {path} (run `necessity ingest` first)")
    return path, list(FileManifest(path / MANIFEST).load().values())


@policy_app.command("list")
def policy_list(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    all_types: Annotated[
        bool, typer.Option("--all", help="also policy-like documents nobody declared")
    ] = False,
) -> None:
    """The policies in the store: indications, criteria, exclusions, problems."""
    from pipeline.policy.library import policy_documents, tree_for, tree_summary

    path, docs = _documents(store)
    rows = [tree_summary(tree_for(path, d)) for d in policy_documents(docs, not all_types)]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("no declared policies (ingest them with --policy)")
    for r in rows:
        who = r["declared"] or "NOT declared: cannot decide"
        typer.echo(
            f"{r['source_id'][:12]}  {r['title']}\n    {r['indications']} indications, "
            f"{r['criteria']} criteria, {r['exclusions']} exclusions, {r['problems']} problems; "
            f"{who}"
        )


@policy_app.command("show")
def policy_show(
    source: Annotated[str, typer.Argument(help="source id (or prefix), file name, or a PDF path")],
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One policy's tree: indications, their initial and continuation criteria, exclusions."""
    from pipeline.policy.library import find_document, tree_for

    pdf = Path(source)
    if pdf.suffix.lower() == ".pdf" and pdf.exists():
        import hashlib

        from pipeline.policy.compile import compile_policy

        try:
            sid = hashlib.sha256(pdf.read_bytes()).hexdigest()
            tree = compile_policy(pdf, source_id=sid, title=pdf.stem)
        except OSError as exc:
            fail(f"{pdf}: {exc}")
    else:
        path, docs = _documents(store)
        doc = find_document(docs, source)
        if doc is None:
            fail(f"no document {source!r} in the store")
        tree = tree_for(path, doc)
    if as_json:
        typer.echo(json.dumps(tree.model_dump(mode="json"), indent=2))
        return
    typer.echo(format_tree(tree))


def format_tree(tree: PolicyTree) -> str:
    lines = [f"{tree.title}  ({Path(tree.file).name}, {tree.compiler})"]
    if tree.declared_by:
        lines.append(f"declared: {tree.declared_by}")
    for ind in tree.indications:
        codes = f" [ICD-10 {', '.join(ind.icd10)}]" if ind.icd10 else ""
        lines.append(f"\n{ind.id}. {ind.name}{codes}  (p. {ind.page}; {ind.section})")
        for b in ind.branches:
            approval = f", approve for {b.approval}" if b.approval else ""
            lines.append(f"  [{b.request_type}{approval}]")
            lines.extend(_node_lines(b.node, 2))
    if tree.exclusions:
        lines.append("\nNot covered:")
        for x in tree.exclusions:
            tag = " (every use not listed)" if x.catch_all else ""
            lines.append(f"  - {x.text}{tag}  (p. {x.page})")
    if tree.problems:
        lines.append("\nProblems:")
        lines.extend(f"  ! {p}" for p in tree.problems)
    return "\n".join(lines)


def _node_lines(node: PolicyNode, depth: int) -> list[str]:
    pad = "  " * depth
    check = "" if node.verified else "  (not found verbatim on the page)"
    if node.op == "leaf":
        fields = f"  {node.kind} {json.dumps(node.fields)}" if node.fields else f"  {node.kind}"
        return [f"{pad}- {node.text}  (p. {node.page}){fields}{check}"]
    op = {"all_of": "ALL of", "any_of": "ONE of", "at_least": f"AT LEAST {node.n} of"}[node.op]
    out = [f"{pad}* {op}: {node.text}  (p. {node.page}){check}"]
    for child in node.children:
        out.extend(_node_lines(child, depth + 1))
    return out
