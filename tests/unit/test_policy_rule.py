"""The verdict rule over a policy tree, and a case judged against it with a scripted model:
group semantics, exclusions, failed judgments, the model asked only where it matters."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.models import Case
from pipeline.policy.decide import apply_policy
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree
from pipeline.policy.rule import combine, decided_without, evaluate
from tests.conftest import FakeLLM


def leaf(node_id: str, text: str = "", kind: str = "other", **fields: object) -> PolicyNode:
    return PolicyNode(
        id=node_id, text=text or f"criterion {node_id}", page=1, kind=kind, fields=dict(fields)
    )


def group(node_id: str, op: str, *children: PolicyNode, n: int = 1) -> PolicyNode:
    return PolicyNode(
        id=node_id, text=f"group {node_id}", page=1, op=op, n=n, children=list(children)
    )


@pytest.mark.parametrize(
    ("op", "n", "statuses", "expected"),
    [
        ("all_of", 2, ["met", "met"], "met"),
        ("all_of", 2, ["met", "not_documented"], "not_documented"),
        ("all_of", 2, ["not_documented", "not_met"], "not_met"),
        ("any_of", 1, ["not_met", "met"], "met"),
        ("any_of", 1, ["not_met", "not_documented"], "not_documented"),
        ("any_of", 1, ["not_met", "not_met"], "not_met"),
        ("at_least", 2, ["met", "met", "not_met"], "met"),
        ("at_least", 2, ["met", "not_documented", "not_met"], "not_documented"),
        ("at_least", 2, ["met", "not_met", "not_met"], "not_met"),
        ("all_of", 2, ["met", "not_applicable"], "met"),
    ],
)
def test_group_semantics(op: str, n: int, statuses: list, expected: str) -> None:
    assert combine(op, n, statuses) == expected


def test_nested_tree_and_unjudged_leaves() -> None:
    tree = group(
        "A", "all_of", leaf("A.i"), group("A.ii", "any_of", leaf("A.ii.a"), leaf("A.ii.b"))
    )
    assert evaluate(tree, {"A.i": "met", "A.ii.b": "met"}) == "met"
    # A leaf nobody judged counts as not documented, never as met.
    assert evaluate(tree, {"A.i": "met"}) == "not_documented"
    assert evaluate(tree, {"A.i": "not_met", "A.ii.a": "met"}) == "not_met"
    # Once one requirement of an all_of fails, nothing else can change the outcome.
    assert decided_without(tree, {"A.i": "not_met"}, ["A.ii.a", "A.ii.b"])
    assert not decided_without(tree, {"A.i": "met"}, ["A.ii.a", "A.ii.b"])


def _tree(*, catch_all: bool = True) -> PolicyTree:
    initial = group(
        "1.A",
        "all_of",
        leaf("1.A.i", "Patient is ≥ 18 years of age", "age", op="≥", years=18),
        leaf("1.A.ii", "Patient has severe nodular disease on examination"),
        leaf(
            "1.A.iii",
            "The medication is prescribed by or in consultation with a dermatologist.",
            "prescriber",
            specialties=["dermatologist"],
        ),
    )
    exclusions = [
        Exclusion(
            id="X1",
            name="Chronic fatigue syndrome",
            text="Chronic fatigue syndrome.",
            page=3,
            icd10=["G93.32"],
        )
    ]
    if catch_all:
        exclusions.append(
            Exclusion(
                id="X2",
                name="any use",
                text="Experimental for any other use",
                page=3,
                catch_all=True,
            )
        )
    return PolicyTree(
        source_id="p" * 64,
        file="/nonexistent/policy.pdf",
        title="Zentrafib Prior Authorization Policy",
        compiler="test",
        indications=[
            Indication(
                id="1",
                name="Nodular Grey disease",
                text="Nodular Grey disease.",
                page=2,
                branches=[Branch(request_type="initial", node=initial)],
            )
        ],
        exclusions=exclusions,
    )


def _case(
    age: int | None = 40,
    dx: str = "Nodular grey disease",
    code: str | None = None,
    specialty: str = "dermatology",
    drug: str = "Zentrafib",
) -> Case:
    return Case.model_validate(
        {
            "case_id": "c1",
            "patient": {"age": age},
            "diagnoses": [{"name": dx, "icd10": code}],
            "requested_treatment": {"drug": drug},
            "history": [
                f"Requesting physician specialty: {specialty}.",
                "Examination: severe nodules on both arms.",
            ],
        }
    )


def _fact(messages: list[dict[str, str]], starts: str) -> str:
    for line in messages[0]["content"].splitlines():
        if line.startswith("[F") and starts in line:
            return line[1:].split("]")[0]
    raise AssertionError(starts)


def test_all_met_approves_with_the_model_asked_once() -> None:
    llm = FakeLLM().queue_judgments(
        lambda messages, schema: {"status": "met", "facts": [_fact(messages, "nodules")]}
    )
    d = apply_policy(_case(), [_tree()], llm)
    assert d.verdict == "medically_necessary"
    assert [c["name"] for c in llm.calls] == ["judgment"]  # age and specialty by rule
    statuses = {j.node_id: (j.status, j.method) for j in d.judgments}
    assert statuses == {
        "1.A": ("met", "tree"),
        "1.A.i": ("met", "rule"),
        "1.A.ii": ("met", "model"),
        "1.A.iii": ("met", "rule"),
    }
    assert d.indication == "Nodular Grey disease" and d.branch == "initial"


def test_a_failed_judgment_counts_as_not_documented() -> None:
    # "met" citing a fact that says nothing about the criterion is not accepted (the
    # patient's age: not among the facts shown for this criterion, so not citable).
    llm = FakeLLM().queue_judgments(lambda messages, schema: {"status": "met", "facts": ["F1"]})
    d = apply_policy(_case(), [_tree()], llm)
    row = next(j for j in d.judgments if j.node_id == "1.A.ii")
    assert row.status == "not_documented" and row.problems
    assert d.verdict == "insufficient_information"
    assert d.missing == ["Patient has severe nodular disease on examination"]


def test_a_rule_failure_denies_without_asking_the_model() -> None:
    llm = FakeLLM()
    d = apply_policy(_case(age=15), [_tree()], llm)
    assert d.verdict == "not_medically_necessary"
    assert "≥ 18 years" in d.rule and llm.calls == []
    skipped = next(j for j in d.judgments if j.node_id == "1.A.ii")
    assert skipped.method == "none"  # not assessed: the outcome was already decided


def test_wrong_specialty_is_not_met() -> None:
    d = apply_policy(_case(specialty="pediatrics"), [_tree()], FakeLLM())
    row = next(j for j in d.judgments if j.node_id == "1.A.iii")
    assert row.status == "not_met" and d.verdict == "not_medically_necessary"


def test_named_exclusion_and_catch_all() -> None:
    d = apply_policy(_case(dx="Chronic fatigue syndrome", code="G93.32"), [_tree()], FakeLLM())
    assert d.verdict == "not_medically_necessary" and "exclusion applies" in d.rule
    d = apply_policy(_case(dx="Purple knee syndrome"), [_tree()], FakeLLM())
    assert d.verdict == "not_medically_necessary" and "covers no other use" in d.rule
    d = apply_policy(_case(dx="Purple knee syndrome"), [_tree(catch_all=False)], FakeLLM())
    assert d.verdict == "insufficient_information"


def test_no_policy_for_the_drug_says_so() -> None:
    d = apply_policy(_case(drug="Otherumab"), [_tree()], FakeLLM())
    assert d.verdict == "insufficient_information"
    assert d.policy_source_id is None and "no payer policy on file for Otherumab" in d.rule


def test_a_sample_policy_pdf_end_to_end(tmp_path: Path) -> None:
    """Compiled from a PDF, then applied: the seed JIA case meets the plan's exclusion."""
    from pipeline.cases import load_case
    from pipeline.policy.compile import compile_policy
    from pipeline.sources.corpus import read_source, render_pdf

    repo = Path(__file__).resolve().parents[2]
    meta, body = read_source(repo / "corpus" / "sources" / "sample-ivig-policy.md")
    render_pdf(meta, body, tmp_path / "policy.pdf")
    tree = compile_policy(tmp_path / "policy.pdf", source_id="x" * 64, title=meta["title"])
    jia = load_case(repo / "corpus" / "cases" / "ivig-jia.yaml")
    d = apply_policy(jia, [tree], FakeLLM())
    assert d.verdict == "not_medically_necessary"
    assert d.exclusions[0].status == "met" and "M08.00" in d.exclusions[0].text


def test_a_model_not_met_needs_a_fact_that_states_a_failure() -> None:
    # The cited fact says the finding is present: "not met" on it is the model's slip.
    llm = FakeLLM().queue_judgments(
        lambda messages, schema: {"status": "not_met", "facts": [_fact(messages, "nodules")]}
    )
    d = apply_policy(_case(), [_tree()], llm)
    row = next(j for j in d.judgments if j.node_id == "1.A.ii")
    assert row.status == "not_documented" and "no absence or failure" in row.problems[0]
    assert d.verdict == "insufficient_information"
