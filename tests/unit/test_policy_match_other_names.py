"""An indication named across two diagnoses, one of them by another name of its condition
("AIDS-related anorexia" for "Human immunodeficiency virus [HIV] disease" (B20) with
"Anorexia"): the vocabulary's synonyms of each diagnosis count toward the words the
diagnoses hold together. A diagnosis whose code is no form of the synonym (Z21, infection
without symptoms) does not hold it, and one diagnosis alone holds too little."""

from __future__ import annotations

from pipeline.models import Case
from pipeline.policy.match import _overlap


def _case(*dx: tuple[str, str]) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": 40, "sex": "male"},
            "diagnoses": [{"name": n, "icd10": c} for n, c in dx],
            "requested_treatment": {"drug": "Zentrafib", "request_type": "initial"},
        }
    )


_NAME = "AIDS-related anorexia"


def test_the_diagnoses_together_by_their_other_names() -> None:
    case = _case(("Human immunodeficiency virus [HIV] disease", "B20"), ("Anorexia", "R63.0"))
    score, why = _overlap(_NAME, case, together=True)
    assert score > 0 and "aids" in why


def test_near_cases_hold_too_little() -> None:
    # infection without symptoms is not AIDS
    assert _overlap(_NAME, _case(("HIV infection", "Z21"), ("Anorexia", "R63.0")), True)[0] == 0
    # anorexia alone is a third of the name
    assert (
        _overlap(
            _NAME,
            _case(
                ("Anorexia nervosa", "F50.0"),
            ),
            True,
        )[0]
        == 0
    )
    # an exclusion's name is read as written: no synonyms
    case = _case(("Human immunodeficiency virus [HIV] disease", "B20"), ("Anorexia", "R63.0"))
    assert _overlap(_NAME, case, together=False)[0] == 0
