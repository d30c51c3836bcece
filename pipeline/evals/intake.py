"""Case-intake eval: the case extracted from a packet against the clinical information a
reviewer extracted for the same patient (AutoAuth's upstream evaluation files), field by
field: precision (of what we extracted, how much the reference has) and recall (of the
reference, how much we extracted). Every extracted fact is also re-found on its page.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.cases.intake import flat_name as flat
from pipeline.cases.intake import same_name
from pipeline.models import Case

FIELDS = ("diagnosis", "icd10", "drug", "dose", "duration", "prior_therapy", "lab", "specialty")
_CLINICAL = "src.pipeline.promptEngineering.models:ClinicalInformation"
_PHYSICIAN = "src.pipeline.promptEngineering.models:PhysicianInformation"
_NONE = {"", "not provided", "none", "n/a"}


@dataclass
class FieldScore:
    matched_extracted: int = 0  # extracted items the reference has
    extracted: int = 0
    matched_reference: int = 0  # reference items we extracted
    reference: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched_extracted / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched_reference / self.reference if self.reference else None

    def add(self, other: FieldScore) -> None:
        for key in ("matched_extracted", "extracted", "matched_reference", "reference"):
            setattr(self, key, getattr(self, key) + getattr(other, key))


@dataclass
class PacketResult:
    packet: str
    case_id: str
    seconds: float
    facts: int
    unverified: list[str]
    dropped: int
    withheld: list[str]
    fields: dict[str, FieldScore] = field(default_factory=dict)
    ocr_pages: int = 0
    unreadable_pages: int = 0
    drug: str = ""
    diagnoses: list[str] = field(default_factory=list)


def similar(a: str, b: str) -> bool:
    """Intake's own name match, a little looser: the reference's spelling slips are longer
    (methylprednisone / methylprednisolone)."""
    return same_name(a, b, ratio=0.85)


def _items(text: str) -> list[str]:
    return [p.strip() for p in re.split(r";", text or "") if p.strip().lower() not in _NONE]


def load_reference(path: Path, variant: str) -> dict[str, Any]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    context = data[variant]["evaluations"][0]["context"]
    clinical = context.get(_CLINICAL, {})
    physician = context.get(_PHYSICIAN, {})
    request = clinical.get("treatment_request") or {}
    if isinstance(request, str):  # the upstream files sometimes hold it as a dict literal
        import ast

        request = ast.literal_eval(request)
    priors = []
    for piece in _items(clinical.get("specific_drugs_taken_and_failures", "")):
        name = re.split(r":|\d", piece)[0].strip(" ,")
        if name and not name.lower().startswith(("patient", "not ")):
            priors.append(name)
    return {
        "diagnosis": _items(clinical.get("diagnosis", "")),
        "icd10": [c.upper() for c in _items(clinical.get("icd_10_code", ""))],
        "drug": [request.get("name_of_medication_or_procedure", "")],
        "dose": [request.get("dosage", "")],
        "duration": [d for d in [request.get("duration", "")] if d.lower() not in _NONE],
        "prior_therapy": priors,
        "lab": lab_pairs(clinical.get("relevant_lab_results_or_imaging", "")),
        "specialty": [physician.get("specialty", "")] if physician.get("specialty") else [],
    }


_PAIR = re.compile(
    r"^(?:[A-Za-z ]{2,20}:\s*(?=[A-Za-z]))?"  # a group label: "CBC: WBC Count 6.5"
    r"(?P<name>[A-Za-z][A-Za-z0-9 ()/'-]*?)\s*:?\s+(?P<value>[<>]?\d[\d,]*(?:\.\d+)?)"
)


def lab_pairs(text: str) -> list[tuple[str, str]]:
    """(name, value) for each numeric result in the reference's lab text."""
    pieces = re.split(r";|,\s+(?=[A-Z])|\)\s+(?=[A-Z])", text or "")
    pairs = []
    for piece in pieces:
        match = _PAIR.match(piece.strip())
        if match:
            pairs.append((match.group("name").strip(), match.group("value")))
    return pairs


