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
