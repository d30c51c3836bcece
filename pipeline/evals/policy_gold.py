"""Gold policy trees for `eval policies`: read from a folder of JSON files, each checked
for shape with an error naming the file, and the PDF each names found under the roots."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.errors import NecessityError


class GoldError(NecessityError, ValueError):
    pass


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """Every ``*.json`` gold tree in ``folder``; a malformed one is an error naming it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold policy trees")
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise GoldError(f"{path}: not readable JSON ({exc})") from exc
        problem = _gold_problem(data)
        if problem:
            raise GoldError(f"{path}: {problem}")
        data["_path"] = str(path)
        out.append(data)
    if not out:
        raise GoldError(f"{folder}: no gold policy trees (*.json)")
    return out


def _gold_problem(data: object) -> str:
    if not isinstance(data, dict):
        return "expected an object at the top level"
    if not isinstance(data.get("file"), str):
        return "'file' (the PDF's name) is missing"
    inds = data.get("indications")
    if not isinstance(inds, list) or not all(isinstance(i, dict) and i.get("name") for i in inds):
        return "'indications' must be a list of objects with a 'name'"
    for ind in inds:
        for key in ("initial", "continuation"):
            if key in ind and (problem := _group_problem(ind[key], f"{ind['name']}.{key}")):
                return problem
    return ""


def _group_problem(node: object, where: str) -> str:
    if not isinstance(node, dict):
        return f"{where}: a node must be an object"
    if "leaf" in node:
        return "" if isinstance(node["leaf"], str) else f"{where}: 'leaf' must be text"
    if node.get("op") not in {"all_of", "any_of", "at_least"}:
        return f"{where}: op must be all_of, any_of or at_least"
    if node["op"] == "at_least" and not isinstance(node.get("n"), int):
        return f"{where}: at_least needs an integer n"
    children = node.get("children")
    if not isinstance(children, list) or not children:
        return f"{where}: a group needs children"
    return next((p for c in children if (p := _group_problem(c, where))), "")


def locate_pdf(gold: dict[str, Any], roots: Iterable[Path]) -> Path | None:
    for root in roots:
        for candidate in (
            Path(root) / gold.get("dir", "") / gold["file"],
            Path(root) / gold["file"],
        ):
            if candidate.is_file():
                return candidate
    return None
