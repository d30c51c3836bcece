"""The absence of a condition state the policy defines, judged item by item of its
definition (defined_state_absence.py): a defining finding or scale class stated is not
met; every item stated absent is met; an item not mentioned, or a negation of another
finding beside a shared word ("Hepatitis B ... negative"), decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.defined_state_absence import judge_defined_state_absence

_ASKED = "The recipient does not have decompensated cirrhosis"
_NOTES = [
    '"decompensated cirrhosis" means cirrhosis with a Child-Pugh class B or C score or a '
    "history of ascites, variceal bleeding or hepatic encephalopathy"
]


def _facts(text: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 58-year-old female."),
        CaseFact(id="F2", text=f"History: {text}"),
        CaseFact(id="F3", text="History: Hepatitis B surface antigen negative."),
    ]


def test_every_defining_item_absent_is_met() -> None:
    text = (
        "Compensated cirrhosis: albumin 3.8 g/dL; no ascites, varices never bled, no "
        "encephalopathy. Child-Pugh class A (score 5)."
    )
    found = judge_defined_state_absence(_ASKED, _NOTES, _facts(text))
    assert found is not None and found[0] == "met"


def test_a_defining_item_present_is_not_met() -> None:
    scale = "Cirrhosis; no ascites, no encephalopathy. Child-Pugh class B (score 9)."
    found = judge_defined_state_absence(_ASKED, _NOTES, _facts(scale))
    assert found is not None and found[0] == "not_met"
    finding = "Child-Pugh class A; moderate ascites on ultrasound needing furosemide."
    found = judge_defined_state_absence(_ASKED, _NOTES, _facts(finding))
    assert found is not None and found[0] == "not_met"


def test_near_cases_decide_nothing() -> None:
    # encephalopathy never mentioned: "Hepatitis B ... negative" does not deny it
    partial = "no ascites, varices never bled. Child-Pugh class A."
    assert judge_defined_state_absence(_ASKED, _NOTES, _facts(partial)) is None
    # no definition of the term among the notes, or another term asked
    assert judge_defined_state_absence(_ASKED, [], _facts("Child-Pugh class B")) is None
    other = "The recipient does not have hepatocellular carcinoma"
    assert judge_defined_state_absence(other, _NOTES, _facts("Child-Pugh class B")) is None


def test_a_negation_opening_a_list_denies_each_item() -> None:
    """A negation opening a list ("No ascites, variceal bleeding or encephalopathy") reaches
    every item, so the state is absent, not stated; "but has" ends its reach."""
    listed = "FIB-4 1.3. No ascites, variceal bleeding or encephalopathy; Child-Pugh class A."
    found = judge_defined_state_absence(_ASKED, _NOTES, _facts(listed))
    assert found is not None and found[0] == "met"
    broken = "Child-Pugh class A. No ascites, but has variceal bleeding last year."
    found = judge_defined_state_absence(_ASKED, _NOTES, _facts(broken))
    assert found is not None and found[0] == "not_met"
