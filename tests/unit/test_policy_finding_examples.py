"""A finding asked with examples ("organ involvement documented, such as ..."), met by code
where a case clause states one of them found (finding_examples.py): all its words, or its
head word with a word that says what its modifier says; never met by a negated or normal
finding, a number under a one-word example's stem, or a head word alone; never not met."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.finding_examples import judge_finding_examples

_ASKED = (
    "Fabry organ involvement documented, such as albuminuria, reduced eGFR, left ventricular "
    "hypertrophy or neuropathic pain"
)


def _facts(note: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 24-year-old male."),
        CaseFact(id="F2", text=f"History: {note}"),
    ]


def _status(note: str) -> str | None:
    found = judge_finding_examples(_ASKED, _facts(note))
    return found[0] if found else None


def test_an_example_stated_meets_it() -> None:
    assert _status("Urine ACR 184 mg/g; eGFR 94. Burning pain in the hands and feet.") == "met"
    assert _status("Persistent albuminuria on two samples.") == "met"
    assert _status("Echo 12/2025: left ventricular hypertrophy, septum 14 mm.") == "met"
    assert _status("eGFR reduced to 52 over two years.") == "met"


def test_normal_negated_or_unjudged_findings_decide_nothing() -> None:
    note = (
        "Urine albumin to creatinine ratio 8 mg/g on two samples; eGFR 126. No burning hand or "
        "foot pain, no heat intolerance; neurology exam normal. Echocardiogram: normal LV mass."
    )
    assert _status(note) is None
    assert _status("Knee pain after a fall.") is None  # the head word without its modifier
    assert _status("Nothing of note.") is None


def test_symptoms_of_a_condition_are_left_to_their_reader() -> None:
    text = "He has symptoms of low testosterone, such as reduced libido or low energy"
    assert judge_finding_examples(text, _facts("Energy is low; reduced libido.")) is None


def test_a_finding_named_by_its_noun_alone() -> None:
    text = "A severe-deficiency genotype such as PiZZ, PiZ(null) or Pi(null)(null)."
    found = judge_finding_examples(text, _facts("Serum AAT 4.6 micromol/L; genotype PiZZ."))
    assert found is not None and found[0] == "met"
    assert judge_finding_examples(text, _facts("Genotype PiMZ.")) is None
    # a therapy named with examples is no finding: not this reading
    therapy = "Failure of a TNF inhibitor such as adalimumab or etanercept"
    assert judge_finding_examples(therapy, _facts("Adalimumab started 2024.")) is None
