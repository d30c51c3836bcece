"""The synthetic payer policies (evals/policies/synthetic, synthetic2 ... synthetic7), each batch
checked alike: PDFs rebuilt byte for byte by their generator, gold trees well formed and
printed on the pages they name, found by `eval policies` beside the gold folder, the case pairs
written against them loadable and paired, and no policy in two batches."""

from __future__ import annotations

import json
import runpy
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.evals.datasets import load_jsonl
from pipeline.evals.policies import load_gold, locate_pdf
from tests.unit.test_policy_gold import OPS, groups_and_leaves, leaves, normalize, trees

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Batch:
    folder: Path
    generator: str  # the script whose main(out_dir) writes the PDFs and gold
    config: str  # the case-pair eval config
    policies: int  # at least this many
    full: bool  # every policy has two initial trees and exclusions; `pairs` pairs per policy
    pairs: int = 1

    @property
    def gold(self) -> Path:
        return self.folder / "gold"

    @property
    def gold_files(self) -> list[Path]:
        return sorted(self.gold.glob("*.json"))


POLICIES = REPO / "evals" / "policies"
BATCHES = {
    "synthetic": Batch(
        POLICIES / "synthetic", "make_pdfs.py", "policy-pairs-synthetic.yaml", 6, False
    ),
    "synthetic2": Batch(
        POLICIES / "synthetic2", "build.py", "policy-pairs-synthetic2.yaml", 5, True
    ),
    "synthetic3": Batch(
        POLICIES / "synthetic3", "build.py", "policy-pairs-synthetic3.yaml", 6, True, pairs=2
    ),
    "synthetic4": Batch(
        POLICIES / "synthetic4", "build.py", "policy-pairs-synthetic4.yaml", 5, True, pairs=2
    ),
    "synthetic5": Batch(
        POLICIES / "synthetic5", "build.py", "policy-pairs-synthetic5.yaml", 5, True, pairs=2
    ),
    "synthetic6": Batch(
        POLICIES / "synthetic6", "build.py", "policy-pairs-synthetic6.yaml", 5, False, pairs=2
    ),
    "synthetic7": Batch(
        POLICIES / "synthetic7", "build.py", "policy-pairs-synthetic7.yaml", 5, True, pairs=2
    ),
    "synthetic8": Batch(
        POLICIES / "synthetic8", "build.py", "policy-pairs-synthetic8.yaml", 5, True, pairs=2
    ),
    "synthetic9": Batch(
        POLICIES / "synthetic9", "build.py", "policy-pairs-synthetic9.yaml", 5, True, pairs=2
    ),
    "synthetic10": Batch(
        POLICIES / "synthetic10", "build.py", "policy-pairs-synthetic10.yaml", 5, True, pairs=2
    ),
    "synthetic11": Batch(
        POLICIES / "synthetic11", "build.py", "policy-pairs-synthetic11.yaml", 5, True, pairs=2
    ),
    "synthetic12": Batch(
        POLICIES / "synthetic12", "build.py", "policy-pairs-synthetic12.yaml", 5, True, pairs=2
    ),
    "synthetic13": Batch(
        POLICIES / "synthetic13", "build.py", "policy-pairs-synthetic13.yaml", 5, True, pairs=2
    ),
    "synthetic14": Batch(
        POLICIES / "synthetic14", "build.py", "policy-pairs-synthetic14.yaml", 5, True, pairs=2
    ),
    "synthetic15": Batch(
        POLICIES / "synthetic15", "build.py", "policy-pairs-synthetic15.yaml", 5, True, pairs=2
    ),
    "synthetic16": Batch(
        POLICIES / "synthetic16", "build.py", "policy-pairs-synthetic16.yaml", 5, True, pairs=2
    ),
    "synthetic17": Batch(
        POLICIES / "synthetic17", "build.py", "policy-pairs-synthetic17.yaml", 5, True, pairs=2
    ),
    "synthetic18": Batch(
        POLICIES / "synthetic18", "build.py", "policy-pairs-synthetic18.yaml", 5, True, pairs=2
    ),
    "synthetic19": Batch(
        POLICIES / "synthetic19", "build.py", "policy-pairs-synthetic19.yaml", 5, True, pairs=2
    ),
    "synthetic20": Batch(
        POLICIES / "synthetic20", "build.py", "policy-pairs-synthetic20.yaml", 5, True, pairs=2
    ),
}
GOLD_FILES = [(name, p) for name, b in BATCHES.items() for p in b.gold_files]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", BATCHES)
def test_each_policy_has_its_pdf(name: str) -> None:
    batch = BATCHES[name]
    assert len(batch.gold_files) >= batch.policies
    for path in batch.gold_files:
        assert (batch.folder / load(path)["file"]).is_file(), path.name


def test_no_policy_is_in_two_batches() -> None:
    names = [p.name for _, p in GOLD_FILES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=lambda x: getattr(x, "stem", x))
