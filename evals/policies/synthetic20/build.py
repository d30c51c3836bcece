"""Write the twentieth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic20/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers20_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers20_a import dectable_droxidopa, ncd_pompe, printout_tafenoquine  # noqa: E402
from payers20_b import billing_leuprolide, exhibit_avacopan  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy(
        "synth20-ncd-pompe",
        "Synthetic: national coverage determination decision memo "
        "with transmittal header and contents, covered and non-covered indications "
        "(fictional National Health Coverage Administration)",
        "ncd-decision-memo",
        ncd_pompe,
    ),
    Policy(
        "synth20-printout-tafenoquine",
        "Synthetic: mainframe criteria listing printed "
        "in 132 columns with ASCII box tables (fictional Northgate Cooperative Health "
        "Plan)",
        "ascii-box-printout",
        printout_tafenoquine,
    ),
    Policy(
        "synth20-dectable-droxidopa",
        "Synthetic: decision tables with condition stubs, "
        "Y / N / - rule columns and X action rows (fictional Cedar Basin Health "
        "Alliance)",
        "decision-table",
        dectable_droxidopa,
    ),
    Policy(
        "synth20-exhibit-avacopan",
        "Synthetic: contract exhibit with numbered sections, "
        "defined terms and cross-references (fictional Lakeshore Employers' Health Trust "
        "and Corvane Specialty Pharmacy Services)",
        "contract-exhibit",
        exhibit_avacopan,
    ),
    Policy(
        "synth20-billing-leuprolide",
        "Synthetic: billing and coding guide, HCPCS / NDC "
        "and ICD-10-CM tables with Limitations and Documentation requirements (fictional "
        "Bayfront Health Plans)",
        "billing-coding-guide",
        billing_leuprolide,
    ),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
