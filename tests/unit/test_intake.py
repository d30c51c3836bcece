"""Case intake: FHIR bundles, PA forms (typed fields and FreeText), lab tables and narrative
notes (scripted model) → a case whose every fact names its page or resource and is found
there again; identifiers stay out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cases import case_facts, load_case
from pipeline.cases.intake import IntakeError, extract_case, sentences, verify_sources
from pipeline.cli import app
from pipeline.cli.case import write_case
from tests.conftest import FakeLLM

TODAY = date(2026, 11, 23)


PATIENT = {  # a synthetic patient (no real person)
    "resourceType": "Patient",
    "id": "p1",
    "gender": "female",
    "birthDate": "2012-03-01",
    "name": [{"family": "Quillfeather", "given": ["Ottoline"]}],
    "identifier": [{"system": "urn:mrn", "value": "MRN-99812"}],
    "telecom": [{"system": "phone", "value": "555-201-3344"}],
}


def _bundle(tmp_path: Path) -> Path:
    """A synthetic patient (no real person): JIA, IVIG requested, methotrexate stopped."""
    entries = [
        PATIENT,
        {
            "resourceType": "Condition",
            "id": "c1",
            "subject": {"reference": "Patient/p1"},
            "code": {
                "coding": [
                    {
                        "system": "http://hl7.org/fhir/sid/icd-10-cm",
                        "code": "M08.3",
                        "display": "Juvenile rheumatoid polyarthritis (seronegative)",
                    }
                ]
            },
        },
        {
            "resourceType": "MedicationRequest",
            "id": "m1",
            "status": "active",
            "intent": "order",
            "subject": {"reference": "Patient/p1"},
            "medicationCodeableConcept": {"text": "Immune globulin (IVIG)"},
            "dosageInstruction": [{"text": "2 g/kg every 4 weeks"}],
        },
        {
            "resourceType": "MedicationStatement",
            "id": "s1",
            "status": "stopped",
            "subject": {"reference": "Patient/p1"},
            "medicationCodeableConcept": {"text": "Methotrexate"},
            "effectivePeriod": {"start": "2025-01-10", "end": "2025-07-01"},
            "statusReason": [{"text": "inadequate response after 6 months"}],
        },
        {
            "resourceType": "Observation",
            "id": "o1",
            "status": "final",
            "code": {"text": "C-reactive protein"},
            "valueQuantity": {"value": 25, "unit": "mg/L"},
            "referenceRange": [{"text": "<5 mg/L"}],
            "effectiveDateTime": "2026-10-01",
        },
        {
            "resourceType": "AllergyIntolerance",
            "id": "a1",
            "patient": {"reference": "Patient/p1"},
            "code": {"text": "Penicillin"},
        },
    ]
    bundle = {"resourceType": "Bundle", "type": "collection"}
    bundle["entry"] = [{"resource": r} for r in entries]
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    return path


def test_a_fhir_bundle_becomes_a_case_with_each_fact_naming_its_resource(tmp_path) -> None:
    case = extract_case([], fhir=[_bundle(tmp_path)], case_id="fhir-1", today=TODAY)
    assert case.patient.age == 14 and case.patient.sex == "female"
    assert [(d.name, d.icd10) for d in case.diagnoses] == [
        ("Juvenile rheumatoid polyarthritis (seronegative)", "M08.3")
    ]
    assert case.requested_treatment.drug == "Immune globulin (IVIG)"
    assert case.requested_treatment.dose == "2 g/kg every 4 weeks"
    assert case.prior_therapies[0].name.startswith("Methotrexate")
    assert "inadequate response" in case.prior_therapies[0].response
    assert any("C-reactive protein: 25 mg/L (reference <5 mg/L)" in h for h in case.history)
    assert case.sources["diagnoses.0"].fhir == "Condition/c1"
    assert (case.sources["patient"].file, case.sources["patient"].fhir) == (
        "bundle.json",
        "Patient/p1",
    )
    assert case.sources["requested_treatment"].fhir == "MedicationRequest/m1"
    assert case.sources["prior_therapies.0"].fhir == "MedicationStatement/s1"
    dumped = case.model_dump_json()
    for secret in ("Quillfeather", "Ottoline", "MRN-99812", "555-201-3344", "2012-03-01"):
        assert secret not in dumped
    assert "patient name" in case.intake.withheld
    facts = {f.text: f.source for f in case_facts(case)}
    assert facts["Diagnosis: Juvenile rheumatoid polyarthritis (seronegative) (ICD-10 M08.3)."]


def test_a_bundle_that_is_not_fhir_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"resourceType": "Bundle", "entry": [{"resource": {"x": 1}}]}))
    with pytest.raises(ValueError, match="bad.json: not a FHIR R4 Bundle"):
        extract_case([], fhir=[bad])
    with pytest.raises(IntakeError, match="no such file"):
        extract_case([tmp_path / "missing"])


def _form_pdf(path: Path) -> Path:
    """A printed PA form with values typed over it (FreeText, as filled-in PDFs often are)
    and one true AcroForm field."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    pdf = FPDF(unit="pt", format="letter")  # 612 x 792 points
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    labels = {
        "Patient Name:": 700,
        "Date of Birth:": 680,
        "Specialty:": 660,
        "Medication requested:": 640,
        "Diagnosis related to use:": 620,
        "Duration of therapy:": 600,
    }
    for label, y in labels.items():
        pdf.text(40, 792 - y, label)
    pdf.text(40, 792 - 560, "Drug Name")
    pdf.text(200, 792 - 560, "Dates taken")
    pdf.text(330, 792 - 560, "Documented results")
    pdf.output(str(path))
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    typed = [
        ("Zebulon Marchetti", 700),
        ("04/02/2016", 680),
        ("Pediatric Rheumatology", 660),
        ("Tocilizumab 162 mg every 2 weeks", 640),
        ("Polyarticular juvenile idiopathic arthritis (M08.09)", 620),
    ]
    for text, y in typed:
        writer.add_annotation(0, FreeText(text=text, rect=(170, y - 4, 520, y + 10)))
    for text, x in [("Methotrexate", 40), ("01/2025 - 09/2025", 200), ("flares continued", 330)]:
        writer.add_annotation(0, FreeText(text=text, rect=(x, 532, x + 120, 546)))
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/T"): TextStringObject("duration"),
            NameObject("/TU"): TextStringObject("Duration of therapy"),
            NameObject("/V"): TextStringObject("12 months"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (170, 596, 300, 610)]),
            NameObject("/P"): writer.pages[0].indirect_reference,
        }
    )
    ref = writer._add_object(field)
    writer.pages[0][NameObject("/Annots")].append(ref)
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([ref])}
    )
    writer.write(str(path))
    return path


