"""Undefined transplant abbreviations in an indication's name are spelled out for matching;
an indication split from an exclusion by a measured bound is no tie where the documented
value lies on the indication's side."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.measured_apart import measured_apart
from pipeline.policy.procedure_abbreviations import spell_common

HF = "Heart failure with left ventricular ejection fraction of 40% or more"
EX = "Heart failure with LVEF below 40% as the only indication."


def test_spell_common() -> None:
    name = spell_common("CMV PROPHYLAXIS, ALLOGENEIC HSCT, CMV-SEROPOSITIVE RECIPIENT", {})
    assert "hematopoietic stem cell transplant (HSCT)" in name
    # a meaning the policy defines wins; a word containing the letters is untouched
    assert spell_common("ALLOGENEIC HSCT", {"HSCT": "x"}) == "ALLOGENEIC HSCT"
    assert spell_common("SOTALOL use", {}) == "SOTALOL use"


def _facts(text: str) -> list[CaseFact]:
    return [CaseFact(id="F1", text=f"History: {text}")]


def test_measured_apart() -> None:
    assert measured_apart(HF, EX, _facts("Echocardiogram 08/20/2026: LVEF 57%."), "finerenone")
    # the value on the exclusion's side, or not documented: still a person's call
    assert not measured_apart(HF, EX, _facts("Echocardiogram: LVEF 30%."), "finerenone")
    assert not measured_apart(HF, EX, _facts("Echocardiogram done."), "finerenone")
