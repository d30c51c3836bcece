"""The second synthetic held-out batch (evals/policies/synthetic2): checked like the first
(tests/unit/test_policy_synthetic.py): gold well formed and held out, every leaf printed on
its page, PDFs rebuilt byte for byte, the eval finds them, the case pairs load and pair up."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from pipeline.evals.datasets import load_jsonl
from pipeline.evals.policies import load_gold, locate_pdf
from tests.unit.test_policy_gold import OPS, groups_and_leaves, leaves, normalize, trees

REPO = Path(__file__).resolve().parents[2]
SYNTH = REPO / "evals" / "policies" / "synthetic2"
GOLD = SYNTH / "gold"
GOLD_FILES = sorted(GOLD.glob("*.json"))
FIRST_BATCH = REPO / "evals" / "policies" / "synthetic" / "gold"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_five_new_policies_each_with_its_pdf_and_none_from_the_first_batch() -> None:
    assert len(GOLD_FILES) >= 5
    first = {p.name for p in FIRST_BATCH.glob("*.json")}
    for path in GOLD_FILES:
        assert (SYNTH / load(path)["file"]).is_file(), path.name
        assert path.name not in first


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_is_well_formed_and_held_out(path: Path) -> None:
    gold = load(path)
    assert gold["split"] == "holdout" and gold["file"] == f"{path.stem}.pdf"
    assert gold["indications"] and all(i["name"] and i["page"] >= 1 for i in gold["indications"])
    assert sum("initial" in i for i in gold["indications"]) >= 2
    assert gold["exclusions"]
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
    for gold in load_gold(GOLD):
        pdf = locate_pdf(gold, [REPO / "no-such-shared", GOLD, GOLD.parent])
        assert pdf == SYNTH / gold["file"]


def test_generator_rebuilds_the_same_bytes(tmp_path: Path) -> None:
    module = runpy.run_path(str(SYNTH / "build.py"))
    module["main"](tmp_path)
    for path in GOLD_FILES:
        name = load(path)["file"]
        assert (tmp_path / name).read_bytes() == (SYNTH / name).read_bytes(), name
        assert (tmp_path / "gold" / path.name).read_text() == path.read_text(), path.name


def test_case_pairs_point_at_the_new_pdfs_and_pair_up() -> None:
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
    assert len(verdicts) == len(GOLD_FILES)
    assert all(v == {"medically_necessary", "not_medically_necessary"} for v in verdicts.values())


def test_the_pair_config_loads_its_records() -> None:
    from pipeline.evals.datasets import load_dataset
    from pipeline.evals.workbench import load_config

    config = load_config(REPO / "evals/configs/policy-pairs-synthetic2.yaml")
    assert len(load_dataset(config.dataset, split=config.split)) == 2 * len(GOLD_FILES)


def test_each_failed_criterion_is_printed_and_names_a_gold_criterion() -> None:
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
