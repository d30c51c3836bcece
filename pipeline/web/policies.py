"""The *Policies* pages: every declared policy (compiled, problems, confirmed or not), and
one policy's tree beside its PDF page, where a writer or QA reviewer fixes nodes and
confirms the tree (pipeline/policy/confirm.py stores it by the PDF's sha256, versioned).

Fixes collect in a working copy (a sealed draft in the store) until someone confirms it.
Every form carries the stamp of the copy it was made on: a fix made on a copy someone has
changed since is refused (409), never applied to a tree the person did not see. A fix whose
text is not on its page is refused at once; a confirmation re-checks every node.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from pipeline.models import Document
from pipeline.policy import confirm as C
from pipeline.policy.edit import Edit, EditError, apply_edit, find_node
from pipeline.policy.library import compiled_tree, policy_documents, tree_for, tree_summary
from pipeline.policy.models import PolicyTree
from pipeline.web.deps import CurrentUser, current_user, page, svc

policies = APIRouter(include_in_schema=False, dependencies=[Depends(current_user)])
_lock = threading.Lock()  # one fix at a time: read, change and write the working copy whole
_pages_cache: dict[str, object] = {}


def _doc(request: Request, sid: str) -> Document:
    doc = svc(request).documents().get(sid)
    if doc is None or doc.doc_type != "policy" or not doc.declared:
        raise HTTPException(404, "no declared policy with this checksum")
    return doc


def _where(request: Request) -> tuple[Path, Path]:
    s = svc(request)
    return s.store.path, s.settings.home


def _pages(doc: Document):  # noqa: ANN202
    """The PDF's pages as the compiler searches them, parsed once per server."""
    if doc.source_id not in _pages_cache:
        _pages_cache[doc.source_id] = C._pages(doc.file)[0]
    return _pages_cache[doc.source_id]


def _working(request: Request, doc: Document) -> tuple[PolicyTree, int, str, list[str]]:
    """(tree being fixed, the version it was opened from, its stamp, who edited it)."""
    store, home = _where(request)
    draft = C.load_draft(store, doc, home)
    if draft is not None:
        return draft["tree"], draft["base_version"], draft["mac"], draft["edited_by"]
    tree = tree_for(store, doc, home=home)
    if tree.withheld:
        tree = C.restart_from_compiled(store, doc, home)
    return tree, tree.version, f"v{tree.version}", []


@policies.get("/policies", response_class=HTMLResponse)
def policy_list(request: Request, who: CurrentUser) -> HTMLResponse:
    store, home = _where(request)
    rows = []
    for doc in policy_documents(list(svc(request).documents().values())):
        tree = tree_for(store, doc, home=home)
        compiled = compiled_tree(store, doc, home=home)
        rows.append(
            {
                **tree_summary(tree),
                "file_name": Path(doc.file).name,
                "compiled_problems": len(compiled.problems),
                "draft": C.load_draft(store, doc, home) is not None,
            }
        )
    return page(request, "policies.html", who=who, rows=rows)


@policies.get("/policies/{sid}", response_class=HTMLResponse)
def policy_page(
    request: Request, who: CurrentUser, sid: str, sel: str = "", error: str = "", done: str = ""
) -> HTMLResponse:
    doc = _doc(request, sid)
    store, home = _where(request)
    tree, base, stamp, editors = _working(request, doc)
    selected = _selected(tree, sel)
    pages = _pages(doc)
    shown = selected[1] if selected else 1
    text = pages.pages[shown - 1] if 1 <= shown <= len(pages.pages) else ""
    before, mark, after = _highlight(pages, text, selected)
    errors = [e for e in error.split("\n") if e]
    return page(
        request,
        "policy.html",
        who=who,
        doc=doc,
        sid=sid,
        tree=tree,
        base=base,
        stamp=stamp,
        editors=editors,
        drafting=stamp != f"v{base}",
        sel=sel,
        shown=shown,
        page_count=len(pages.pages),
        before=before,
        mark=mark,
        after=after,
        errors=errors,
        done=done,
        history=C.history(store, sid, home),
        compiled_problems=compiled_tree(store, doc, home=home).problems,
        ops={"leaf": "criterion", "all_of": "ALL of", "any_of": "ONE of", "at_least": "AT LEAST"},
        status=_status(tree, stamp != f"v{base}"),
        groups=_groups(tree),
    )


def _groups(tree: PolicyTree) -> list[dict]:
    """Every group node (where a node can be moved), with its place in the tree."""
    out = []

    def walk(node, path: str) -> None:  # noqa: ANN001
        if node.op != "leaf":
            out.append({"path": path, "id": node.id, "text": node.text[:60]})
        for k, child in enumerate(node.children):
            walk(child, f"{path}.{k}")

    for i, ind in enumerate(tree.indications):
        for b, branch in enumerate(ind.branches):
            walk(branch.node, f"{i}.{b}")
    return out


def _status(tree: PolicyTree, drafting: bool) -> str:
    now = (
        f"confirmed version {tree.version} by {tree.confirmed_by} on {tree.confirmed_at}"
        if tree.version
        else "unconfirmed: the compiler's reading decides reviews"
    )
    return f"{now}; unconfirmed fixes in progress" if drafting else now


