"""Write the seventh batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic7/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic. The content
modules have batch-specific names (`payers7_*`) because a test may run every batch's
generator in one process, where a module name already imported would be reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers7_a import bsc_esketamine, ms_luspatercept, note_nintedanib  # noqa: E402
from payers7_b import pdl_pah, subset_efgartigimod  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth7-caps-luspatercept", "Synthetic: Mississippi / Alabama Medicaid-style "
           "prior authorization criteria in capitals, run-on criteria joined by '; AND' / "
           "'; OR' without markers, denial criteria (fictional Gulf Plains Medicaid Pharmacy "
           "Program)", "caps-runon", ms_luspatercept),
    Policy("synth7-note-nintedanib", "Synthetic: coverage policy whose numbered lists carry no "
           "logic words; a trailing note states it ('Criteria 1 through 6 must all be met; "
           "for criterion 2, either 2a or 2b is enough'), a criterion split by the page break "
           "(fictional Lakes & Prairie Health Partners)", "trailing-logic-note",
           note_nintedanib),
    Policy("synth7-table-esketamine", "Synthetic: Blue Shield of California-style Policy "
           "Statement citing criteria tables, one criterion per row 'No. | Criterion | "
           "Documentation required' (fictional Pacific Vista Health Plan)",
           "criteria-documentation-table", bsc_esketamine),
    Policy("synth7-subset-efgartigimod", "Synthetic: utilization-management criteria subset "
           "outline with terse lead-ins ('All:', 'Prior treatment, One:', 'Supportive "
           "findings, Two or more:') and glyph bullets (fictional Cedar Ridge Utilization "
           "Management)", "criteria-subset", subset_efgartigimod),
    Policy("synth7-steps-pah", "Synthetic: state Medicaid PDL clinical criteria for a "
           "therapeutic class with Step 1 / Step 2 / Step 3 tiers, a Step 3 list citing Step 2 "
           "criteria by number, one renewal list for the class (fictional Cascade State "
           "Medicaid)", "pdl-step-tiers", pdl_pah),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
