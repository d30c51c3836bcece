"""Who treats the patient and where, read by whole phrases: a specialty and a setting each
named in one clause (by their words or a setting's initials), never by a lone word; and a
prescriber list's multi-word setting read the same way."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.care_setting import judge_treated_by, names_specialty, phrase_in

_ASKED = "Must be treated by a renal physician working in a specialist polycystic kidney centre"


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_specialty_at_the_setting_is_met_by_initials_or_words() -> None:
    by_initials = _facts(
        "Clinic 01/02/2027 (Dr. A, paediatric renal physician, City specialist PK centre)."
    )
    by_words = _facts("Seen by a renal physician at the specialist polycystic kidney center.")
    assert judge_treated_by(_ASKED, by_initials) == (
        "met",
        ["F1"],
        "the note names a renal physician at a specialist polycystic kidney centre",
    )
    assert judge_treated_by(_ASKED, by_words) is not None


def test_a_lone_setting_word_or_a_missing_half_decides_nothing() -> None:
    # a medical centre is no specialist polycystic kidney centre; never a denial by code
    assert judge_treated_by(_ASKED, _facts("Renal physician at Mercy Medical Centre.")) is None
    # the setting without the specialty
    assert judge_treated_by(_ASKED, _facts("Followed at the specialist PK centre.")) is None
    # named only to deny it
    assert judge_treated_by(_ASKED, _facts("Not seen by a renal physician at a PK centre.")) is None


def test_an_alternative_that_leans_on_another_is_not_read_alone() -> None:
    asked = _ASKED + ", or by a paediatrician in consultation with one"
    assert judge_treated_by(asked, _facts("Seen by a paediatrician.")) is None
    assert judge_treated_by(asked, _facts("Renal physician, specialist PK centre.")) is not None


def test_a_prescriber_lists_setting_is_read_as_a_phrase() -> None:
    spec = "works at federally recognized widget treatment center"
    assert names_specialty(spec, "center", "great lakes widget treatment center")
    assert not names_specialty(spec, "center", "mercy medical center")
    # one word: its stem, as before
    assert names_specialty("hematologist", "hematolog", "pediatric hematology clinic")
    assert phrase_in("cystic fibrosis centre", "Harbour City CF center")
    assert not phrase_in("cystic fibrosis centre", "Harbour City centre")


def test_a_specialty_is_named_without_its_role_word() -> None:
    spec = "pain medicine specialist"
    assert names_specialty(spec, "pain", "Dr. Ruiz, board-certified pain medicine")
    assert not names_specialty(spec, "pain", "Dr. Ruiz, internal medicine")


def test_only_a_clause_naming_who_prescribes_can_show_a_prescriber_outside_the_list() -> None:
    from pipeline.policy.care_setting import states_prescriber

    def says(text: str) -> bool:
        return states_prescriber(CaseFact(id="F1", text=text))

    # a clinician named as the prescriber, by title or specialty label
    assert says("History: Prescriber: her family physician, visit 01/29/2026.")
    assert says("History: Requesting physician specialty: internal medicine.")
    assert says("History: Prescribing physician: her PCP, without specialist input.")
    assert says("History: Specialty: family medicine.")
    # a pharmacy, a drug prescribed, an attestation, a clinician named to deny: none
    assert not says("History: Filled at a specialty pharmacy; prescriber enrolled in REMS.")
    assert not says("History: Prescriber and the central specialty pharmacy are certified.")
    assert not says("History: Lactulose has never been prescribed.")
    assert not says("History: Metformin prescribed by her family physician.")
    assert not says("History: Adequate organ function according to the prescriber.")
    assert not says("History: The prescriber agrees to monitor for cytokine release syndrome.")
    assert not says("History: Prescriber has never seen a dermatologist.")
    assert not says("Payer: Meridian Specialty Pharmacy Services.")


def test_a_specialty_pharmacy_is_no_prescriber_outside_the_list() -> None:
    from pipeline.cases import case_facts
    from pipeline.models import Case
    from pipeline.policy.judge import judge_by_rule
    from pipeline.policy.models import PolicyNode

    node = PolicyNode(
        id="1",
        text="Prescribed by a neurologist",
        page=1,
        kind="prescriber",
        fields={"specialties": ["neurologist"]},
    )

    def case(note: str) -> Case:
        return Case.model_validate(
            {
                "case_id": "c",
                "patient": {"age": 40, "sex": "male"},
                "diagnoses": [{"name": "Narcolepsy"}],
                "requested_treatment": {"drug": "Oxybate", "request_type": "initial"},
                "history": [note],
            }
        )

    pharmacy = case("Filled at a specialty pharmacy; the prescriber is enrolled in the REMS.")
    j = judge_by_rule(node, pharmacy, case_facts(pharmacy), "")
    assert j is not None and j.status == "not_documented"
    family = case("Prescriber: her family physician.")
    j = judge_by_rule(node, family, case_facts(family), "")
    assert j is not None and j.status == "not_met"
