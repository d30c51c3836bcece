"""FHIR R4 bundles → case facts, each naming the resource it came from (``Condition/c1``).

Read with ``fhir.resources`` (R4B models, which R4 bundles of these resources validate
against). Deterministic: codings and values are copied, nothing is inferred.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.errors import NecessityError
from pipeline.models import Diagnosis, FactSource, PriorTherapy

ICD10_SYSTEMS = ("icd-10", "icd10")
MAX_BYTES = 5_000_000  # a bundle for one patient's request; larger ones are refused, not read
MAX_ENTRIES = 2_000
MAX_IDENTIFIERS = 500  # values to mask: more than a patient has, and the masking stays fast
REQUESTED_STATUSES = {"active", "draft", "on-hold"}


class FhirError(NecessityError, ValueError):
    pass


@dataclass
class FhirFacts:
    age: int | None = None
    sex: str = "unknown"
    patient: FactSource | None = None
    diagnoses: list[tuple[Diagnosis, FactSource]] = field(default_factory=list)
    requested: list[tuple[dict[str, str | None], FactSource]] = field(default_factory=list)
    prior: list[tuple[PriorTherapy, FactSource]] = field(default_factory=list)
    history: list[tuple[str, FactSource]] = field(default_factory=list)
    identifiers: set[str] = field(default_factory=set)  # values to keep out of the case
    withheld: set[str] = field(default_factory=set)  # what kinds of identifier those were


def read_bundle(path: Path, today: date | None = None) -> FhirFacts:
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FhirError(f"{path}: bundle larger than {MAX_BYTES // 1_000_000} MB; not read")
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data.get("entry") if isinstance(data, dict) else None
        if isinstance(entries, list) and len(entries) > MAX_ENTRIES:
            raise FhirError(f"{path}: {len(entries)} entries (at most {MAX_ENTRIES}); not read")
        bundle = Bundle.model_validate(data)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FhirError(f"{path}: cannot read as JSON ({exc})") from exc
    except RecursionError as exc:
        raise FhirError(f"{path}: JSON nested too deeply") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise FhirError(
            f"{path}: not a FHIR R4 Bundle ({where}: {first['msg']}; "
            f"{exc.error_count()} problem(s))"
        ) from exc
    except FhirError:
        raise
    except Exception as exc:  # noqa: BLE001 fhir.resources raises KeyError for an unknown type
        raise FhirError(
            f"{path}: not a FHIR R4 Bundle ({type(exc).__name__}: {str(exc)[:120]}; "
            "an unknown resourceType?)"
        ) from exc
    facts = FhirFacts()
    name = path.name
    for entry in bundle.entry or []:
        resource = entry.resource
        if resource is None:
            continue
        kind = resource.__resource_type__ if hasattr(resource, "__resource_type__") else ""
        kind = kind or type(resource).__name__
        src = FactSource(file=name, fhir=f"{kind}/{resource.id or '?'}")
        handler = _HANDLERS.get(kind)
        if handler:
            handler(resource, src, facts, today or date.today())
        if len(facts.identifiers) > MAX_IDENTIFIERS:
            raise FhirError(
                f"{path}: more than {MAX_IDENTIFIERS} identifiers to withhold; not read "
                "(one patient's bundle has far fewer)"
            )
    return facts


def _text(concept: Any) -> str:
    if concept is None:
        return ""
    if concept.text:
        return str(concept.text)
    for coding in concept.coding or []:
        if coding.display:
            return str(coding.display)
    return ""


def _icd10(concept: Any) -> str | None:
    for coding in (concept.coding or []) if concept else []:
        if coding.code and any(s in str(coding.system or "").lower() for s in ICD10_SYSTEMS):
            return str(coding.code).upper()
    return None


def _patient(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    facts.patient = src
    if res.birthDate:
        born = res.birthDate
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        facts.age = age if 0 <= age <= 120 else None  # a birth date in the future is no age
        facts.identifiers.add(str(born))
        facts.withheld.add("date of birth (age kept)")
    if res.gender in {"male", "female", "other"}:
        facts.sex = res.gender
    for human in res.name or []:
        parts = [*(human.given or []), human.family or "", human.text or ""]
        facts.identifiers.update(p for p in parts if p and len(p) > 1)
        facts.withheld.add("patient name")
    for ident in res.identifier or []:
        if ident.value:
            facts.identifiers.add(str(ident.value))
            facts.withheld.add("patient identifiers (MRN, member id)")
    for address in res.address or []:
        facts.identifiers.update(str(x) for x in [*(address.line or []), address.city] if x)
        facts.withheld.add("address")
    for telecom in res.telecom or []:
        if telecom.value:
            facts.identifiers.add(str(telecom.value))
            facts.withheld.add("phone or email")


def _condition(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    name = _text(res.code)
    if len(name) < 2:
        return
    code = _icd10(res.code)
    try:
        facts.diagnoses.append((Diagnosis(name=name, icd10=code), src))
    except ValueError:  # an ICD-10 code in a shape our schema refuses: keep the name
        facts.diagnoses.append((Diagnosis(name=f"{name} ({code})"), src))


def _dosage(res: Any) -> dict[str, str | None]:
    dose = None
    for instruction in (
        getattr(res, "dosageInstruction", None) or getattr(res, "dosage", None) or []
    ):
        if instruction.text:
            dose = str(instruction.text)
            break
        for rate in instruction.doseAndRate or []:
            q = rate.doseQuantity
            if q is not None and q.value is not None:
                dose = f"{q.value:g} {q.unit or ''}".strip()
    return {"dose": dose}


def _medication_request(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    drug = _text(res.medicationCodeableConcept)
    if len(drug) < 2:
        return
    if res.status in REQUESTED_STATUSES:
        facts.requested.append(({"drug": drug, **_dosage(res)}, src))
    else:  # completed, stopped, cancelled: a therapy tried before
        reason = _text(res.statusReason) or None
        response = f"{res.status}" + (f": {reason}" if reason else "")
        facts.prior.append((PriorTherapy(name=drug, response=response), src))


def _medication_statement(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    drug = _text(res.medicationCodeableConcept)
    if len(drug) < 2:
        return
    period = res.effectivePeriod
    when = ""
    if period is not None and (period.start or period.end):
        when = f" ({period.start or '?'} to {period.end or 'now'})"
    reasons = "; ".join(_text(r) for r in res.statusReason or [] if _text(r))
    response = f"{res.status}{when}" + (f": {reasons}" if reasons else "")
    facts.prior.append((PriorTherapy(name=drug + when, response=response), src))


def _observation(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    name = _text(res.code)
    if not name:
        return
    if res.valueQuantity is not None and res.valueQuantity.value is not None:
        value = f"{res.valueQuantity.value:g} {res.valueQuantity.unit or ''}".strip()
    elif res.valueString:
        value = str(res.valueString)
    elif res.valueCodeableConcept is not None:
        value = _text(res.valueCodeableConcept)
    else:
        return
    ranges = [r.text for r in res.referenceRange or [] if r.text]
    when = res.effectiveDateTime
    line = f"{name}: {value}" + (f" (reference {ranges[0]})" if ranges else "")
    line += f", {when}" if when else ""
    facts.history.append((f"Lab: {line}.", src))


def _procedure(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    name = _text(res.code)
    if name:
        when = res.performedDateTime or ""
        facts.history.append((f"Procedure: {name}" + (f", {when}" if when else "") + ".", src))


def _report(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    name = _text(res.code)
    if res.conclusion:
        facts.history.append((f"{name or 'Report'}: {res.conclusion}", src))


def _allergy(res: Any, src: FactSource, facts: FhirFacts, today: date) -> None:
    name = _text(res.code)
    if name:
        reactions = "; ".join(
            _text(m) for r in res.reaction or [] for m in r.manifestation or [] if _text(m)
        )
        facts.history.append(
            (f"Allergy: {name}" + (f" ({reactions})" if reactions else "") + ".", src)
        )


_HANDLERS = {
    "Patient": _patient,
    "Condition": _condition,
    "MedicationRequest": _medication_request,
    "MedicationStatement": _medication_statement,
    "Observation": _observation,
    "Procedure": _procedure,
    "DiagnosticReport": _report,
    "AllergyIntolerance": _allergy,
}
