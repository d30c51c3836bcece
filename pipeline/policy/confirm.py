"""Trees a person confirmed: stored by the PDF's sha256 with who and when, every version
kept, each sealed with the home's key (integrity.py).

    <store>/policies/confirmed/<sha256>/v1.json, v2.json, ...   one record per confirmation
    <store>/policies/confirmed/<sha256>/draft.json              the web page's working copy

A confirmed tree decides in place of the compiled one, whatever the compiler version. It
is checked before it is stored: every node's text (and every indication's and exclusion's)
must be found on its page of the PDF, as the compiler's are; each ICD-10 code it names must
be printed in the policy; a criterion's kind and numbers (age bound, prior drugs) are read
again from its text, never taken from the JSON. A tree that fails is refused with every
reason, nothing stored. A version whose seal does not match is withheld: the policy then
decides nothing (a reader would otherwise fall back to the compiler's reading, which the
person had corrected).
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from pipeline.errors import NecessityError
from pipeline.models import Document
from pipeline.policy import integrity
from pipeline.policy.compile import PageText
from pipeline.policy.compiled import compiled_tree
from pipeline.policy.edit import classify, resolve_references
from pipeline.policy.models import PolicyNode, PolicyTree
from pipeline.settings import Settings
from pipeline.sources.parse import parse_pdf

_VERSION = re.compile(r"^v(\d+)\.json$")


class ConfirmError(NecessityError, ValueError):
    """A tree that cannot be confirmed: each reason names the node, its page and the file."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        listed = "\n".join(f"  - {r}" for r in reasons)
        super().__init__(f"the tree cannot be confirmed ({len(reasons)} problems):\n{listed}")


class StaleVersion(NecessityError, ValueError):
    """The tree was edited from a version that is no longer the latest."""


class Tampered(NecessityError, ValueError):
    """A stored record whose seal does not match its contents."""


def folder(store_path: Path, source_id: str) -> Path:
    # A source id is a sha256; anything that could leave the folder is refused outright.
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,128}", source_id):
        raise ValueError(f"not a source id: {source_id!r}")
    return Path(store_path) / "policies" / "confirmed" / source_id


def versions(store_path: Path, source_id: str) -> list[int]:
    where = folder(store_path, source_id)
    if not where.is_dir():
        return []
    return sorted(int(m.group(1)) for p in where.iterdir() if (m := _VERSION.match(p.name)))


def _write_sealed(path: Path, record: dict, key: bytes, kind: str, exclusive: bool) -> None:
    record = {**record, "mac": integrity.digest(key, kind, record["source_id"], _body(record))}
    data = json.dumps(record, indent=1, ensure_ascii=False).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    if exclusive:  # a version is written once: two confirmations racing get v3 and v4
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _body(record: dict) -> bytes:
    return integrity.canonical({k: v for k, v in record.items() if k != "mac"})


