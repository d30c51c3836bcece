"""Write the sixteenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic16/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers16_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers16_a import cmn_parkinson, digest_hta, grid_ivabradine  # noqa: E402
from payers16_b import oug_canakinumab, script_cdiff  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth16-cmn-parkinson", "Synthetic: DME-style Certificate of Medical Necessity, "
           "numbered questions with a Y / N / D answer column and a qualifying rule per "
           "question range (fictional Tidewater Senior Health)", "certificate-of-medical-necessity",
           cmn_parkinson),
    Policy("synth16-digest-hta", "Synthetic: digest of health-technology-assessment "
           "reimbursement recommendations, 'Reimbursement condition | Reason | Implementation "
           "guidance' tables (fictional Northern Lakes Public Drug Program)",
           "reimbursement-conditions-table", digest_hta),
    Policy("synth16-grid-ivabradine", "Synthetic: requirement-area grid per indication, rows "
           "by requirement area and 'Start of therapy | Renewal' columns (fictional Copperline "
           "Health Plan)", "requirement-area-grid", grid_ivabradine),
    Policy("synth16-script-cdiff", "Synthetic: pharmacy help-desk telephone intake script "
           "with SAY / ASK / IF NO lines (fictional Bayfront Health Plan)", "call-script",
           script_cdiff),
    Policy("synth16-oug-canakinumab", "Synthetic: optimal use guideline in the Japanese "
           "ministry style, shared facility and physician chapter, '4-1' / '4-2' eligible "
           "patients, continuation notes (fictional Eastfield Mutual Health Insurance Society)",
           "optimal-use-guideline", oug_canakinumab),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
