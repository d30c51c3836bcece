"""The case pairs written against the gold-tree policies (evals/policies/cases): every case
file loads with the case model, every policy has its pair, splits agree with the gold trees."""

import json
from collections import Counter
from pathlib import Path

from pipeline.cases import load_case
from pipeline.evals.datasets import load_dataset
from pipeline.evals.workbench import load_config

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "evals/policies/cases"
GOLD = REPO / "evals/policies/gold"


def test_every_pair_loads_and_matches_its_gold_split() -> None:
    records = load_dataset(CASES / "cases.jsonl")
    assert len({r.id for r in records}) == len(records)
    pairs: Counter[str] = Counter()
    for r in records:
        case = load_case(REPO / r.inputs["case_file"])
        assert case.case_id == r.id
        [policy] = r.inputs["policies"]
        gold = json.loads((GOLD / f"{Path(policy).stem}.json").read_text(encoding="utf-8"))
        assert r.metadata["policy_split"] == gold["split"]
        assert r.split == f"{gold['split']}-pairs"
        meets = r.id.endswith("-meets")
        assert r.expected["verdict"] == (
            "medically_necessary" if meets else "not_medically_necessary"
        )
        assert r.expected["any_criterion_not_fully_met"] is not meets
        if not meets:  # the twin names the one criterion it fails
            assert r.id.endswith("-fails-one")
            assert r.metadata["missed_criterion"] and r.expected["failed_criterion"]
        pairs[r.id.rsplit("-meets", 1)[0].rsplit("-fails-one", 1)[0]] += 1
    assert set(pairs.values()) == {2}


def test_the_pair_configs_load() -> None:
    for split in ("holdout", "tune"):
        config = load_config(REPO / f"evals/configs/policy-pairs-{split}.yaml")
        assert load_dataset(config.dataset, split=config.split)
