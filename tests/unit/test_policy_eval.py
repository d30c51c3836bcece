"""`eval policies`: compiled trees scored against gold trees (indication recall, leaf recall
and precision, logic accuracy), on hand-made trees and on the sample policy's PDF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evals.policies import GoldError, leaf_matches, load_gold, report, score_policy
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree

GOLD = Path(__file__).parents[1] / "data" / "policy-gold"


def _leaf(i: str, text: str) -> PolicyNode:
    return PolicyNode(id=i, text=text, page=1)


def _tree(op: str = "any_of", n: int = 1) -> PolicyTree:
    inner = PolicyNode(
        id="1.ii",
        text="Patient meets ONE of the following:",
        page=1,
        op=op,  # type: ignore[arg-type]
        n=n,
        children=[_leaf("1.ii.a", "Tried methotrexate; OR"), _leaf("1.ii.b", "Tried leflunomide")],
    )
    root = PolicyNode(
        id="1",
        text="Approve if ALL:",
        page=1,
        op="all_of",
        n=3,
        children=[
            _leaf("1.i", "1. Patient is 18 years of age or older; AND"),
            inner,
            _leaf("1.iii", "Extra words"),
        ],
    )
    ind = Indication(
        id="1",
        name="Rheumatoid Arthritis (RA)",
        text="Rheumatoid Arthritis",
        page=1,
        branches=[Branch(request_type="initial", node=root)],
    )
    return PolicyTree(source_id="s", file="x.pdf", title="t", compiler="c", indications=[ind])


GOLD_ONE = {
    "file": "x.pdf",
    "split": "holdout",
    "indications": [
        {
            "name": "Rheumatoid arthritis",
            "aliases": ["RA"],
            "page": 1,
            "initial": {
                "op": "all_of",
                "children": [
                    {"leaf": "Patient is 18 years of age"},
                    {
                        "op": "any_of",
                        "children": [{"leaf": "Tried methotrexate"}, {"leaf": "Tried leflunomide"}],
                    },
                ],
            },
        },
        {"name": "Psoriatic arthritis", "aliases": ["PsA"], "page": 2},
    ],
}


def test_scores_indications_leaves_and_logic() -> None:
    s = score_policy(GOLD_ONE, _tree()).row()
    assert s["indication_recall"] == 0.5 and s["missed_indications"] == [
        "Psoriatic arthritis (p. 2)"
    ]
    assert s["leaf_recall"] == 1.0
    assert s["leaf_precision"] == 0.75  # "Extra words" is no gold criterion
    assert (s["groups"], s["logic_correct"]) == (2, 2)
    assert not s["empty"] and s["split"] == "holdout"


def test_wrong_operator_and_empty_tree_are_counted() -> None:
    wrong = score_policy(GOLD_ONE, _tree("all_of", 2)).row()
    assert wrong["logic_accuracy"] == 0.5 and "gold any_of" in wrong["wrong_logic"][0]
    empty = score_policy(GOLD_ONE, PolicyTree(source_id="s", file="x", title="t", compiler="c"))
    row = empty.row()
    assert row["empty"] and row["indication_recall"] == 0.0 and row["leaf_recall"] == 0.0
    assert row["logic_accuracy"] == 0.0  # a gold group with nothing found is wrong
    overall = report([empty, score_policy(GOLD_ONE, _tree())])["overall"]
    assert overall["holdout"]["empty"] == ["x.pdf"] and "tune" not in overall


def test_leaf_matching_is_by_normalized_prefix() -> None:
    assert leaf_matches("Patient is 18 years", "(a) Patient is 18 years of age or older; AND")
    assert leaf_matches("Patient’s LDL-C is ≥ 70", "Patient's LDL C is ≥ 70 mg/dL")
    assert not leaf_matches("Patient is 18 years", "Patient is 12 years of age")
    # printed with the micro sign / a ligature, compiled in NFKC form (Greek mu, "fi")
    assert leaf_matches("eosinophils 150 cells/\u00b5L", "Eosinophils 150 cells/\u03bcL or more")
    assert leaf_matches("con\ufb01rmed by biopsy", "confirmed by biopsy showing")
    # at_least n of all children reads as all_of
    gold = json.loads(json.dumps(GOLD_ONE))
    gold["indications"][0]["initial"]["children"][1] = {
        "op": "at_least",
        "n": 2,
        "children": [{"leaf": "Tried methotrexate"}, {"leaf": "Tried leflunomide"}],
    }
    assert score_policy(gold, _tree("all_of", 2)).row()["logic_accuracy"] == 1.0


def test_bad_gold_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        '{"file": "a.pdf", "indications": [{"name": "X", "initial": {"op": "some"}}]}'
    )
    with pytest.raises(GoldError, match=r"a\.json: X\.initial: op must be"):
        load_gold(tmp_path)


def test_cli_scores_the_sample_policy(tmp_path: Path, corpus_pdfs: Path) -> None:
    shutil.copy(corpus_pdfs / "sample-ivig-policy.pdf", tmp_path / "sample-ivig-policy.pdf")
    r = CliRunner().invoke(
        app, ["eval", "policies", str(GOLD), "--shared", str(tmp_path), "--json"]
    )
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    row = out["policies"][0]
    assert row["indication_recall"] == 1.0 and row["leaf_recall"] == 1.0, row
    assert row["logic_accuracy"] == 1.0 and not row["empty"]
    assert out["overall"]["tune"]["policies"] == 1
    missing = CliRunner().invoke(
        app, ["eval", "policies", str(GOLD), "--shared", str(tmp_path / "no")]
    )
    assert missing.exit_code == 0 and "not found under" in missing.output


def test_named_counts_only_what_a_case_could_match() -> None:
    """A branch titled "Initial Therapy" over a paragraph naming the condition is found by
    indication recall (its opening text) but named by nothing the case matcher reads."""
    titled = _tree()
    titled.indications[0].name = "Initial Therapy"
    titled.indications[0].text = "Initial Therapy Rheumatoid arthritis when all of the following"
    row = score_policy(GOLD_ONE, titled).row()
    assert row["indication_recall"] == 0.5 and row["indication_named"] == 0.0
    assert row["missed_indications"] == ["Psoriatic arthritis (p. 2)"]
    assert score_policy(GOLD_ONE, _tree()).row()["indication_named"] == 0.5
    coded = _tree()
    coded.indications[0].name = "Section 4"
    coded.indications[0].icd10 = ["M05.00-M06.9"]
    gold = {**GOLD_ONE, "indications": [{**GOLD_ONE["indications"][0], "icd10": ["M06.9"]}]}
    assert score_policy(gold, coded).row()["indication_named"] == 1.0


def test_recall_reads_an_alias_by_its_words() -> None:
    """A compiled name holding an alias's words with another printed between them names the
    gold indication; one word of a two-word alias does not."""
    gold = {
        **GOLD_ONE,
        "indications": [
            {
                **GOLD_ONE["indications"][0],
                "name": "Heart failure with reduced ejection fraction, adults (ivabradine)",
                "aliases": ["chronic systolic heart failure"],
            }
        ],
    }
    tree = _tree()
    tree.indications[0].name = "Chronic systolic (congestive) heart failure, adults"
    tree.indications[0].text = tree.indications[0].name
    assert score_policy(gold, tree).row()["indication_recall"] == 1.0
    tree.indications[0].name = tree.indications[0].text = "Chronic kidney disease"
    assert score_policy(gold, tree).row()["indication_recall"] == 0.0


def test_branch_precision_counts_renewal_criteria_an_initial_request_would_be_judged_by() -> None:
    """One "any" branch holding both the initial and the renewal list: every leaf is a
    gold leaf (leaf precision 1.0), but each request type is judged by the other's too."""
    initial = PolicyNode(
        id="1.a",
        text="Initial request:",
        page=1,
        op="all_of",
        n=2,
        children=[
            _leaf("1.a.1", "Patient is 18 years of age or older"),
            _leaf("1.a.2", "Tried methotrexate"),
        ],
    )
    renewal = PolicyNode(
        id="1.b",
        text="Renewal request:",
        page=1,
        op="all_of",
        n=1,
        children=[_leaf("1.b.1", "Disease activity improved on therapy")],
    )
    root = PolicyNode(id="1", text="RA", page=1, op="all_of", n=2, children=[initial, renewal])
    ind = Indication(
        id="1",
        name="Rheumatoid arthritis",
        text="RA",
        page=1,
        branches=[Branch(request_type="any", node=root)],
    )
    tree = PolicyTree(source_id="s", file="x.pdf", title="t", compiler="c", indications=[ind])
    gold = {
        "file": "x.pdf",
        "indications": [
            {
                "name": "Rheumatoid arthritis",
                "page": 1,
                "initial": {
                    "op": "all_of",
                    "children": [
                        {"leaf": "Patient is 18 years of age"},
                        {"leaf": "Tried methotrexate"},
                    ],
                },
                "continuation": {
                    "op": "all_of",
                    "children": [{"leaf": "Disease activity improved on therapy"}],
                },
            }
        ],
    }
    row = score_policy(gold, tree).row()
    assert row["leaf_recall"] == 1.0 and row["leaf_precision"] == 1.0
    assert row["branch_precision"] == 0.5  # 3 of the 6 leaves judged are the branch's own
    split = tree.model_copy(deep=True)
    split.indications[0].branches = [
        Branch(request_type="initial", node=initial),
        Branch(request_type="continuation", node=renewal),
    ]
    assert score_policy(gold, split).row()["branch_precision"] == 1.0


def test_leaves_read_under_an_unnamed_indication_count_anywhere_only() -> None:
    """A list read right under an indication no gold name matches scores 0 leaf recall but
    full recall anywhere: the two tell a naming failure from a list not read."""
    tree = _tree()
    tree.indications[0].name = "Initial request"
    tree.indications[0].text = "Coverage applies when all are met"
    row = score_policy(GOLD_ONE, tree).row()
    assert row["indication_recall"] == 0.0 and row["leaf_recall"] == 0.0
    assert row["leaf_recall_anywhere"] == 1.0
    assert score_policy(GOLD_ONE, _tree()).row()["leaf_recall_anywhere"] == 1.0
    none = PolicyTree(source_id="s", file="x", title="t", compiler="c")
    assert score_policy(GOLD_ONE, none).row()["leaf_recall_anywhere"] == 0.0
    overall = report([score_policy(GOLD_ONE, tree)])["overall"]["all"]
    assert overall["leaf_recall_anywhere"] == 1.0