def _lab_matches(line: str, name: str, value: str) -> bool:
    words = f" {flat(line)} "
    if f" {flat(value)} " not in words:
        return False
    abbrev = re.findall(r"\(([A-Za-z0-9]+)\)", name)
    if any(f" {a.lower()} " in words for a in abbrev):
        return True
    name_words = flat(re.sub(r"\(.*?\)", " ", name)).split()
    return bool(name_words) and sum(f" {w} " in words for w in name_words) * 2 >= len(name_words)


def score_case(case: Case, ref: dict[str, Any]) -> dict[str, FieldScore]:
    t = case.requested_treatment
    labs = [h for h in case.history if h.startswith("Lab:")]
    specialty = [h for h in case.history if h.startswith("Requesting physician specialty")]
    extracted: dict[str, list[str]] = {
        "diagnosis": [d.name for d in case.diagnoses if not d.name.startswith("(not found")],
        "icd10": [d.icd10 for d in case.diagnoses if d.icd10],
        "drug": [t.drug] if not t.drug.startswith("(not found") else [],
        "dose": [t.dose] if t.dose else [],
        "duration": [t.duration] if t.duration else [],
        "prior_therapy": [p.name for p in case.prior_therapies],
        "specialty": specialty,
    }
    scores: dict[str, FieldScore] = {}
    for name, mine in extracted.items():
        theirs = ref[name]
        match = _dose_match if name == "dose" else similar
        scores[name] = FieldScore(
            matched_extracted=sum(any(match(m, r) for r in theirs) for m in mine),
            extracted=len(mine),
            matched_reference=sum(any(match(m, r) for m in mine) for r in theirs),
            reference=len(theirs),
        )
    pairs = ref["lab"]
    scores["lab"] = FieldScore(
        matched_extracted=sum(any(_lab_matches(line, n, v) for n, v in pairs) for line in labs),
        extracted=len(labs),
        matched_reference=sum(any(_lab_matches(line, n, v) for line in labs) for n, v in pairs),
        reference=len(pairs),
    )
    return scores


def _dose_match(mine: str, theirs: str) -> bool:
    """The same numbers, mostly: doses are written many ways around them."""
    a, b = set(re.findall(r"\d+(?:\.\d+)?", mine)), set(re.findall(r"\d+(?:\.\d+)?", theirs))
    return bool(a and b) and len(a & b) / len(a | b) >= 0.5


def find_packets(dataset: Path, shared: Path) -> list[dict[str, Any]]:
    """The packets with references in a dataset: a JSONL file (packet, reference, variant,
    paths from ``shared``); a folder holding such a JSONL (paths from that folder); a folder
    laid out as AutoAuth's (``cases/NNN/{a,b}`` with ``upstream-evals/...-NNN.yaml``: a is
    the positive determination, b the negative); or a folder of packet folders, each with
    its own ``reference.yaml`` in our field names (diagnosis, icd10, drug, dose, duration,
    prior_therapy, lab as "name value", specialty)."""
    dataset = Path(dataset)
    if dataset.is_file():
        return [
            _row(json.loads(line), shared)
            for line in dataset.read_text().splitlines()
            if line.strip()
        ]
    listed = sorted(dataset.glob("*.jsonl"))
    if listed:
        return [r for f in listed for r in find_packets(f, dataset)]
    evals = dataset / "upstream-evals"
    if evals.is_dir():
        rows = []
        for ref in sorted(evals.glob("autodetermination-decision-*.yaml")):
            number = ref.stem.rsplit("-", 1)[-1]
            variants = yaml.safe_load(ref.read_text(encoding="utf-8")) or {}
            for letter, sign in (("a", "positive"), ("b", "negative")):
                packet = dataset / "cases" / number / letter
                variant = f"{ref.stem}-{sign}-determination.v0"
                if packet.is_dir() and variant in variants:
                    rows.append(
                        {
                            "name": f"{number}/{letter}",
                            "packet": packet,
                            "reference": ref,
                            "variant": variant,
                        }
                    )
        return rows
    return [
        {"name": ref.parent.name, "packet": ref.parent, "reference": ref, "variant": None}
        for ref in sorted(dataset.glob("*/reference.yaml"))
    ]


def _row(row: dict[str, Any], base: Path) -> dict[str, Any]:
    return {
        "name": row["packet"],
        "packet": base / row["packet"],
        "reference": base / row["reference"],
        "variant": row.get("variant"),
    }


