"""The fact question: a criterion the three-way judgment left not documented is asked of
the one or two facts that state most of its terms, yes or no; a yes counts only through the
check of a model's met, a no decides nothing, and a group asking an item's absence is never
asked (a yes there would deny)."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.decide import apply_policy
from pipeline.policy.fact_question import PROMPT, candidate_facts, fact_prompt_ref
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree
from pipeline.settings import Settings
from tests.conftest import FakeLLM

COUNSELED = (
    "The prescriber attests that the patient has been counseled on the risks of live "
    "vaccines during therapy"
)
YES = {"answer": "yes"}


def _tree(*texts: str, stem: str = "All of the following:") -> PolicyTree:
    items = [PolicyNode(id=f"1.{i}", text=t, page=2) for i, t in enumerate(texts, 1)]
    node = PolicyNode(id="1", text=stem, page=2, op="all_of", children=items)
    ind = Indication(
        id="1",
        name="Plaque psoriasis",
        text="Plaque psoriasis",
        page=2,
        branches=[Branch(request_type="initial", node=node)],
    )
    return PolicyTree(
        source_id="s" * 64,
        file="/x.pdf",
        title="Examplumab policy",
        compiler="test",
        indications=[ind],
    )


def _case(*history: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 45},
            "diagnoses": [{"name": "Plaque psoriasis"}],
            "requested_treatment": {"drug": "Examplumab"},
            "history": list(history),
        }
    )


STATED = "Clinic note: Counseled the patient about avoiding live vaccines while on treatment."


def _decide(case: Case, llm: FakeLLM, *texts: str, **kw: str):  # noqa: ANN202
    return apply_policy(case, [_tree(*texts, **kw)], llm, fact_prompt_ref=PROMPT)


def test_a_yes_to_the_fact_that_states_it_meets_the_criterion_and_says_how() -> None:
    llm = FakeLLM().queue_answers(YES)
    d = _decide(_case(STATED, "Weight 80 kg."), llm, COUNSELED)
    (j,) = [r for r in d.judgments if r.op == "leaf"]
    assert d.verdict == "medically_necessary", d.rule
    assert (j.status, j.method) == ("met", "fact_question") and j.facts == ["F4"]
    assert "three-way judgment: not documented" in j.problems
    # one three-way judgment, then one question about the one fact that states it
    assert [c["name"] for c in llm.calls] == ["judgment", "fact_answer"]
    assert d.llm_calls == 2
    shown = llm.calls[1]["messages"][-1]["content"]
    assert STATED in shown and "Weight" not in shown and COUNSELED in shown


def test_a_no_leaves_it_not_documented_never_not_met() -> None:
    llm = FakeLLM()  # unscripted, the model says no
    d = _decide(_case(STATED), llm, COUNSELED)
    (j,) = [r for r in d.judgments if r.op == "leaf"]
    assert d.verdict == "insufficient_information"
    assert (j.status, j.method) == ("not_documented", "model")
    assert any("F4" in p and "said no" in p for p in j.problems)


def test_a_fact_that_negates_the_criterion_is_never_asked_nor_met_by_a_yes() -> None:
    llm = FakeLLM().queue_answers(YES, YES)
    d = _decide(_case("Clinic note: Not counseled about live vaccines yet."), llm, COUNSELED)
    assert d.verdict == "insufficient_information"
    assert [c["name"] for c in llm.calls] == ["judgment"]


def test_a_numeric_criterion_is_asked_only_of_a_fact_that_states_its_number() -> None:
    text = "Documented trial of phototherapy for at least 12 weeks"
    case = _case("Phototherapy was tried without benefit.")
    node = _tree(text).indications[0].branches[0].node.children[0]
    from pipeline.cases import case_facts

    assert candidate_facts(node, case_facts(case), "Examplumab") == []


def test_at_most_two_facts_are_asked() -> None:
    llm = FakeLLM()
    _decide(_case(STATED, STATED.replace("Clinic", "Visit"), STATED.replace("Clinic", "Call")),
            llm, COUNSELED)  # fmt: skip
    assert [c["name"] for c in llm.calls].count("fact_answer") == 2


def test_an_item_of_a_group_asking_its_absence_is_not_asked() -> None:
    llm = FakeLLM().queue_answers(YES)
    d = _decide(_case(STATED), llm, COUNSELED, stem="None of the following:")
    assert "fact_answer" not in [c["name"] for c in llm.calls]
    assert d.verdict != "not_medically_necessary"


def test_the_switch_in_the_settings_turns_it_off() -> None:
    assert fact_prompt_ref(Settings()) == PROMPT
    off = Settings.model_validate({"policy": {"fact_question": False}})
    assert fact_prompt_ref(off) is None
    llm = FakeLLM().queue_answers(YES)
    d = apply_policy(_case(STATED), [_tree(COUNSELED)], llm, fact_prompt_ref=None)
    assert d.verdict == "insufficient_information"
    assert [c["name"] for c in llm.calls] == ["judgment"]


def test_a_yes_asked_of_one_fact_needs_a_third_of_the_terms_the_three_way_met_half() -> None:
    from pipeline.models import CaseFact
    from pipeline.policy.judge import check_model_judgment
    from pipeline.policy.models import Judgment

    text = "Stable for at least 12 months after the last bowel resection with no further gain"
    node = PolicyNode(id="1", text=text, page=1)
    fact = CaseFact(id="F1", text="History: Stable weight for 14 months since resection.")
    met = Judgment(node_id="1", text=text, page=1, status="met", facts=["F1"])
    assert check_model_judgment(met, node, {"F1": fact}).status == "not_documented"
    assert check_model_judgment(met, node, {"F1": fact}, share=3).status == "met"
    # a fact that negates stays no met, whatever share of the terms it states
    no = CaseFact(id="F1", text="History: Not stable for 14 months since resection.")
    assert check_model_judgment(met, node, {"F1": no}, share=3).status == "not_documented"


def test_an_age_inside_the_criterion_is_read_from_the_patient_line_the_rest_asked() -> None:
    text = "Adult (18 or older) with type 2 diabetes on the problem list or claims"
    fact = "History: Type 2 diabetes on the problem list since 2009."
    llm = FakeLLM().queue_answers(YES)
    d = _decide(_case(fact), llm, text)
    (j,) = [r for r in d.judgments if r.op == "leaf"]
    assert (j.status, j.method) == ("met", "fact_question"), (j.reason, j.problems)
    assert j.facts == ["F4", "F1"] and "age from F1" in j.reason
    asked = llm.calls[-1]["messages"][-1]["content"]
    assert "18 or older" not in asked and "type 2 diabetes" in asked
    # a patient younger than the age asked: nothing is asked, nothing met
    young = _case(fact).model_copy(update={"patient": _case(fact).patient.model_copy(
        update={"age": 16})})  # fmt: skip
    llm = FakeLLM().queue_answers(YES)
    d = _decide(young, llm, text)
    assert d.verdict != "medically_necessary"
    assert "fact_answer" not in [c["name"] for c in llm.calls]
