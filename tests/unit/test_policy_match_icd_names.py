"""A diagnosis is matched to a policy's indication by ICD-10-CM's own names for its code too
(D66 "Hereditary factor VIII deficiency" is "Hemophilia A"), never by a name broader than the
case (a parent's, a residual "Other ...", an "NOS" term, a subtype's), never to another
lettered form ("hemophilia C" is no "hemophilia A"), and never to widen an exclusion."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.diagnosis_names import dx_names, icd10_names
from pipeline.policy.match import excluded_condition, indication_for, resembles_exclusion
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree
from pipeline.policy.name_words import lettered_forms, other_form


def _ind(i: str, name: str) -> Indication:
    leaf = PolicyNode(id=f"{i}.a", text="Prescribed by a specialist", page=1, verified=True)
    root = PolicyNode(id=i, text="All of the following:", page=1, op="all_of", children=[leaf])
    return Indication(id=i, name=name, text=name, page=1, branches=[Branch(node=root)])


def _tree(*names: str, exclusions: tuple[str, ...] = ()) -> PolicyTree:
    return PolicyTree(
        source_id="s" * 64,
        file="p.pdf",
        title="Zentrafib",
        compiler="test",
        indications=[_ind(str(n), name) for n, name in enumerate(names, 1)],
        exclusions=[
            Exclusion(id=f"x{n}", name=x, text=x, page=2) for n, x in enumerate(exclusions, 1)
        ],
    )


def _case(dx: str, code: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "Is Zentrafib medically necessary?",
            "patient": {"age": 30, "sex": "male"},
            "diagnoses": [{"name": dx, "icd10": code}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": "initial"},
        }
    )


def _matched(case: Case, tree: PolicyTree) -> str | None:
    ind, _ = indication_for(case, tree)
    return ind.name if ind else None


def test_the_codes_own_names_without_residual_nos_or_ruled_out_parts() -> None:
    d66 = icd10_names("D66")
    assert "Hemophilia A" in d66 and "Classical hemophilia" in d66
    assert "Hemophilia NOS" not in d66 and "Hemophilia" not in d66  # NOS: a coder's default
    assert icd10_names("E83.118") == ()  # "Other hemochromatosis": the parent less siblings
    assert icd10_names("G40.812") == ("Lennox-Gastaut syndrome",)  # "not intractable, ..."
    assert icd10_names("Z99.999") == () and icd10_names(None) == ()


def test_a_subtype_among_the_inclusion_terms_is_not_taken() -> None:
    names = dx_names("Acute lymphoblastic leukemia", "C91.00")
    assert not any("remission" in n for n in names)  # "... with failed remission"


def test_a_coded_diagnosis_matches_the_indication_its_other_name_gives() -> None:
    tree = _tree("Hemophilia A WITH factor VIII inhibitors", "Hemophilia B")
    assert (
        _matched(_case("Hereditary factor VIII deficiency", "D66"), tree)
        == tree.indications[0].name
    )
    assert _matched(_case("Hereditary factor IX deficiency", "D67"), tree) == "Hemophilia B"


def test_another_lettered_form_matches_no_indication() -> None:
    tree = _tree("Hemophilia A", "Hemophilia B")
    assert _matched(_case("Hereditary factor XI deficiency", "D68.1"), tree) is None  # "C"
    assert _matched(_case("Hereditary factor VIII deficiency", "D66"), tree) == "Hemophilia A"
    # the diagnosis's own words, lettered by its code's name, are no other form either
    assert _matched(_case("Classical hemophilia", "D66"), _tree("Hemophilia B")) is None


def test_a_near_case_does_not_match_by_a_broader_name() -> None:
    tree = _tree("Hereditary hemochromatosis")
    assert _matched(_case("Other iron overload", "E83.118"), tree) is None
    # the code's name holds one of the indication's two words: no match on it alone
    assert _matched(_case("Transfusional siderosis", "E83.111"), tree) is None
    both = _tree("Transfusion-associated hemochromatosis", "Hereditary hemochromatosis")
    assert _matched(_case("Transfusional siderosis", "E83.111"), both) == both.indications[0].name


def test_an_exclusion_is_not_widened_by_the_codes_other_names() -> None:
    tree = _tree("Von Willebrand disease", exclusions=("Hemophilia A",))
    case = _case("Hereditary factor VIII deficiency", "D66")
    assert excluded_condition(case, tree.exclusions[0]) == ""
    assert resembles_exclusion(case, tree.exclusions[0])[0] == 0.0


def test_lettered_forms_are_read_from_capitals_after_a_condition_word() -> None:
    assert lettered_forms("Hemophilia A or B with inhibitors") == {"hemophilia": {"A", "B"}}
    assert lettered_forms("treatment of hemophilia a patient may need") == {}
    assert other_form("Hepatitis B", "Chronic viral hepatitis C")
    assert not other_form("Hepatitis B or C", "Chronic viral hepatitis C")
    assert not other_form("Hemophilia", "Hemophilia A")
