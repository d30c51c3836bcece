"""An indication named for one population (adults, children) is matched only where the
patient's documented age is inside it (population_fit.py)."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.population_fit import population_fit


def _case(age: int | None) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": age, "sex": "female"},
            "diagnoses": [{"name": "Growth hormone deficiency"}],
            "requested_treatment": {"drug": "somatrogon", "request_type": "initial"},
        }
    )


def test_the_patients_age_picks_the_population() -> None:
    assert population_fit("Growth hormone deficiency in adults", _case(9))[0] < 0
    assert population_fit("Growth hormone deficiency in adults", _case(40))[0] > 0
    assert population_fit("Pediatric growth hormone deficiency", _case(40))[0] < 0
    assert population_fit("Growth hormone deficiency, children", _case(9))[0] > 0


def test_no_population_or_no_age_changes_nothing() -> None:
    assert population_fit("Growth hormone deficiency", _case(9)) == (0.0, "")
    assert population_fit("Growth hormone deficiency in adults", _case(None)) == (0.0, "")
    assert population_fit("Adults and children with GHD", _case(9)) == (0.0, "")