def test_gold_is_well_formed_and_held_out(name: str, path: Path) -> None:
    gold = load(path)
    assert gold["split"] == "holdout" and gold["file"] == f"{path.stem}.pdf"
    assert gold["indications"] and all(i["name"] and i["page"] >= 1 for i in gold["indications"])
    initial = sum("initial" in i for i in gold["indications"])
    if BATCHES[name].full:
        assert initial >= 2 and gold["exclusions"]
    else:
        assert initial >= min(2, len(gold["indications"]))
    for where, tree in trees(gold):
        for node in groups_and_leaves(tree):
            assert node["page"] >= 1, where
            if "leaf" not in node:
                assert node["op"] in OPS and node["children"], where
                assert ("n" in node) == (node["op"] == "at_least"), where


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=lambda x: getattr(x, "stem", x))
def test_every_leaf_is_printed_on_its_page(name: str, path: Path) -> None:
    import pypdf

    gold = load(path)
    pdf = BATCHES[name].folder / gold["file"]
    pages = [normalize(p.extract_text() or "") for p in pypdf.PdfReader(pdf).pages]
    missing = [
        f"{where} p{page}: {text!r}"
        for where, text, page in leaves(gold)
        if normalize(text) not in pages[page - 1]
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("name", BATCHES)
def test_the_eval_finds_the_pdfs_beside_the_gold_folder(name: str) -> None:
    """`eval policies GOLD_DIR` looks under --shared, GOLD_DIR and its parent: a gold file whose
    'dir' is "." and whose PDF lies in the gold folder's parent is found without ../shared."""
    batch = BATCHES[name]
    for gold in load_gold(batch.gold):
        pdf = locate_pdf(gold, [REPO / "no-such-shared", batch.gold, batch.folder])
        assert pdf == batch.folder / gold["file"]


@pytest.mark.parametrize("name", BATCHES)
def test_generator_rebuilds_the_same_bytes(name: str, tmp_path: Path) -> None:
    batch = BATCHES[name]
    module = runpy.run_path(str(batch.folder / batch.generator))
    module["main"](tmp_path)
    for path in batch.gold_files:
        pdf = load(path)["file"]
        assert (tmp_path / pdf).read_bytes() == (batch.folder / pdf).read_bytes(), pdf
        assert (tmp_path / "gold" / path.name).read_text() == path.read_text(), path.name


@pytest.mark.parametrize("name", BATCHES)
def test_case_pairs_point_at_the_pdfs_and_pair_up(name: str) -> None:
    from pipeline.cases import load_case

    batch = BATCHES[name]
    records = load_jsonl(batch.folder / "cases" / "cases.jsonl")
    stems = {p.stem for p in batch.gold_files}
    verdicts: dict[str, set[str]] = {}
    for rec in records:
        assert load_case(REPO / rec.inputs["case_file"]).case_id == rec.id
        (policy,) = rec.inputs["policies"]
        assert (REPO / policy).is_file() and Path(policy).stem in stems, policy
        pair = rec.id.removesuffix("-meets").removesuffix("-fails-one")
        verdicts.setdefault(pair, set()).add(rec.expected["verdict"])
        if rec.expected["verdict"] == "not_medically_necessary":
            assert rec.expected.get("failed_criterion") and rec.metadata.get("missed_criterion")
    if batch.full:
        assert len(verdicts) == batch.pairs * len(batch.gold_files)
    else:
        assert len(verdicts) >= batch.policies
    assert all(v == {"medically_necessary", "not_medically_necessary"} for v in verdicts.values())


@pytest.mark.parametrize("name", BATCHES)
def test_the_pair_config_loads_its_records(name: str) -> None:
    from pipeline.evals.datasets import load_dataset
    from pipeline.evals.workbench import load_config

    batch = BATCHES[name]
    config = load_config(REPO / "evals" / "configs" / batch.config)
    count = len(load_dataset(config.dataset, split=config.split))
    if batch.full:
        assert count == 2 * batch.pairs * len(batch.gold_files)
    else:
        assert count >= 2 * batch.policies


@pytest.mark.parametrize("name", BATCHES)
def test_each_failed_criterion_is_printed_and_names_a_gold_criterion(name: str) -> None:
    """Every text of `failed_criterion` is printed in the policy, and one of them is a gold
    leaf (the others may be the lead-in of the failed group)."""
    import pypdf

    batch = BATCHES[name]
    for rec in load_jsonl(batch.folder / "cases" / "cases.jsonl"):
        (policy,) = rec.inputs["policies"]
        gold = load(batch.gold / f"{Path(policy).stem}.json")
        pages = pypdf.PdfReader(REPO / policy).pages
        text = " ".join(normalize(p.extract_text() or "") for p in pages)
        printed = [normalize(t) for _, t, _ in leaves(gold)]
        wants = [normalize(w) for w in rec.expected.get("failed_criterion", [])]
        assert all(w in text for w in wants), rec.id
        assert not wants or any(p.startswith(w) for w in wants for p in printed), rec.id
