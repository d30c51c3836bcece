from pipeline.models import CaseFact
from pipeline.policy.broader_absence import judge_broader_absence
from pipeline.policy.readers import read_criterion

RESISTANCE = "there is no known or suspected resistance to integrase inhibitors"
FAILURE = "no earlier virological failure on either class"


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_an_outright_absence_meets_the_absence_of_one_kind() -> None:
    said = facts(
        "History: Baseline genotype 2017: no resistance mutations.",
        "History: Never had virological failure on any regimen.",
    )
    assert judge_broader_absence(RESISTANCE, said)[:2] == ("met", ["F1"])
    assert judge_broader_absence(FAILURE, said)[:2] == ("met", ["F2"])
    # both parts read met: the criterion joined by ", and" is met
    both = read_criterion(f"{RESISTANCE}, and {FAILURE}", said, "Examplumab", "")
    assert both is not None and both[0] == "met"


def test_a_narrowed_absence_or_the_thing_present_decides_nothing() -> None:
    narrow = facts("History: No resistance to tenofovir.")
    assert judge_broader_absence(RESISTANCE, narrow) is None
    present = facts(
        "History: Never had virological failure on any regimen.",
        "History: Virological failure on efavirenz in 2018.",
    )
    assert judge_broader_absence(FAILURE, present) is None
    # more than one absence asked: not read whole
    assert judge_broader_absence(f"{RESISTANCE}, and {FAILURE}", narrow) is None