def load_plain_reference(path: Path) -> dict[str, Any]:
    """A reference.yaml in our own field names."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}

    def items(key: str) -> list[str]:
        value = data.get(key) or []
        return [str(v) for v in ([value] if isinstance(value, str) else value)]

    return {name: items(name) for name in FIELDS if name != "lab"} | {
        "lab": [p for line in items("lab") for p in lab_pairs(line)]
    }


def run_intake_eval(
    dataset: Path, shared: Path, llm: Any = None, progress: Any = None
) -> dict[str, Any]:
    """Every packet extracted and scored; a packet that fails is reported with its error
    and the run goes on."""
    from pipeline.cases.intake import extract_case, verify_sources

    results: list[PacketResult] = []
    errors: list[dict[str, str]] = []
    total = {name: FieldScore() for name in FIELDS}
    for row in find_packets(Path(dataset), Path(shared)):
        packet = row["packet"]
        t0 = time.perf_counter()
        try:
            ref = (
                load_reference(row["reference"], row["variant"])
                if row["variant"]
                else load_plain_reference(row["reference"])
            )
            case = extract_case([packet], llm=llm)
        except Exception as exc:  # noqa: BLE001 one packet's failure is a row, not the run's end
            errors.append({"packet": str(row["name"]), "error": f"{type(exc).__name__}: {exc}"})
            if progress:
                progress(None)
            continue
        seconds = time.perf_counter() - t0
        scores = score_case(case, ref)
        for name, score in scores.items():
            total[name].add(score)
        intake = case.intake
        results.append(
            PacketResult(
                packet=str(row["name"]),
                case_id=case.case_id,
                seconds=round(seconds, 1),
                facts=len(case.sources),
                unverified=verify_sources(case, packet),
                dropped=len(intake.dropped) if intake else 0,
                withheld=intake.withheld if intake else [],
                fields=scores,
                ocr_pages=sum(len(f.ocr_pages) for f in intake.files) if intake else 0,
                unreadable_pages=sum(len(f.unreadable_pages) for f in intake.files)
                if intake
                else 0,
                drug=case.requested_treatment.drug,
                diagnoses=[d.name + (f" ({d.icd10})" if d.icd10 else "") for d in case.diagnoses],
            )
        )
        if progress:
            progress(results[-1])
    micro = FieldScore()
    for score in total.values():
        micro.add(score)
    return {
        "dataset": str(dataset),
        "model": getattr(llm, "model", None),
        "packets": [_result_json(r) for r in results],
        "errors": errors,
        "fields": {k: _score_json(v) for k, v in total.items()},
        "micro": _score_json(micro),
        "facts": sum(r.facts for r in results),
        "facts_unverified": sum(len(r.unverified) for r in results),
    }


def packet_table(report: dict[str, Any]) -> list[str]:
    """One line per packet: micro P/R, the drug and diagnoses found, OCR pages."""
    lines = [f"{'packet':24} {'P':>5} {'R':>5}  ocr  drug / diagnoses"]
    for row in report["packets"]:
        score = FieldScore()
        for f in row["fields"].values():
            score.add(
                FieldScore(
                    f["matched_extracted"], f["extracted"], f["matched_reference"], f["reference"]
                )
            )
        p = "-" if score.precision is None else f"{score.precision:.2f}"
        r = "-" if score.recall is None else f"{score.recall:.2f}"
        dx = "; ".join(row["diagnoses"])[:60]
        name, drug = row["packet"][:24], row["drug"][:30]
        lines.append(f"{name:24} {p:>5} {r:>5} {row['ocr_pages']:>4}  {drug} / {dx}")
    lines += [f"{e['packet'][:24]:24} FAILED: {e['error'][:120]}" for e in report.get("errors", [])]
    return lines


def _score_json(score: FieldScore) -> dict[str, Any]:
    return asdict(score) | {
        "precision": None if score.precision is None else round(score.precision, 3),
        "recall": None if score.recall is None else round(score.recall, 3),
    }


def _result_json(result: PacketResult) -> dict[str, Any]:
    data = asdict(result)
    data["fields"] = {k: _score_json(v) for k, v in result.fields.items()}
    return data
