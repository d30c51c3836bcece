"""Check the seventh batch's gold trees against the PDFs, independently of the gold writer.

    .venv/bin/python evals/policies/synthetic7/check_gold.py [BATCH_FOLDER]

Later batches run it on their own folder (``evals/policies/synthetic14``); without an
argument it checks this one.

For every gold file: each leaf, each exclusion and each indication name's page must hold
the text on the page the gold gives, in what pypdf's ``extract_text`` returns for that page
after whitespace is collapsed (exact characters otherwise: case and punctuation kept).
Also checks the tree shape (ops, ``n`` for ``at_least``, a page on every node) and prints
the counts the README's table gives. Exit status 1 when anything is not found.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pypdf

HERE = Path(__file__).resolve().parent
OPS = {"all_of", "any_of", "at_least"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def walk(node: dict[str, Any], out: dict[str, list[dict[str, Any]]], where: str) -> None:
    if "leaf" in node:
        out["leaves"].append(node)
        return
    if node.get("op") not in OPS or not node.get("children") or "page" not in node:
        out["bad"].append({"where": where, "problem": f"malformed group {node.get('op')!r}"})
        return
    if node["op"] == "at_least" and not isinstance(node.get("n"), int):
        out["bad"].append({"where": where, "problem": "at_least without n"})
    out["groups"].append(node)
    for kid in node["children"]:
        walk(kid, out, where)


def check(gold_path: Path) -> tuple[list[str], dict[str, int]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pdf = gold_path.parent.parent / gold["file"]
    pages = [squash(p.extract_text() or "") for p in pypdf.PdfReader(str(pdf)).pages]
    problems: list[str] = []

    def on_page(text: str, page: int, what: str) -> None:
        if not 1 <= page <= len(pages) or squash(text) not in pages[page - 1]:
            problems.append(f"{gold['file']}: {what} not on page {page}: {text!r}")

    counts = {"pages": len(pages), "indications": len(gold["indications"]), "trees": 0,
              "leaves": 0, "groups": 0, "exclusions": len(gold.get("exclusions", []))}
    if gold.get("split") != "holdout":
        problems.append(f"{gold['file']}: split is not holdout")
    for ind in gold["indications"]:
        if not 1 <= ind["page"] <= len(pages):
            problems.append(f"{gold['file']}: {ind['name']}: page {ind['page']} out of range")
        for branch in ("initial", "continuation"):
            if branch not in ind:
                continue
            counts["trees"] += 1
            found: dict[str, list[dict[str, Any]]] = {"leaves": [], "groups": [], "bad": []}
            walk(ind[branch], found, f"{ind['name']} {branch}")
            problems += [f"{gold['file']}: {b['where']}: {b['problem']}" for b in found["bad"]]
            counts["leaves"] += len(found["leaves"])
            counts["groups"] += len(found["groups"])
            for leaf in found["leaves"]:
                on_page(leaf["leaf"], leaf["page"], f"{ind['name']} {branch} leaf")
    for ex in gold.get("exclusions", []):
        on_page(ex["text"], ex["page"], "exclusion")
    return problems, counts


def main(folder: Path = HERE) -> int:
    problems: list[str] = []
    for path in sorted((folder / "gold").glob("*.json")):
        found, counts = check(path)
        problems += found
        print(f"{path.stem}: " + ", ".join(f"{k} {v}" for k, v in counts.items())
              + ("  OK" if not found else f"  {len(found)} PROBLEMS"))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE))
