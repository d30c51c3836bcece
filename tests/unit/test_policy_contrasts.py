"""A policy that splits one condition by a qualifier ("with inhibitors" / "without
inhibitors"): the side the case states picks the indication, the qualifier's words alone do
not, and a case that states neither side gets no verdict (a guess between the two could
approve on the wrong criteria)."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.contrasts import contrast_fit, qualifier
from pipeline.policy.decide import apply_policy
from pipeline.policy.match import indication_for, match_indication
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree

WITH = "Use A - Wobble disease WITH factor Q antibodies: renewal"
WITHOUT = "Use B - Wobble disease WITHOUT antibodies: renewal"


def _ind(i: str, name: str) -> Indication:
    leaf = PolicyNode(id=f"{i}.a", text="Prescribed by a hematologist", page=1, verified=True)
    root = PolicyNode(id=i, text="All of the following:", page=1, op="all_of", children=[leaf])
    return Indication(id=i, name=name, text=name, page=1, branches=[Branch(node=root)])


def _tree(*names: str) -> PolicyTree:
    inds = [_ind(str(n), name) for n, name in enumerate(names, 1)]
    return PolicyTree(
        source_id="s" * 64, file="p.pdf", title="Zentrafib", compiler="test", indications=inds
    )


def _case(question: str, dx: str = "Hereditary factor Q wobble disease", *history: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": question,
            "patient": {"age": 30, "sex": "male"},
            "diagnoses": [{"name": dx}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": "continuation"},
            "history": list(history),
        }
    )


def test_a_with_or_without_qualifier_is_read_from_the_name() -> None:
    assert qualifier(WITH) == (True, "antibod", "factor Q antibodies")
    assert qualifier(WITHOUT)[:2] == (False, "antibod")
    assert qualifier("Wobble disease: renewal") is None


def test_the_side_the_question_states_picks_the_indication() -> None:
    tree = _tree(WITH, WITHOUT)
    without = _case("Renew Zentrafib for wobble disease without antibodies?")
    ind, _ = indication_for(without, tree)
    assert ind is not None and ind.name == WITHOUT
    assert contrast_fit(without, tree, tree.indications[0])[0] is False
    with_ = _case("Renew Zentrafib for a man with wobble disease and factor Q antibodies?")
    ind, _ = indication_for(with_, tree)
    assert ind is not None and ind.name == WITH
    # the matcher hands the decision the side it read for the indication it chose
    found = match_indication(with_, tree)
    assert found.indication is ind and found.fit == contrast_fit(with_, tree, ind)


def test_a_case_that_states_neither_side_gets_no_verdict() -> None:
    tree = _tree(WITH, WITHOUT)
    silent = _case("Renew Zentrafib for wobble disease?")
    assert contrast_fit(silent, tree, tree.indications[0])[0] is None
    decision = apply_policy(silent, [tree], None)
    assert decision.verdict == "insufficient_information"
    assert "does not say which side" in decision.rule


def test_an_unsplit_indication_is_not_affected() -> None:
    tree = _tree("Wobble disease with joint bleeds: renewal", "Other wobble uses")
    case = _case("Renew Zentrafib for wobble disease?")
    assert contrast_fit(case, tree, tree.indications[0]) == (True, "")