def test_a_pa_form_is_read_by_its_printed_labels_and_fields(tmp_path) -> None:
    packet = tmp_path / "packet"
    packet.mkdir()
    _form_pdf(packet / "form.pdf")
    case = extract_case([packet], today=TODAY)
    assert case.patient.age == 10  # from the date of birth, which itself is left out
    assert [(d.name, d.icd10) for d in case.diagnoses] == [
        ("Polyarticular juvenile idiopathic arthritis", "M08.09")
    ]
    t = case.requested_treatment
    assert (t.drug, t.dose, t.duration) == ("Tocilizumab", "162 mg every 2 weeks", "12 months")
    assert "Requesting physician specialty: Pediatric Rheumatology." in case.history
    assert case.prior_therapies[0].name == "Methotrexate"
    assert case.prior_therapies[0].response == "01/2025 - 09/2025; flares continued"
    src = case.sources["diagnoses.0"]
    assert (src.file, src.page, src.field) == ("form.pdf", 1, "Diagnosis related to use")
    assert case.sources["requested_treatment"].field == "Medication requested"
    dumped = case.model_dump_json()
    assert "Zebulon" not in dumped and "Marchetti" not in dumped and "04/02/2016" not in dumped
    assert {"names", "date of birth (age kept)"} <= set(case.intake.withheld)
    assert verify_sources(case, packet) == []
    # A fact edited so that its page no longer says it is reported, not trusted.
    case.sources["diagnoses.0"].quote = "Systemic lupus erythematosus"
    assert "diagnoses.0: not found on form.pdf p. 1" in verify_sources(case, packet)[0]


