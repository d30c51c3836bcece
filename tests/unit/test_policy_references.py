"""References inside a policy: "met the initial criteria (A)" is judged by evaluating branch
A on the case (or met by a documented earlier approval); "Refer to ERX.PA.01" names a
document that is not on file."""

# ruff: noqa: E501  (the fixture policy's lines are as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.models import Case
from pipeline.policy.compile import compile_policy
from pipeline.policy.decide import apply_policy
from pipeline.policy.references import reference_fields
from pipeline.sources.corpus import render_pdf

POLICY = """
# Covered indications

1. Grey River syndrome (ICD-10 M35.81). Approve if the patient meets ONE of the following (A or B):
  A) Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i and ii):
    i. Patient is 18 years of age or older; AND
    ii. The medication is prescribed by or in consultation with a rheumatologist.
  B) Continuation. Approve for 12 months if the patient meets BOTH of the following (i and ii):
    i. The patient met the initial criteria (A) when therapy was started; AND
    ii. Patient is 18 years of age or older.
2. Blue Lake disease. Approve for 3 months if the patient meets BOTH of the following (i and ii):
  i. Refer to ERX.PA.01 for the step therapy requirements; AND
  ii. Patient is 18 years of age or older.
"""


def _tree(tmp_path: Path):  # noqa: ANN202
    path = tmp_path / "policy.pdf"
    render_pdf({"title": "Zentrafib Policy"}, POLICY, path)
    return compile_policy(path, source_id="s" * 64, title="Zentrafib Policy")


def _case(dx: str, age: int, request: str, history: list[str], specialty: str = "") -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": age, "sex": "female"},
            "diagnoses": [{"name": dx}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": request},
            "history": history + ([f"Prescribed by a {specialty}."] if specialty else []),
        }
    )


