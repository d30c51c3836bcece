"""Stances where the guideline defers on the drug's class while its first line is untried
(prefers_other), and prior therapies named by a qualified drug ("intraarticular
triamcinolone" is an intraarticular glucocorticoid) (issue 26). Scripted sentences, the
code's reading only."""

from __future__ import annotations

from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic
from pipeline.terms import Term, drug_classes, given_as
from tests.unit.test_position import ev


def case(drug: str, dx: str, icd: str, prior: list[dict] | None = None, more=()) -> Case:  # noqa: ANN001
    """``more``: further (name, ICD-10) diagnoses after the first."""
    dxs = [(dx, icd), *more]
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 70, "sex": "female"},
            "diagnoses": [{"name": n, "icd10": code} for n, code in dxs],
            "requested_treatment": {"drug": drug, "request_type": "initial"},
            "prior_therapies": prior or [],
        }
    )


DEFERRED = "No recommendation can be made for other biologic agents as no trials exist."
FIRST = "The panel strongly recommends using glucocorticoids instead of NSAIDs in patients."


def test_deferred_class_with_an_untried_first_line_prefers_that_first_line() -> None:
    c = case("Sarilumab", "Polymyalgia rheumatica", "M35.3")
    topic = case_topic(c)
    pos, _ = guideline_position(c, topic, [ev(1, DEFERRED)], [ev(2, FIRST)])
    assert pos.stance == "prefers_other"
    assert "glucocorticoid" in pos.preferred
    assert "E1.1" in pos.citations and "E2.1" in pos.citations


def test_deferred_class_after_the_first_line_stays_silent() -> None:
    tried = [{"name": "Prednisone 15 mg daily", "response": "relapse on taper"}]
    c = case("Sarilumab", "Polymyalgia rheumatica", "M35.3", tried)
    pos, _ = guideline_position(c, case_topic(c), [ev(1, DEFERRED)], [ev(2, FIRST)])
    assert pos.stance == "silent" and pos.citations == ["E1.1"]


def test_a_drug_named_with_a_class_qualifier_is_a_member_of_the_qualified_class() -> None:
    iagc = drug_classes()["intraarticular glucocorticoid"]
    assert given_as("Intraarticular triamcinolone hexacetonide, right knee", iagc.words)
    assert given_as("intra-articular methylprednisolone", iagc.words)
    # the drug without the qualifier is a systemic one, not a joint injection
    assert not given_as("Prednisone 10 mg daily", iagc.words)
    assert not given_as("Methotrexate 15 mg weekly", iagc.words)
    c = case(
        "Etanercept",
        "Juvenile idiopathic arthritis, oligoarticular",
        "M08.40",
        [{"name": "Intraarticular triamcinolone hexacetonide (2025-12)", "response": "flare"}],
    )
    topic = case_topic(c)
    term = Term(name=iagc.name, words=iagc.words)
    assert topic.tried(term)


def test_a_regimen_choice_within_the_drugs_class_is_no_endorsement() -> None:
    c = case("Guselkumab", "Psoriatic arthritis", "L40.50")
    topic = case_topic(c)
    regimen = ev(1, "Biologic monotherapy is recommended over biologic combination with MTX.")

    assert read_sentence(regimen, topic).kind == "other"
    # "over no biologic" still endorses it
    assert read_sentence(ev(2, "A biologic is recommended over no biologic."), topic).kind == (
        "endorsed"
    )


def test_a_fixed_dose_combination_is_named_by_its_class_and_read_against() -> None:
    from pipeline.terms import combination_of, find_drugs

    combo = combination_of(find_drugs("Levonorgestrel 0.15 mg / ethinyl estradiol 0.03 mg"))
    assert combo is not None and "combined hormonal contraceptive" in combo.classes
    # one part alone, or a part beside a drug of no part, is no such combination
    assert combination_of(find_drugs("Levonorgestrel")) is None
    assert combination_of(find_drugs("levonorgestrel with methotrexate")) is None
    more = [
        ("Antiphospholipid antibody positive", "R76.0"),
        ("Encounter for prescription of contraceptive pills", "Z30.011"),
    ]
    c = case(
        "Levonorgestrel / ethinyl estradiol", "Systemic lupus erythematosus", "M32.19", [], more
    )
    topic = case_topic(c)
    assert [s.name for s in topic.states] == ["contraception"]
    against = ev(
        1,
        "We strongly recommend against combined estrogen-progestin contraceptives in women "
        "with positive aPL because estrogen increases risk of thromboembolism.",
    )
    pill = ev(2, "We strongly recommend the progestin-only pill in women with positive aPL.")
    pos, _ = guideline_position(c, topic, [against, pill], [pill])
    assert pos.stance == "not_recommended" and pos.citations[0] == "E1.1"


def test_a_drug_whose_class_names_the_patients_state_serves_that_state() -> None:
    more = [("Encounter for prescription of contraceptive pills", "Z30.011")]
    c = case(
        "Levonorgestrel / ethinyl estradiol", "Systemic lupus erythematosus", "M32.19", [], more
    )
    assert case_topic(c).serves_state
    # a drug of the condition's own treatment for the same patient does not
    other = case("Hydroxychloroquine", "Systemic lupus erythematosus", "M32.19", [], more)
    assert not case_topic(other).serves_state


def test_deferred_class_after_a_drug_of_its_class_stays_silent() -> None:
    # past the first line: a biologic already failed, the untried first line is no reason
    tried = [{"name": "Adalimumab 40 mg every 2 weeks", "response": "inadequate response"}]
    c = case("Sarilumab", "Polymyalgia rheumatica", "M35.3", tried)
    pos, _ = guideline_position(c, case_topic(c), [ev(1, DEFERRED)], [ev(2, FIRST)])
    assert pos.stance == "silent" and pos.citations == ["E1.1"]
