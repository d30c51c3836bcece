"""An indication's name that names drugs beside its condition ("Wobble disease - zentrafib
and quellimab") is matched by its condition's words, the requested drug's name thinning
nothing; and a diagnosis's "without X" rules X out of what it shares with a name."""

from __future__ import annotations

from pipeline.models import Case
from tests.unit.test_policy_match_icd_names import _matched, _tree


def _case(drug: str, *dx: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": f"Is {drug} medically necessary?",
            "patient": {"age": 30, "sex": "male"},
            "diagnoses": [{"name": d} for d in dx],
            "requested_treatment": {"drug": drug, "request_type": "continuation"},
        }
    )


def test_the_requested_drug_in_an_indications_name_is_no_condition_word() -> None:
    tree = _tree("Wobble disease - zentrafib and quellimab", "Wobble disease - Quellimab")
    first = "Wobble disease - zentrafib and quellimab"
    assert _matched(_case("Zentrafib 100 mg powder", "Wobble disease"), tree) == first
    second = "Wobble disease - Quellimab"
    assert _matched(_case("Quellimab 2.5 mg/0.5 mL", "Wobble disease"), tree) == second


def test_what_a_diagnosis_says_it_is_without_is_not_shared() -> None:
    tree = _tree("Iron deficiency anemia", "Iron deficiency in heart failure")
    case = _case("Ferrozentra", "Chronic systolic heart failure", "Iron deficiency without anemia")
    assert _matched(case, tree) == "Iron deficiency in heart failure"
    anemic = _case("Ferrozentra", "Iron deficiency anemia")
    assert _matched(anemic, tree) == "Iron deficiency anemia"
