"""An age stated in plain words (age_phrases.py), the patient's menopausal state read from
what the notes say of her periods (menstrual_status.py), and a criterion of two such parts
joined by a bare "and" read part by part (and_parts.py, through readers.read_criterion): met
where both parts are met, not met where one is not met, nothing where a part is unread."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.age_phrases import judge_age_phrase
from pipeline.policy.and_parts import read_and_parts
from pipeline.policy.menstrual_status import judge_menstrual_status
from pipeline.policy.readers import read_criterion

_ASKED = "She is 18 or older and has not gone through menopause"
_STATE = "She has not gone through menopause"


def _facts(age: int, note: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text=f"Patient: {age}-year-old female."),
        CaseFact(id="F2", text="Diagnosis: Endometriosis of pelvic peritoneum (ICD-10 N80.3)."),
        CaseFact(id="F3", text=f"History: Gynecology 01/14/2026 (Dr. A, gynecologist): {note}"),
    ]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_age_phrases_read_the_patient_line() -> None:
    facts = _facts(29, "regular periods.")
    assert _status(judge_age_phrase("She is 18 or older", facts)) == "met"
    assert _status(judge_age_phrase("Patient is at least 35 years old", facts)) == "not_met"
    assert _status(judge_age_phrase("aged 65 or over", facts)) == "not_met"
    assert _status(judge_age_phrase("younger than 30", facts)) == "met"
    # an age inside a longer statement is no reading of the whole
    assert judge_age_phrase("children 6 or older with a seizure disorder", facts) is None
    assert judge_age_phrase("She is 18 or older", facts[1:]) is None  # no age on file


def test_periods_still_coming_meet_not_past_menopause() -> None:
    found = judge_menstrual_status(_STATE, _facts(29, "regular periods, still menstruating."))
    assert _status(found) == "met" and found is not None and found[1] == ["F3"]
    assert _status(judge_menstrual_status("premenopausal", _facts(44, "premenopausal."))) == "met"


def test_menopause_stated_denies_and_stopped_periods_decide_nothing() -> None:
    past = _facts(53, "postmenopausal since age 50.")
    assert _status(judge_menstrual_status(_STATE, past)) == "not_met"
    went = _facts(52, "went through menopause at 49; no bleeding since.")
    assert _status(judge_menstrual_status(_STATE, went)) == "not_met"
    # periods stopped on a drug are no menopause; "no longer menstruating" states no state
    assert judge_menstrual_status(_STATE, _facts(40, "no periods on leuprolide.")) is None
    assert judge_menstrual_status(_STATE, _facts(40, "no longer menstruating.")) is None
    # said both ways, or a criterion about osteoporosis after menopause: nothing
    both = _facts(50, "still menstruating; postmenopausal per the referral.")
    assert judge_menstrual_status(_STATE, both) is None
    assert judge_menstrual_status("postmenopausal osteoporosis", past) is None
    # the state and more: read part by part, not as the state alone
    assert judge_menstrual_status(_ASKED, past) is None


def test_two_parts_joined_by_and_read_each() -> None:
    facts = _facts(29, "regular periods, still menstruating.")
    found = read_criterion(_ASKED, facts, "elagolix", "")
    assert _status(found) == "met" and found is not None and set(found[1]) == {"F1", "F3"}
    assert _status(read_criterion("She is 18 or older and premenopausal", facts, "", "")) == "met"
    young = _facts(16, "regular periods, still menstruating.")
    assert _status(read_criterion(_ASKED, young, "elagolix", "")) == "not_met"
    past = _facts(53, "postmenopausal since age 50.")
    assert _status(read_criterion(_ASKED, past, "elagolix", "")) == "not_met"


def test_a_part_no_reader_reads_decides_nothing() -> None:
    # the menopausal state not stated: the age alone is no reading of the whole
    facts = _facts(29, "pelvic pain for two years.")
    assert read_criterion(_ASKED, facts, "elagolix", "") is None

    def only_first(part: str) -> tuple[str, list[str], str] | None:
        return ("not_met", ["F1"], "x") if part.startswith("tried") else None

    # a wrong split ("metformin and a sulfonylurea"): the fragment is unread, so no denial
    assert read_and_parts("tried metformin and a sulfonylurea for 3 months", only_first) is None
    assert read_and_parts("one and two and three", lambda p: ("met", [], "")) is None


def test_age_phrases_read_spelled_numbers_and_other_subjects() -> None:
    facts = _facts(9, "none.")
    asked = "the Covered Person is six (6) years of age or older;"
    assert _status(judge_age_phrase(asked, facts)) == "met"
    assert (
        _status(
            judge_age_phrase("the Covered Person is eighteen (18) years of age or older;", facts)
        )
        == "not_met"
    )
    assert (
        _status(judge_age_phrase("the enrollee is 12 years of age or older; and", facts))
        == "not_met"
    )
    # still anchored: an age inside a longer statement is no reading of the whole
    assert (
        judge_age_phrase("the Covered Person is six (6) years of age or older with asthma;", facts)
        is None
    )


def test_a_requirement_from_an_age_on_asks_nothing_of_a_younger_patient() -> None:
    asked = (
        "for a Covered Person eighteen (18) years of age or older, the Prescribing Provider has "
        "checked the state prescription drug monitoring program within the last 30 days"
    )
    assert _status(judge_age_phrase(asked, _facts(9, "none."))) == "met"
    # an adult must still show the rest: left to other readers
    assert judge_age_phrase(asked, _facts(18, "none.")) is None
    assert judge_age_phrase(asked, _facts(40, "none.")) is None
    assert judge_age_phrase(asked, _facts(9, "none.")[1:]) is None  # no age on file
