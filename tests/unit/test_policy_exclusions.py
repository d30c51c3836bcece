"""An exclusion denies outright, so it must name the case's condition, not share most of its
words: a T-cell exclusion is no B-cell case, "COPD without asthma" excludes no asthma, and an
exclusion that resembles the diagnosis as closely as the matched indication is a person's call
(a confident wrong verdict is worse than an abstention)."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.decide import apply_policy
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree


def _tree(
    indication: str, *exclusions: str, leaf: str = "Prescribed by a specialist"
) -> PolicyTree:
    leaf = PolicyNode(id="1.a", text=leaf, page=1, verified=True)
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


def test_a_use_together_exclusion_on_the_models_word_alone_denies_nothing() -> None:
    from tests.fakes import FakeLLM

    tree = _tree("Wobble disease", "Use with another biologic", leaf="Diagnosis of wobble disease")
    case = _case("Wobble disease").model_copy(
        update={"history": ["Adalimumab 40 mg every 2 weeks from 2019 to 2024 (loss of response)."]}
    )

    def judged(messages: list[dict], schema: dict) -> dict:
        # the diagnosis is on file (F2); the model reads the past biologic (F4) as in use
        fact = "F4" if "another biologic" in messages[-1]["content"] else "F2"
        return {"status": "met", "facts": [fact]}

    llm = FakeLLM().queue_judgments(judged, judged)
    d = apply_policy(case, [tree], llm)
    assert d.verdict == "insufficient_information", (d.rule, d.exclusions)
    assert "a person decides" in d.rule and any(j.method == "model" for j in d.exclusions)
