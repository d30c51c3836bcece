from pipeline.models import CaseFact
from pipeline.policy.approval import judge_approval

ASKED = (
    "Infectious Diseases has approved the order, by consult note or pager approval, within 24 "
    "hours of the first dose"
)


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_no_approval_by_the_service_fails_it() -> None:
    said = facts(
        "History: First dose given 01/10/2026 06:00. As of 01/11/2026 18:00 no Infectious "
        "Diseases consult has been requested and no ID approval is recorded."
    )
    assert judge_approval(ASKED, said)[:2] == ("not_met", ["F1"])


def test_an_approval_stated_or_another_services_refusal_decides_nothing() -> None:
    given = facts("History: Infectious Diseases consult 01/10/2026: approves the drug.")
    assert judge_approval(ASKED, given) is None
    other = facts("History: No pharmacy approval is recorded.")
    assert judge_approval(ASKED, other) is None
    both = facts("History: No ID approval on day 1.", "History: ID approved it on day 2.")
    assert judge_approval(ASKED, both) is None
