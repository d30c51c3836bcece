"""Fuzzed layouts (evals/policies/fuzz): a few tune seeds, each a synthetic batch's criteria
trees re-rendered with a random layout, compile to their gold trees. The seeds are fixed
and small; each exercises a mechanism the fuzzer found missing (a generic document heading
marked like a list item over numbered conditions, "- AND -" lines, a run-in "New Starts:"
label under a lettered condition inside roman parts, checkbox markers, decimal clauses whose
logic cites clause numbers (seeds 10, 45), a page set in two columns (seed 1), a Part D
field-label table with run-in condition statements and inline '(a) ... or (b)' criteria
(seed 4))."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from pipeline.evals.policies import rates, score_policy
from pipeline.policy.compile import compile_policy

FUZZ = Path(__file__).resolve().parents[2] / "evals" / "policies" / "fuzz"


@pytest.fixture(scope="module")
def build():  # noqa: ANN201 the fuzzer is a script folder, not a package
    sys.path.insert(0, str(FUZZ))
    try:
        yield importlib.import_module("fuzz_build").build_one
    finally:
        sys.path.remove(str(FUZZ))


@pytest.mark.parametrize("seed", [1, 4, 8, 10, 45])
def test_fuzzed_layout_compiles_to_its_gold(seed: int, build, tmp_path: Path) -> None:  # noqa: ANN001
    gold = build(seed, tmp_path)
    pdf = tmp_path / gold["file"]
    tree = compile_policy(pdf, source_id="f" * 64, title=pdf.stem)
    score = rates(score_policy(gold, tree))
    assert score["indication_recall"] == 1.0
    assert score["indication_named"] == 1.0
    assert score["leaf_recall"] == 1.0
    assert score["logic_accuracy"] == 1.0


def test_fuzzer_is_deterministic(build, tmp_path: Path) -> None:  # noqa: ANN001
    one = build(3, tmp_path / "a")
    two = build(3, tmp_path / "b")
    assert one == two
    assert one["indications"] and all("initial" in i for i in one["indications"])
