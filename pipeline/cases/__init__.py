"""Case files (YAML or JSON) → ``Case``, with errors that name the file and the field."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from pipeline.errors import NecessityError
from pipeline.models import Case, CaseFact


class CaseError(NecessityError, ValueError):
    pass


def load_case(path: Path) -> Case:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return parse_case(text, str(path))


def save_case(case: Case, path: Path, header: str = "") -> None:
    """The case as YAML, owner-only (it holds patient facts), written whole or not at all."""
    import os

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = case.model_dump(mode="json", exclude_none=True)
    text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def parse_case(text: str, name: str) -> Case:
    """A case from YAML or JSON text; ``name`` (a file name) picks the format and is the
    name every error message gives."""
    is_yaml = Path(name).suffix.lower() in {".yaml", ".yml"}
    kind = "YAML" if is_yaml else "JSON"
    try:
        data = yaml.safe_load(text) if is_yaml else json.loads(text)
        return case_from_data(data, name)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise CaseError(f"{name}: not valid {kind} ({exc})") from exc
    except RecursionError as exc:  # a hostile file: lists inside lists, thousands deep
        raise CaseError(f"{name}: {kind} nested too deeply to be a case file") from exc


def case_from_data(data: object, name: str) -> Case:
    if not isinstance(data, dict):
        raise CaseError(f"{name}: expected a mapping of case fields at the top level")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"  {'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise CaseError(f"{name}: invalid case\n" + "\n".join(lines)) from exc


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
