"""The section questions of a requested procedure (an arthroplasty, a surgery): whether it
is indicated now or should wait, as the payer asks it.

A payer pends a procedure for more nonoperative therapy, or until a comorbidity is
controlled (a BMI target, glycemic control, smoking): the reviewer wants what the
guidelines say of delaying it for those, for whom it is indicated (nonoperative therapy
ineffective), and the risks of the comorbidities the case records. How the patient's
antirheumatic drugs are held around the surgery is a question only where the patient
takes them.
"""

from __future__ import annotations

import re


def short_name(text: str) -> str:
    """A prior therapy or diagnosis as questions name it: "Naproxen" of "Naproxen 500 mg
    twice daily (8 months)", "Severe obesity" of "Severe obesity, body mass index ..."."""
    text = re.sub(r"\s*\([^)]*\)?", "", text)
    return re.split(r",|;|\s\d", text)[0].strip()


def procedure_questions(
    request: str,
    dx: str,
    tried: list[str],
    comorbid: list[str],
    drugs: list[str],
) -> dict[str, list[str]]:
    """Per compose section, questions about a procedure for ``dx`` after the nonoperative
    therapies ``tried``, in a patient with ``comorbid`` conditions, taking the
    antirheumatic ``drugs`` (may be empty)."""
    before = ", ".join(tried) if tried else "nonoperative therapy"
    risks = ", ".join(comorbid) if comorbid else "comorbidities"
    out = {
        "rationale": [
            f"{request} for {dx} when nonoperative therapy is ineffective",
            f"we recommend proceeding to {request} without delay over delaying surgery",
        ],
        "evidence": [
            f"delaying {request}: pain, function and outcomes; evidence",
            f"{request} in patients with {risks}: complications and outcomes",
        ],
        "role": [
            f"{request} for patients with {dx} and {risks}",
            f"{request}: who should have it, indications",
        ],
        "path": [
            f"proceeding to {request} without delay over delaying for a trial of {before}",
            f"{dx}: nonoperative therapy before {request}: {before}",
        ],
        "dosing": [f"{request} timing", f"{request} delay"],
        "pitfalls": [
            f"{request} in patients with {risks}: risks, infection, delaying to reduce "
            "weight or to meet a threshold",
            f"when to delay {request}: comorbidities to optimize before surgery",
        ],
        "position": [
            f"we recommend proceeding to {request} without delay",
            f"we recommend against delaying {request} for {risks}",
            f"{request} is not recommended",
        ],
    }
    if drugs:
        out["pitfalls"].append(
            f"perioperative management of {', '.join(drugs)} around {request}: continue or withhold"
        )
    return out
