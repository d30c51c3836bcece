"""`necessity policy list|show|export|confirm`: the criteria trees, with pages, and a
person's confirmation of one (stored by the PDF's sha256, versioned)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.cli.common import StoreOpt, fail, open_pipeline, settings_from
from pipeline.policy.models import PolicyNode, PolicyTree

policy_app = typer.Typer(no_args_is_help=True, help="Payer policies as criteria trees.")


def _documents(store: Path | None) -> tuple[Path, list, Path]:
    """The store's folder and documents, from its manifest (no embedder or Chroma needed),
    and the settings' home (its key seals the stored trees)."""
    from pipeline.sources.store import MANIFEST, FileManifest

    settings = settings_from(store=store)
    if settings.store_url:
        with open_pipeline(settings) as pipeline:
            return pipeline.store.path, pipeline.store.documents(), settings.home
    path = settings.store_path
    if not (path / MANIFEST).exists():
        fail(f"no store at {path} (run `necessity ingest` first)")
    return path, list(FileManifest(path / MANIFEST).load().values()), settings.home


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

    path, docs, home = _documents(store)
    rows = [
        tree_summary(tree_for(path, d, home=home)) for d in policy_documents(docs, not all_types)
    ]
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
            f"{who}\n    {_status_words(r)}"
        )


def _status_words(r: dict) -> str:
    if r["tree_status"] == "confirmed":
        return f"confirmed v{r['version']} by {r['confirmed_by']} at {r['confirmed_at']}"
    words = "UNCONFIRMED: the compiler's reading (`necessity policy confirm` to confirm it)"
    return f"{words}; {r['not_deciding']}" if r.get("not_deciding") else words


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

        from pipeline.policy.model_compiler import compile_by_settings

        try:
            sid = hashlib.sha256(pdf.read_bytes()).hexdigest()
            # the settings' compiler (policy.compiler): a PDF can be tried on an endpoint
            settings = settings_from()
            tree = compile_by_settings(pdf, source_id=sid, title=pdf.stem, settings=settings)
        except OSError as exc:
            fail(f"{pdf}: {exc}")
    else:
        path, docs, home = _documents(store)
        doc = find_document(docs, source)
        if doc is None:
            fail(f"no document {source!r} in the store")
        tree = tree_for(path, doc, home=home)
    if as_json:
        typer.echo(json.dumps(tree.model_dump(mode="json"), indent=2))
        return
    typer.echo(format_tree(tree))


@policy_app.command("export")
def policy_export(
    source: Annotated[str, typer.Argument(help="source id (or prefix), file name, or a PDF path")],
    store: StoreOpt = None,
) -> None:
    """The tree that decides for this policy (latest confirmed, else compiled) as JSON, to
    fix in an editor and confirm with `necessity policy confirm SOURCE --tree FILE`."""
    from pipeline.policy.confirm import restart_from_compiled
    from pipeline.policy.library import tree_for

    path, doc, home = _store_document(source, store)
    tree = tree_for(path, doc, home=home)
    if tree.withheld:
        typer.echo(f"warning: {tree.withheld}; exporting the compiled tree", err=True)
        tree = restart_from_compiled(path, doc, home)
    typer.echo(json.dumps(tree.model_dump(mode="json"), indent=2, ensure_ascii=False))


@policy_app.command("confirm")
def policy_confirm(
    source: Annotated[str, typer.Argument(help="source id (or prefix), file name, or a PDF path")],
    tree_file: Annotated[
        Path, typer.Option("--tree", help="the tree to confirm (from `policy export`)")
    ],
    store: StoreOpt = None,
    by: Annotated[str | None, typer.Option("--by", help="who confirms (default: login)")] = None,
    note: Annotated[str, typer.Option("--note", help="what was checked or fixed")] = "",
) -> None:
    """Confirm a policy's tree: every node must be on its page of the PDF; it is stored as
    the next version with who and when, and decides from then on."""
    import getpass

    from pipeline.policy.confirm import confirm

    path, doc, home = _store_document(source, store)
    if not doc.declared:
        fail(f"{Path(doc.file).name} is not a declared policy: ingest it with --policy first")
    try:
        tree = PolicyTree.model_validate_json(tree_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        fail(f"{tree_file}: not a policy tree ({exc})")
    record = confirm(
        path, doc, tree, by or getpass.getuser(), home, base_version=tree.version, note=note
    )
    for warning in record["warnings"]:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(
        f"confirmed {Path(doc.file).name} as version {record['version']} "
        f"by {record['confirmed_by']} at {record['confirmed_at']}"
    )


def _store_document(source: str, store: Path | None) -> tuple[Path, Any, Path]:
    """The store's document for SOURCE (a PDF path is found by its sha256), with the
    store's folder and the home."""
    from pipeline.policy.library import find_document

    path, docs, home = _documents(store)
    pdf = Path(source)
    ref = source
    if pdf.suffix.lower() == ".pdf" and pdf.is_file():
        import hashlib

        ref = hashlib.sha256(pdf.read_bytes()).hexdigest()
    doc = find_document(docs, ref)
    if doc is None:
        fail(f"no document {source!r} in the store at {path}")
    return path, doc, home


def format_tree(tree: PolicyTree) -> str:
    from pipeline.policy.model_check import not_deciding

    lines = [f"{tree.title}  ({Path(tree.file).name}, {tree.compiler})"]
    if tree.declared_by:
        lines.append(f"declared: {tree.declared_by}")
    if tree.tree_status == "confirmed":
        lines.append(
            f"confirmed: version {tree.version} by {tree.confirmed_by}, {tree.confirmed_at}"
        )
    else:
        lines.append("UNCONFIRMED: the compiler's reading; no person has confirmed it")
    if tree.withheld:
        lines.append(f"WITHHELD: {tree.withheld}")
    if undecided := not_deciding(tree):
        lines.append(f"NOT DECIDING: {undecided}")
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
