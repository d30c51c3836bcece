"""A vocabulary alias that adds words to the diagnosis it shares words with is another form
of the condition, not another name for it."""

from __future__ import annotations

from pipeline.policy.diagnosis_names import dx_names as _dx_names
from pipeline.policy.diagnosis_names import widens as _widens
from pipeline.policy.name_words import condition_words


def test_an_alias_adding_words_to_shared_ones_is_another_form() -> None:
    own = condition_words("Postmenopausal osteoporosis")
    assert not _widens(own, "glucocorticoid-induced osteoporosis")
    assert _widens(own, "osteoporosis")
    # another name that shares nothing is a synonym ("chronic lung disease of prematurity")
    assert _widens(
        condition_words("Bronchopulmonary dysplasia"), "chronic lung disease of prematurity"
    )


def test_the_diagnosis_names_keep_synonyms_and_drop_other_forms() -> None:
    names = _dx_names("Postmenopausal osteoporosis", "M81.0")
    assert "glucocorticoid-induced osteoporosis" not in names
    assert names[0] == "Postmenopausal osteoporosis"
