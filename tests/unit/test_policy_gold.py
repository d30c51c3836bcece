"""The gold policy trees in evals/policies/gold are well formed and verbatim.

Format checks run everywhere; the verbatim check (every leaf's first words are found on the
page it names) needs the PDFs in ../shared and skips without them."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "evals" / "policies" / "gold"
SHARED = REPO.parent / "shared"
GOLD_FILES = sorted(GOLD.glob("*.json"))
OPS = {"all_of", "any_of", "at_least"}
DIRS = {"policies", "autoauth/policies"}
# The split the brief fixes; the rest is free but both halves must be used.
MUST_TUNE = {"001", "002", "cigna-infliximab-iv-ip0660"}
MUST_HOLDOUT = {
    "anthem-dupixent-cc0029",
    "bcbsa-fep-spinraza-5.75.015",
    "floridablue-bevacizumab-mcg-09-J0000-66",
    "tenncare-pdl-clinical-criteria-2025-06",
    "medicare-lcd-L33822-glucose-monitors",
}
MAX_LEAF_WORDS = 25  # leaves are short prefixes for measurement, never whole criteria


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    """Lowercase, ligatures unfolded, a word hyphenated across a line joined, punctuation
    dropped, whitespace collapsed: what the gold's prefix matching ignores."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"-\s*\n\s*", "-", text)
    text = re.sub(r"[^\w\s]|_", "", text)
    return re.sub(r"\s+", " ", text).strip()


def groups_and_leaves(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from groups_and_leaves(child)


def trees(gold: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for ind in gold["indications"]:
        for branch in ("initial", "continuation"):
            if branch in ind:
                yield f"{ind['name']} / {branch}", ind[branch]


def leaves(gold: dict[str, Any]) -> Iterator[tuple[str, str, int]]:
    """(where, text, page) for every leaf and exclusion."""
    for where, tree in trees(gold):
        for node in groups_and_leaves(tree):
            if "leaf" in node:
                yield where, node["leaf"], node["page"]
    for exc in gold.get("exclusions", []):
        yield "exclusions", exc["text"], exc["page"]


def test_gold_files_exist() -> None:
    assert len(GOLD_FILES) >= 13, f"expected a gold file per shared policy in {GOLD}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = load(path)
    for key in ("file", "dir", "publisher", "split", "indications"):
        assert key in gold, f"{path.name}: missing {key!r}"
    assert gold["file"] == f"{path.stem}.pdf", f"{path.name}: file {gold['file']!r} is not its stem"
    assert gold["dir"] in DIRS, f"{path.name}: dir {gold['dir']!r}"
    assert gold["split"] in ("tune", "holdout"), f"{path.name}: split {gold['split']!r}"
    assert gold["indications"], f"{path.name}: no indications"
    for ind in gold["indications"]:
        name = ind.get("name")
        assert isinstance(name, str) and name.strip(), f"{path.name}: unnamed indication"
        assert isinstance(ind.get("aliases", []), list) and isinstance(ind.get("icd10", []), list)
        assert isinstance(ind.get("page"), int) and ind["page"] >= 1, f"{path.name}: {name}: page"
    full = sum("initial" in ind for ind in gold["indications"])
    assert full >= min(2, len(gold["indications"])), f"{path.name}: {full} full trees"
    for where, tree in trees(gold):
        for node in groups_and_leaves(tree):
            page = node.get("page")
            assert isinstance(page, int) and page >= 1, f"{path.name}: {where}: page"
            if "leaf" in node:
                text = node["leaf"]
                assert isinstance(text, str) and text.strip(), f"{path.name}: {where}: empty leaf"
                assert len(text.split()) <= MAX_LEAF_WORDS, f"{path.name}: {where}: leaf too long"
                assert "children" not in node and "op" not in node
                continue
            assert node.get("op") in OPS, f"{path.name}: {where}: op {node.get('op')!r}"
            assert node.get("children"), f"{path.name}: {where}: group without children"
            if node["op"] == "at_least":
                n = node.get("n")
                ok = isinstance(n, int) and 1 <= n <= len(node["children"])
                assert ok, f"{path.name}: {where}: at_least n={n!r}"
            else:
                assert "n" not in node, f"{path.name}: {where}: n on {node['op']}"
    for exc in gold.get("exclusions", []):
        assert exc["text"].strip() and isinstance(exc["page"], int) and exc["page"] >= 1


def test_split_uses_both_halves_as_briefed() -> None:
    split = {p.stem: load(p)["split"] for p in GOLD_FILES}
    assert {s for s in MUST_TUNE if split.get(s) != "tune"} == set()
    assert {s for s in MUST_HOLDOUT if split.get(s) != "holdout"} == set()
    tune = [s for s, v in split.items() if v == "tune"]
    holdout = [s for s, v in split.items() if v == "holdout"]
    assert len(tune) >= 4 and len(holdout) >= 4, (tune, holdout)


@cache
def reader(pdf: Path):  # noqa: ANN201 (pypdf is imported only when ../shared is there)
    import pypdf

    return pypdf.PdfReader(str(pdf))


@cache
def page_text(pdf: Path, page: int) -> str:
    """The normalized text of a 1-based page ("" past the end); only the pages the gold
    names are read (the TennCare PDL has 279)."""
    pages = reader(pdf).pages
    return normalize(pages[page - 1].extract_text() or "") if page <= len(pages) else ""


@pytest.mark.shared
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_leaf_is_printed_on_its_page(path: Path) -> None:
    gold = load(path)
    pdf = SHARED / gold["dir"] / gold["file"]
    if not SHARED.exists():
        pytest.skip(f"../shared is absent ({SHARED}); it holds the policy PDFs the gold quotes")
    assert pdf.exists(), f"{path.name}: {pdf} not found"
    count = len(reader(pdf).pages)
    missing = []
    for where, text, page in leaves(gold):
        assert page <= count, f"{path.name}: {where}: page {page} > {count}"
        here, after = page_text(pdf, page), page_text(pdf, page + 1)
        want = normalize(text)
        # A leaf may run across the page break (header and footer between its halves).
        if want not in here and want not in after and want not in f"{here} {after}":
            missing.append(f"{where} p{page}: {text!r}")
    assert not missing, f"{path.name}: not found as printed:\n" + "\n".join(missing)


CASES = REPO / "evals" / "policies" / "cases"


def test_case_pairs_parse_and_pair_up() -> None:
    """Each pair: both case files load as cases, one expects approval and the other
    denial, and the policy it names has a gold file of the pair's split."""
    from pipeline.cases import load_case
    from pipeline.evals.datasets import load_jsonl

    records = load_jsonl(CASES / "cases.jsonl")
    assert len(records) >= 6 and len(records) % 2 == 0
    verdicts: dict[str, set[str]] = {}
    for rec in records:
        case = load_case(REPO / rec.inputs["case_file"])
        assert case.case_id == rec.id
        (policy,) = rec.inputs["policies"]
        gold = GOLD / f"{Path(policy).stem}.json"
        split = rec.metadata["policy_split"]
        assert gold.exists() and load(gold)["split"] == split, f"{rec.id}: {policy}"
        pair = rec.id.rsplit("-", 1)[0].removesuffix("-fails")
        verdicts.setdefault(pair, set()).add(rec.expected["verdict"])
        if rec.expected["verdict"] == "not_medically_necessary":
            assert rec.metadata.get("missed_criterion"), f"{rec.id}: which criterion it misses"
    assert all(v == {"medically_necessary", "not_medically_necessary"} for v in verdicts.values())