NOTE = """Progress note
Assessment: 9 yo female with polyarticular JIA and persistent synovitis of both knees.
She completed methotrexate 15 mg weekly for six months with continued flares.
Plan: start tocilizumab given active disease despite methotrexate.
Exam shows swelling of 6 joints with limited range of motion."""


def n(fragment: str) -> int:
    """The number the model sees for NOTE's sentence holding ``fragment``."""
    numbered = sentences(" ".join(NOTE.split()))
    return next(i for i, s in enumerate(numbered, 1) if fragment in s)


def test_narrative_notes_the_model_selects_and_the_code_quotes(tmp_path) -> None:
    (tmp_path / "note.txt").write_text(NOTE)
    reply = {
        "requested_drug": {"sentence": n("Plan"), "name": "tocilizumab"},
        "diagnoses": [
            {"sentence": n("Plan"), "name": "polyarticular JIA"},  # wrong sentence: found
            {"sentence": n("Assessment"), "name": "systemic lupus"},  # not in the document
            {"sentence": n("Exam"), "name": "Exam shows swelling: of 6 joints"},  # a sentence
        ],
        "prior_therapies": [{"sentence": n("completed"), "name": "methotrexate"}],
        "findings": [n("Exam"), 99],
    }
    llm = FakeLLM([reply])
    case = extract_case([tmp_path / "note.txt"], llm=llm, case_id="note-1", today=TODAY)
    assert llm.calls[0]["name"] == "case_extract"
    assert "S1:" in llm.calls[0]["messages"][-1]["content"]
    assert case.requested_treatment.drug == "tocilizumab"
    assert [d.name for d in case.diagnoses] == ["polyarticular JIA"]
    assert case.sources["diagnoses.0"].quote.startswith("Assessment: 9 yo female")
    assert case.prior_therapies[0].name == "methotrexate"
    assert case.patient.age == 9
    assert any(h.startswith("Exam shows swelling of 6 joints") for h in case.history)
    dropped = " ".join(case.intake.dropped)
    assert "'systemic lupus': the document does not say it" in dropped
    assert "not a name" in dropped
    assert verify_sources(case, tmp_path / "note.txt") == []
    # Without a model: the assessment and plan sentences, quoted as found.
    plain = extract_case([tmp_path / "note.txt"], case_id="note-2", today=TODAY)
    assert any(h.startswith("Plan: start tocilizumab") for h in plain.history)
    assert verify_sources(plain, tmp_path / "note.txt") == []


def test_case_extract_cli_writes_an_owner_only_case_that_loads(tmp_path) -> None:
    packet = tmp_path / "packet"
    packet.mkdir()
    _form_pdf(packet / "form.pdf")
    (packet / "note.txt").write_text(NOTE)
    (packet / "upstream.json").write_text('{"decision": "not a bundle"}')
    out = tmp_path / "case.yaml"
    result = CliRunner().invoke(app, ["case", "extract", str(packet), "-o", str(out), "--no-model"])
    assert result.exit_code == 0, result.output
    assert "left out (identifiers)" in result.output
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    case = load_case(out)
    assert case.case_id == "packet" and case.requested_treatment.drug == "Tocilizumab"
    assert all(s.file in {"form.pdf", "note.txt"} for s in case.sources.values())
    assert "Zebulon" not in out.read_text()
    # The writer's fixes survive a reload; the sources stay with their facts.
    data = yaml.safe_load(out.read_text())
    data["requested_treatment"]["dose"] = "162 mg every week"
    write_case(load_case(out).model_validate(data), out)
    assert load_case(out).sources["diagnoses.0"].file == "form.pdf"


