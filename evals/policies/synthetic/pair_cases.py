"""Write a batch's case pairs (`cases/*.yaml`, `cases/cases.jsonl`) from its list of pairs:
one `-meets` case per pair and its `-fails-one` twin, which differs only in the history
lines the pair names in `fails`. Shared by the batches' `cases*.py` scripts."""

from __future__ import annotations

import json
from pathlib import Path

import yaml


def case_doc(p: dict, fails: bool, ordinal: str) -> tuple[str, dict]:
    cid = p["id"] + ("-fails-one" if fails else "-meets")
    history = list(p["history"])
    if fails:
        for i, line in p["fails"].items():
            history[i] = line
    doc = {
        "case_id": cid,
        "question": p["question"],
        "patient": {"age": p["age"], "sex": p["sex"]},
        "diagnoses": [{"name": n, "icd10": code} for n, code in p["diagnoses"]],
        "requested_treatment": p["drug"],
        "history": history,
    }
    if p["prior"]:
        doc["prior_therapies"] = [{"name": n, "response": r} for n, r in p["prior"]]
    doc["payer"] = {"name": p["payer"], "policy": f"{p['policy']}, {p['indication']}, "
                    f"{p['branch']}"}
    head = (f"# Synthetic case written for the {ordinal} synthetic holdout: {p['policy']},\n"
            f"# {p['indication']}, {p['branch']}.\n"
            + (f"# Fails exactly one criterion: {p['missed']}.\n" if fails
               else "# Meets every criterion.\n"))
    body = yaml.safe_dump(doc, sort_keys=False, width=140, allow_unicode=True)
    return cid, head + body


def write_pairs(
    pairs: list[dict], here: Path, rel: str, split: str, source: str, ordinal: str
) -> None:
    out = here / "cases"
    out.mkdir(exist_ok=True)
    records = []
    for p in pairs:
        for fails in (False, True):
            cid, text = case_doc(p, fails, ordinal)
            (out / f"{cid}.yaml").write_text(text, encoding="utf-8")
            expected: dict = {"verdict": "not_medically_necessary" if fails
                              else "medically_necessary",
                              "any_criterion_not_fully_met": fails}
            meta = {"source": source, "policy_split": "holdout",
                    "indication": p["indication"], "branch": p["branch"]}
            if fails:
                expected["failed_criterion"] = p["failed"]
                meta["missed_criterion"] = (f"{p['payer']} {p['policy']}, {p['indication']}, "
                                            f"{p['branch']}: {p['missed']}")
            records.append({"id": cid, "inputs": {
                "case_file": f"{rel}/cases/{cid}.yaml",
                "policies": [f"{rel}/{p['pdf']}.pdf"]},
                "expected": expected, "metadata": meta, "split": split})
    (out / "cases.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} cases")
