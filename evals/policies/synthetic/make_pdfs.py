"""Write the synthetic held-out payer policies (PDF) and their gold trees (JSON).

    .venv/bin/python evals/policies/synthetic/make_pdfs.py

Deterministic: the same bytes on every run (fixed creation date, core fonts). Each policy
imitates the *layout* of a publisher whose documents the compiler was never developed on;
the plans are fictional and every sentence is ours. The gold tree of each indication is the
`Crit` tree the PDF prints (leaf = its first words), with the page found in the text pypdf
extracts from the written PDF; a leaf not found on one page is an error here.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policies import POLICIES  # noqa: E402
from render import Crit, Policy  # noqa: E402

HERE = Path(__file__).resolve().parent
LEAF_WORDS = 12  # a leaf is a criterion's first words (the gold format's 6-12)
MAX_WORDS = 25


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"-\s*\n\s*", "-", text)
    text = re.sub(r"[^\w\s]|_", "", text)
    return re.sub(r"\s+", " ", text).strip()


def first_words(text: str, n: int = LEAF_WORDS) -> str:
    words = text.split()
    out = " ".join(words[:n])
    return re.sub(r"[;:,.]+$", "", out)


class Pages:
    """The normalized text of the written PDF, page by page as pypdf extracts it; criteria are
    found in document order (an offset into the pages joined), so a repeated sentence is
    given the page of the occurrence that belongs to the tree."""

    def __init__(self, pdf: Path) -> None:
        import pypdf

        self.texts = [normalize(p.extract_text() or "") for p in pypdf.PdfReader(str(pdf)).pages]
        self.starts: list[int] = []
        at = 0
        for t in self.texts:
            self.starts.append(at)
            at += len(t) + 1
        self.all = " ".join(self.texts)

    def find(self, text: str, start: int = 0, words: int = LEAF_WORDS) -> int:
        want = normalize(first_words(text, words))
        at = self.all.find(want, start)
        if at < 0:
            raise SystemExit(f"not found after offset {start}: {want!r}")
        return at

    def page(self, offset: int) -> int:
        return max(i for i, s in enumerate(self.starts) if s <= offset) + 1


def leaf_texts(root: Crit) -> dict[int, str]:
    """id(criterion) -> its gold leaf: the first 12 words, more where two criteria of one tree
    open alike (so that a prefix names one criterion)."""
    nodes: list[Crit] = []

    def walk(n: Crit) -> None:
        if n.is_group:
            for k in n.kids:
                walk(k)
        else:
            nodes.append(n)

    walk(root)
    out = {}
    for n in nodes:
        others = [normalize(o.text) for o in nodes if o is not n]
        for words in range(LEAF_WORDS, MAX_WORDS + 1):
            if not any(o.startswith(normalize(first_words(n.text, words))) for o in others):
                break
        else:
            raise SystemExit(f"two criteria of one tree share {MAX_WORDS} words: {n.text!r}")
        out[id(n)] = first_words(n.text, words)
    return out


def gold_tree(node: Crit, pages: Pages, cursor: int,
              leaves: dict[int, str] | None = None) -> tuple[dict[str, Any], int]:
    """The gold group/leaf for ``node`` and the offset after it (criteria are searched in
    document order from ``cursor``)."""
    leaves = leaves if leaves is not None else leaf_texts(node)
    if not node.is_group:
        at = pages.find(leaves[id(node)], cursor, MAX_WORDS)
        return {"leaf": leaves[id(node)], "page": pages.page(at)}, at + 1
    here = pages.find(node.text, cursor, 30) if node.text.strip() else -1
    at = here + 1 if here >= 0 else cursor
    kids = []
    for kid in node.kids:
        tree, at = gold_tree(kid, pages, at, leaves)
        kids.append(tree)
    out: dict[str, Any] = {"op": node.op}
    if node.op == "at_least":
        out["n"] = node.n
    out["page"] = pages.page(here) if here >= 0 else kids[0]["page"]
    out["children"] = kids
    return out, at


def write(policy: Policy, out_dir: Path = HERE) -> dict[str, Any]:
    doc, inds, exclusions = policy.build()
    pdf = out_dir / f"{policy.stem}.pdf"
    doc.output(str(pdf))
    pages = Pages(pdf)
    gold_inds = []
    for ind in inds:
        start = pages.find(ind.anchor, 0, 30)
        entry: dict[str, Any] = {"name": ind.name, "aliases": ind.aliases, "icd10": ind.icd10,
                                 "page": pages.page(start)}
        if ind.initial is not None:
            entry["initial"], _ = gold_tree(ind.initial, pages, start)
        if ind.continuation is not None:
            at = pages.find(ind.cont_anchor, start, 30) if ind.cont_anchor else start
            entry["continuation"], _ = gold_tree(ind.continuation, pages, at)
        gold_inds.append(entry)
    excl = []
    at = 0
    for text in exclusions:
        at = pages.find(text, at)
        excl.append({"text": first_words(text), "page": pages.page(at)})
        at += 1
    gold = {
        "file": pdf.name,
        "dir": ".",
        "publisher": policy.publisher,
        "layout": policy.layout,
        "split": "holdout",
        "indications": gold_inds,
        "exclusions": excl,
    }
    out = out_dir / "gold" / f"{policy.stem}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold


def write_all(policies: list[Policy], out_dir: Path) -> None:
    """Write each policy's PDF and gold tree, with a line of counts per policy (every
    batch's build.py calls this)."""
    for policy in policies:
        gold = write(policy, out_dir)
        n = sum(1 for i in gold["indications"] if "initial" in i)
        print(f"{policy.stem}: {len(Pages(out_dir / gold['file']).texts)} pages, "
              f"{len(gold['indications'])} indications ({n} with trees), "
              f"{len(gold['exclusions'])} exclusions")


def main(out_dir: Path = HERE) -> None:
    write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
