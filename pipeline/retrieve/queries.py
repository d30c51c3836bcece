"""The searches a case asks for: the drug for its diagnoses, coverage criteria, exclusions,
first-line therapy and escalation, and continuation criteria for a renewal."""

from __future__ import annotations

from pipeline.models import Case


def case_queries(case: Case) -> list[str]:
    t = case.requested_treatment
    dx_names = ", ".join(d.name for d in case.diagnoses)
    codes = " ".join(d.icd10 for d in case.diagnoses if d.icd10)
    queries = [
        f"{t.drug} for {dx_names}",
        f"{t.drug} coverage criteria medically necessary {dx_names} {codes}".strip(),
        f"{t.drug} not covered indications {codes}".strip(),
        f"{dx_names}: preferred first-line therapy, escalation when the response is "
        "inadequate, and adjunct therapy",
    ]
    if t.request_type == "continuation":
        queries.append(f"{t.drug} continuation criteria documented response")
    return queries
