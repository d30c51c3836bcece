from pipeline.models import CaseFact
from pipeline.policy.defined_by_test import judge_defined_by_test
from pipeline.policy.positive_test import judge_positive_test

ASKED = (
    "the person does not have active hepatitis B infection (hepatitis B surface antigen negative)"
)


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_an_absence_defined_by_a_negative_test_is_met_by_that_result() -> None:
    said = facts(
        "History: HIV-1 RNA below 20 copies/ml.",
        "History: Hepatitis B: surface antigen negative, surface antibody positive (vaccinated).",
    )
    found = judge_defined_by_test(ASKED, said)
    assert found is not None and found[0] == "met" and found[1] == ["F2"], found
    plain = facts("History: Hepatitis B surface antigen negative; creatinine clearance 104 ml/min.")
    assert judge_defined_by_test(ASKED, plain)[0] == "met"


def test_the_opposite_result_fails_it_and_silence_decides_nothing() -> None:
    found = judge_defined_by_test(ASKED, facts("History: Hepatitis B surface antigen positive."))
    assert found is not None and found[0] == "not_met"
    assert judge_defined_by_test(ASKED, facts("History: Hepatitis C antibody negative.")) is None
    # a result said both ways is a person's to read
    both = facts(
        "History: HBsAg: hepatitis B surface antigen positive, hepatitis B surface antigen "
        "negative."
    )
    assert judge_defined_by_test(ASKED, both) is None


def test_only_a_parenthesised_result_that_defines_the_condition_is_read() -> None:
    said = facts("History: Hepatitis B surface antigen negative.")
    # the parentheses name the opposite of what the lead asks: no definition
    odd = "the person does not have hepatitis B (hepatitis B surface antigen positive)"
    assert judge_defined_by_test(odd, said) is None
    # more asked than the condition
    more = "no hepatitis B and no HIV (hepatitis B surface antigen negative)"
    assert judge_defined_by_test(more, said) is None
    present = "the person has chronic hepatitis B (hepatitis B surface antigen positive)"
    assert judge_defined_by_test(present, said)[0] == "not_met"


def test_a_clause_stating_results_both_ways_is_read_by_its_parts() -> None:
    said = facts("History: Hepatitis B: surface antigen negative, surface antibody positive.")
    found = judge_positive_test("Positive hepatitis B surface antigen", said)
    assert found is not None and found[0] == "not_met"