def test_references_are_read_and_resolved(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    grey, blue = tree.indications
    ref = grey.branches[1].node.children[0]
    assert ref.kind == "reference" and ref.fields["target"] == grey.branches[0].node.id
    doc = blue.branches[0].node.children[0]
    assert doc.kind == "reference" and doc.fields == {"document": "ERX.PA.01"}
    assert reference_fields("Patient meets initial approval criteria")["branch"] == "initial"
    assert reference_fields("Patient has tried methotrexate") is None


def test_reference_judged_by_evaluating_the_branch(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    met = apply_policy(
        _case("Grey River syndrome", 40, "continuation", [], "rheumatologist"), [tree], None
    )
    assert met.verdict == "medically_necessary", met.rule
    row = next(j for j in met.judgments if j.text.startswith("The patient met the initial"))
    assert row.method == "tree" and row.status == "met" and "evaluated on this case" in row.reason
    # the referenced branch's rows follow the reference in the worksheet, one level deeper
    below = met.judgments[met.judgments.index(row) + 1]
    assert below.depth == row.depth + 1 and below.op == "all_of"
    # No specialty on file: branch A is not documented, so neither is the reference.
    open_ = apply_policy(_case("Grey River syndrome", 40, "continuation", []), [tree], None)
    assert open_.verdict == "insufficient_information"
    # A documented earlier approval settles it without branch A.
    approved = apply_policy(
        _case(
            "Grey River syndrome",
            40,
            "continuation",
            ["Zentrafib was previously approved by the plan."],
        ),
        [tree],
        None,
    )
    assert approved.verdict == "medically_necessary"


def test_failing_initial_criteria_today_does_not_deny_a_continuation(tmp_path: Path) -> None:
    """Branch A needs age 18; a member who is 16 now fails it today, but the continuation's
    reference is about when therapy began: not documented, never a denial from it."""
    tree = _tree(tmp_path)
    tree.indications[0].branches[1].node.children[1].fields = {"op": "≥", "years": 10}
    d = apply_policy(
        _case("Grey River syndrome", 16, "continuation", [], "rheumatologist"), [tree], None
    )
    ref = next(j for j in d.judgments if j.text.startswith("The patient met the initial"))
    assert ref.status == "not_documented" and d.verdict == "insufficient_information"


def test_reference_to_another_document_is_not_documented(tmp_path: Path) -> None:
    d = apply_policy(_case("Blue Lake disease", 40, "initial", []), [_tree(tmp_path)], None)
    ref = d.judgments[1]
    assert ref.status == "not_documented" and "ERX.PA.01" in ref.reason
    assert d.verdict == "insufficient_information"


def test_an_indication_with_no_criteria_abstains(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    tree.indications[1].branches = []
    d = apply_policy(_case("Blue Lake disease", 40, "initial", []), [tree], None)
    assert d.verdict == "insufficient_information" and "states no criteria" in d.rule


def test_a_double_negation_is_no_denial() -> None:
    """'NO diagnosis of CNS lymphoma' judged not met on 'no CNS lymphoma': not accepted."""
    from pipeline.models import CaseFact
    from pipeline.policy.judge import check_model_judgment
    from pipeline.policy.models import Judgment, PolicyNode

    node = PolicyNode(
        id="a", text="NO diagnosis of primary central nervous system lymphoma", page=1
    )
    fact = CaseFact(id="F3", text="History: No central nervous system lymphoma on MRI.")
    j = Judgment(node_id="a", text=node.text, page=1, status="not_met", facts=["F3"])
    out = check_model_judgment(j, node, {"F3": fact})
    assert out.status == "not_documented" and "absence" in out.problems[0]


def test_an_absence_inside_a_criterion_is_no_denial_either() -> None:
    """'attestation that patient is NOT prescribed concurrent opioids' judged not met on
    'not prescribed any concurrent opioid': the same double negation, not accepted."""
    from pipeline.models import CaseFact
    from pipeline.policy.judge import check_model_judgment
    from pipeline.policy.models import Judgment, PolicyNode

    text = "Provide verbal attestation that patient is NOT prescribed concurrent opioid medication"
    node = PolicyNode(id="a", text=text, page=1)
    fact = CaseFact(id="F9", text="Not prescribed any concurrent opioid medication (attested).")
    j = Judgment(node_id="a", text=text, page=1, status="not_met", facts=["F9"])
    out = check_model_judgment(j, node, {"F9": fact})
    assert out.status == "not_documented" and "absence" in out.problems[0]


def test_a_drug_list_row_names_the_policy(tmp_path: Path) -> None:
    from pipeline.policy.match import policy_for
    from tests.unit.test_policy_layouts import _table_pdf

    path = tmp_path / "list.pdf"
    _table_pdf(path)
    tree = compile_policy(path, source_id="t" * 64, title="Additional Therapeutic Classes")
    case = _case("weight loss", 40, "initial", [])
    case.requested_treatment.drug = "Zentrolone"
    found, why = policy_for(case, [tree])
    assert found is tree and "indications" in why


def test_a_row_named_by_the_requested_drug_is_its_indication(tmp_path: Path) -> None:
    from pipeline.policy.match import indication_for
    from tests.unit.test_policy_layouts import _table_pdf

    path = tmp_path / "list.pdf"
    _table_pdf(path)
    tree = compile_policy(path, source_id="t" * 64, title="Additional Therapeutic Classes")
    case = _case("Hypogonadism", 40, "initial", [])
    case.requested_treatment.drug = "Zentrolone tablets"
    ind, why = indication_for(case, tree)
    assert ind is not None and ind.name == "Zentrolone" and "zentrolone" in why


def test_the_diagnosis_wins_over_an_indication_named_by_the_drug(tmp_path: Path) -> None:
    from pipeline.policy.match import indication_for

    tree = _tree(tmp_path)
    drug_named = tree.indications[1].model_copy(update={"id": "9", "name": "Zentrafib Policy"})
    tree.indications.append(drug_named)
    case = _case("Grey River syndrome", 40, "initial", [])
    ind, _ = indication_for(case, tree)
    assert ind is not None and ind.name.startswith("Grey River syndrome")


def test_an_indication_named_in_a_coverage_sentence_matches_its_diagnosis(tmp_path: Path) -> None:
    # "Coverage for prevention of chronic migraine is considered medically necessary when":
    # the sentence's own words do not thin the condition's share of the name.
    from pipeline.policy.match import indication_for

    tree = _tree(tmp_path)
    sentence = "Coverage for prevention of chronic migraine is considered medically necessary when"
    tree.indications[1] = tree.indications[1].model_copy(update={"name": sentence})
    case = _case("Chronic migraine without aura, intractable", 40, "initial", [])
    ind, why = indication_for(case, tree)
    assert ind is not None and ind.name == sentence and "migraine" in why
    other = _case("Cluster headache", 40, "initial", [])
    assert indication_for(other, tree)[0] is None


def test_abbreviations_the_policy_defines_and_the_drug_in_the_criteria(tmp_path: Path) -> None:
    # "Hereditary angioedema (HAE)" defined in the title; two indications name only "HAE";
    # the one whose criteria name the requested drug is the drug's.
    from pipeline.policy.match import defined_abbreviations, indication_for

    tree = _tree(tmp_path)
    tree.title = "Hereditary angioedema (HAE) agents"
    proph, acute = tree.indications
    proph.name, acute.name = "long-term prophylaxis of HAE attacks", "acute HAE attacks"
    proph.branches[0].node.text = "Lanadelumab is approved when all of the following are met:"
    assert defined_abbreviations(tree) == {"HAE": "Hereditary angioedema"}
    case = _case("Hereditary angioedema type I", 30, "initial", [])
    case.requested_treatment.drug = "Takhzyro (lanadelumab)"
    ind, why = indication_for(case, tree)
    assert ind is proph and "criteria name the requested drug" in why
    case.requested_treatment.drug = "Icatibant"  # named by neither: the closer name wins
    assert indication_for(case, tree)[0] is acute


def test_what_an_indication_name_rules_out_is_not_it(tmp_path: Path) -> None:
    from pipeline.policy.match import indication_for

    tree = _tree(tmp_path)
    tree.indications[0].name = "Preterm infants without chronic lung disease or heart disease"
    case = _case("Preterm newborn, gestational age 29 completed weeks", 0, "initial", [])
    ind, why = indication_for(case, tree)
    assert ind is tree.indications[0] and "preterm" in why


def test_a_run_of_criteria_in_one_item_decides_nothing(tmp_path: Path) -> None:
    # The compiler ran clauses 3.1-3.3 into one item: a prescriber rule would have "met" it
    # and approved; it is left for a person to split and confirm instead.
    from pipeline.policy.decide import RUN_ON, runs_on

    tree = _tree(tmp_path)
    case = _case("Grey River syndrome", 40, "initial", [], "rheumatologist")
    assert apply_policy(case, [tree], None).verdict == "medically_necessary"
    leaf = tree.indications[0].branches[0].node.leaves()[0]
    leaf.text = (
        "Icatibant is approved when all of 3.1 through 3.3 are met: 3.1 The diagnosis is "
        "confirmed 3.2 The member is 18 years of age or older 3.3 The prescriber is a "
        "rheumatologist"
    )
    assert runs_on(leaf.text) and not runs_on("Diagnosis of ankylosing spondylitis (AS) Active")
    d = apply_policy(case, [tree], None)
    assert d.verdict == "insufficient_information"
    assert any(j.reason == RUN_ON for j in d.judgments)


def test_an_abbreviation_defined_in_a_criterion_and_two_diagnoses_naming_one_condition(
    tmp_path: Path,
) -> None:
    # "... immune thrombocytopenia (ITP) ..." inside a criterion defines the ITP of a name;
    # "Thrombocytopenia in chronic liver disease" is named by two diagnoses together
    from pipeline.models import Diagnosis
    from pipeline.policy.match import defined_abbreviations, indication_for

    tree = _tree(tmp_path)
    itp, liver = tree.indications
    itp.name, liver.name = "Chronic ITP", "Thrombocytopenia in chronic liver disease"
    itp.branches[0].node.children[0].text = "diagnosis of chronic immune thrombocytopenia (ITP)"
    assert defined_abbreviations(tree)["ITP"] == "immune thrombocytopenia"
    case = _case("Chronic immune thrombocytopenia", 40, "initial", [])
    assert indication_for(case, tree)[0] is itp
    case.diagnoses = [Diagnosis(name="Cirrhosis of liver"), Diagnosis(name="Thrombocytopenia")]
    ind, why = indication_for(case, tree)
    assert ind is liver and "together" in why
