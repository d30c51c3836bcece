"""Matching a case to a policy and its indication where the layout prints the drug only in
its criteria's lead-ins, where a condition's numbered type tells its forms apart ("type 1" is
no "type 2", for an exclusion as for an indication), where two indications of one condition
each name a drug (the one naming more of the requested product wins, "extended-release"
naming none), and where an indication answers only the other request type."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.decide import apply_policy
from pipeline.policy.match import excluded_condition, match_indication, policy_for
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree
from pipeline.policy.name_words import other_form, typed_forms


def _ind(
    i: str, name: str, lead_in: str = "All of the following:", kind: str = "any"
) -> Indication:
    leaf = PolicyNode(id=f"{i}.a", text="Prescribed by a specialist", page=1, verified=True)
    root = PolicyNode(id=i, text=lead_in, page=1, op="all_of", children=[leaf])
    branch = Branch(node=root, request_type=kind)  # type: ignore[arg-type]
    return Indication(id=i, name=name, text=name, page=1, branches=[branch])


def _tree(
    *inds: Indication, exclusions: tuple[str, ...] = (), title: str = "bulletin 7"
) -> PolicyTree:
    return PolicyTree(
        source_id="s" * 64,
        file="p.pdf",
        title=title,
        compiler="test",
        indications=list(inds),
        exclusions=[
            Exclusion(id=f"x{n}", name=x, text=x, page=1, verified=True)
            for n, x in enumerate(exclusions, 1)
        ],
    )


def _case(drug: str, dx: str, kind: str = "initial") -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": 40, "sex": "female"},
            "diagnoses": [{"name": dx}],
            "requested_treatment": {"drug": drug, "request_type": kind},
        }
    )


def test_a_policy_naming_the_drug_only_in_its_criteria_lead_ins_is_found() -> None:
    lead = "Zentrafib (Quellix) for wobble disease in adults: approve 12 months when all are met:"
    tree = _tree(_ind("1", "Wobble disease", lead))
    found, why = policy_for(_case("Quellix (zentrafib) 75 mg tablets", "Wobble disease"), [tree])
    assert found is tree and "zentrafib" in why
    # a lead-in naming another drug finds nothing
    other = _tree(_ind("1", "Wobble disease", "Marbofen for wobble disease: approve when:"))
    assert policy_for(_case("Quellix (zentrafib)", "Wobble disease"), [other])[0] is None


def test_numbered_types_are_forms_of_a_condition() -> None:
    assert typed_forms("Gaucher disease type 1 or type 3 (Cerezyme)") == {"1", "3"}
    assert typed_forms("Hereditary angioedema types I and II") == {"1", "2"}
    assert typed_forms("a type of anemia") == set()
    assert other_form("Gaucher disease type 2 (acute neuronopathic)", "Gaucher disease type 1")
    assert not other_form("Gaucher disease type 1 or type 3", "Gaucher disease type 3")
    assert not other_form("Gaucher disease type 2", "Gaucher disease")  # the case says no type


def test_an_exclusion_of_another_type_neither_excludes_nor_ties() -> None:
    tree = _tree(
        _ind("1", "Gaucher disease type 1"),
        exclusions=("Gaucher disease type 2.", "Gaucher disease type 2 (acute neuronopathic)."),
        title="Zentrafib",
    )
    d = apply_policy(_case("Zentrafib", "Gaucher disease type 1"), [tree], None)
    assert d.indication == "Gaucher disease type 1", d.rule
    assert "exclusion" not in d.rule and "resembles" not in d.rule
    assert (
        excluded_condition(_case("Zentrafib", "Gaucher disease type 1"), tree.exclusions[0]) == ""
    )
    # the excluded type itself is still excluded
    two = apply_policy(_case("Zentrafib", "Gaucher disease type 2"), [tree], None)
    assert two.verdict == "not_medically_necessary" and "exclusion applies" in two.rule


def test_the_indication_naming_more_of_the_requested_product_wins() -> None:
    tree = _tree(
        _ind("1", "Wobble disorder (zentrafib extended-release / Quellix 300 mg)"),
        _ind("2", "Wobble disorder (marbofen extended-release / Vantrex 380 mg)"),
        title="Order set",
    )
    case = _case("Vantrex (marbofen extended-release) 380 mg", "Wobble disorder, moderate")
    assert match_indication(case, tree).indication.id == "2"
    case = _case("Quellix (zentrafib extended-release) 300 mg", "Wobble disorder, moderate")
    assert match_indication(case, tree).indication.id == "1"


def test_an_indication_with_only_the_other_request_types_criteria_loses() -> None:
    first = _ind(
        "1", "Wobble disease", "A first request for zentrafib is approved when:", "initial"
    )
    renewal = _ind("2", "Wobble disease - zentrafib", "A renewal is approved when:", "continuation")
    tree = _tree(first, renewal, title="Zentrafib")
    assert match_indication(_case("Zentrafib", "Wobble disease"), tree).indication.id == "1"
    again = _case("Zentrafib", "Wobble disease", "continuation")
    assert match_indication(again, tree).indication.id == "2"