def test_a_flattened_form_is_read_from_its_text(tmp_path) -> None:
    """A form whose values were printed into the page (no fields, no annotations)."""
    from fpdf import FPDF

    rows = [
        "Prior Authorization Request Form",
        "Member Name: Provider Name:",
        "Quillon Ashgrove Dr. Lennox",
        "Insurance ID#: 7716543 NPI#: 2233445 Specialty: Neurology",
        "Date of Birth: Office Phone: 555-301-4400",
        "03-02-21",
        "Street Address: 14 Elm Street Office Fax: 555-301-4401",
        "Medication Name: Fenfluramine Strength: 2.2 mg/mL Dosage Form: Liquid",
        "Diagnosis: ______ Lennox-Gastaut syndrome ______ ICD-10 Code(s): ______",
        "Medication: ____ Valproic acid ____ Date of trial: ____ Jan-Mar 2025 ____",
        "Medication: ____ Clobazam ____ Date of trial: ____ Apr 2025 - current ____",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for row in rows:
        pdf.cell(0, 8, row)
        pdf.ln()
    pdf.output(str(tmp_path / "form.pdf"))
    note = "Plan: #Lennox Gastaut with drop seizures, Dr. Lennox to follow up at 14 Elm Street."
    (tmp_path / "note.txt").write_text(note)
    case = extract_case([tmp_path], case_id="flat-1", today=TODAY)
    assert case.requested_treatment.drug == "Fenfluramine"
    assert case.requested_treatment.dose.startswith("2.2 mg/mL")
    assert [d.name for d in case.diagnoses] == ["Lennox-Gastaut syndrome"]
    assert [p.name for p in case.prior_therapies] == ["Valproic acid", "Clobazam"]
    assert case.patient.age == 5  # from the date of birth under its label
    dumped = case.model_dump_json()
    for secret in ("Quillon", "Ashgrove", "7716543", "2233445", "555-301", "03-02-21", "Elm"):
        assert secret not in dumped, secret
    # The clinician's name is masked with its title; the syndrome that shares it is not.
    plan = next(h for h in case.history if "drop seizures" in h)
    assert "#Lennox Gastaut" in plan and "Dr. Lennox" not in plan
    assert verify_sources(case, tmp_path) == []


def test_model_labels_that_are_findings_or_repeats_are_not_kept(tmp_path) -> None:
    (tmp_path / "note.txt").write_text(NOTE)
    reply = {
        "requested_drug": {"sentence": n("Plan"), "name": "methotrexate"},  # a prior one
        "diagnoses": [
            {"sentence": n("Assessment"), "name": "polyarticular JIA"},
            {"sentence": n("Assessment"), "name": "Polyarticular JIA"},  # the same again
            {"sentence": n("Exam"), "name": "swelling of 6 joints observed"},  # a finding
        ],
        "prior_therapies": [
            {"sentence": n("completed"), "name": "methotrexate"},
            {"sentence": n("completed"), "name": "methotrexate 15 mg weekly"},  # a repeat
            {"sentence": n("Exam"), "name": "swelling"},  # its sentence names no therapy
        ],
        "findings": [],
    }
    case = extract_case([tmp_path / "note.txt"], llm=FakeLLM([reply]), case_id="n", today=TODAY)
    assert [d.name for d in case.diagnoses] == ["polyarticular JIA"]
    assert [p.name for p in case.prior_therapies] == ["methotrexate"]
    # The model's pick was a prior therapy; the plan's sentence names the drug to start.
    assert case.requested_treatment.drug == "tocilizumab"
    assert case.sources["requested_treatment"].quote.startswith("Plan: start tocilizumab")
    dropped = " | ".join(case.intake.dropped)
    assert "'swelling': not a therapy the sentence names" in dropped
    assert "the packet lists it as a prior therapy" in dropped
    assert "'swelling of 6 joints observed': not a name" in dropped