def _read_sealed(path: Path, key: bytes, kind: str, source_id: str) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Tampered(f"{path}: unreadable ({exc})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("mac"), str):
        raise Tampered(f"{path}: no seal")
    if record.get("source_id") != source_id or not integrity.matches(
        key, kind, source_id, _body(record), record["mac"]
    ):
        raise Tampered(f"{path}: contents do not match their seal (edited outside necessity)")
    return record


def read_version(store_path: Path, source_id: str, version: int, home: Path) -> dict:
    """One confirmation record (tree, who, when), its seal checked."""
    path = folder(store_path, source_id) / f"v{version}.json"
    record = _read_sealed(path, integrity.load_key(home), f"confirmed-v{version}", source_id)
    if record.get("version") != version:
        raise Tampered(f"{path}: holds version {record.get('version')}")
    return record


def latest(store_path: Path, source_id: str, home: Path) -> dict | None:
    """The newest confirmation record, or None; Tampered when it fails its seal, or when
    this home confirmed a later version than the store now holds (an older version is not
    used in its place: that would undo the person's latest fix)."""
    found = versions(store_path, source_id)
    known = _ledger(home).get(source_id, 0)
    if known > (found[-1] if found else 0):
        raise Tampered(
            f"version {known} was confirmed here but the store holds "
            f"{'up to version ' + str(found[-1]) if found else 'no confirmed version'}"
        )
    return read_version(store_path, source_id, found[-1], home) if found else None


def _ledger_path(home: Path) -> Path:
    return Path(home) / "keys" / "confirmed-versions.json"


def _ledger(home: Path) -> dict[str, int]:
    """The latest version each policy was confirmed at under this home: kept beside the
    key, outside the store, so deleting the newest version file is noticed. It is a lower
    bound (two confirmations racing may record the earlier), never a false alarm."""
    try:
        data = json.loads(_ledger_path(home).read_text(encoding="utf-8"))
        return {k: int(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError, TypeError):
        return {}


def _record_in_ledger(home: Path, source_id: str, version: int) -> None:
    path = _ledger_path(home)
    ledger = _ledger(home)
    ledger[source_id] = max(version, ledger.get(source_id, 0))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(ledger, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _tree_of(record: dict, doc: Document) -> PolicyTree:
    tree = PolicyTree.model_validate(record["tree"])
    return tree.model_copy(
        update={
            "source_id": doc.source_id,
            "checksum": doc.source_id,
            "file": doc.file,
            "declared_by": doc.declared,
            "tree_status": "confirmed",
            "version": record["version"],
            "confirmed_by": record["confirmed_by"],
            "confirmed_at": record["confirmed_at"],
        }
    )


def deciding_tree(
    store_path: Path,
    doc: Document,
    home: Path,
    rebuild: bool = False,
    settings: Settings | None = None,
) -> PolicyTree:
    """The latest confirmed tree, else the compiled one (marked unconfirmed). A confirmed
    version failing its seal gives a tree that decides nothing and says why."""
    try:
        record = latest(store_path, doc.source_id, home)
        if record is not None:
            return _tree_of(record, doc)
    except (Tampered, ValidationError, KeyError) as exc:
        compiled = compiled_tree(store_path, doc, rebuild, home=home)
        reason = (
            f"the confirmed tree of {Path(doc.file).name} failed its integrity check ({exc}); "
            "this policy decides nothing until a person confirms it again"
        )
        return compiled.model_copy(
            update={"indications": [], "exclusions": [], "problems": [reason], "withheld": reason}
        )
    tree = compiled_tree(store_path, doc, rebuild, home=home, settings=settings)
    return tree.model_copy(update={"tree_status": "unconfirmed", "version": 0})


def restart_from_compiled(store_path: Path, doc: Document, home: Path) -> PolicyTree:
    """After a confirmed version was withheld: the compiler's reading to check again, as
    an edit of the newest version on file (so confirming it stores the next one)."""
    found = versions(store_path, doc.source_id)
    tree = compiled_tree(store_path, doc, home=home)
    return tree.model_copy(update={"version": found[-1] if found else 0})


# --- checking a tree against its PDF ----------------------------------------------------


def _compact(text: str) -> str:
    return re.sub(r"[\s\-\u00ad‐‑]", "", text).lower()


def _pages(file: str) -> tuple[object, str]:
    """The PDF's pages as the compiler searches them, and the whole text compacted."""
    texts = [p.text for p in parse_pdf(Path(file))]
    return PageText(texts), _compact(" ".join(texts))


def check_tree(tree: PolicyTree, file: str) -> tuple[PolicyTree, list[str]]:
    """The tree as it may be confirmed, and warnings: every text re-found (verbatim, on its
    page), each criterion's kind and numbers read again from its text, groups' n made
    consistent. Raises ConfirmError listing every node that fails. A note ("Note: ...")
    not found on its page is a warning, as it is for the compiler: notes can run across a
    page break."""
    pages, whole = _pages(file)
    name = Path(file).name
    errors: list[str] = []
    warnings: list[str] = []
    out = tree.model_copy(deep=True)

    def locate(what: str, text: str, page: int) -> tuple[str, int] | None:
        text = " ".join(text.split())
        found = pages.find(text, page) if text else None  # type: ignore[attr-defined]
        if found is None:
            errors.append(f"{what}: “{text[:90]}” is not on page {page} of {name}")
            return None
        return " ".join(found[0].split()), found[1]

    def codes(what: str, specs: list[str], page: int) -> None:
        # A code must be printed where its indication or exclusion is (its page or the
        # next, as a section runs on), not merely somewhere in the policy.
        near = _compact(" ".join(pages.pages[max(0, page - 1) : page + 1]))  # type: ignore[attr-defined]
        for spec in specs:
            for code in spec.split("-"):
                if _compact(code) not in near:
                    errors.append(
                        f"{what}: ICD-10 {code} is not printed on page {page} or {page + 1} "
                        f"of {name}"
                    )

    for ind in out.indications:
        seen: set[str] = set()  # ids key the worksheet within an indication
        if found := locate(f"indication {ind.id}", ind.text, ind.page):
            ind.text, ind.page = found
        if not ind.name.strip() or _compact(ind.name) not in _compact(ind.text) + whole:
            errors.append(f"indication {ind.id}: name “{ind.name}” is not printed in {name}")
        codes(f"indication {ind.id}", ind.icd10, ind.page)
        if not ind.branches:
            errors.append(f"indication {ind.id}: no criteria (drop it, or add its criteria)")
        for branch in ind.branches:
            for node in branch.node.nodes():
                if node.id in seen:
                    errors.append(f"node {node.id}: the id is used twice")
                seen.add(node.id)
                _check_node(node, locate, errors, warnings, pages, name)
    for ex in out.exclusions:
        if found := locate(f"exclusion {ex.id}", ex.text, ex.page):
            ex.text, ex.page = found
            ex.verified = True
        codes(f"exclusion {ex.id}", ex.icd10, ex.page)
    if not out.indications:
        errors.append(f"{name}: no indication left; a policy needs at least one")
    if errors:
        raise ConfirmError(errors)
    warnings.extend(resolve_references(out))
    return out, warnings


def _check_node(
    node: PolicyNode,
    locate,
    errors: list[str],
    warnings: list[str],
    pages,
    name: str,  # noqa: ANN001
) -> None:
    if found := locate(f"node {node.id}", node.text, node.page):
        node.text, node.page = found
        node.verified = True
    for i, note in enumerate(node.notes):
        if note.strip() and pages.find(" ".join(note.split()), node.page) is None:
            warnings.append(
                f"note {i + 1} of node {node.id} (page {node.page}) is not found verbatim in {name}"
            )
    if node.op == "leaf":
        if node.children:
            errors.append(f"node {node.id}: a criterion with items under it needs a logic")
        node.kind, node.fields = classify(node.text, node.notes)  # type: ignore[assignment]
        node.n = 1
        return
    if not node.children:
        errors.append(f"node {node.id}: a group with no items (drop it, or add its items)")
    count = len(node.children)
    if node.op == "all_of":
        node.n = count
    elif node.op == "any_of":
        node.n = 1
    elif not 1 <= node.n <= count:
        errors.append(f"node {node.id}: at least {node.n} of {count} items cannot be met")
    node.kind, node.fields = "other", {}


# --- confirming -------------------------------------------------------------------------


def confirm(
    store_path: Path,
    doc: Document,
    tree: PolicyTree,
    by: str,
    home: Path,
    base_version: int | None = None,
    note: str = "",
) -> dict:
    """Check the tree against the PDF and store it as the next version. ``base_version``
    is the version the person edited (0: the compiled tree); another confirmation since
    then is a StaleVersion, never a silent overwrite."""
    by = " ".join(by.split())[:80]
    if not by:
        raise ConfirmError(["a confirmation needs the name of the person confirming"])
    if tree.source_id and tree.source_id != doc.source_id:
        raise ConfirmError(
            [
                f"the tree is for {tree.source_id[:12]}, not {Path(doc.file).name} "
                f"({doc.source_id[:12]})"
            ]
        )
    checked, warnings = check_tree(tree, doc.file)
    key = integrity.load_key(home)
    found = versions(store_path, doc.source_id)
    current = found[-1] if found else 0
    if base_version is not None and base_version != current:
        raise StaleVersion(
            f"this tree was edited from version {base_version}, but version {current} was "
            "confirmed since: open the policy again and redo the fix on the latest version"
        )
    compiled = compiled_tree(store_path, doc, home=home)
    resolved = compiled.problems if current == 0 else []
    checked = checked.model_copy(
        update={
            "problems": [],
            # a person read the tree against the policy: what the model's checks
            # dropped no longer keeps it from deciding (model_check.abstain_reason)
            "dropped": {},
            "cut_short": {},
            "tree_status": "confirmed",
            "confirmed_by": None,
            "confirmed_at": None,
            "version": 0,
            "declared_by": None,
            "file": doc.file,
            "source_id": doc.source_id,
            "checksum": doc.source_id,
        }
    )
    version = current + 1
    record = {
        "source_id": doc.source_id,
        "file": Path(doc.file).name,
        "version": version,
        "confirmed_by": by,
        "confirmed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "based_on": f"version {current}" if current else f"compiled ({compiled.compiler})",
        "note": note,
        "compiler_problems_seen": resolved,
        "warnings": warnings,
        "tree": checked.model_dump(mode="json"),
    }
    path = folder(store_path, doc.source_id) / f"v{version}.json"
    try:
        _write_sealed(path, record, key, f"confirmed-v{version}", exclusive=True)
    except FileExistsError as exc:
        raise StaleVersion(f"version {version} was confirmed at the same moment") from exc
    _record_in_ledger(home, doc.source_id, version)
    return record


def history(store_path: Path, source_id: str, home: Path) -> list[dict]:
    """Every version's who, when and basis (newest first); a tampered one says so."""
    out = []
    for v in reversed(versions(store_path, source_id)):
        try:
            r = read_version(store_path, source_id, v, home)
            out.append(
                {
                    k: r.get(k)
                    for k in ("version", "confirmed_by", "confirmed_at", "based_on", "note")
                }
                | {"intact": True}
            )
        except Tampered as exc:
            out.append({"version": v, "intact": False, "note": str(exc)})
    return out


# --- the web page's working copy --------------------------------------------------------


def load_draft(store_path: Path, doc: Document, home: Path) -> dict | None:
    """The working copy being fixed on the web page: {base_version, edited_by, tree}; None
    when there is none (or it fails its seal: then it is dropped, nothing decides from it)."""
    path = folder(store_path, doc.source_id) / "draft.json"
    if not path.exists():
        return None
    try:
        record = _read_sealed(path, integrity.load_key(home), "draft", doc.source_id)
        record["tree"] = PolicyTree.model_validate(record["tree"])
        return record
    except (Tampered, ValidationError, KeyError):
        path.unlink(missing_ok=True)
        return None


def save_draft(
    store_path: Path,
    doc: Document,
    tree: PolicyTree,
    base_version: int,
    who: str,
    home: Path,
    edited_by: list[str] | None = None,
) -> None:
    names = list(dict.fromkeys([*(edited_by or []), who]))
    record = {
        "source_id": doc.source_id,
        "base_version": base_version,
        "edited_by": names,
        "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tree": tree.model_dump(mode="json"),
    }
    path = folder(store_path, doc.source_id) / "draft.json"
    _write_sealed(path, record, integrity.load_key(home), "draft", exclusive=False)


def discard_draft(store_path: Path, doc: Document) -> None:
    (folder(store_path, doc.source_id) / "draft.json").unlink(missing_ok=True)
