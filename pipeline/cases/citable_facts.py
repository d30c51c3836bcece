"""A case as the short numbered facts a draft may cite (F1, F2, ...), and its one-line
summary."""

from __future__ import annotations

from pipeline.models import Case, CaseFact


def case_facts(case: Case) -> list[CaseFact]:
    """The case as short numbered facts the draft may cite (F1, F2, ...), each with the
    page or resource it was extracted from where the case came from a packet."""
    return [
        CaseFact(id=f"F{i}", text=line, source=case.sources.get(key))
        for i, (key, line) in enumerate(fact_lines(case), 1)
    ]


def case_fact_keys(case: Case) -> dict[str, str]:
    """Fact id → the case field it states ("diagnoses.0", "requested_treatment", ...; empty
    for a line no field holds, such as "Prior therapies: none documented.")."""
    return {f"F{i}": key for i, (key, _) in enumerate(fact_lines(case), 1)}


def fact_lines(case: Case) -> list[tuple[str, str]]:
    """(case field, fact text) in fact order."""
    lines: list[tuple[str, str]] = []
    p = case.patient
    who = " ".join(
        x
        for x in [
            f"{p.age}-year-old" if p.age is not None else "",
            p.sex if p.sex != "unknown" else "",
        ]
        if x
    )
    lines.append(("patient", f"Patient: {who or 'age and sex not documented'}."))
    for i, dx in enumerate(case.diagnoses):
        text = f"Diagnosis: {dx.name}" + (f" (ICD-10 {dx.icd10})." if dx.icd10 else ".")
        lines.append((f"diagnoses.{i}", text))
    t = case.requested_treatment
    parts = [t.drug, t.dose, t.route, t.frequency, t.duration]
    requested = f"Requested ({t.request_type}): " + ", ".join(x for x in parts if x) + "."
    lines.append(("requested_treatment", requested))
    lines.extend((f"history.{i}", f"History: {h}") for i, h in enumerate(case.history))
    for i, prior in enumerate(case.prior_therapies):
        text = f"Prior therapy: {prior.name}" + (
            f"; response: {prior.response}." if prior.response else "."
        )
        lines.append((f"prior_therapies.{i}", text))
    if not case.prior_therapies:
        lines.append(("", "Prior therapies: none documented."))
    if case.payer.name or case.payer.policy:
        payer = ", ".join(x for x in [case.payer.name, case.payer.policy] if x)
        lines.append(("payer", "Payer: " + payer))
    if case.notes:
        lines.append(("notes", f"Notes: {case.notes}"))
    return lines


def case_summary(case: Case) -> str:
    dx = "; ".join(d.name + (f" ({d.icd10})" if d.icd10 else "") for d in case.diagnoses)
    t = case.requested_treatment
    return f"{t.drug} for {dx}"
