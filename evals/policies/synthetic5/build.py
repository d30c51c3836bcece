"""Write the fifth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic5/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic. The content
modules have batch-specific names (`payers5_*`) because the unit test runs every batch's
generator in one process, where a module name already imported would be reused.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers5_a import caremark_ustekinumab, magellan_semaglutide, providence_hae  # noqa: E402
from payers5_b import medicaid_palivizumab, medical_cannabidiol  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth5-caremark-ustekinumab", "Synthetic: CVS Caremark-style specialty guideline, "
           "'Authorization of 16 weeks may be granted for members ... when all of the following "
           "criteria are met:' paragraphs over bullets, separate Required Documentation section "
           "(fictional Meridian Specialty Pharmacy Services)", "authorization-paragraphs",
           caremark_ustekinumab),
    Policy("synth5-magellan-semaglutide", "Synthetic: Magellan-style prior authorization "
           "request form, checkbox items '[ ]' under 'Patient must meet ALL of the following:' "
           "(fictional Summit Valley Rx Management)", "checkbox-form", magellan_semaglutide),
    Policy("synth5-providence-hae", "Synthetic: Providence/Blue Shield-style medication "
           "policy, 'Policy Statement' of decimal-numbered clauses (1.1, 1.1.1, 1.1.1.1) whose "
           "logic cites clause numbers (fictional Cascade Northern Health Plan)",
           "decimal-clauses", providence_hae),
    Policy("synth5-medicaid-palivizumab", "Synthetic: state Medicaid clinical criteria grid, "
           "criteria in a two-column 'Population | Clinical criteria' table crossing page "
           "breaks (fictional North Plains Department of Human Services)", "criteria-grid",
           medicaid_palivizumab),
    Policy("synth5-medical-cannabidiol", "Synthetic: Medi-Cal/CareSource-style prior "
           "authorization criteria, 'Medication is approved for ... when ALL of the following "
           "are met:' over lettered items, 'ANY ONE of the following is met:' sub-lists "
           "(fictional Pacific Shores Community Health Plan)", "medication-is-approved",
           medical_cannabidiol),
]

# Indications whose continuation the policy states by pointing at another indication's
# ("Use the reauthorization criteria under Indication 1."): the gold repeats that tree.
SHARED_CONTINUATION = {"synth5-medical-cannabidiol": {"Dravet syndrome": "Lennox-Gastaut syndrome"}}


def main(out_dir: Path = HERE) -> None:
    for policy in POLICIES:
        gold = make_pdfs.write(policy, out_dir)
        shared = SHARED_CONTINUATION.get(policy.stem, {})
        if shared:
            by_name = {i["name"]: i for i in gold["indications"]}
            for name, source in shared.items():
                by_name[name]["continuation"] = by_name[source]["continuation"]
            path = out_dir / "gold" / f"{policy.stem}.json"
            path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
        n = sum(1 for i in gold["indications"] if "initial" in i)
        pages = len(make_pdfs.Pages(out_dir / gold["file"]).texts)
        print(f"{policy.stem}: {pages} pages, {len(gold['indications'])} indications "
              f"({n} with trees), {len(gold['exclusions'])} exclusions")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
