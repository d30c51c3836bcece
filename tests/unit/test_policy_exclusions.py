"""An exclusion denies outright, so it must name the case's condition, not share most of its
words: a T-cell exclusion is no B-cell case, "COPD without asthma" excludes no asthma, and an
exclusion that resembles the diagnosis as closely as the matched indication is a person's call
(a confident wrong verdict is worse than an abstention)."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.decide import apply_policy
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree


def _tree(indication: str, *exclusions: str) -> PolicyTree:
    leaf = PolicyNode(id="1.a", text="Prescribed by a specialist", page=1, verified=True)
    root = PolicyNode(id="1", text="All of the following:", page=1, op="all_of", children=[leaf])
    ind = Indication(id="1", name=indication, text=indication, page=1, branches=[Branch(node=root)])
    exs = [
        Exclusion(id=f"x{i}", name=name, text=name, page=2, verified=True)
        for i, name in enumerate(exclusions)
    ]
    return PolicyTree(
        source_id="s" * 64,
        file="p.pdf",
        title="Zentrafib policy",
        compiler="test",
        indications=[ind],
        exclusions=exs,
    )


def _case(dx: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": 30, "sex": "female"},
            "diagnoses": [{"name": dx}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": "initial"},
        }
    )


def test_a_different_subtype_is_not_excluded() -> None:
    tree = _tree("Acute lymphoblastic leukemia", "T-cell acute lymphoblastic leukemia")
    d = apply_policy(_case("B-cell precursor acute lymphoblastic leukemia"), [tree], None)
    assert d.verdict != "not_medically_necessary", d.rule
    assert d.indication == "Acute lymphoblastic leukemia"
    same = apply_policy(_case("T-cell acute lymphoblastic leukemia"), [tree], None)
    assert same.verdict == "not_medically_necessary" and "exclusion applies" in same.rule


def test_what_follows_without_is_not_the_excluded_condition() -> None:
    tree = _tree(
        "Severe eosinophilic asthma",
        "Chronic obstructive pulmonary disease without an eosinophilic asthma diagnosis",
    )
    d = apply_policy(_case("Severe eosinophilic asthma"), [tree], None)
    assert d.verdict != "not_medically_necessary", d.rule
    copd = apply_policy(_case("Chronic obstructive pulmonary disease"), [tree], None)
    assert copd.verdict == "not_medically_necessary", copd.rule


def test_an_exclusion_as_close_as_the_indication_abstains() -> None:
    tree = _tree("Plaque psoriasis", "Pustular psoriasis")
    d = apply_policy(_case("Psoriasis, pustular and plaque type"), [tree], None)
    assert d.verdict == "not_medically_necessary", d.rule  # it names every word of both
    near = apply_policy(_case("Generalized pustular psoriasis flare"), [tree], None)
    assert near.verdict == "not_medically_necessary", near.rule
    tie = apply_policy(
        _case("Erythrodermic psoriasis"), [_tree("Plaque psoriasis", "Pustular psoriasis")], None
    )
    assert tie.verdict == "insufficient_information"
    assert "resembles an exclusion" in tie.rule, tie.rule
