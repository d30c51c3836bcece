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


NONE_OF = (
    "The isolate is not susceptible to any narrower agent the patient could take, such as a "
    "fluoroquinolone, trimethoprim-sulfamethoxazole or an aminoglycoside"
)


def test_a_named_narrower_agent_reported_susceptible_fails_it() -> None:
    said = facts(
        "History: Same report: susceptible to trimethoprim-sulfamethoxazole (MIC 0.5/9.5) and "
        "ciprofloxacin (MIC 0.06); taking his oral medicines, no allergy to either."
    )
    assert judge_susceptibility(NONE_OF, said)[:2] == ("not_met", ["F1"])
    # an allergy on record may keep the patient from it: not code's to weigh
    allergic = facts(said[0].text, "History: Sulfa allergy (rash).")
    assert judge_susceptibility(NONE_OF, allergic) is None
    resistant = facts("History: Resistant to ciprofloxacin, trimethoprim-sulfamethoxazole.")
    assert judge_susceptibility(NONE_OF, resistant) is None
