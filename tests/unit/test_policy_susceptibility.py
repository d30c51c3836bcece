from pipeline.models import CaseFact
from pipeline.policy.susceptibility import judge_susceptibility

ASKED = "Final susceptibility report shows the isolate is susceptible to ceftazidime-avibactam"


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def test_a_final_report_of_the_drug_susceptible_meets_it() -> None:
    said = facts(
        "History: Urine culture final 01/15/2026: E. coli, meropenem resistant. "
        "Ceftazidime-avibactam susceptible (MIC 1).",
    )
    assert judge_susceptibility(ASKED, said)[:2] == ("met", ["F1"])


def test_resistance_fails_it_and_a_report_not_called_final_decides_nothing() -> None:
    final = facts("History: Final report: resistant to meropenem and ceftazidime-avibactam.")
    assert judge_susceptibility(ASKED, final)[0] == "not_met"
    early = facts("History: Preliminary report: ceftazidime-avibactam susceptible.")
    assert judge_susceptibility(ASKED, early) is None
    both = facts(
        "History: Final report: ceftazidime-avibactam susceptible.",
        "History: Final report (repeat): ceftazidime-avibactam resistant.",
    )
    assert judge_susceptibility(ASKED, both) is None
    # another drug's result says nothing of this one
    other = facts("History: Final report: meropenem susceptible.")
    assert judge_susceptibility(ASKED, other) is None
