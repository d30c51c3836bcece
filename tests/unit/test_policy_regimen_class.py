"""An earlier regimen asked to have contained a class of drug, read from the prior-therapy
records through the drug vocabulary (regimen_class.py): a combination's brand names each of
its ingredients, so "Mavyret" holds an NS5A inhibitor; a regimen without one, an unknown
drug, or a criterion asking its absence decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.regimen_class import judge_regimen_class
from pipeline.terms import find_drugs

_ASKED = "a regimen that contained an NS5A inhibitor"


def _facts(record: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 58-year-old female."),
        CaseFact(id="F2", text=f"Prior therapy: {record}; response: relapse."),
    ]


def test_a_combination_brand_names_its_ingredients() -> None:
    assert {d.name for d in find_drugs("Mavyret")} == {"glecaprevir", "pibrentasvir"}


def test_a_record_holding_a_drug_of_the_class_meets_it() -> None:
    for record in ("Glecaprevir/pibrentasvir (Mavyret) 8 weeks, 01-03/2025", "Harvoni 12 weeks"):
        found = judge_regimen_class(_ASKED, _facts(record))
        assert found is not None and found[0] == "met" and found[1] == ["F2"], record


def test_near_cases_decide_nothing() -> None:
    assert judge_regimen_class(_ASKED, _facts("Sovaldi with ribavirin 24 weeks")) is None
    assert judge_regimen_class(_ASKED, _facts("An unnamed trial drug 12 weeks")) is None
    assert judge_regimen_class("a regimen without an NS5A inhibitor", _facts("Mavyret")) is None
    no_record = [CaseFact(id="F1", text="History: treated with Mavyret in 2025.")]
    assert judge_regimen_class(_ASKED, no_record) is None