def _selected(tree: PolicyTree, sel: str) -> tuple[str, int] | None:
    """(text, page) of the selected node, indication or exclusion."""
    kind, _, ref = sel.partition(":")
    try:
        if kind == "indication":
            ind = tree.indications[int(ref)]
            return ind.text, ind.page
        if kind == "exclusion":
            ex = tree.exclusions[int(ref)]
            return ex.text, ex.page
        if sel:
            node = find_node(tree, sel)
            return node.text, node.page
    except (ValueError, IndexError, EditError):
        return None
    if tree.indications:
        return tree.indications[0].text, tree.indications[0].page
    return None


def _highlight(pages, text: str, selected: tuple[str, int] | None) -> tuple[str, str, str]:  # noqa: ANN001
    """The page's text split around the selected node's words (as found on the page)."""
    if not selected:
        return text, "", ""
    found = pages.find(selected[0], selected[1])
    if not found or found[1] != selected[1]:
        return text, "", ""
    at = text.find(found[0])
    if at < 0:
        return text, "", ""
    return text[:at], found[0], text[at + len(found[0]) :]


@policies.get("/policies/{sid}/pdf")
def policy_pdf(request: Request, who: CurrentUser, sid: str) -> Response:
    doc = _doc(request, sid)
    if not Path(doc.file).is_file():
        raise HTTPException(404, "the policy's PDF is no longer where it was ingested from")
    return FileResponse(doc.file, media_type="application/pdf")


def _back(sid: str, sel: str = "", error: str = "", done: str = "") -> RedirectResponse:
    query = "&".join(
        f"{k}={quote(v)}" for k, v in (("sel", sel), ("error", error), ("done", done)) if v
    )
    return RedirectResponse(f"/policies/{sid}{'?' + query if query else ''}", status_code=303)


def _int(value: str, what: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise EditError(f"{what} must be a whole number, not {value!r}")
    return int(value)


@policies.post("/policies/{sid}/edit")
def edit_node(
    request: Request,
    who: CurrentUser,
    sid: str,
    stamp: str = Form(...),
    target: str = Form(...),
    action: str = Form(...),
    text: str | None = Form(None),
    page_no: str = Form("", alias="page"),
    op: str | None = Form(None),
    n: str = Form(""),
    name: str | None = Form(None),
    icd10: str | None = Form(None),
    into: str = Form(""),
) -> Response:
    doc = _doc(request, sid)
    store, home = _where(request)
    with _lock:
        tree, base, current, editors = _working(request, doc)
        if stamp != current:
            raise HTTPException(409, "the policy's tree changed since you opened it: reload")
        try:
            edit = Edit(
                action=action,
                target=target,
                text=text,
                page=_int(page_no, "page"),
                op=op or None,
                n=_int(n, "n"),
                name=name,
                icd10=icd10,
                into=into.strip() or None,
            )
            fixed = apply_edit(tree, edit)
            sel = _check_fix(fixed, edit, doc)
        except EditError as exc:
            return _back(sid, target, error=str(exc))
        C.save_draft(store, doc, fixed, base, who, home, editors)
    return _back(sid, sel, done=f"{action} done; confirm the tree when it reads as the policy")


def _check_fix(tree: PolicyTree, edit: Edit, doc: Document) -> str:
    """A saved or added text must be on its page; returns what to select next."""
    if edit.action not in ("save", "add"):
        return ""
    pages = _pages(doc)
    kind, _, ref = edit.target.partition(":")
    if kind == "exclusion":
        item = tree.exclusions[-1] if edit.action == "add" else tree.exclusions[int(ref)]
        text, at, sel = item.text, item.page, f"exclusion:{tree.exclusions.index(item)}"
    elif kind == "indication":
        item = tree.indications[int(ref)]
        text, at, sel = item.text, item.page, edit.target
    else:
        node = find_node(tree, edit.target)
        sel = edit.target
        if edit.action == "add":
            sel = f"{edit.target}.{len(node.children) - 1}"
            node = node.children[-1]
        text, at, item = node.text, node.page, node
    found = pages.find(text, at)
    if found is None:
        raise EditError(
            f"“{text[:100]}” is not on page {at} of {Path(doc.file).name}: type the words as "
            "the page prints them, and the page they are on"
        )
    item.text, item.page = " ".join(found[0].split()), found[1]
    if hasattr(item, "verified"):
        item.verified = True
    return sel


@policies.post("/policies/{sid}/confirm")
def confirm_tree(
    request: Request, who: CurrentUser, sid: str, stamp: str = Form(...), note: str = Form("")
) -> Response:
    doc = _doc(request, sid)
    store, home = _where(request)
    with _lock:
        tree, base, current, _ = _working(request, doc)
        if stamp != current:
            raise HTTPException(409, "the policy's tree changed since you opened it: reload")
        try:
            record = C.confirm(store, doc, tree, who, home, base_version=base, note=note[:500])
        except C.StaleVersion as exc:
            raise HTTPException(409, str(exc)) from exc
        except C.ConfirmError as exc:
            return _back(sid, error="\n".join(exc.reasons[:40]))
        C.discard_draft(store, doc)
    return _back(sid, done=f"confirmed as version {record['version']} by {record['confirmed_by']}")


@policies.post("/policies/{sid}/discard")
def discard(request: Request, who: CurrentUser, sid: str, stamp: str = Form(...)) -> Response:
    doc = _doc(request, sid)
    store, _ = _where(request)
    with _lock:
        _, _, current, _ = _working(request, doc)
        if stamp != current:
            raise HTTPException(409, "the policy's tree changed since you opened it: reload")
        C.discard_draft(store, doc)
    return _back(sid, done="fixes discarded")
