"""Write the third batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic3/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic. The content
modules have batch-specific names (`payers3_*`) because the unit test runs every batch's
generator in one process, where a module name already imported would be reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers3_a import molina_risankizumab, premera_ravulizumab, tx_rifaximin  # noqa: E402
from payers3_b import granite_pcsk9, optum_somatropin, regence_botulinum  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth3-tx-rifaximin", "Synthetic: state Medicaid clinical prior authorization edit "
           "with numbered yes/no steps (fictional Prairie State Medicaid Vendor Drug Program)",
           "yes-no-steps", tx_rifaximin),
    Policy("synth3-molina-risankizumab", "Synthetic: Molina/CareSource-style drug and biologic "
           "coverage criteria with AND / OR lines between items (fictional Riverbend Community "
           "Care)", "and-or-lines", molina_risankizumab),
    Policy("synth3-premera-ravulizumab", "Synthetic: Premera/Blue Shield-style medical policy, "
           "criteria in a Criteria | Approval duration table per indication (fictional Cascadia "
           "Crest Blue Shield)", "criteria-duration-table", premera_ravulizumab),
    Policy("synth3-optum-somatropin", "Synthetic: Optum Rx/Magellan-style prior authorization "
           "guideline, a box per diagnosis and therapy stage, nested bullets (fictional Summit "
           "Ridge Pharmacy Services)", "stage-boxes-bullets", optum_somatropin),
    Policy("synth3-granite-pcsk9", "Synthetic: pharmacy medical necessity guideline whose "
           "criteria run across two page breaks with '(continued)' lines (fictional Granite "
           "Valley Health Plan)", "continued-pages", granite_pcsk9),
    Policy("synth3-regence-botulinum", "Synthetic: Regence/Wellmark-style medication policy, "
           "'Coverage for ... is considered medically necessary when:' and 'Must meet ALL of the "
           "following' lead-ins (fictional Evergreen Ridge BlueCross)", "must-meet-leadins",
           regence_botulinum),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
