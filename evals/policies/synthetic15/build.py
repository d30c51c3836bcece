"""Write the fifteenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic15/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers15_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers15_a import callout_dupuytren, docreq_als  # noqa: E402
from payers15_b import attest_vitiligo, trifold_slit, worksheet_hyperkalemia  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth15-callout-dupuytren", "Synthetic: narrative clinical coverage guide whose "
           "requirements sit inside shaded call-out boxes with a coloured left rule, background "
           "text outside the boxes (fictional Ashgrove Valley Health)", "callout-boxes",
           callout_dupuytren),
    Policy("synth15-docreq-als", "Synthetic: prior-authorization requirements as two-column "
           "'Criterion | Documentation required' tables under a band per request type "
           "(fictional Northbridge Care Alliance)", "criterion-documentation-table",
           docreq_als),
    Policy("synth15-attest-vitiligo", "Synthetic: prescriber attestation of medical necessity, "
           "first-person statements with initial lines (fictional Kestrel Bay Health Plan)",
           "attestation-form", attest_vitiligo),
    Policy("synth15-worksheet-hyperkalemia", "Synthetic: utilization-review nurse worksheet, "
           "numbered rows with Met / Not met / Source tick columns (fictional Silverline "
           "Health)", "review-worksheet", worksheet_hyperkalemia),
    Policy("synth15-trifold-slit", "Synthetic: landscape tri-fold provider brochure, three "
           "panels side by side (fictional Oakmere Family Health Plan)", "trifold-brochure",
           trifold_slit),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
