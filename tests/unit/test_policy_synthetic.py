"""The synthetic held-out policies (evals/policies/synthetic): PDFs rebuilt byte for byte by
their generator, gold trees well formed and printed on the pages they name, found by
`eval policies` beside the gold folder, and the case pairs written against them loadable."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from pipeline.evals.datasets import load_jsonl
from pipeline.evals.policies import load_gold, locate_pdf
from tests.unit.test_policy_gold import OPS, groups_and_leaves, leaves, normalize, trees

REPO = Path(__file__).resolve().parents[2]
SYNTH = REPO / "evals" / "policies" / "synthetic"
GOLD = SYNTH / "gold"
GOLD_FILES = sorted(GOLD.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_six_policies_each_with_its_pdf() -> None:
    assert len(GOLD_FILES) >= 6
    for path in GOLD_FILES:
        assert (SYNTH / load(path)["file"]).is_file(), path.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_is_well_formed_and_held_out(path: Path) -> None:
    gold = load(path)
    assert gold["split"] == "holdout" and gold["file"] == f"{path.stem}.pdf"
    assert gold["indications"] and all(i["name"] and i["page"] >= 1 for i in gold["indications"])
    assert sum("initial" in i for i in gold["indications"]) >= min(2, len(gold["indications"]))
    for where, tree in trees(gold):
        for node in groups_and_leaves(tree):
            assert node["page"] >= 1, where
            if "leaf" not in node:
                assert node["op"] in OPS and node["children"], where
                assert ("n" in node) == (node["op"] == "at_least"), where


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_leaf_is_printed_on_its_page(path: Path) -> None:
    import pypdf

    gold = load(path)
    pages = [normalize(p.extract_text() or "") for p in pypdf.PdfReader(SYNTH / gold["file"]).pages]
    missing = [
        f"{where} p{page}: {text!r}"
        for where, text, page in leaves(gold)
        if normalize(text) not in pages[page - 1]
    ]
    assert not missing, "\n".join(missing)


def test_the_eval_finds_the_pdfs_beside_the_gold_folder() -> None:
    """`eval policies GOLD_DIR` looks under --shared, GOLD_DIR and its parent: a gold file whose
    'dir' is "." and whose PDF lies in the gold folder's parent is found without ../shared."""
    for gold in load_gold(GOLD):
        pdf = locate_pdf(gold, [REPO / "no-such-shared", GOLD, GOLD.parent])
        assert pdf == SYNTH / gold["file"]


def test_generator_rebuilds_the_same_bytes(tmp_path: Path) -> None:
    module = runpy.run_path(str(SYNTH / "make_pdfs.py"))
    module["main"](tmp_path)
    for path in GOLD_FILES:
        name = load(path)["file"]
        assert (tmp_path / name).read_bytes() == (SYNTH / name).read_bytes(), name
        assert (tmp_path / "gold" / path.name).read_text() == path.read_text(), path.name


def test_case_pairs_point_at_the_synthetic_pdfs() -> None:
    from pipeline.cases import load_case

    records = load_jsonl(SYNTH / "cases" / "cases.jsonl")
    stems = {p.stem for p in GOLD_FILES}
    verdicts: dict[str, set[str]] = {}
    for rec in records:
        assert load_case(REPO / rec.inputs["case_file"]).case_id == rec.id
        (policy,) = rec.inputs["policies"]
        assert (REPO / policy).is_file() and Path(policy).stem in stems, policy
        pair = rec.id.removesuffix("-meets").removesuffix("-fails-one")
        verdicts.setdefault(pair, set()).add(rec.expected["verdict"])
        if rec.expected["verdict"] == "not_medically_necessary":
            assert rec.expected.get("failed_criterion") and rec.metadata.get("missed_criterion")
    assert len(verdicts) >= 6
    assert all(v == {"medically_necessary", "not_medically_necessary"} for v in verdicts.values())


def test_the_synthetic_pair_config_loads_its_records() -> None:
    from pipeline.evals.datasets import load_dataset
    from pipeline.evals.workbench import load_config

    config = load_config(REPO / "evals/configs/policy-pairs-synthetic.yaml")
    assert len(load_dataset(config.dataset, split=config.split)) >= 12


def test_each_failed_criterion_is_printed_and_names_a_gold_criterion() -> None:
    """Every text of `failed_criterion` is printed in the policy, and one of them is a gold
    leaf (the others may be the lead-in of the failed group)."""
    import pypdf

    for rec in load_jsonl(SYNTH / "cases" / "cases.jsonl"):
        (policy,) = rec.inputs["policies"]
        gold = load(GOLD / f"{Path(policy).stem}.json")
        pages = pypdf.PdfReader(REPO / policy).pages
        text = " ".join(normalize(p.extract_text() or "") for p in pages)
        printed = [normalize(t) for _, t, _ in leaves(gold)]
        wants = [normalize(w) for w in rec.expected.get("failed_criterion", [])]
        assert all(w in text for w in wants), rec.id
        assert not wants or any(p.startswith(w) for w in wants for p in printed), rec.id
